# SYNTAX TEST "source.pan" "template declarations, statements, control flow, constants, automatic variables"
object template site/nodes/node01.example.org;
# <------ storage.modifier.template-kind.pan
#      ^^^^^^^^ storage.type.template.pan
#               ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ entity.name.namespace.template.pan
#                                            ^ punctuation.terminator.statement.pan
structure template struct/disk;
# <--------- storage.modifier.template-kind.pan
unique template machine-types/x86_64+gpu;
# <------ storage.modifier.template-kind.pan
#               ^^^^^^^^^^^^^^^^^^^^^^^^ entity.name.namespace.template.pan
declaration template quattor/schema;
# <----------- storage.modifier.template-kind.pan
#           ^^^^^^^^ storage.type.template.pan
template plain;
# <-------- storage.type.template.pan
#        ^^^^^ entity.name.namespace.template.pan
include 'quattor/types/component';
# <------- keyword.other.statement.pan
#       ^^^^^^^^^^^^^^^^^^^^^^^^^ string.quoted.single.pan
include if_exists('site/config');
# <------- keyword.other.statement.pan
#       ^^^^^^^^^ support.function.builtin.pan
final variable OS_VERSION ?= 'el9';
# <----- storage.modifier.final.pan
#     ^^^^^^^^ keyword.other.statement.variable.pan
#              ^^^^^^^^^^ variable.other.global.pan
#                         ^^ keyword.operator.assignment.conditional.pan
function add_one = ARGV[0] + 1;
# <-------- keyword.other.statement.function.pan
#        ^^^^^^^ entity.name.function.pan
#                  ^^^^ variable.language.pan
variable V = {
  x = 0;
  for (i = 0; i < ARGC; i = i + 1) { x = x + i; };
# ^^^ keyword.control.pan
#                 ^^^^ variable.language.pan
  while (x > 10) x = x - 1;
# ^^^^^ keyword.control.pan
  foreach (k; v; SELF) { debug(k); };
# ^^^^^^^ keyword.control.pan
#                ^^^^ variable.language.pan
#                        ^^^^^ support.function.builtin.pan
  if (is_defined(x)) { return(x); } else { undef; };
# ^^ keyword.control.pan
#     ^^^^^^^^^^ support.function.builtin.pan
#                      ^^^^^^ support.function.builtin.pan
#                                   ^^^^ keyword.control.pan
#                                          ^^^^^ constant.language.undef.pan
};
'/flags' = list(true, false, null, OBJECT, TEMPLATE, FUNCTION, LOADPATH);
#               ^^^^ constant.language.boolean.pan
#                     ^^^^^ constant.language.boolean.pan
#                            ^^^^ constant.language.null.pan
#                                  ^^^^^^ variable.language.pan
#                                          ^^^^^^^^ variable.language.pan
#                                                    ^^^^^^^^ variable.language.pan
#                                                              ^^^^^^^^ variable.language.pan
variable IFFY = my_function(1);
#               ^^^^^^^^^^^ entity.name.function.call.pan
variable ifx = forx + if_x + TRUE;
#        ^^^ variable.other.global.pan - keyword
#              ^^^^ variable.other.pan - keyword
#                     ^^^^ variable.other.pan - keyword
#                            ^^^^ variable.other.pan - constant
