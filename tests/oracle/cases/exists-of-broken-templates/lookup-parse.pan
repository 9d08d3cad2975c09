object template lookup-parse;

'/e' = exists('broken/parse');
'/i' = if_exists('broken/parse');
