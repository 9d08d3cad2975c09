unique template cases/lp011;

variable ABC = 1; # expect: LP011
variable ABCD ?= 2; # expect: LP011
variable ABCDE = 3;
final variable LONGER_NAME = 4;
