object template table-digit-name;
# with a dict, any name is looked up as a key: never an invalid variable
'/y' = substitute('${0}', dict('a', 1));
