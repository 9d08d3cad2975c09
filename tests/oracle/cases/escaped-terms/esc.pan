object template esc;
'/a/{b/c}/{é}' = 1;
'/e' = escape('é');
'/d' = dict('{é}', 2);
'/x' = { x = dict(); x['{é}'] = 3; x; };
'/v' = value('/a/{b/c}/{é}');
'/u' = unescape('_e9_31');
bind '/a/{b/c}/{é}' = long;
