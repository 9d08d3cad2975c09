"""Folding ranges: multi-line statements, blocks, records, annotations and comment runs."""

from __future__ import annotations

from lsprotocol import types

from panc.analysis.document import DocumentAnalysis
from panc.analysis.walk import walk
from panc.syntax import ast


def folding_ranges(doc: DocumentAnalysis) -> list[types.FoldingRange]:
    """Every region spanning several lines that an editor can collapse (0-based lines)."""
    found: dict[tuple[int, int], types.FoldingRangeKind | None] = {}
    template = doc.ast
    if template is not None:
        for statement in template.statements:
            for node in walk(statement):
                if isinstance(node, (ast.Block, ast.RecordType)) or node is statement:
                    span = node.span
                    if span.end_line > span.start_line:
                        found.setdefault((span.start_line - 1, span.end_line - 1), None)
    comments = getattr(doc.result, "comments", None) or []
    run_start = run_end = None
    for comment in comments:
        line = comment.span.start_line
        if run_end is not None and line == run_end + 1:
            run_end = line
            continue
        if run_start is not None and run_end is not None and run_end > run_start:
            found[(run_start - 1, run_end - 1)] = types.FoldingRangeKind.Comment
        run_start = run_end = line
    if run_start is not None and run_end is not None and run_end > run_start:
        found[(run_start - 1, run_end - 1)] = types.FoldingRangeKind.Comment
    for annotation in getattr(doc.result, "annotations", None) or []:
        span = annotation.span
        if span.end_line > span.start_line:
            found[(span.start_line - 1, span.end_line - 1)] = types.FoldingRangeKind.Comment
    return [
        types.FoldingRange(start_line=start, end_line=end, kind=kind)
        for (start, end), kind in sorted(found.items())
    ]
