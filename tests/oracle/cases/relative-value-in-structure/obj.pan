object template obj;
include 'functions';
"/top" = "top";
"/x" = create("struct/s");
"/y/a" = 100;
