object template e3;
variable V = "\x80\xa4\xee";
'/u' = escape(V);
