object template deref-relative;
'/r' = create('struct');
