object template bmp-only;
'/a' = 'é' + undefined_var;
