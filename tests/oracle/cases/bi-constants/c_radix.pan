object template c_radix;
'/a' = to_long('x', '16');
