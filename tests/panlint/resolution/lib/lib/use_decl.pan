unique template lib/use_decl;

include 'lib/decl';

'/a' = lib_double(2);
