unique template cases/lp007;

'/a' = list(1,2); # expect: LP007
'/b' = list(1 , 2); # expect: LP007
'/c' = list(1, 2);
'/d' = list(
    1,
    2,
);
'/e' = 'a,b,c';
'/f' = list(1,);
