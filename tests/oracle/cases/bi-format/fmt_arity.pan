object template fmt_arity;
'/a' = format();
