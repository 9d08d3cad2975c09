object template profiles/db01;

variable DOMAIN = "db.example.org";

include 'site/base';
include 'machines/database';

"/system/hostname" = "db01";
"/system/interfaces/eth0/ip" = "192.0.2.20";
"/system/interfaces/eth1" = dict("ip", "198.51.100.20", "mtu", 9000);
