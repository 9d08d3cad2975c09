object template join_lazy;
function boom = error('boom');
variable V = 1;
'/a' = join(V, boom());
