object template s8;
'/a' = length(return(1));
