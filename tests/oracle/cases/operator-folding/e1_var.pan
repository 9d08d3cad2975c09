object template e1_var;
variable X = 1/0;
"/x" = X;
