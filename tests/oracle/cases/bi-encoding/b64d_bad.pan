object template b64d_bad;
variable V = 1;
'/a' = base64_decode(V);
