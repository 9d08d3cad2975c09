# SYNTAX TEST "source.pan" "path strings in statement position, escaped terms, prefix and bind"
'/software/components/x/active' = true;
# <- string.quoted.single.path.pan punctuation.definition.string.begin.pan
#^ punctuation.separator.path.pan
# ^^^^^^^^ string.quoted.single.path.pan
#         ^ punctuation.separator.path.pan
#                               ^ keyword.operator.assignment.pan - string
final '/system/network/hostname' ?= 'node01';
# <----- storage.modifier.final.pan
#     ^^^^^^^^^^^^^^^^^^^^^^^^^^ string.quoted.single.path.pan
#                                ^^ keyword.operator.assignment.conditional.pan
#                                   ^^^^^^^^ string.quoted.single.pan - string.quoted.single.path.pan
"/software/components/metaconfig/services/{/etc/ssh/sshd_config}/module" = "tiny";
# <- string.quoted.double.path.pan
#                                         ^ punctuation.definition.escaped-term.begin.pan
#                                          ^^^^^^^^^^^^^^^^^^^^ meta.path.escaped-term.pan constant.other.escaped-term.pan - punctuation.separator.path.pan
#                                                              ^ punctuation.definition.escaped-term.end.pan
#                                                               ^ punctuation.separator.path.pan
'/a/{b/c}/d' = 1;
#   ^ punctuation.definition.escaped-term.begin.pan
#    ^^^ constant.other.escaped-term.pan
'relative/path' = 2;
# <- string.quoted.single.path.pan
#        ^ punctuation.separator.path.pan
prefix '/software/components/sysconfig';
# <------ keyword.other.statement.prefix.pan
#      ^ string.quoted.single.path.pan punctuation.definition.string.begin.pan
#       ^ punctuation.separator.path.pan
#                                      ^ punctuation.terminator.statement.pan
prefix "/software/components/metaconfig/services/{/etc/sysconfig/shorewall}";
#      ^ string.quoted.double.path.pan
#                                                 ^^^^^^^^^^^^^^^^^^^^^^^^ constant.other.escaped-term.pan
bind '/software/components/sysconfig' = component_sysconfig;
# <---- keyword.other.statement.bind.pan
#    ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ string.quoted.single.path.pan
#                                     ^ keyword.operator.assignment.pan
#                                       ^^^^^^^^^^^^^^^^^^^ entity.name.type.pan
bind '/hardware/cards/nic/${NIC}/mtu' = long(1280..9000);
#                         ^^ punctuation.definition.interpolation.begin.pan
#                           ^^^ variable.other.global.pan
#                              ^ punctuation.definition.interpolation.end.pan
#                                       ^^^^ support.type.builtin.pan
#                                           ^ punctuation.section.parens.begin.pan
bind '/escaped/$${NOT}' = string;
#              ^^^ constant.character.escape.dollar.pan
valid '/system/kernel/version' = match(SELF, '^[0-9]');
# <----- keyword.other.statement.valid.pan
#     ^^^^^^^^^^^^^^^^^^^^^^^^ string.quoted.single.path.pan
#                              ^ keyword.operator.assignment.pan
#                                ^^^^^ support.function.builtin.pan
#                                            ^^^^^^^^ string.quoted.single.pan - string.quoted.single.path.pan
'/x' = value('/system/network/hostname');
#            ^^^^^^^^^^^^^^^^^^^^^^^^^^ string.quoted.single.pan - string.quoted.single.path.pan
'/cmp' = if ('a' == x) 1 else 2;
#            ^^^ string.quoted.single.pan - string.quoted.single.path.pan
'/y' = {
    t = 'k';
#       ^^^ string.quoted.single.pan - string.quoted.single.path.pan
    SELF['key'] = t;
#        ^^^^^ string.quoted.single.pan - string.quoted.single.path.pan
};
