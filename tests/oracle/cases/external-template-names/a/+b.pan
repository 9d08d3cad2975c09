object template a/+b;

"/b" = "a/+b";
