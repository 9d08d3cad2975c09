object template obj3;
"/y/a" = 100;
variable X = "a";
"/z" = path_exists(X);
