object template e4_inc;
include 'i4';
