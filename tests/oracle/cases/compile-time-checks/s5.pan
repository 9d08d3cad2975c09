object template s5;
variable ARGV = 1;
