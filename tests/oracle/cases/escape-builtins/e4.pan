object template e4;
variable V = 'a€b';
'/u' = escape(V);
