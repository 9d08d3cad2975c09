object template undecodable;

# A byte that is not UTF-8 is the replacement character to Java, also on its console.
'/b' = error('xÿy');
