@{ A compile-time syntax error: the template exists for exists() and if_exists(). }
template broken/syntax;

'/a/01' = 1;
