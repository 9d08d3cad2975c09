object template s31;
include 'dc';
