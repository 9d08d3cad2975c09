# expect-next-old: FL001
   
unique template cases/fl001-blank;
