object template t2;
type t = { 'a' : string = file_contents('x') };
