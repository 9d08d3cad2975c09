object template obj4;
"/y/a" = 100;
"/z" = path_exists("a");
