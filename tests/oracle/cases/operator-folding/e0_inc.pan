object template e0_inc;
include 'i0';
