unique template cases/se007;

include 'lib/schema';
'/lib/service/port' = 'http'; # expect: SE007
'/lib/service/port' = 80;
'/lib/service/tags' = 'one'; # expect: SE007
'/lib/service/tags' = list('one');
'/lib/flag' = 1; # expect: SE007
'/lib/flag' = true;
'/lib/service/name' = null;
'/lib/unbound/value' = 1;
'/lib/service' = dict('name', 'x', 'port', 1);
'/lib/service' = 'text'; # expect: SE007
