object template o3;
variable G = list(1); "/a" = { G[0] = 2; G; };
