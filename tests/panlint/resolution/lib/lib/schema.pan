declaration template lib/schema;

type lib_service = {
    'port' : long(1..65535)
    'name' : string
    'tags' ? string[]
};

bind '/lib/service' = lib_service;
bind '/lib/flag' = boolean;
