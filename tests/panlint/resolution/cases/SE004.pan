declaration template cases/se004;

include 'lib/decl';
type ok_port = lib_port;
type bad_port = lib_prot; # expect: SE004
type local_use = ok_port;
