object template dead-then;
'/c' = length(list(if (false) return(2)));
