object template e1_inc;
include 'i1';
