unique template cases/lp001;

'/a' = dict(
    'ok', 1,
   'three', 2, # expect: LP001
      'six', 3, # expect: LP001
);
  # comment lines are not checked
# expect-next: LP001
   
	'/t' = 1; # expect: LP001
variable TEXTS = <<EOT;
   heredoc lines are content
 and are never checked
EOT
# expect-old +2: LP001
'/b' = "multi \
   line string";
@{
   annotation body
}
# expect-old +2: LP001
@documentation(
   an annotation in parentheses
)
# expect-old +2: LP001
variable MESSAGE = format(<<EOT, 1);
   a heredoc not ended by ';' on its line: the old tool checked its body
EOT
function fix_me = {
  return(1); # expect: LP001
};
