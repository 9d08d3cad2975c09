object template e2_var;
variable X = - "a";
"/x" = X;
