object template e4_var;
variable X = list(1) + 1;
"/x" = X;
