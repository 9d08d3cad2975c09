object template lower_ok;
variable V = 'AbÇ İ ß';
'/a' = to_lowercase(V);
'/b' = to_uppercase(V);
