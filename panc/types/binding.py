"""``bind`` statements as the validation pass sees them, and panc's order of paths."""

from __future__ import annotations

from panc.diagnostics import EvaluationError
from panc.source import Span
from panc.syntax.paths import PathSyntaxError, TermError, parse_path
from panc.types.kinds import PanType

Term = str | int

def path_terms(path: str) -> tuple[Term, ...]:
    """The terms of an absolute path (``{...}`` escaped; digits are list indices)."""
    return parse_path(path).terms


def path_order_key(terms: tuple[Term, ...]) -> tuple[int, tuple[tuple[int, int | str], ...]]:
    """A sort key equal to panc's ``Path.compareTo``: deeper paths first, then term by term
    (indices before keys, indices by value, keys by string order)."""
    return (-len(terms), tuple((0, t) if type(t) is int else (1, t) for t in terms))


class Binding:
    """One ``bind 'path' = type;`` (``valid 'p' = e;`` is ``bind 'p' = element with e;``).

    ``path`` is the absolute path with variables substituted; ``span`` is the type spec's
    position (printed as ``bound to type T in [source_path:L.C-L.C]``), ``located`` false
    when panc prints none (``valid``: ``[source_path:?]``).
    """

    __slots__ = ("located", "order", "path", "source_path", "span", "terms", "type")

    def __init__(  # pylint: disable=redefined-builtin,too-many-arguments
        self, path: str, type: PanType, span: Span, source_path: str, located: bool = True
    ) -> None:
        self.path = path
        self.type = type
        self.span = span
        self.source_path = source_path
        self.located = located
        try:
            self.terms = path_terms(path)
        except (PathSyntaxError, TermError) as error:
            raise EvaluationError(str(error), span) from None
        self.order = path_order_key(self.terms)

    def __repr__(self) -> str:
        return f"Binding({self.path!r}, {self.type.name!r})"

    @property
    def display_path(self) -> str:
        """The path as panc prints it: normalized, escapes applied."""
        return "/" + "/".join(str(t) for t in self.terms)

    def bound_line(self) -> str:
        """The last line of a validation message about this binding."""
        return (
            f"path '{self.display_path}' bound to type {self.type.text} "
            f"in [{self.source_path}:{self.span.range_text() if self.located else '?'}]"
        )


def sorted_bindings(bindings: list[Binding]) -> list[Binding]:
    """Bindings in panc's path order; bindings of one path keep their declaration order."""
    return sorted(bindings, key=lambda b: b.order)
