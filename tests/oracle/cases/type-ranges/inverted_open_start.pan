object template inverted_open_start;
bind '/x' = long(5000..4096);
