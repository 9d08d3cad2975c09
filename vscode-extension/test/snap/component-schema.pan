# Schema of a fictional "motd" component, written in the style of template-library-core.

@maintainer{
    name = Jane Manager
    email = jane.manager@example.org
}
@{
    Types and functions for the motd component.
}
declaration template components/motd/schema;

include 'quattor/types/component';
include 'pan/types';

@documentation{
    one line of the message of the day
}
type motd_line = string(1..80) with !match(SELF, '[\x00-\x1f]');

type motd_colour = choice('none', 'red', 'green');

@documentation{
    desc = where a fragment of the message comes from
    arg = the fragment
}
type motd_fragment = extensible {
    @{fragment text}
    'text' : motd_line
    'colour' ? motd_colour = 'none'
    'order' : long(0..99) = 50
    'hosts' ? type_fqdn[]
    "{/etc/motd.d}" ? string{}
};

type component_motd = {
    include structure_component
    'fragments' : motd_fragment{} = dict()
    'footer' ? string with length(SELF) < 1024
};

function motd_join = {
    if (ARGC != 1 || !is_dict(ARGV[0])) {
        error(format("%s: expects one dict, got %d arguments", FUNCTION, ARGC));
    };
    result = '';
    foreach (name; fragment; ARGV[0]) {
        result = result + fragment['text'] + "\n";
    };
    return(result);
};

bind '/software/components/motd' = component_motd;
valid '/software/components/motd/footer' = length(SELF) > 0;
