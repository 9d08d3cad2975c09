object template double-parentheses-in-block;
'/y' = { x = (({ append(LOADPATH, 1); 1 })); x };
