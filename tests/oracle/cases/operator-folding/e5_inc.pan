object template e5_inc;
include 'i5';
