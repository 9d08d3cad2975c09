object template +foo;

"/b" = "+foo";
