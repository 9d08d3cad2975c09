object template s3;
variable SELF = 1;
