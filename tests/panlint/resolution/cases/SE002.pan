unique template cases/se002;

include 'lib/shape'; # expect: SE002
'/s' = create('lib/shape');
'/t' = create('lib/decl'); # expect: SE002
