object template base64lines;

# Strings XML cannot hold are written in base64, in lines of 76 characters (panc's Base64):
# short, exactly one line of complete groups (a break at the end), longer, with a remainder.
'/short' = "\f" + 'abc';
'/one-line' = "\f" + '12345678901234567890123456789012345678901234567890123456';
'/long' = 'it''s' + "\f\b" + digest('SHA-384', 'ABC');
'/two-lines' = "\b" + '12345678901234567890123456789012345678901234567890123456'
    + '123456789012345678901234567890123456789012345678901234567';
'/same-builtin' = base64_encode("\b" + '12345678901234567890123456789012345678901234567890123456');
