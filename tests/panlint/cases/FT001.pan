unique template features/example/config;

variable EXAMPLE_DEFAULT ?= 'on';
'/a' = EXAMPLE_DEFAULT;
'/b' = SITE_SETTING; # expect: FT001
'/c' = if (is_defined(OPTIONAL_SETTING)) 'yes' else 'no';
'/d' = { local = 1; local; };
