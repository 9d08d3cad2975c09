unique template clean/strings;

@{
   An annotation: nlist(a,b) ; x=1 ;   tab	here   
      indented by three, with trailing blanks   
    and a line far longer than the limit: lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor
}
variable TEXTS = <<EOT;
   nlist(1,2) ; a=b+c ;'/x/' 	tabs	and trailing blanks   
      include {'x'}; error(format('%s', 1)); three spaces
a heredoc line longer than one hundred and twenty characters, because data is data and may be as wide as it needs
EOT
variable MORE_TEXTS = list(<<ONE, <<TWO);
one;two,three   
ONE
  two=2   
TWO
'/strings' = list(
    'nlist(a,b) ; x=1 ; {"y"} ,z ;',
    "tab	inside, comma,space ;semi a+b a==b",
    "continued \
   line with three spaces",
);
'/comments' = 1; # nlist(a,b);x=1,y   with {braces} and  spaces
