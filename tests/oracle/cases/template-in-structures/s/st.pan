structure template s/st;

include 's/st2';
'x' = TEMPLATE;
