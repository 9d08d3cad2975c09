object template triple-parentheses-if;
'/y' = 1 + (((if (true) { x = append(LOADPATH, 1); 1 } else 2)));
