object template s18;
'/a/{é}' = 1;
