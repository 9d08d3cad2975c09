template machines/database;

"/system/role" = "database";
"/system/memory_mb" = 16384;
"/system/services" = append(service("postgresql", 5432));
