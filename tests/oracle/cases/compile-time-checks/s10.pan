object template s10;
'' = 1;
