unique template cases/lp004;

'/a' = nlist('k', 1); # expect: LP004
'/b' = is_nlist(value('/a')); # expect: LP004
'/c' = 'nlist(in a string)';
# nlist() in a comment
'/d' = dict('k', 1);
type old_style = nlist;
# expect-old +2: LP004
'/e' = "a string \
nlist(continued)";
