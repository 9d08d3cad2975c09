structure template s/st2;

'inner' = TEMPLATE;
'object' = OBJECT;
