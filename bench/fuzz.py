"""Fuzz the tools with mutated real templates: nothing may raise out of their APIs.

    python bench/fuzz.py [--count N] [--seed S] [--stages parse,lint,fix,compile,lsp] [--save DIR]

Each case takes a template of ``../shared/corpora`` (the template library, the metaconfig test
profiles), mutates it (characters and lines inserted, deleted, duplicated or swapped, lines
of other templates spliced in, and hostile pieces: 5,000-digit numbers, deep parentheses,
undecodable bytes, escapes of characters beyond U+00FF, runaway regular expressions, huge
format widths...), then runs the stages on it:

- ``parse``: ``panc.syntax.parse``;
- ``lint`` and ``fix``: ``panlint`` with every rule (``lint_text``, ``fix_text``);
- ``compile``: the mutated template compiled over its include path (an object template is
  built, validated and written as json, pan and text; limits: 2 s per regular expression,
  1 GB of memory, 2,000 loop iterations), where an error that names a Python exception
  (``X() failed: ValueError(...)``, ``internal parser error``, ``compiler error``) counts as a
  crash too;
- ``lsp``: what the language server does on an edit (the document analysis, its diagnostics,
  lint, and completion, hover, signature help, definition, symbols, folding, semantic tokens
  and formatting at random positions), with the server's own feature functions.

A crash's class is the exception type and the innermost frame of the project (file:function).
The report gives the cases run per stage and each class with its count and first case (saved
under ``--save`` as ``<class>.pan``). The test suite runs a few hundred cases with fixed
seeds (``tests/hardening/test_fuzz_corpora.py``); 100,000 take about an hour on 2 cores
(``--jobs``).
"""

from __future__ import annotations

import argparse
import os
import random
import re
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
CORPORA = REPO / ".." / "shared" / "corpora"
LIBRARY = CORPORA / "template-library-core"
METACONFIG = CORPORA / "metaconfig"
STAGES = ("parse", "lint", "fix", "compile", "lsp")
LSP_POSITIONS = 1
"""Random positions per case for completion, hover, signature help and definition."""

_ALPHABET = "{}()[];,'\"<>=+-#@\n\t $/\\:0123456789"
HOSTILE = (
    "1" * 5000,
    "0x" + "f" * 5000,
    "(" * 600 + "1" + ")" * 600,
    " + ".join(["1"] * 2000),
    "'/a/{\udcff}'",
    "escape('\u20ac')",
    "'\udcfe\udcff'",
    "match('" + "a" * 60 + "!', '^(a|aa)+$')",
    "format('%999999999s', 'x')",
    "format('%99999999999$s', 'x')",
    "'/x/" + "1" * 30 + "'",
    "dict('" + "9" * 40 + "', 1)",
    "to_long('" + "9" * 5000 + "')",
    "unescape('_ff_c3_zz')",
    "\u0000\ufeff\u2028",
    "<<EOF\nunterminated",
    "'" + "x" * 100_000 + "'",
    "list(" * 300 + ")" * 300,
)
_INTERNAL = ("() failed: ", "internal parser error", "compiler error", "Traceback")
"""What an error message says when it is a Python exception in disguise (substrings: a regular
expression such as ``\\w+\\(\\) failed`` is quadratic on a message quoting a long token)."""


def _internal(message: str) -> bool:
    return any(marker in message for marker in _INTERNAL)


@dataclass
class Corpus:
    """The templates to mutate, and the include path of each."""

    files: list[tuple[Path, tuple[str, ...]]]

    @staticmethod
    def load() -> Corpus:
        files: list[tuple[Path, tuple[str, ...]]] = []
        if LIBRARY.is_dir():
            files += [(path, (str(LIBRARY),)) for path in sorted(LIBRARY.rglob("*.pan"))]
        if METACONFIG.is_dir():
            templates = str(METACONFIG / "templates")
            for profile in sorted((METACONFIG / "profiles").rglob("*.pan")):
                folder = profile.parent
                files.append((profile, (str(folder), templates, str(LIBRARY))))
        return Corpus(files)


@dataclass
class Report:
    cases: dict[str, int] = field(default_factory=lambda: dict.fromkeys(STAGES, 0))
    seconds: dict[str, float] = field(default_factory=lambda: dict.fromkeys(STAGES, 0.0))
    classes: dict[str, tuple[int, str, str]] = field(default_factory=dict)
    """class -> (count, first case's text, its traceback or message)."""

    def crash(self, name: str, text: str, detail: str) -> None:
        count, first, first_detail = self.classes.get(name, (0, text, detail))
        self.classes[name] = (count + 1, first, first_detail)

    def merge(self, other: Report) -> None:
        for stage, count in other.cases.items():
            self.cases[stage] = self.cases.get(stage, 0) + count
            self.seconds[stage] = self.seconds.get(stage, 0.0) + other.seconds.get(stage, 0.0)
        for name, (count, text, detail) in other.classes.items():
            known = self.classes.get(name)
            first = known[1:] if known else (text, detail)
            self.classes[name] = (count + (known[0] if known else 0), *first)


def mutate(text: str, rng: random.Random, donors: Sequence[str]) -> str:
    """``text`` with a few random edits."""
    lines = text.split("\n")
    for _ in range(rng.randint(1, 4)):
        choice = rng.random()
        if choice < 0.35:  # characters
            chars = list("\n".join(lines))
            for _ in range(rng.randint(1, 6)):
                position = rng.randrange(len(chars) + 1)
                if rng.random() < 0.5 and position < len(chars):
                    del chars[position]
                else:
                    chars.insert(position, rng.choice(_ALPHABET))
            lines = "".join(chars).split("\n")
        elif choice < 0.55 and lines:  # lines
            index = rng.randrange(len(lines))
            operation = rng.randrange(3)
            if operation == 0:
                del lines[index]
            elif operation == 1:
                lines.insert(index, lines[index])
            else:
                other = rng.randrange(len(lines))
                lines[index], lines[other] = lines[other], lines[index]
        elif choice < 0.75 and donors:  # a line of another template
            donor = rng.choice(donors).split("\n")
            lines.insert(rng.randrange(len(lines) + 1), rng.choice(donor))
        else:  # something hostile, in a statement or inside an existing one
            piece = rng.choice(HOSTILE)
            if rng.random() < 0.5:
                lines.append(f"'/fuzz/{rng.randrange(100)}' = {piece};")
            else:
                index = rng.randrange(len(lines))
                column = rng.randrange(len(lines[index]) + 1)
                lines[index] = lines[index][:column] + piece + lines[index][column:]
    return "\n".join(lines)


def _crash_class(stage: str, error: BaseException) -> str:
    frames = traceback.extract_tb(error.__traceback__)
    ours = [f for f in frames if str(REPO) in f.filename and "/bench/" not in f.filename]
    where = f"{Path(ours[-1].filename).relative_to(REPO)}:{ours[-1].name}" if ours else "?"
    return f"{stage}:{type(error).__name__}@{where}"


class Fuzzer:
    """Runs the stages on cases; one per process (the language server's session is reused)."""

    def __init__(self, stages: Sequence[str]) -> None:
        self.stages = stages
        self.corpus = Corpus.load()
        self._sessions: dict[tuple[str, ...], Any] = {}

    def run(self, seed: int, count: int) -> Report:
        rng = random.Random(seed)
        report = Report()
        donors = [path.read_text(encoding="utf-8", errors="surrogateescape") for path, _ in
                  rng.sample(self.corpus.files, min(20, len(self.corpus.files)))]
        for _ in range(count):
            path, include = rng.choice(self.corpus.files)
            text = mutate(path.read_text(encoding="utf-8", errors="surrogateescape"), rng, donors)
            self.run_case(text, path, include, rng, report)
        return report

    def run_case(
        self, text: str, path: Path, include: tuple[str, ...], rng: random.Random, report: Report
    ) -> None:
        for stage in self.stages:
            report.cases[stage] += 1
            started = time.perf_counter()
            try:
                problem = getattr(self, f"_{stage}")(text, str(path), include, rng)
            except Exception as error:  # pylint: disable=broad-exception-caught  # what we look for
                report.crash(_crash_class(stage, error), text, traceback.format_exc())
                continue
            finally:
                report.seconds[stage] += time.perf_counter() - started
            if problem:
                report.crash(f"{stage}:{problem.splitlines()[0][:80]}", text, problem)

    # ------------------------------------------------------------------ stages

    @staticmethod
    def _parse(text: str, path: str, _include: tuple[str, ...], _rng: random.Random) -> str | None:
        from panc.syntax import parse  # pylint: disable=import-outside-toplevel

        result = parse(text, path)
        internal = [d.message for d in result.diagnostics if _internal(d.message)]
        return internal[0] if internal else None

    @staticmethod
    def _lint(text: str, path: str, _include: tuple[str, ...], _rng: random.Random) -> str | None:
        # pylint: disable=import-outside-toplevel
        from panlint.checking import lint_text
        from panlint.config import Config

        lint_text(text, path, Config(select=("ALL",)))

    @staticmethod
    def _fix(text: str, path: str, _include: tuple[str, ...], _rng: random.Random) -> str | None:
        # pylint: disable=import-outside-toplevel
        from panlint.config import Config
        from panlint.fixes import fix_text

        fix_text(text, path, Config(select=("ALL",)))

    @staticmethod
    def _compile(text: str, path: str, include: tuple[str, ...], _rng: random.Random) -> str | None:
        # pylint: disable=import-outside-toplevel
        from panc.compiler import CompileOptions, Compiler
        from panc.loader import FileSystemLoader, MemoryLoader

        loader = MemoryLoader(fallback=FileSystemLoader(list(include)), buffers={path: text})
        options = CompileOptions(include_path=list(include), max_iteration=2000, max_regex_time=2.0,
                                 max_memory=1 << 30)
        # any kind of template: the others are compiled (not run), an object is built and written
        result = Compiler(options, loader=loader, message_sink=lambda _m: None).compile_object(path)
        if result.profile is not None:
            from panc.output import json_format, text_format, xml_format

            for writer in (json_format, xml_format, text_format):
                writer.render(result.profile)
        return result.error.message if result.error is not None and _internal(result.error.message) else None

    def _lsp(self, text: str, path: str, include: tuple[str, ...], rng: random.Random) -> str | None:
        # pylint: disable=import-outside-toplevel
        from lsprotocol import types

        from panls.features import (
            completion,
            diagnostics,
            folding,
            formatting,
            hover,
            navigation,
            semantic_tokens,
            signature,
            symbols,
        )
        from panls.features.linting import lint_diagnostics

        session = self._session(include)
        version = rng.randrange(1_000_000)
        session.update(Path(path).as_uri(), text, version)
        doc = session.document(path, text, version)
        converter = session.converter(path)
        found = diagnostics.pan_diagnostics(session, doc, semantic=True, lint=False)
        diagnostics.to_lsp(session, doc, found + lint_diagnostics(doc, session.settings))
        symbols.document_symbols(doc, converter)
        folding.folding_ranges(doc)
        semantic_tokens.semantic_tokens(doc, converter)
        formatting.format_document(session, doc)
        lines = text.split("\n")
        for _ in range(LSP_POSITIONS):
            line = rng.randrange(len(lines))
            position = types.Position(line=line, character=rng.randrange(len(lines[line]) + 2))
            completion.completion(session, doc, position)
            hover.hover(session, doc, position, [])
            signature.signature_help(session, doc, position)
            navigation.definition(session, doc, position)
        session.close(Path(path).as_uri())

    def _session(self, include: tuple[str, ...]) -> Any:
        from panls.config import Settings  # pylint: disable=import-outside-toplevel
        from panls.session import Session  # pylint: disable=import-outside-toplevel

        key = include[-1:]  # the library: the sessions of the metaconfig folders share it
        session = self._sessions.get(key)
        if session is None:
            session = Session(Settings(root=include[-1], include_path=key))
            session.build_index()
            self._sessions[key] = session
        return session


# ---------------------------------------------------------------------- the command

_FUZZER: list[Fuzzer] = []


def _run_chunk(stages: tuple[str, ...], seed: int, count: int) -> Report:
    if not _FUZZER:
        _FUZZER.append(Fuzzer(stages))
    return _FUZZER[0].run(seed, count)


def fuzz(count: int, seed: int, stages: Sequence[str], jobs: int = 1,
         progress: Callable[[int, Report], None] | None = None) -> Report:
    """Run ``count`` cases in chunks of 100 (chunk ``i`` with seed ``seed * 1000003 + i``)."""
    starts = range(0, count, 100)
    chunks = [(seed * 1_000_003 + i, min(100, count - start)) for i, start in enumerate(starts)]
    report = Report()
    done = 0
    if jobs <= 1:
        results: Iterator[Report] = (_run_chunk(tuple(stages), s, n) for s, n in chunks)
        for result, (_, n) in zip(results, chunks, strict=True):
            report.merge(result)
            done += n
            if progress:
                progress(done, report)
        return report
    with ProcessPoolExecutor(jobs) as pool:
        seeds, counts = zip(*chunks, strict=True)
        results = pool.map(_run_chunk, [tuple(stages)] * len(chunks), seeds, counts)
        for result, n in zip(results, counts, strict=True):
            report.merge(result)
            done += n
            if progress:
                progress(done, report)
    return report


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--stages", default=",".join(STAGES))
    parser.add_argument("--jobs", type=int, default=1, help="worker processes")
    parser.add_argument("--save", type=Path, help="write the first case of each crash class there")
    args = parser.parse_args(argv)
    stages = [s for s in args.stages.split(",") if s]
    unknown = set(stages) - set(STAGES)
    if unknown or not Corpus.load().files:
        parser.error(f"unknown stages {sorted(unknown)}" if unknown else f"no corpus in {CORPORA}")
    os.environ.setdefault("XDG_CACHE_HOME", tempfile.mkdtemp(prefix="pan-fuzz-cache-"))
    started = time.monotonic()
    saved: set[str] = set()

    def progress(done: int, report: Report) -> None:
        print(f"\r{done:,} cases, {len(report.classes)} crash classes, {time.monotonic() - started:,.0f} s",
              end="", flush=True)
        if args.save:  # as they are found: a long run stopped early keeps them
            for name in set(report.classes) - saved:
                _save(args.save, name, *report.classes[name][1:])
                saved.add(name)

    report = fuzz(args.count, args.seed, stages, args.jobs, progress)
    print()
    stage_counts = [f"{stage} {n:,} ({report.seconds[stage]:,.0f} s)" for stage, n in report.cases.items()
                    if n]
    print(f"{args.count:,} cases (seed {args.seed}) in {time.monotonic() - started:,.0f} s; per stage: "
          + ", ".join(stage_counts))
    print(f"{len(report.classes)} crash classes")
    for name, (count, _, _) in sorted(report.classes.items(), key=lambda item: -item[1][0]):
        print(f"  {count:6,}  {name}")
    return 1 if report.classes else 0


def _save(folder: Path, name: str, text: str, detail: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    safe = re.sub(r"[^\w.@:-]+", "_", name)[:120]
    (folder / f"{safe}.pan").write_text(text, encoding="utf-8", errors="surrogateescape")
    (folder / f"{safe}.txt").write_text(detail, encoding="utf-8", errors="replace")


if __name__ == "__main__":
    sys.exit(main())
