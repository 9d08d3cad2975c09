object template choice_value;
'/c/y' = '0x1F';
type t_5 = choice('a', 'abc', 'hello world');
bind '/c/y' = t_5;
