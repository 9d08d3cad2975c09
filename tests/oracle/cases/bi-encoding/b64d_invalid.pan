object template b64d_invalid;
variable V = 'a';
'/a' = base64_decode(V);
