"""Plain-text tables of per-file counts (``--table``): the first column left, the rest right."""

from __future__ import annotations

from collections.abc import Sequence


def boxed(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    """The lines of a ``+---+`` bordered table, headers aligned like their column."""
    widths = [max(len(row[index]) for row in (headers, *rows)) for index in range(len(headers))]
    border = "+" + "+".join("-" * (width + 2) for width in widths) + "+"

    def render(row: Sequence[str]) -> str:
        cells = [row[0].ljust(widths[0])] + [
            cell.rjust(width) for cell, width in zip(row[1:], widths[1:], strict=True)
        ]
        return "| " + " | ".join(cells) + " |"

    return [border, render(headers), border, *(render(row) for row in rows), border]
