object template euro;
'/e' = escape('€');
