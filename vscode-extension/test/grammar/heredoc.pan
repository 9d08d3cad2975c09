# SYNTAX TEST "source.pan" "heredocs"
'/test' = 'foo' + <<EOT + 'bar';
#                 ^^ meta.heredoc.pan keyword.operator.heredoc.pan
#                   ^^^ meta.heredoc.pan entity.name.tag.heredoc.pan
#                       ^ keyword.operator.arithmetic.pan - string.unquoted.heredoc.pan
#                         ^^^^^ string.quoted.single.pan
#                              ^ punctuation.terminator.statement.pan
this text is the body: 'not a string', # not a comment, if (x) {}
# <--------------------------------------------------------------- string.unquoted.heredoc.pan
#                      ^^^^^^^^^^^^^^ string.unquoted.heredoc.pan - string.quoted
#                                      ^^^^^^^^^^^^^^^^^^^^^^^^^^^^ string.unquoted.heredoc.pan - comment keyword.control
  EOT is not the end marker when indented
# <------------------------------------------ string.unquoted.heredoc.pan
EOT
# <--- meta.heredoc.pan entity.name.tag.heredoc.pan
'/after' = 1;
# <-------- string.quoted.single.path.pan - meta.heredoc.pan
'/bin' = base64_decode(<<END_OF_DATA);
#                      ^^ keyword.operator.heredoc.pan
#                        ^^^^^^^^^^^ entity.name.tag.heredoc.pan
#                                   ^ punctuation.section.parens.end.pan
H4sIAOwLyDwAA02PQQ7DMAgE731FX9BT1f8Q
# <------------------------------------- string.unquoted.heredoc.pan

Z52iYhthEiW/r2SitCdmxCK0E3W8no+36n2G
# <------------------------------------- string.unquoted.heredoc.pan
END_OF_DATA
# <----------- entity.name.tag.heredoc.pan
variable X = 2;
# <-------- keyword.other.statement.variable.pan
variable H = <<EOT
# <-------- keyword.other.statement.variable.pan
#            ^^^^^ meta.heredoc.pan
body line
# <--------- string.unquoted.heredoc.pan
EOT
# <--- entity.name.tag.heredoc.pan
;
# <- punctuation.terminator.statement.pan - meta.heredoc.pan
variable J = <<EOT;
#                 ^ punctuation.terminator.statement.pan
EOT
variable K = 1;
# <-------- keyword.other.statement.variable.pan - meta.heredoc.pan
