object template match_flags;
variable V = 'Ärger über';
'/a' = match(V, 'ärger', 'iu');
'/b' = match(V, 'ärger', 'i');
'/c' = matches(V, '(?x) (\w+) \s (\S+)');
'/d' = split('\s+', '  a b  ');
'/e' = replace('(\w)(\w*)', '$2$1', 'hello world');
