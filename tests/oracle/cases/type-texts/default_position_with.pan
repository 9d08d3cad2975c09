object template default_position_with;
type t_2 = long = 5 with SELF > 7;
bind '/d' = t_2;
