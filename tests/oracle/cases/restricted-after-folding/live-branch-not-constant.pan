object template live-branch-not-constant;
function f = ARGV[0];
'/c' = { y = 2; f(if (y == 2) 1 else return(3)) };
