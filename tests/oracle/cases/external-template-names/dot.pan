object template dot;

"/a" = value(".foo:/b");
