template o/inc;
'/name' = unescape(list());
