object template u32;
variable S = "s";
variable L = list(1);
'/a' = true || S;
