unique template cases/lc001;

'/a'= 1; # expect: LC001
'/b' = 1+2; # expect: LC001
'/c' = 1 + 2;
'/d' = -1;
'/e' = list(-1, 2);
variable FLAG ?=true; # expect: LC001
'/f' = { x=1; x; }; # expect: LC001
'/g' = 'a=b+c';
type port_range = long(0..65535);
'/h' = if (1>2) 1 else 2; # expect: LC001
'/i' = 1 +
    2;
'/j' = { x = list(1, 2); x[1-1]; };
'/k' = { x = list(1, 2); x[1 - 1]; }; # expect: LC001
'/l' = - 1; # expect: LC001
variable HERE = <<EOT;
a heredoc body: x=1
EOT
# expect-old +2: LC001
'/m' = "a string \
continued<with>operators";
# the syntax tree tells signs, link types and operators apart (--preview)
'/n' = { x = list(1); x[0] - 1; }; # expect-old: LC001
'/o' = { x = list(1); x[0] -1; }; # expect-preview: LC001
'/p' = -length(list(1)); # expect-old: LC001
'/q' = 1 +
    -1; # expect-old: LC001
'/r' = if (true) -1 else 2; # expect-old: LC001
'/s' = if (true) 1 else - 1; # expect-preview: LC001
'/t' = 1.5e-3; # expect-old: LC001
type links = string*[]; # expect-old: LC001
type bounded = long(-1..);
