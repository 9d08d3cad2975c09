object template obj2;
"/y/a" = 100;
prefix "/y";
"z" = value("a");
