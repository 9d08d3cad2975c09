object template replace_lazy;
function boom = error('boom');
variable V = 1;
'/a' = replace(V, boom(), 'x');
