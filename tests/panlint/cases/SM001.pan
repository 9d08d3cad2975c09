unique template cases/sm001;

'/a' = dict('a', 1, 'b', 2, 'a', 3); # expect: SM001
'/b' = dict('a', 1, 'b', 2);
'/c' = dict('a', 'b', 'b', 'a');
