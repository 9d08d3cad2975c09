object template empty_term;

"/a" = value("a//b:/b");
