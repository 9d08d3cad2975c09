object template b64d_nonascii;
variable V = 'YWJj€';
'/a' = base64_decode(V);
