"""``panc explain [panc options] OBJECT PATH``: where the value at a profile path came from.

Compiles the object with provenance recorded and prints the final value of the path, then
every write of that path and of its parents in the order the compiler made them (assignments,
the ``create()`` writes behind their values, type defaults), each as ``FILE:LINE:COL`` with
its statement, and the ``bind``/``valid`` statements that check the path, with the types they
put on it. For CI logs and code review; ``--format json`` for scripts::

    $ panc explain --cluster cfg/clusters/grid/umd4 wn.example.org /system/network/hostname
    wn.example.org: /system/network/hostname = 'wn'

    writes, oldest first:
      1. cfg/standard/os/network/config.pan:11:1  /system/network/hostname = 'wn'
           '/system/network/hostname' = value('/system/network/hostname');
    ...

Exit code 0 when the path has a value, 1 when the object fails to compile or the path is
absent, 2 on bad options.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, TextIO

from panc.analysis.provenance import (
    DEFAULT,
    ExplainedWrite,
    PathCheck,
    PathWrite,
    ProvenanceRecorder,
    checks_of,
    explain_path,
    render_value,
)
from panc.cli import attach_option_values, compile_options, make_parser
from panc.commands import HelpShown, OptionsError
from panc.evaluation.control import EvalFailure
from panc.evaluation.terms import format_path, parse_path_text
from panc.evaluation.tree import MISSING, lookup
from panc.source import Span
from panc.types.origins import location_span, types_at

STATEMENT_WIDTH = 160


class SourceLines:
    """The lines of the files spans point into, read once each."""

    def __init__(self) -> None:
        self._files: dict[str, list[str]] = {}

    def statement(self, span: Span) -> str:
        """The source lines of ``span``, blanks collapsed, shortened to ``STATEMENT_WIDTH``."""
        lines = self._lines(span.file)
        if not 1 <= span.start_line <= len(lines):
            return ""
        chosen = lines[span.start_line - 1 : max(span.start_line, span.end_line)]
        text = " ".join(" ".join(line.split()) for line in chosen).strip()
        return text if len(text) <= STATEMENT_WIDTH else text[: STATEMENT_WIDTH - 3] + "..."

    def _lines(self, file: str) -> list[str]:
        if file not in self._files:
            try:
                with open(file, encoding="utf-8", errors="replace") as handle:
                    self._files[file] = handle.read().splitlines()
            except OSError:
                self._files[file] = []
        return self._files[file]


@dataclass
class Explanation:
    """What ``panc explain`` found: the final value, the writes, the checks."""

    object_name: str
    path: str
    value: Any = MISSING
    error: str | None = None
    writes: list[ExplainedWrite] = field(default_factory=list)
    checks: list[tuple[PathCheck, list[tuple[str, Span | None]]]] = field(default_factory=list)
    """Each ``bind``/``valid`` on the path or a parent, with the types it puts on the path."""


def explain(options: dict[str, Any], object_name: str, path: str, children: bool = False) -> Explanation:
    """Compile ``object_name`` (a template name or file) with ``options`` (``CompileOptions``
    keywords) and explain ``path``; ``ValueError`` when ``path`` is not an absolute path."""
    # pylint: disable=import-outside-toplevel  # the compiler loads only when something compiles
    from panc.compiler import CompileOptions, Compiler

    try:
        _, absolute, terms = parse_path_text(path)
    except EvalFailure as failure:
        raise ValueError(f"invalid path '{path}': {failure.message}") from None
    if not absolute:
        raise ValueError(f"'{path}' is not an absolute profile path")
    recorder = ProvenanceRecorder(keep_values=True, max_writes=None)
    compiler = Compiler(CompileOptions(**options), hooks=recorder, message_sink=lambda _message: None)
    result = compiler.compile_object(object_name)
    found = Explanation(result.name, format_path(terms))
    if result.error is not None:
        found.error = result.error.format().rstrip("\n")
    root = result.profile if result.profile is not None else recorder.root
    if root is not None:
        found.value = lookup(root, terms)
    found.writes = explain_path(recorder, terms, children)
    by_binding = {id(t.binding): t.types for t in types_at(recorder.bindings, terms)}
    for check in checks_of(recorder.checks, found.path):
        binding = next(
            (b for b in recorder.bindings if b.display_path == check.path and b.span == check.span), None
        )
        types = by_binding.get(id(binding), ()) if binding is not None else ()
        declared = [(t.name, location_span(t.location)) for t in types]
        found.checks.append((check, [(name, span) for name, span in declared if span is not None]))
    return found


# ---------------------------------------------------------------------- rendering


def _where(span: Span | None) -> str:
    if span is None or span.start_line <= 0:
        return "(builtin)"
    file = span.file
    if os.path.isabs(file):
        relative = os.path.relpath(file)
        if not relative.startswith(os.pardir):
            file = relative
    return f"{file}:{span.start_line}:{span.start_column}"


def _write_label(explained: ExplainedWrite) -> str:
    write = explained.write
    if write.deleted:
        return f"{write.path} deleted"
    text = f"{write.path} = {write.value}"
    if write.kind == DEFAULT:
        return text + f"  (type default: {write.template})"
    if explained.relation == "parent" and explained.value is not MISSING:
        return text + f"  (sets it to {render_value(explained.value)})"
    if explained.relation == "child":
        return text + "  (below it)"
    return text


def render_text(found: Explanation, sources: SourceLines) -> str:
    """The explanation as ``panc explain`` prints it."""
    out = []
    value = "absent from the profile" if found.value is MISSING else f"= {render_value(found.value, 2000)}"
    out.append(f"{found.object_name}: {found.path} {value}")
    if found.error is not None:
        out.append("the object fails to compile:")
        out.extend("  " + line for line in found.error.splitlines())
    out.append("")
    if found.writes:
        out.append("writes, oldest first:")
        for number, explained in enumerate(found.writes, 1):
            write = explained.write
            out.append(f"  {number}. {_where(write.span)}  {_write_label(explained)}")
            out.append(f"       {sources.statement(write.span)}")
            for created in explained.created:
                out.append(
                    f"       from create('{created.template}'): {_where(created.span)}  "
                    f"{created.path} = {created.value}"
                )
                out.append(f"         {sources.statement(created.span)}")
    else:
        out.append("no statement wrote this path or its parents")
    if found.checks:
        out.append("")
        out.append("checked by:")
        for check, types in found.checks:
            out.append(f"  {_where(check.span)}  {check.path} : {check.type_name}")
            out.append(f"       {sources.statement(check.span)}")
            if types:
                chain = ", ".join(f"{name} ({_where(span)})" for name, span in types)
                out.append(f"       at {found.path}: {chain}")
    return "\n".join(out) + "\n"


def _location(span: Span | None, sources: SourceLines) -> dict[str, Any]:
    if span is None or span.start_line <= 0:
        return {"file": None, "line": None, "column": None, "statement": None}
    return {
        "file": span.file,
        "line": span.start_line,
        "column": span.start_column,
        "statement": sources.statement(span),
    }


def _write_json(write: PathWrite, sources: SourceLines) -> dict[str, Any]:
    return {
        "kind": write.kind if not write.deleted else "delete",
        "path": write.path,
        "value": write.value,
        "template": write.template,
        **_location(write.span, sources),
    }


def render_json(found: Explanation, sources: SourceLines) -> str:
    """The explanation as JSON (``--format json``)."""
    writes = []
    for explained in found.writes:
        entry = _write_json(explained.write, sources)
        entry["relation"] = explained.relation
        if explained.value is not MISSING:
            entry["valueAtPath"] = render_value(explained.value, 2000)
        entry["created"] = [_write_json(w, sources) for w in explained.created]
        writes.append(entry)
    checks = [
        {
            "path": check.path,
            "type": check.type_name,
            **_location(check.span, sources),
            "types": [{"name": name, **_location(span, sources)} for name, span in types],
        }
        for check, types in found.checks
    ]
    document = {
        "object": found.object_name,
        "path": found.path,
        "value": None if found.value is MISSING else render_value(found.value, 2000),
        "error": found.error,
        "writes": writes,
        "checks": checks,
    }
    return json.dumps(document, indent=2) + "\n"


def run(argv: Sequence[str], stdout: TextIO, stderr: TextIO, prog: str = "panc explain") -> int:
    """``panc explain``: see the module docstring."""
    parser = make_parser()
    parser.prog = prog
    parser.description = "Show where the value at a profile path of an object came from."
    parser.epilog = None
    parser.add_argument(
        "--format", choices=("text", "json"), default="text", help="output format (default: text)"
    )
    parser.add_argument("--children", action="store_true", help="also the writes below the path")
    try:
        args = parser.parse_args(attach_option_values(argv))
        if args.help:
            stdout.write(parser.format_help().replace("template [template ...]", "OBJECT PATH"))
            return 0
        if len(args.templates) != 2:
            raise OptionsError("give an object template (name or file) and a profile path: OBJECT PATH")
        options = compile_options(args)
    except HelpShown:
        return 0
    except OptionsError as error:
        stderr.write(f"OPTIONS ERROR: {error}\n")
        return 2
    object_name, path = args.templates
    try:
        found = explain(options, object_name, path, args.children)
    except ValueError as error:
        stderr.write(f"OPTIONS ERROR: {error}\n")
        return 2
    sources = SourceLines()
    stdout.write(render_json(found, sources) if args.format == "json" else render_text(found, sources))
    return 0 if found.error is None and found.value is not MISSING else 1


if __name__ == "__main__":
    sys.exit(run(sys.argv[1:], sys.stdout, sys.stderr))
