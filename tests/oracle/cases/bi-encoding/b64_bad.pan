object template b64_bad;
variable V = 1;
'/a' = base64_encode(V);
