object template included;

include 't/inc';
