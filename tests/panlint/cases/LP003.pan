unique template cases/lp003;

# expect-next: LP003
'/a' = 1;   
'/b' = 2; # blanks after a trailing comment go with it   
# comment lines are not checked   
# expect-next: LP003
    
variable HERE = <<EOT;
heredoc line with trailing blanks   
EOT
@{ annotation with trailing   
blanks }
# expect-old +2: LP003
variable MESSAGE = format(<<EOT, 1);
a heredoc not ended by ';' on its line: the old tool checked its body   
EOT
# a comment naming user@{host hides lines from the old tool, up to the next closing brace
# expect-next-preview: LP003
'/d' = 1;   
'/e' = 2;
# }
variable STUFF = 1;
