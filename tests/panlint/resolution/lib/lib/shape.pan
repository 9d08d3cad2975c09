structure template lib/shape;

'name' = 'x';
