unique template site/base;

include 'site/schema';
include 'site/functions';

variable DOMAIN ?= "example.org";

"/system/domain" = DOMAIN;
"/system/services" = list(service("sshd", 22));
"/system/interfaces/eth0/netmask" ?= "255.255.255.0";
