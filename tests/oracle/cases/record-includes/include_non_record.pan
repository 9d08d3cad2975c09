object template include_non_record;
type a = boolean;
type c = { include a 'y' ? long };
