# SYNTAX TEST "source.pan" "single- and double-quoted strings with escapes"
variable S = 'it''s';
#            ^^^^^^^ string.quoted.single.pan
#            ^ punctuation.definition.string.begin.pan
#               ^^ constant.character.escape.pan
#                  ^ punctuation.definition.string.end.pan
#                   ^ punctuation.terminator.statement.pan - string
variable R = '^[\w-.]+$\n';
#               ^^ string.quoted.single.pan - constant.character.escape
#                      ^^ string.quoted.single.pan - constant.character.escape
variable D = "tab\there\n\r\b\f\\ quote\" hex\x41 end";
#            ^ string.quoted.double.pan punctuation.definition.string.begin.pan
#                ^^ constant.character.escape.pan
#                      ^^ constant.character.escape.pan
#                        ^^ constant.character.escape.pan
#                          ^^ constant.character.escape.pan
#                            ^^ constant.character.escape.pan
#                              ^^ constant.character.escape.pan
#                                      ^^ constant.character.escape.pan
#                                            ^^^^ constant.character.escape.pan
#                                                    ^ punctuation.definition.string.end.pan
variable BAD = "\u0041 \' \0 \xZZ \x4";
#               ^^ invalid.illegal.unknown-escape.pan
#                  ^^^^ string.quoted.double.pan - invalid
#                      ^^ invalid.illegal.unknown-escape.pan
#                         ^^ invalid.illegal.unknown-escape.pan
#                            ^^ invalid.illegal.unknown-escape.pan
#                              ^^ - invalid
#                                 ^^ invalid.illegal.unknown-escape.pan
variable C = "first line \
#            ^^^^^^^^^^^^^ string.quoted.double.pan
#                        ^ constant.character.escape.line-continuation.pan
second line";
# <----------- string.quoted.double.pan
#          ^ punctuation.definition.string.end.pan
#           ^ punctuation.terminator.statement.pan - string
variable E = '';
#            ^^ string.quoted.single.pan
#              ^ - string
variable Q = "a 'single' # inside";
#                        ^^^^^^^^ string.quoted.double.pan - comment
variable U = 'unterminated
#            ^^^^^^^^^^^^^ string.quoted.single.pan
variable AFTER = 1;
# <-------- keyword.other.statement.variable.pan - string
