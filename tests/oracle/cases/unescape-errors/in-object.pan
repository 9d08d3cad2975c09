object template in-object;
'/name' = unescape(list());
