structure template struct;
'name' = list('a');
'x' = value('name/first');
