object template e5_fun;
function f = deprecated(0, "dep");
"/x" = f();
