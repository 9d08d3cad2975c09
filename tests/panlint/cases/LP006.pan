unique template cases/lp006;

'/short' = 'fine';
'/long' = 'this line is much too long because it keeps going and going and going past the limit of one hundred and twenty characters'; # expect: LP006
bind '/software/components/example/with/a/very/long/path/that/does/not/fit/on/a/line' = component_example_type_long;
'/c' = 1; # a trailing comment does not count, however long it grows past the limit of one hundred and twenty characters
variable TEXTS = <<EOT;
a heredoc line may be as long as its content needs: it is data and splitting it would change it, so no finding
EOT
