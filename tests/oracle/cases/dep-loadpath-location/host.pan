object template host;
variable LOADPATH = list('el7');
include 'config/base';
'/data' = file_contents('data.txt');
