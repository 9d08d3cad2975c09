object template o16;
"/a" = { l = list(1, null); merge(l, list(2)); };
