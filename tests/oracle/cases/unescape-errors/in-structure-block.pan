object template in-structure-block;
'/b' = create('o/st2');
