object template e3_var;
variable X = length(1);
"/x" = X;
