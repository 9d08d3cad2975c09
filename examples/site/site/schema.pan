declaration template site/schema;

# The site's schema: what every machine profile must look like.

@documentation{
    A TCP or UDP port number.
}
type port = long(1..65535);

type network_interface = {
    @{ IPv4 address in dotted-quad form }
    "ip" : string with match(SELF, '^\d+\.\d+\.\d+\.\d+$')
    "netmask" : string = "255.255.255.0"
    "mtu" ? long(576..9000)
};

type service = {
    "name" : string
    "port" : port
    "enabled" : boolean = true
};

type machine = {
    "hostname" : string
    "domain" : string
    "fqdn" ? string
    "role" : choice("web", "database", "login")
    "interfaces" : network_interface{}
    "services" : service[]
    "memory_mb" : long(512..)
};

bind "/system" = machine;
