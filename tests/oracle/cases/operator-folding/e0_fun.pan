object template e0_fun;
function f = "a" - 1;
"/x" = f();
