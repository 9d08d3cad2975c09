@{ An evaluation error found when compiling. }
template broken/evaluation;

'/a' = 1 + 'a';
