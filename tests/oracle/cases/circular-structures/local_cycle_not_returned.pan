object template local_cycle_not_returned;
'/y' = dict('port', false);
'/y' = { x = list('%s'); z = append(x, x); SELF };
