object template m1;
include 'a';
