object template iteration-keeps-protected-self;
'/y/k' = list(true, 1e20);
'/y/k' = { foreach (n; x; SELF) { v = 0; while (v < 5) { prepend('abc'); z[0] = n; v = v + 1 }; }; SELF };
