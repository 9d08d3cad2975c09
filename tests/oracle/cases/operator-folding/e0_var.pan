object template e0_var;
variable X = "a" - 1;
"/x" = X;
