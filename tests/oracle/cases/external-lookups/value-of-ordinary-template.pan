object template value-of-ordinary-template;
'/d/b' = value('vinc:/x');
