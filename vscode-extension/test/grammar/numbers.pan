# SYNTAX TEST "source.pan" "long and double literals"
'/n' = list(0, 7, 42, 0755, 0x1F, 0XaB, 1.5, 3.14e10, 1e-8, 2E+3, 0.25, 08, 019);
#           ^ constant.numeric.octal.pan
#              ^ constant.numeric.decimal.pan
#                 ^^ constant.numeric.decimal.pan
#                     ^^^^ constant.numeric.octal.pan
#                           ^^^^ constant.numeric.hex.pan
#                                 ^^^^ constant.numeric.hex.pan
#                                       ^^^ constant.numeric.float.pan
#                                            ^^^^^^^ constant.numeric.float.pan
#                                                     ^^^^ constant.numeric.float.pan
#                                                           ^^^^ constant.numeric.float.pan
#                                                                 ^^^^ constant.numeric.float.pan
#                                                                       ^^ invalid.illegal.numeric.octal.pan
#                                                                           ^^^ invalid.illegal.numeric.octal.pan
type port = long(0..65535);
#                ^ constant.numeric.octal.pan
#                 ^^ keyword.operator.range.pan
#                   ^^^^^ constant.numeric.decimal.pan
type small = long(-10..10);
#                 ^ keyword.operator.arithmetic.pan
#                  ^^ constant.numeric.decimal.pan
#                    ^^ keyword.operator.range.pan
#                      ^^ constant.numeric.decimal.pan
type opt = string(1..);
#                 ^ constant.numeric.decimal.pan
#                  ^^ keyword.operator.range.pan
'/x1' = x1 + 2;
#       ^^ variable.other.pan - constant
