"""The table of profile output formats: the keys ``--formats`` accepts, their suffixes, renderers.

Every renderer turns one compiled object into the exact bytes the Java panc writes for it.
The ``.gz`` variants gzip the bytes of their plain sibling. A format's module is loaded when
it first renders: checking that a build is up to date only needs the keys and suffixes.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from panc.javatext import java_utf8

if TYPE_CHECKING:
    from panc.evaluation.values import Value


class DependencyLike(Protocol):
    """What the ``dep`` format needs to know about one dependency of an object."""

    @property
    def name(self) -> str: ...

    @property
    def kind(self) -> str: ...

    @property
    def uri(self) -> str: ...


Renderer = Callable[[dict[str, "Value"], Sequence[DependencyLike]], bytes]


@dataclass(frozen=True, slots=True)
class OutputFormat:
    """One value of ``--formats``: ``key`` is what the user types, ``suffix`` the file extension."""

    key: str
    suffix: str
    render: Renderer


def _gzipped(render: Renderer) -> Renderer:
    def render_gz(profile: dict[str, Value], dependencies: Sequence[DependencyLike]) -> bytes:
        import gzip  # pylint: disable=import-outside-toplevel  # not needed to check a build

        # mtime=0 keeps the bytes reproducible; panc's headers differ anyway, the content does not.
        return gzip.compress(render(profile, dependencies), mtime=0)

    return render_gz


def _text_renderer(module: str) -> Callable[..., str]:
    """The ``render`` function of ``panc.output.<module>``, imported on first use."""
    return importlib.import_module(f"panc.output.{module}").render  # type: ignore[no-any-return]


def _profile_only(module: str) -> Renderer:
    def render(profile: dict[str, Value], dependencies: Sequence[DependencyLike]) -> bytes:
        del dependencies
        return java_utf8(_text_renderer(module)(profile))

    return render


def _dependencies_only(module: str) -> Renderer:
    def render(profile: dict[str, Value], dependencies: Sequence[DependencyLike]) -> bytes:
        del profile
        return java_utf8(_text_renderer(module)(dependencies))

    return render


_xml = _profile_only("xml_format")
_json = _profile_only("json_format")
_dep = _dependencies_only("dep_format")

FORMATS: dict[str, OutputFormat] = {
    f.key: f
    for f in (
        OutputFormat("pan", ".xml", _xml),
        OutputFormat("pan.gz", ".xml.gz", _gzipped(_xml)),
        OutputFormat("xml", ".xml", _xml),
        OutputFormat("xml.gz", ".xml.gz", _gzipped(_xml)),
        OutputFormat("json", ".json", _json),
        OutputFormat("json.gz", ".json.gz", _gzipped(_json)),
        OutputFormat("text", ".txt", _profile_only("text_format")),
        OutputFormat("dot", ".dot", _profile_only("dot_format")),
        OutputFormat("dep", ".dep", _dep),
        OutputFormat("dep.gz", ".dep.gz", _gzipped(_dep)),
        OutputFormat("null", ".null", _profile_only("null_format")),
    )
}
"""Every format key panc's CLI accepts, in the order its documentation lists them."""

NO_OUTPUT_KEY = "none"
"""``--formats none``: compile and validate, write nothing."""


class UnknownFormatError(ValueError):
    """A ``--formats`` value that is not a format key; ``key`` is the offending word."""

    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


_FORMAT_SEPARATOR = re.compile(r"\s*,\s*")


def _format_names(text: str) -> list[str]:
    """``clojure.string/split`` on ``\\s*,\\s*`` (Java's ``String.split``: a text without a
    separator is itself, trailing empty names are dropped)."""
    if not _FORMAT_SEPARATOR.search(text):
        return [text]
    names = _FORMAT_SEPARATOR.split(text)
    while names and not names[-1]:
        names.pop()
    return names


def parse_formats(text: str) -> list[OutputFormat]:
    """The formats of a comma-separated ``--formats`` value, without duplicates, in order.

    The names are split as the Java panc splits them (``\\s*,\\s*``, trailing empty names
    dropped: ``json,`` is ``json``, `` json`` an unknown format). ``none`` selects no format;
    any other unknown name raises ``UnknownFormatError``.
    """
    chosen: list[OutputFormat] = []
    for key in _format_names(text):
        if key == NO_OUTPUT_KEY:
            continue
        fmt = FORMATS.get(key)
        if fmt is None:
            raise UnknownFormatError(key)
        # pan and xml share a suffix: writing the same file twice gains nothing
        if all(existing.suffix != fmt.suffix for existing in chosen):
            chosen.append(fmt)
    return chosen
