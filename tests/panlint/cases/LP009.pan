unique template cases/lp009;

'/a' = 1;'/b' = 2; # expect: LP009
'/c' = 3; '/d' = 4;
'/e' = 'a;b';
variable LOOPED = {
    total = 0;
    for (i = 0;i < 3; i = i + 1) { total = total + i; }; # expect: LP009
    total;
};
