structure template struct/inner;
"own" = 3;
"outer" = value("a", "outer values are not seen");
"mine" = value("own");
