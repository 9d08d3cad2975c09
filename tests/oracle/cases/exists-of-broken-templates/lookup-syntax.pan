object template lookup-syntax;

'/e' = exists('broken/syntax');
'/i' = if_exists('broken/syntax');
