object template s14;
'other:/a' = 1;
