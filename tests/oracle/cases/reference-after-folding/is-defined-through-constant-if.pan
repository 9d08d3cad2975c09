object template is-defined-through-constant-if;
'/a' = { x = dict('a', 1); is_defined(if (true) x['b']) };
