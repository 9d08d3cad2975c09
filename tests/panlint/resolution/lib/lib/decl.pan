declaration template lib/decl;

type lib_port = long(0..65535);

function lib_double = ARGV[0] * 2;

variable LIB_SETTING ?= 'x';
