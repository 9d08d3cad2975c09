object template constant_true_branch;
'/d' = is_dict(({ if (true) return(SELF); SELF; }));
