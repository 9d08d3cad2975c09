object template second-statement;
'/d' = 1 + length(list(if (true) 1 else return(3)));
'/e' = to_string(return(1));
