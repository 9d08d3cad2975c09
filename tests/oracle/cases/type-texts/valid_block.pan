object template valid_block;
# 
valid '/d' = length(SELF) >= 10;
'/d' = 'abc';
