object template dead-branch-own-argument;
'/c' = length(list(if (false) length(list(return(2)))));
