object template incomplete;
'/d/n' = unescape('😀_4');
