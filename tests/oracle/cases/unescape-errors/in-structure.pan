object template in-structure;
'/b' = create('o/st');
