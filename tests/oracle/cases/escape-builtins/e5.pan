object template e5;
variable V = 1;
'/u' = escape(V);
