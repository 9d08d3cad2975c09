object template e2_fun;
function f = - "a";
"/x" = f();
