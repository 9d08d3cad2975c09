object template assigned-block;

# A local variable cannot be set to a bare block: panc's parse error.
'/a' = { x = { 1 }; x };
