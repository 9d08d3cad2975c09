object template e2;
variable V = '_41_42';
'/u' = unescape(V);
