object template double_largest;
'/d/data/_u' = 1.7976931348623157E308;
bind '/d/data/_u' = double(0..1);
