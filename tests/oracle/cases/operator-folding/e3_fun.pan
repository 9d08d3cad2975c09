object template e3_fun;
function f = length(1);
"/x" = f();
