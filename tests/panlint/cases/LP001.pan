unique template cases/lp001;

'/a' = dict(
    'ok', 1,
   'three', 2, # expect: LP001
      'six', 3, # expect: LP001
);
  # expect: LP001
variable TEXTS = <<EOT;
   heredoc lines are content
 and are never checked
EOT
'/b' = "multi \
   line string";
@{
   annotation body
}
function fix_me = {
  return(1); # expect: LP001
};
