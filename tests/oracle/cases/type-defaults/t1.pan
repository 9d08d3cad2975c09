object template t1;
type t = {
    'a' : long = value('/a')
};
