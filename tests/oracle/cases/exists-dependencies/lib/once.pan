unique template lib/once;
