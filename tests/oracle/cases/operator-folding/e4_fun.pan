object template e4_fun;
function f = list(1) + 1;
"/x" = f();
