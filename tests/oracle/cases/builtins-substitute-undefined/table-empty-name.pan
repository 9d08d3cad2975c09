object template table-empty-name;
'/y' = substitute('${}', dict('x', 1));
