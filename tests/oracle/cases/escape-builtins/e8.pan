object template e8;
variable V = 'a';
'/u' = escape(1);
