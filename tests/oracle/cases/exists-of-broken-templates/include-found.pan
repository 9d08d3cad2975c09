object template include-found;

# if_exists() says the broken template exists; including it then fails with its error.
include if_exists('broken/syntax');
'/k' = UNDEFINED_GLOBAL;
