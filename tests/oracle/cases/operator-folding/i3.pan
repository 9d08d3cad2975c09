template i3;
"/x" = length(1);
