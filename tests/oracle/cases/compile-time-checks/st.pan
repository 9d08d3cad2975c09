structure template st;
'a' = 1;
function f = 1;
type t = long;
'/abs' = 1;
