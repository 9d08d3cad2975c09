"""The real corpora of ``../shared/corpora`` compiled by the Java panc and by ours, side by side.

Each ``CorpusRun`` is one panc command line of a corpus's README (the SCDB example site's ten
hosts, tlc-all-templates, each of the 66 metaconfig folders), with every uncompressed output
format and absolute paths (the oracle's JVM has its own working directory). The comparison
covers the exit code, the standard output (the errors, as a set when several objects fail: see
``compare_multi_object_stdout``), the standard error (sorted where the objects warn in parallel),
and every file written, byte for byte.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from differential_comparison import (
    CompileResult,
    Divergence,
    KnownJavaBugs,
    compare,
    compare_multi_object_stdout,
    real,
)
from java_oracle import REPOSITORY, JavaOracle, PancRun, run_ours

CORPORA = REPOSITORY.parent / "shared" / "corpora"
ALL_FORMATS = "pan,xml,json,text,dot,dep"
_OBJECT_HEADER = re.compile(r"^\s*object\s+template\b", re.MULTILINE)


@dataclass(frozen=True)
class CorpusRun:
    name: str
    folder: Path
    """The corpus folder the command runs in (the README's paths are relative to it)."""
    arguments: Callable[[Path], list[str]]
    """The panc arguments (absolute paths) for an output folder."""
    sort_stderr: bool = False
    """The objects print warnings in parallel, in a varying order: compare the lines sorted."""

    def available(self) -> bool:
        return self.folder.is_dir()


def _object_templates(folder: Path) -> list[Path]:
    return sorted(p for p in folder.glob("*.pan") if _OBJECT_HEADER.search(p.read_text(encoding="utf-8")))


def _scdb_arguments(output_dir: Path) -> list[str]:
    cfg = CORPORA / "scdb-example-site" / "cfg"
    cluster = cfg / "clusters" / "grid" / "umd4"
    include_path = [
        cluster,
        cluster / "profiles",
        cluster / "site",
        cfg / "sites" / "example",
        cfg / "grid" / "umd-4",
        cfg / "os",
        cfg / "quattor" / "dev",
        cfg / "standard",
    ]
    return [
        "--formats",
        ALL_FORMATS,
        "--max-iteration",
        "5000",
        "--warnings",
        "on",
        "--output-dir",
        str(output_dir),
        "--include-path",
        ":".join(map(str, include_path)),
        *map(str, sorted((cluster / "profiles").glob("*.example.org.pan"))),
    ]


def _tlc_arguments(output_dir: Path) -> list[str]:
    return [
        "--formats",
        ALL_FORMATS,
        "--output-dir",
        str(output_dir),
        "--include-path",
        f"{CORPORA / 'template-library-core'}:{CORPORA / 'tlc-all-templates'}",
        str(CORPORA / "tlc-all-templates" / "test.pan"),
    ]


def _metaconfig_arguments(folder: str) -> Callable[[Path], list[str]]:
    metaconfig = CORPORA / "metaconfig"

    def arguments(output_dir: Path) -> list[str]:
        source = metaconfig / "profiles" / folder
        return [
            "--formats",
            ALL_FORMATS,
            "--output-dir",
            str(output_dir),
            "--include-path",
            f"{source}:{metaconfig / 'templates'}:{CORPORA / 'template-library-core'}",
            *map(str, _object_templates(source)),
        ]

    return arguments


def _metaconfig_folders() -> list[str]:
    profiles = CORPORA / "metaconfig" / "profiles"
    if not profiles.is_dir():
        return []
    return sorted(str(p.relative_to(profiles)) for p in profiles.glob("**/tests/profiles") if p.is_dir())


CORPUS_RUNS: list[CorpusRun] = [
    CorpusRun("scdb-example-site", CORPORA / "scdb-example-site", _scdb_arguments, sort_stderr=True),
    CorpusRun("tlc-all-templates", CORPORA / "tlc-all-templates", _tlc_arguments),
    *(
        CorpusRun(
            f"metaconfig/{folder}", CORPORA / "metaconfig", _metaconfig_arguments(folder), sort_stderr=True
        )
        for folder in _metaconfig_folders()
    ),
]


def _collect(run: PancRun, output_dir: Path) -> CompileResult:
    outputs = {
        str(p.relative_to(output_dir)): p.read_bytes() for p in sorted(output_dir.rglob("*")) if p.is_file()
    }
    return CompileResult(run, outputs)


def compare_corpus_run(run: CorpusRun, oracle: JavaOracle, workdir: Path) -> list[Divergence]:
    """Every way in which our panc differs from the Java panc on ``run`` (known Java bugs left out)."""
    results = []
    for side in ("java", "ours"):
        output_dir = workdir / side
        if output_dir.exists():
            shutil.rmtree(output_dir)
        output_dir.mkdir(parents=True)
        argv = run.arguments(output_dir)
        outcome = oracle.run(argv) if side == "java" else run_ours(argv)
        if run.sort_stderr:
            outcome = PancRun(outcome.rc, outcome.stdout, "".join(sorted(outcome.stderr.splitlines(True))))
        results.append(_collect(outcome, output_dir))
    java, ours = results
    bugs = KnownJavaBugs.load()
    divergences = [d for d in compare(java, ours) if d.aspect not in ("category", "message", "stdout")]
    if java.run.stdout != ours.run.stdout:
        objects = {Path(p).stem for p in run.arguments(workdir) if p.endswith(".pan")}
        written = {Path(name).name.removesuffix(".json") for name in java.outputs if name.endswith(".json")}
        failed_in_java = objects - written
        divergences += compare_multi_object_stdout(java.run.stdout, ours.run.stdout, failed_in_java, bugs)
    return real(bugs.honour(divergences))
