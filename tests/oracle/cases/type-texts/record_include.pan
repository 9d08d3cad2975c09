object template record_include;
type sub = { 'q' : long };
bind '/v1' = extensible { include sub 'name' : string 'port' ? long(1..65535) = 5 'z' : long[] } (1..3);
'/v1' = dict('a', 'UPPER lower', 'a-b', false);
