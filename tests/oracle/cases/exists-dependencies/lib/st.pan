structure template lib/st;
