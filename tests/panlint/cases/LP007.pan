unique template cases/lp007;

'/a' = list(1,2); # expect: LP007
'/b' = list(1,  2); # expect: LP007
'/c' = list(1, 2);
'/d' = list(1 , 2);
'/e' = list(
    1,
    2,
);
'/f' = 'a,b,c';
'/g' = list(1,); # expect: LP007
# expect-old +2: LP007
'/h' = "a string \
continued,like this";
