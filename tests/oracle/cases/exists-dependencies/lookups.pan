object template lookups;
'/a' = exists('lib/once');
'/b' = if_exists('lib/st');
'/c' = exists('lib/nope');
'/d' = is_defined(if_exists('lib/nope2'));
