object template default_position_type;
type t_1 = string = 'dflt';
bind '/y' = t_1;
'/y' = list();
