"""DML text typed by a user (a debugger's REPL, watch or hover) compiled into a closure.

    code = compile_snippet("x + length(SELF)", "site/base", "/path/site/base.pan")
    value = code(frame)        # evaluated in a live frame of the evaluator

The text may hold several DML statements separated by ``;``; the value is the last one's,
as in a DML block. The snippet goes through the real parser and ``DmlCompiler`` (no
second grammar); it is compiled without hooks, so evaluating it never re-enters a
debugger, and errors are located in the snippet's own lines (``source_path`` names it).
"""

from __future__ import annotations

from panc.diagnostics import Category, PanError, PanParseError, PanSyntaxError, Severity
from panc.evaluation.dml import Code, CompileEnv, DmlCompiler
from panc.source import Span
from panc.syntax import ast, parse

_HEADER = "object template pandbg-snippet;\n'/snippet' = {\n"
_HEADER_LINES = 2


def compile_snippet(text: str, template_name: str, source_path: str = "<evaluate>") -> Code:
    """Compile DML ``text`` as if written in template ``template_name``; raises ``PanError``."""
    if not text.strip():
        raise PanParseError("empty expression", Span(source_path, 1, 1, 1, 1))
    result = parse(f"{_HEADER}{text}\n}};\n", source_path)
    errors = [d for d in result.diagnostics if d.severity is Severity.ERROR]
    if errors:
        first = errors[0]
        error_type = PanSyntaxError if first.category is Category.SYNTAX else PanParseError
        raise error_type(first.message, _snippet_span(first.span, text))
    assert result.ast is not None
    statement, *extra = result.ast.statements
    if extra:  # the text closed the wrapping block and went on
        raise PanParseError("only DML can be evaluated here", _snippet_span(extra[0].span, text))
    assert isinstance(statement, ast.Assignment)
    try:
        return DmlCompiler(CompileEnv(template_name, source_path)).top_level(statement.value)
    except PanError as error:
        if error.span is not None:
            error.span = _snippet_span(error.span, text)
        raise
    except RecursionError:
        raise PanSyntaxError("expression nested too deeply", Span(source_path, 1, 1, 1, 1)) from None


def _snippet_span(span: Span, text: str) -> Span:
    """A span of the wrapped text moved back onto the lines the user typed."""
    last = text.count("\n") + 1
    start = min(last, max(1, span.start_line - _HEADER_LINES))
    end = min(last, max(start, span.end_line - _HEADER_LINES))
    return Span(span.file, start, span.start_column, end, span.end_column)
