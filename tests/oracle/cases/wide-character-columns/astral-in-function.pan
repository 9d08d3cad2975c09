object template astral-in-function;
function f = { "😀" + undefined_var };
'/a' = f("😀");
