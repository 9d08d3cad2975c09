object template e2_inc;
include 'i2';
