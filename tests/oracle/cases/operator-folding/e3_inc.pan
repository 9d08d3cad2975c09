object template e3_inc;
include 'i3';
