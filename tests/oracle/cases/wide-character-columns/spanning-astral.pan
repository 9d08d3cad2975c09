object template spanning-astral;
'/a' = "😀" + match("😀", 'a{2');
