object template e1_fun;
function f = 1/0;
"/x" = f();
