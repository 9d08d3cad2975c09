object template with_clause_texts;
function f = true;
bind '/b' = {
  'a' ? long with { x = SELF; x > 0 }
  'b' ? long with true
  'c' ? long with 1 < 2
  'd' ? long with f(SELF, 1)
  'e' ? string with match(SELF, 'x')
  'f' ? long with SELF
  'g' ? long with if (SELF > 0) true else false
  'h' ? long with -SELF > 0 || !is_long(SELF)
  'i' ? list with SELF[0] == 1
  'j' ? long with { foreach (k; v; list()) { true }; true }
  'k' ? string with 'x'
  'l' ? double with 1.5
  'm' ? long with -1
  'n' ? string with "a" + "b"
  'o' ? long with length(list(1, 2)) > 0
  'p' ? list with is_list(SELF) && length(SELF) > 0
  'q' ? long with { return(true) }
  'r' ? long with null
  's' ? long with undef
  't' ? long with x[1] = 2
  'u' ? long = 1
};
'/b' = 'x';
