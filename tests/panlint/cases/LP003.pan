unique template cases/lp003;

# expect-next: LP003
'/a' = 1;   
# expect-next: LP003
# comment with trailing blanks  
# expect-next: LP003
    
variable HERE = <<EOT;
heredoc line with trailing blanks   
EOT
@{ annotation with trailing   
blanks }
variable STUFF = 1;
