object template b64d_invalid2;
variable V = '!!!!';
'/a' = base64_decode(V);
