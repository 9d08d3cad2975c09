object template table-blank-name;
'/y' = substitute('${ a }', dict('a', 1));
