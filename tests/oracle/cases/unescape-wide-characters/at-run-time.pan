object template at-run-time;
'/d/k' = { x = '😀_41'; unescape(x) };
