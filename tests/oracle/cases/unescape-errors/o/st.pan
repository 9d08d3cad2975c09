structure template o/st;
'name' = unescape(list());
