"""Differential testing of panc against the Java panc, at scale.

    python tools/differential.py --count 20000 --seed 1           # generated objects
    python tools/differential.py --count 200 --seed 1 --only 17   # one object, its source and both outputs
    python tools/differential.py --builtins                      # every builtin, right and wrong arguments
    python tools/differential.py --corpora                       # the real corpora in ../shared/corpora
    python tools/differential.py --write-coverage                # rewrite tests/differential/COVERAGE.md
    python tools/differential.py --write-open-divergences        # rewrite .../open_divergences.txt

Generated objects (tests/differential/generated_programs.py) are compiled one by one, each on
its own command line, by the Java panc (one JVM for the whole run) and by ours, and compared:
outcome, error category and message, the whole standard output and error, every output file.
The report gives the agreement, the Java bugs accepted (tests/differential/known_java_bugs.toml)
and the divergences grouped by cause, largest first, each with a minimized example.
Needs the oracle (../shared/oracle/java-panc and its Debian packages, see .ci/run).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import tempfile
import time
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPOSITORY / "tests" / "differential"))

# the test helpers live in tests/differential
# pylint: disable=wrong-import-position,import-error
from builtin_probes import probe_objects  # noqa: E402
from corpus_comparison import CORPUS_RUNS, compare_corpus_run  # noqa: E402
from differential_comparison import KnownJavaBugs  # noqa: E402
from differential_runner import (  # noqa: E402
    ObjectComparison,
    OurWorker,
    Summary,
    compare_objects,
    minimize,
    report_group,
)
from generated_programs import generate_object  # noqa: E402
from generator_coverage import COVERAGE_FILE, coverage_listing  # noqa: E402
from java_oracle import JavaOracle, oracle_unavailable  # noqa: E402
from open_divergences import FIXED_COUNT, FIXED_SEED, OPEN_DIVERGENCES, render  # noqa: E402

from panc.syntax.cache import default_cache  # noqa: E402


def _arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", maxsplit=1)[0])
    parser.add_argument("--count", type=int, default=1000, help="generated objects to compare (default 1000)")
    parser.add_argument("--seed", type=int, default=1, help="run seed: object i of seed s is always the same")
    parser.add_argument("--start", type=int, default=0, help="index of the first object (default 0)")
    parser.add_argument("--only", type=int, help="compare one object and show it in full")
    parser.add_argument("--batch", type=int, default=500, help="objects written to disk at a time")
    parser.add_argument("--examples", type=int, default=40, help="groups shown with a minimized example")
    parser.add_argument(
        "--minimize-budget",
        type=int,
        default=300,
        help="compilations spent at most on minimizing one example",
    )
    parser.add_argument("--report", type=Path, help="also write the report to this file")
    parser.add_argument("--workdir", type=Path, help="keep the work files here (default: a temporary folder)")
    parser.add_argument("--corpora", action="store_true", help="compare the real corpora instead")
    parser.add_argument("--builtins", action="store_true",
                        help="compare the builtin probes instead (tests/differential/builtin_probes.py)")
    parser.add_argument(
        "--write-coverage", action="store_true", help="rewrite tests/differential/COVERAGE.md and stop"
    )
    parser.add_argument(
        "--write-open-divergences",
        action="store_true",
        help="run the tests' comparisons (fixed-seed set, corpora) and rewrite "
        "tests/differential/open_divergences.txt with what they find",
    )
    return parser.parse_args(argv)


class Report:
    """Prints as it goes, and keeps the text for --report."""

    def __init__(self) -> None:
        self.parts: list[str] = []

    def write(self, text: str) -> None:
        # a program may hold half of a surrogate pair (substr of an emoji): shown escaped
        text = text.encode("utf-8", "backslashreplace").decode("utf-8")
        self.parts.append(text)
        sys.stdout.write(text)
        sys.stdout.flush()


def _show_one(comparison: ObjectComparison, report: Report) -> None:
    report.write(comparison.generated.source_text())
    for side, result in (("java", comparison.java), ("ours", comparison.ours)):
        report.write(f"=== {side}: exit {result.run.rc}\n{result.run.stdout}")
        if result.run.stderr:
            report.write(f"--- {side} stderr\n{result.run.stderr}")
        for name, data in result.outputs.items():
            report.write(f"--- {side} {name}\n{data.decode('utf-8', 'replace')}\n")
    for divergence in comparison.divergences:
        accepted = f" (accepted: {divergence.accepted_as})" if divergence.accepted_as else ""
        report.write(
            f"DIVERGES {divergence.aspect}{accepted}\n  java: {divergence.java}\n  ours: {divergence.ours}\n"
        )
    if not comparison.divergences:
        report.write("AGREES\n")


def run_generated(args: argparse.Namespace, workdir: Path, report: Report) -> Summary:
    bugs = KnownJavaBugs.load()
    summary = Summary()
    started = time.monotonic()
    worker = OurWorker()
    with JavaOracle() as oracle, contextlib.closing(worker):
        if args.only is not None:
            comparison = next(compare_objects([generate_object(args.seed, args.only)], oracle, workdir, bugs,
                                              worker=worker))
            _show_one(comparison, report)
            summary.add(comparison)
            return summary
        indexes = range(args.start, args.start + args.count)
        for first in range(0, len(indexes), args.batch):
            batch = [generate_object(args.seed, i) for i in indexes[first : first + args.batch]]
            for comparison in compare_objects(batch, oracle, workdir, bugs, worker=worker):
                summary.add(comparison)
            elapsed = time.monotonic() - started
            sys.stderr.write(
                f"\r{summary.total}/{args.count} objects, {summary.agreement:.2f} % agree, {elapsed:.0f} s"
            )
            sys.stderr.flush()
        sys.stderr.write("\n")
        report.write(
            f"# Differential run: seed {args.seed}, objects {args.start}..{args.start + args.count - 1}\n\n"
        )
        report.write(f"- agreement: {summary.agreeing}/{summary.total} objects = {summary.agreement:.2f} %\n")
        report.write(
            f"- objects the Java panc refuses: {summary.java_failures} "
            f"({100.0 * summary.java_failures / max(summary.total, 1):.1f} %)\n"
        )
        for name, count in sorted(summary.accepted.items()):
            report.write(f"- accepted as a known Java bug, {name}: {count}\n")
        report.write(
            f"- divergence groups: {len(summary.groups)} (wall time {time.monotonic() - started:.0f} s)\n\n"
        )
        report.write("| objects | group |\n|---:|---|\n")
        for group in summary.ranked():
            report.write(f"| {group.count} | {group.key.replace('|', '/')} |\n")
        for group in summary.ranked()[: args.examples]:
            example = minimize(group.smallest(), oracle, workdir, bugs, budget=args.minimize_budget,
                               worker=worker)
            report_group(group, example, report.write)
    return summary


def run_builtin_probes(workdir: Path, report: Report) -> Summary:
    summary = Summary()
    with JavaOracle() as oracle:
        for comparison in compare_objects(probe_objects(), oracle, workdir, KnownJavaBugs.load()):
            summary.add(comparison)
    report.write(f"# Builtin probes: {summary.agreeing}/{summary.total} agree "
                 f"({summary.agreement:.2f} %)\n\n")
    for group in summary.ranked():
        example = group.smallest()
        call = example.generated.templates[example.generated.main_file].statements[-1]
        report.write(f"{group.count:4} | {group.key}\n       e.g. {call}\n")
    return summary


def run_corpora(workdir: Path, report: Report) -> int:
    failures = 0
    with JavaOracle(time_limit=600) as oracle:
        for run in CORPUS_RUNS:
            if not run.available():
                report.write(f"{run.name}: corpus not available, skipped\n")
                continue
            divergences = compare_corpus_run(run, oracle, workdir / run.name.replace("/", "_"))
            failures += bool(divergences)
            report.write(
                f"{run.name}: {'agrees' if not divergences else f'{len(divergences)} divergences'}\n"
            )
            for divergence in divergences[:10]:
                report.write(
                    f"  {divergence.aspect}\n    java: {divergence.java}\n    ours: {divergence.ours}\n"
                )
    return 1 if failures else 0


def write_open_divergences(workdir: Path) -> int:
    """Rewrites open_divergences.txt with the divergences the tests' own runs find today."""
    found: dict[str, set[str]] = {"generated": set(), "probes": set()}
    with JavaOracle() as oracle:
        objects = (generate_object(FIXED_SEED, i) for i in range(FIXED_COUNT))
        for where, batch in (("generated", objects), ("probes", probe_objects())):
            for comparison in compare_objects(batch, oracle, workdir, KnownJavaBugs.load()):
                if comparison.cause is not None:
                    found[where].add(comparison.cause.group)
        oracle.time_limit = 600
        for run in CORPUS_RUNS:
            if run.available():
                divergences = compare_corpus_run(run, oracle, workdir / run.name.replace("/", "_"))
                if divergences:
                    found[f"corpus {run.name}"] = {d.group for d in divergences}
    OPEN_DIVERGENCES.write_text(render(found), encoding="utf-8")
    print(f"wrote {OPEN_DIVERGENCES}: {sum(len(k) for k in found.values())} open divergences")
    return 0


def main(argv: list[str] | None = None) -> int:
    args = _arguments(argv)
    if args.write_coverage:
        COVERAGE_FILE.write_text(coverage_listing(), encoding="utf-8")
        print(f"wrote {COVERAGE_FILE}")
        return 0
    reason = oracle_unavailable()
    if reason:
        print(f"differential: {reason}", file=sys.stderr)
        return 2
    report = Report()
    with tempfile.TemporaryDirectory(prefix="pan-differential-") as temporary:
        workdir = args.workdir or Path(temporary)
        workdir.mkdir(parents=True, exist_ok=True)
        # our panc's parse cache: in the work folder, not the user's, and a small memo (every
        # generated template is parsed once)
        os.environ["XDG_CACHE_HOME"] = str(workdir / "cache")
        default_cache().memo_size = 64
        if args.write_open_divergences:
            return write_open_divergences(workdir)
        if args.corpora:
            status = run_corpora(workdir, report)
        elif args.builtins:
            status = 0 if not run_builtin_probes(workdir, report).groups else 1
        else:
            summary = run_generated(args, workdir, report)
            status = 0 if not summary.groups else 1
    if args.report:
        args.report.write_text("".join(report.parts), encoding="utf-8")
    return status


if __name__ == "__main__":
    sys.exit(main())
