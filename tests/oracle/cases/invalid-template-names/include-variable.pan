object template include-variable;
variable X = 'o/x y';
include X;
