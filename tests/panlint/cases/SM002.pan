unique template cases/sm002;

function early = {
    return(1);
    ARGV[0]; # expect: SM002
};
function fine = {
    if (ARGC > 0) return(ARGV[0]);
    0;
};
