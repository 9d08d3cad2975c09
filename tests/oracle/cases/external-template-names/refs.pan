object template refs;

# the authority of an external path: a template name as panc checks it (word characters, '+', '-'
# and '.'; no term may start with '.', none may be empty)
"/plus" = value("+foo:/b");
"/minus" = value("-foo:/b");
"/underscore" = value("_foo:/b");
"/nested_plus" = value("a/+b:/b");
"/nested_minus" = value("a/-b:/b");
"/exists_plus" = exists("+foo:/b");
