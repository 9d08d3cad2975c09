object template o14;
"/a" = { x = list(1, null); foreach (k; v; x) { if (is_null(v)) return(k); }; -1; };
