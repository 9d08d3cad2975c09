object template c_substr;
'/a' = substr('abc', 5);
