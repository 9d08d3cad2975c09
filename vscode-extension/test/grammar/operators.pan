# SYNTAX TEST "source.pan" "operators and punctuation"
'/ops' = {
  a = 1 + 2 - 3 * 4 / 5 % 6;
#   ^ keyword.operator.assignment.pan
#       ^ keyword.operator.arithmetic.pan
#           ^ keyword.operator.arithmetic.pan
#               ^ keyword.operator.arithmetic.pan
#                   ^ keyword.operator.arithmetic.pan
#                       ^ keyword.operator.arithmetic.pan
#                          ^ punctuation.terminator.statement.pan
  b = a == 1 || a != 2 && !(a <= 3) && a >= 4 && a < 5 && a > 6;
#       ^^ keyword.operator.comparison.pan
#            ^^ keyword.operator.logical.pan
#                 ^^ keyword.operator.comparison.pan
#                      ^^ keyword.operator.logical.pan
#                         ^ keyword.operator.logical.pan
#                          ^ punctuation.section.parens.begin.pan
#                             ^^ keyword.operator.comparison.pan
#                                 ^ punctuation.section.parens.end.pan
#                                        ^^ keyword.operator.comparison.pan
#                                                  ^ keyword.operator.comparison.pan
#                                                           ^ keyword.operator.comparison.pan
  c = (a & 1) | (a ^ 2) | ~a;
#        ^ keyword.operator.bitwise.pan
#             ^ keyword.operator.bitwise.pan
#                  ^ keyword.operator.bitwise.pan
#                         ^ keyword.operator.bitwise.pan
  d = dict('k', list(1, 2,), 'm', c[0]);
#             ^ punctuation.separator.comma.pan
#                                  ^ punctuation.section.brackets.begin.pan
#                                    ^ punctuation.section.brackets.end.pan
};
# <- punctuation.section.braces.end.pan
