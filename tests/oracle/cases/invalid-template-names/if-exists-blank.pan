object template if-exists-blank;
'/a' = if_exists('o/x y');
