unique template cases/lp002;

'/a' = 1;	# expect: LP002
	'/b' = 2; # expect: LP002
'/c' = 'a	tab inside a string is data';
'/d' = "another	one";
variable HERE = <<EOT;
	heredoc	tabs stay
EOT
@{ annotation	tab }
variable STUFF = 1;
