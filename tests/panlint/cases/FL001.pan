# a licence header may come first
unique template cases/fl001; # expect-old: FL001
