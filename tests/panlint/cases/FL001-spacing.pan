# expect-next: FL001
unique template  cases/fl001-spacing;
