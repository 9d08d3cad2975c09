object template u10;
variable S = "s";
'/a' = - (-1);
