object template double_value;
type t_1 = double(0..1);
bind '/net' = t_1;
'/net' = 123456789.125;
