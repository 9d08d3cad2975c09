object template dead-else-of-folded-not;
'/a' = length(list(if (!(!true)) 1 else return(2)));
