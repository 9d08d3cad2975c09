object template d4;
'/m' = 'old';
'/a' = { m = value('/m'); deprecated(0, m); };
