object template json_dec_null_item;
variable V = '[1, null, 2]';
'/a' = length(json_decode(V));
'/c' = length(json_decode('[1,]'));
