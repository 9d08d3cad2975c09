template b;
