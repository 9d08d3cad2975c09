object template s1;
prefix 'a'; 'b' = 1;
