object template s17;
'bad name:/a' = 1;
