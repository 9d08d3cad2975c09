unique template cases/se003;

include 'lib/decl';
'/a' = lib_double(1);
'/b' = lib_tripple(1); # expect: SE003
'/c' = length('x');
