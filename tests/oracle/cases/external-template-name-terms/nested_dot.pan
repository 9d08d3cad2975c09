object template nested_dot;

"/a" = value("a/.b:/b");
