object template prepended-into-itself;
'/y' = { res = list(OBJECT); res = prepend(res, res); res };
