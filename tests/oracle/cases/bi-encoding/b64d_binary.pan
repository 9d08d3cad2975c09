object template b64d_binary;
variable V = '/w==';
'/a' = base64_decode(V);
