object template escape_beyond_latin1;
'/b' = escape('€');
