object template s4;
variable OBJECT = 1;
