object template nested-single-block;
'/a' = { { z = 1; foreach (k; v; z) { 1 } } };
