object template escape-list;
'/name' = escape(list());
