unique template cases/se001;

include 'lib/decl';
include 'lib/missing'; # expect: SE001
'/x' = if_exists('lib/absent');
