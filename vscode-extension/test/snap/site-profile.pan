# An object template in the style of a site's profiles.
object template profile/node01.example.org;

variable OS_VERSION ?= 'el9';
final variable SITE_NAME = "Example \"lab\"";
variable MOTD_BANNER = <<EOT;
Welcome to node01 (${SITE_NAME})
# this line belongs to the heredoc
EOT

include 'site/config';
include if_exists('site/os/' + OS_VERSION);

prefix '/system/network';
'hostname' = 'node01';
'domainname' = 'example.org';
'interfaces/eth0/ip' = '192.0.2.10';

prefix '';
'/software/components/motd/active' = true;
'/software/components/motd/fragments/{welcome.txt}' = dict(
    'text', MOTD_BANNER,
    'order', 010,
    'colour', 'green',
);
"/software/components/metaconfig/services/{/etc/motd}/contents" = value('/software/components/motd');
'/hardware/cards/nic' = {
    nics = list();
    for (i = 0; i < 2; i = i + 1) {
        nics[i] = dict('hwaddr', format('52:54:00:00:00:%02x', i), 'mtu', 0x5DC, 'speed', 1.0e3);
    };
    nics;
};
'/system/kernel/version' ?= if (OS_VERSION == 'el9') '5.14.0' else undef;
'/software/packages' = append(SELF, dict('name', 'motd', 'version', '1.2-3'));
'/system/filesystems' = null;
