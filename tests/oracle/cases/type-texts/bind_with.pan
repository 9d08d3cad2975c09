object template bind_with;
bind '/b/srv/s' = string with match(SELF, '^[a-z]+$');
'/b/srv/s' = 'A';
