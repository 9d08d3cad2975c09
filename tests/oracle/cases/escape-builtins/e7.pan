object template e7;
variable V = 'a';
'/u' = unescape('a_zz');
