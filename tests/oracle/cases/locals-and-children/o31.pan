object template o31;
"/a" = { x = dict('a', null); length(x); };
