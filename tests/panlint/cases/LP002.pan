unique template cases/lp002;

'/a' =	1; # expect: LP002
	'/b' = 2; # expect: LP002
'/c' = 1;	# blanks before a trailing comment are cut off with it
'/d' = 'a	tab inside a string is data';
'/e' = "another	one";
variable HERE = <<EOT;
	heredoc	tabs stay
EOT
@{ annotation	tab }
# expect-old +2: LP002
'/f' = "a string \
	continued";
