object template widths;
# widths and precisions count UTF-16 units, as Java strings do
'/a' = format('%-5s|', '😀');
'/b' = format('%5s|', '😀x');
'/c' = format('%.1s|', 'a😀');
'/d' = format('%-4S|', 'é😀');
'/e' = format('%3s|%-3s|', 'é', 'ab');
'/f' = format('%.2s|', '😀b');
'/g' = format('%.1s|', '😀x');
'/h' = length(format('%.1s', '😀x'));
'/i' = format('%-3.3s|', 'a😀b');
