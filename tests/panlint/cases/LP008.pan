unique template cases/lp008;

'/a' = 1 ; # expect: LP008
'/b' = 2;
'/c' = 'a ;';
variable LOOPED = {
    total = 0;
    for (i = 0; i < 3; i = i + 1) { total = total + i; };
    total;
};
