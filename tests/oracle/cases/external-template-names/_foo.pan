object template _foo;

"/b" = "_foo";
