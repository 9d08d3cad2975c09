object template b64_ok;
variable V = 'héllo wörld';
'/a' = base64_encode(V);
'/b' = base64_decode(base64_encode(V));
'/c' = base64_encode('');
'/d' = base64_decode('YWJj');
'/e' = base64_decode('YW Jj');
'/f' = base64_encode('aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa');
