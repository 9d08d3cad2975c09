structure template o/st2;
'name' = { x = 1; unescape(list()) };
