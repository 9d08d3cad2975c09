object template s2;
include { SELF };
