object template s20;
'a' = 1;
