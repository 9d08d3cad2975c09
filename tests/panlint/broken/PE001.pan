unique template broken/pe001;

'/a' = 1;
'/b' = ); # expect: PE001
'/c' = 3 ;
