object template obj;
include 'inc';
