# SYNTAX TEST "source.pan" "type declarations, records, type-spec words, builtin types"
type port = long(0..65535) with SELF != 22;
# <---- keyword.other.statement.type.pan
#    ^^^^ entity.name.type.pan
#         ^ keyword.operator.assignment.pan
#           ^^^^ support.type.builtin.pan
#                          ^^^^ keyword.other.type-spec.pan
#                               ^^^^ variable.language.pan
type hostname_list = type_hostname[1..];
#                    ^^^^^^^^^^^^^ entity.name.type.pan
#                                 ^ punctuation.section.brackets.begin.pan
type color = choice('red', 'green');
#            ^^^^^^ keyword.other.type-spec.pan
#                   ^^^^^ string.quoted.single.pan
type KV_PAIR = extensible {
#              ^^^^^^^^^^ keyword.other.type-spec.pan
#                         ^ punctuation.section.braces.begin.pan
    @{additional information fields}
#   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ meta.annotation.pan
    include EXTERN
#   ^^^^^^^ keyword.other.statement.pan
    'key' : string
#   ^^^^^ meta.record.field-name.pan string.quoted.single.path.pan
#         ^ punctuation.separator.field.pan
#           ^^^^^^ support.type.builtin.pan
    "opt" ? type_ip
#   ^^^^^ meta.record.field-name.pan string.quoted.double.path.pan
#         ^ punctuation.separator.field.pan
#           ^^^^^^^ entity.name.type.pan
    'value' : string = to_string(2 + 3)
#           ^ punctuation.separator.field.pan
#             ^^^^^^ support.type.builtin.pan
#                    ^ keyword.operator.assignment.pan
#                      ^^^^^^^^^ support.function.builtin.pan
    'ports' ? port[] = list(80, 443)
#             ^^^^ entity.name.type.pan
#                 ^ punctuation.section.brackets.begin.pan
#                    ^ keyword.operator.assignment.pan
    'opts' ? string{} with length(SELF) > 0
#            ^^^^^^ support.type.builtin.pan
#                  ^ punctuation.section.braces.begin.pan
#                     ^^^^ keyword.other.type-spec.pan
#                          ^^^^^^ support.function.builtin.pan
    '{/dev/sda}' : extensible { 'size' : long(1..) }
#     ^^^^^^^^ constant.other.escaped-term.pan
#                  ^^^^^^^^^^ keyword.other.type-spec.pan
#                               ^^^^^^ meta.record.field-name.pan
#                                        ^^^^ support.type.builtin.pan
    'link' ? element*
#            ^^^^^^^ support.type.builtin.pan
#                   ^ keyword.operator.arithmetic.pan
    'any' : property
#           ^^^^^^^^ support.type.builtin.pan
};
type all = {
    'a' : boolean
#         ^^^^^^^ support.type.builtin.pan
    'b' : double
#         ^^^^^^ support.type.builtin.pan
    'c' : number
#         ^^^^^^ support.type.builtin.pan
    'd' : resource
#         ^^^^^^^^ support.type.builtin.pan
    'e' : nlist
#         ^^^^^ support.type.builtin.pan
    'f' : dict
#         ^^^^ support.type.builtin.pan
    'g' : list
#         ^^^^ support.type.builtin.pan
    'h' : long
#         ^^^^ support.type.builtin.pan
};
variable OK = is_valid(port, 8080);
#             ^^^^^^^^ support.function.builtin.pan
#                      ^^^^ entity.name.type.pan
variable OK2 = is_valid(long, 1);
#                       ^^^^ support.type.builtin.pan
bind '/' = nlist;
#          ^^^^^ support.type.builtin.pan
bind '/x' = extensible { 'a' ? long } = dict() with true;
#           ^^^^^^^^^^ keyword.other.type-spec.pan
#                                              ^^^^ keyword.other.type-spec.pan
