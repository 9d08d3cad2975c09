object template after-astral;
'/s' = { i = "😀" + "😀"; if (i == 'x') { v = 1 }; v };
