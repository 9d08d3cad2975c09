object template u8;
variable S = "s";
variable L = list(1);
'/a' = !1;
