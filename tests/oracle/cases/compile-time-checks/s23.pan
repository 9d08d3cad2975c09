object template s23;
'/a' = f(return(1));
