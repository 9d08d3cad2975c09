object template substr_lazy;
function boom = error('boom');
variable V = 1;
'/a' = substr(V, boom());
