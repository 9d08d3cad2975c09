object template in-included;
include 'o/inc';
