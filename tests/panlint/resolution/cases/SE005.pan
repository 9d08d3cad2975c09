unique template cases/se005;

include 'lib/decl';
'/a' = LIB_SETTING;
'/b' = LIB_SETTINGS; # expect: SE005
'/c' = { total = 1; total; };
'/d' = SELF;
