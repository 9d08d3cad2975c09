object template obj;
"/x" = substitute("a ${UNDEFINED_X} b");
