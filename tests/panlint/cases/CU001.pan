unique template cases/cu001;

include 'components/good/config';
'/software/components/good/active' = true;
'/software/components/missing/active' = true; # expect: CU001
'/software/components/missing/other' = false; # expect: CU001
'/software/components/other/active' = true; # expect: CU001
'/software/packages' = dict();
