object template function-argument-parenthesized;
'/a' = length(({ z = 1; foreach (k; v; z) { 1 } }));
