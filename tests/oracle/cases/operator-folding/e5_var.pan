object template e5_var;
variable X = deprecated(0, "dep");
"/x" = X;
