object template value-of-absent-nested-name;
'/d/b' = value('nosuch/thing:/a');
