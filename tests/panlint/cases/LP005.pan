unique template cases/lp005;

include {'cases/other'}; # expect: LP005
include { 'cases/' + 'other' }; # expect: LP005
include { if (true) 'cases/other' else 'cases/another' }; # expect: LP005
include 'cases/other';
'/a' = 'include {"x"};';
