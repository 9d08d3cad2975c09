object template d2;
variable M = 'old';
'/a' = deprecated(0, M);
