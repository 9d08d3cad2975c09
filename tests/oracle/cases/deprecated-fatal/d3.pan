object template d3;
'/a' = { x = 1; deprecated(0, 'old'); x; };
