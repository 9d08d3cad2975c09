unique template cases/lp005;

include {'cases/other'}; # expect: LP005
include { 'cases/' + 'other' }; # expect: LP005
include 'cases/other';
include { if (true) 'cases/other' else 'cases/another' };
'/a' = 'include {"x"};';
