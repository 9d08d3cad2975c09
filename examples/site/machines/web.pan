template machines/web;

"/system/role" = "web";
"/system/memory_mb" = 4096;
"/system/services" = append(service("httpd", 80));
"/system/services" = append(service("httpd-tls", 443));
