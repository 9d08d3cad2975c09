# expect: FL001
unique template cases/fl001;
