# SYNTAX TEST "source.pan" "comments and annotations"
# a full-line comment
# <- comment.line.number-sign.pan punctuation.definition.comment.pan
# ^^^^^^^^^^^^^^^^^^^^^ comment.line.number-sign.pan
'/a' = 1; # trailing comment with 'quotes' and <<EOT
#         ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ comment.line.number-sign.pan
#         ^ punctuation.definition.comment.pan
'/b' = 'no # comment here';
#      ^^^^^^^^^^^^^^^^^^^ string.quoted.single.pan - comment
@documentation{
# <- meta.annotation.pan punctuation.definition.annotation.pan
#^^^^^^^^^^^^^ meta.annotation.pan storage.type.annotation.pan
#             ^ punctuation.definition.annotation.begin.pan
    desc = simple addition of two numbers
#   ^^^^ meta.annotation.pan comment.block.documentation.annotation.pan variable.other.property.annotation.pan
#        ^ keyword.operator.assignment.annotation.pan
#          ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ string.unquoted.annotation.pan
    arg = 'quoted value'
#   ^^^ variable.other.property.annotation.pan
#         ^^^^^^^^^^^^^^ string.quoted.single.annotation.pan
    note = "double quoted"
#          ^^^^^^^^^^^^^^^ string.quoted.double.annotation.pan
    Free text with C<< man ntp >> is not a heredoc
#   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ comment.block.documentation.annotation.pan - string.unquoted.heredoc.pan keyword.operator
}
# <- meta.annotation.pan punctuation.definition.annotation.end.pan
@{ anonymous annotation }
# <- punctuation.definition.annotation.pan
#^ punctuation.definition.annotation.begin.pan
# ^^^^^^^^^^^^^^^^^^^^^^ comment.block.documentation.annotation.pan
#                       ^ punctuation.definition.annotation.end.pan
@use(type = long)
#^^^ storage.type.annotation.pan
#   ^ punctuation.definition.annotation.begin.pan
#    ^^^^ variable.other.property.annotation.pan
#           ^^^^ string.unquoted.annotation.pan - support.type
#               ^ punctuation.definition.annotation.end.pan
@list[entry = a (with parens)]
#^^^^ storage.type.annotation.pan
#     ^^^^^ variable.other.property.annotation.pan
#             ^^^^^^^^^^^^^^^ string.unquoted.annotation.pan
#                            ^ punctuation.definition.annotation.end.pan
variable X = 1;
# <------- keyword.other.statement.variable.pan - meta.annotation
