object template double-parentheses-operand;
'/y' = !(({ x = append(LOADPATH, 1); true }));
