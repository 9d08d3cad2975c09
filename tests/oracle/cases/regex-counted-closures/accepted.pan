object template accepted;
# a counted closure where nothing may repeat repeats the empty sequence
'/r' = list(replace('{1}', '-', 'abc{}aa'), replace('a*{2}', '-', 'abc{}aa'), replace('(a|{2})', '-', 'abc{}aa'),
    replace('{1}a', '-', 'abc{}aa'), replace('a{2}{3}', '-', 'abc{}aa'), replace('(?i){2}a', '-', 'AbC'),
    replace('a{2}?', '-', 'aaa'), replace('a{2}+', '-', 'aaa'), replace('a{02,3}', '-', 'aaaa'),
    match('{}', '^(x|{0})\{\}$'));
