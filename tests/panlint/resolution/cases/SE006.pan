declaration template cases/se006;

function lib_double = ARGV[0] * 2;
function never_called = 1; # expect: SE006
