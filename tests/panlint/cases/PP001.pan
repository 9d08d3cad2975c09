unique template cases/pp001;

'/system/network/' = dict(); # expect: PP001
"/system/other/" ?= dict(); # expect: PP001
'/system/fine' = dict();
prefix '/software/'; # expect: PP001
'value' = 'a/';
'/system/dirs' = list(
    '/etc/dir/', # expect-old: PP001
);
