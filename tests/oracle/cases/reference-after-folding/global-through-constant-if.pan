object template global-through-constant-if;
variable G2 = list(1);
final variable G1 = { k = prepend(if ((false || true)) G2 else list('x'), 2.25); k };
