object template function-argument-block;
'/a' = length({ z = 1; foreach (k; v; z) { 1 } });
