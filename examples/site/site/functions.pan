declaration template site/functions;

@{
    Returns the fully qualified domain name of a host.
    @param hostname short host name
    @param domain DNS domain
}
function fqdn = {
    if (ARGC != 2) error("fqdn requires 2 arguments, got %d", ARGC);
    ARGV[0] + "." + ARGV[1];
};

@{ Builds a service record for a named service on a port. }
function service = dict("name", ARGV[0], "port", ARGV[1]);
