object template b64_long;
variable V = 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa';
'/a' = base64_encode(V);
'/b' = base64_encode(V + V);
'/c' = base64_encode(V + 'b');
'/d' = base64_decode('YW=Jj');
'/e' = base64_decode('YQ==YWJj');
'/f' = base64_decode('YWJ');
'/g' = base64_decode('Y' + "\n" + 'WJj');
