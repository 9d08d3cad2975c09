object template e6;
variable V = 'a_2';
'/u' = unescape(V);
