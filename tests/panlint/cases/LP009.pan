unique template cases/lp009;

'/a' = 1;'/b' = 2; # a quote right after is taken for part of the string
variable FIRST = 1;variable SECOND = 2; # expect: LP009
'/c' = 3; '/d' = 4;
'/e' = 5;  '/f' = 6; # expect: LP009
'/g' = 'a;b';
variable LOOPED = {
    total = 0;
    for (i = 0;i < 3; i = i + 1) { total = total + i; }; # expect: LP009
    total;
};
