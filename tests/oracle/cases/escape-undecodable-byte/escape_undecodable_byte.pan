object template escape_undecodable_byte;
# a Latin-1 file: the byte 0xff is no UTF-8
'/a/{ÿ}' = 1;
