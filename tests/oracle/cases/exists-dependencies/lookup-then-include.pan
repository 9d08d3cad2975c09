object template lookup-then-include;
'/a' = exists('lib/once');
include 'lib/once';
