object template bindext;
valid 'other:/a' = false;
'/a' = 'x';
