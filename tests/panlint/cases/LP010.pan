unique template cases/lp010;

variable lower_case = 1; # expect: LP010
variable Mixed_Case = 2; # expect: LP010
variable UPPER_CASE = 3;
variable x_GLOBAL = 4; # expect-preview: LP010
variable GLOBALx = 5; # expect-preview: LP010
'/a' = { local_var = 1; local_var; };
