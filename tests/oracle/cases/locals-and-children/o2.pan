object template o2;
variable G = 1; "/a" = { G = 2; G; };
