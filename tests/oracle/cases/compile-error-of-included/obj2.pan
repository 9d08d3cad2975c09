object template obj2;
include 'inc2';
