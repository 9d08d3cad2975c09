object template fmt_dates;
variable V = 0;
'/a' = format('%tY-%<tm-%<td %<tH:%<tM', V);
