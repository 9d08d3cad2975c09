object template lookup-evaluation;

'/e' = exists('broken/evaluation');
'/i' = if_exists('broken/evaluation');
