object template u18;
variable S = "s";
variable L = list(1);
prefix 'other:/a'; 'b' = 1;
