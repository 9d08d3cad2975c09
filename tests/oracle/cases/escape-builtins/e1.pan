object template e1;
variable V = 'a_zz_4';
'/u' = unescape(V);
