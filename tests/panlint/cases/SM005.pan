unique template cases/sm005;

function count_items = {
    unused = 0; # expect: SM005
    total = 0;
    foreach (key; item; ARGV[0]) {
        total = total + 1;
        item['seen'] = true;
    };
    total;
};
'/a' = {
    SELF['x'] = 1;
    parts = list(); # expect: SM005
    parts[0] = 'a';
    'b';
};
'/b' = {
    copy = value('/a'); # expect: SM005
    result = dict();
    result['k'] = 1;
    result;
};
