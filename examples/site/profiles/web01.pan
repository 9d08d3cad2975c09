object template profiles/web01;

include 'site/base';
include 'machines/web';

"/system/hostname" = "web01";
"/system/interfaces/eth0/ip" = "192.0.2.10";
"/system/fqdn" = fqdn(value("/system/hostname"), DOMAIN);
