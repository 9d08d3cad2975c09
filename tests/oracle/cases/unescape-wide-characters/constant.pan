object template constant;
'/d/k' = unescape('😀');
'/d/l' = unescape('a_41😀b');
'/d/m' = length(unescape('😀'));
