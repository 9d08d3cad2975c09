template functions;
function read_a = value("a");
