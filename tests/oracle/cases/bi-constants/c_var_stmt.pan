object template c_var_stmt;
variable X = splice('abc', 9, 0);
'/a' = X;
