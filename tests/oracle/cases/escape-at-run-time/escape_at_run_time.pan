object template escape_at_run_time;
variable X = 'x';
'/d' = escape(X + '€');
