@{ A grammar error: the object that looks this template up stops with it. }
template broken/parse;

"/a" = ;
