object template return-in-argument;
'/c' = to_string(return(1));
