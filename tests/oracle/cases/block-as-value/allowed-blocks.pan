object template allowed-blocks;

# A block in parentheses, as an argument, as a branch or a statement is fine.
'/a' = { x = ({ 1 }); y = list({ 2 }); z = if (x == 1) { 3 } else { 4 }; { 5 }; list(x, y, z) };
'/b' = { x = y = 6; x + y };
