object template innermost-first;
'/c' = to_string(return(error('x')));
