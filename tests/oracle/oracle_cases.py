"""Small pan programs with the Java panc's own output as the expected result.

Each folder of ``cases/`` holds templates; each of its object templates (those whose first
statement is ``object template``) is compiled in a run of its own (the Java compiler prints
only some of the errors when several objects fail in one run), from the folder, with the
folder as include path and ``--formats json,pan`` plus the options in ``options.txt`` if there
is one. The Java compiler's output is kept in ``expected/``: every profile it wrote, and for
each object ``<object>.out``: its exit code, standard output and standard error (the folder's
absolute path replaced by ``CASE``).

``python tests/oracle/oracle_cases.py [CASE...]`` (re)writes ``expected/`` by running the
oracle (``../shared/oracle/java-panc/panc``); the test compiles the same folders with our
``panc`` and compares.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

CASES = Path(__file__).resolve().parent / "cases"
ORACLE = (Path(__file__).resolve().parents[2] / ".." / "shared" / "oracle" / "java-panc" / "panc").resolve()
PLACEHOLDER = "CASE"



@dataclass(frozen=True)
class Outcome:
    """What compiling the objects of a case produced."""

    printed: dict[str, str]
    """Per object: exit code, standard output and standard error."""
    profiles: dict[str, bytes]


def case_names() -> list[str]:
    return sorted(p.name for p in CASES.iterdir() if p.is_dir()) if CASES.is_dir() else []


def object_templates(case: Path) -> list[str]:
    """The object templates of a case, as file names relative to its folder."""
    found = []
    for path in sorted(case.rglob("*.pan")):
        if "expected" in path.relative_to(case).parts:
            continue
        if re.match(r"\s*object\s+template\b", path.read_text(encoding="utf-8", errors="replace")):
            found.append(str(path.relative_to(case)))
    return found


def case_arguments(case: Path, output_dir: Path, template: str) -> list[str]:
    options_file = case / "options.txt"
    options = options_file.read_text(encoding="utf-8").split() if options_file.is_file() else []
    return [
        "--formats",
        "json,pan",
        "--output-dir",
        str(output_dir),
        "--include-path",
        str(case),
        *options,
        template,
    ]


def run_case(case: Path, runner: Callable[[list[str]], tuple[int, str, str]]) -> Outcome:
    """Compile each object of ``case`` with ``runner(argv) -> (rc, stdout, stderr)``, run from
    the case folder: the profiles written, and per object what was printed."""
    printed: dict[str, str] = {}
    profiles: dict[str, bytes] = {}
    prefix = str(case)
    for template in object_templates(case):
        with tempfile.TemporaryDirectory() as scratch:
            output_dir = Path(scratch)
            returncode, stdout, stderr = runner(case_arguments(case, output_dir, template))
            written = sorted(p for p in output_dir.iterdir() if p.is_file())
            profiles.update({p.name: _portable(p, prefix) for p in written})
        name = Path(template).stem
        printed[name] = (
            f"rc {returncode}\n--- stdout\n{stdout.replace(prefix, PLACEHOLDER)}"
            f"--- stderr\n{stderr.replace(prefix, PLACEHOLDER)}"
        )
    return Outcome(printed, profiles)


def _portable(profile: Path, case: str) -> bytes:
    """A written profile; in a ``.dep`` file (which names each template's directory) the
    case folder's absolute path is ``CASE``, as in the printed output."""
    data = profile.read_bytes()
    if profile.suffix == ".dep":
        data = data.replace(case.encode(), PLACEHOLDER.encode())
    return data


def read_expected(case: Path) -> Outcome:
    expected = case / "expected"
    profiles = {p.name: p.read_bytes() for p in sorted(expected.iterdir()) if p.suffix != ".out"}
    printed = {p.stem: p.read_text(encoding="utf-8") for p in sorted(expected.glob("*.out"))}
    return Outcome(printed, profiles)


def _oracle_runner(case: Path) -> Callable[[list[str]], tuple[int, str, str]]:
    def run(argv: list[str]) -> tuple[int, str, str]:
        done = subprocess.run(
            [str(ORACLE), *argv], cwd=case, capture_output=True, text=True, check=False, timeout=300
        )
        return done.returncode, done.stdout, done.stderr

    return run


def regenerate(name: str) -> None:
    case = CASES / name
    outcome = run_case(case, _oracle_runner(case))
    expected = case / "expected"
    shutil.rmtree(expected, ignore_errors=True)
    expected.mkdir()
    for object_name, text in outcome.printed.items():
        (expected / f"{object_name}.out").write_text(text, encoding="utf-8")
    for file_name, data in outcome.profiles.items():
        (expected / file_name).write_bytes(data)
    print(f"{name}: {len(outcome.printed)} objects, {len(outcome.profiles)} profiles")


def main(argv: list[str]) -> int:
    if not ORACLE.is_file():
        print(f"no oracle at {ORACLE}", file=sys.stderr)
        return 2
    for name in argv or case_names():
        regenerate(name)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
