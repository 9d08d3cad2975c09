object template constant_false_branch;
'/d' = is_dict(({ if (false) return(SELF); SELF; }));
'/e' = length(if (true) 'a' else error('x'));
