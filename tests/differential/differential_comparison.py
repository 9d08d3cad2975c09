"""Compile the same object with the Java panc and with ours; say where the two differ.

Per object the comparison covers, in order: the outcome (exit code), the error category and
the first line of the message, the whole standard output (every error, position and call
stack), the standard error (warnings, debug, traceback), then every file written, byte for byte.
A difference is a ``Divergence`` with a ``group``: a key that puts the differences with one
cause together (numbers, quoted text, paths and positions are blanked out of the messages).

``known_java_bugs.toml`` lists the Java behaviours we do not copy; a divergence that one of its
entries matches counts as agreement (``Divergence.accepted_as`` names the entry).
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from java_oracle import PancRun

KNOWN_JAVA_BUGS = Path(__file__).resolve().with_name("known_java_bugs.toml")
CATEGORIES = (
    "system error",
    "syntax error",
    "parse error",
    "evaluation error",
    "validation error",
    "OPTIONS ERROR",
    "compilation error",
)


@dataclass(frozen=True)
class CompileResult:
    """One compiler's run on one object: what it printed and the files it wrote."""

    run: PancRun
    outputs: dict[str, bytes]

    @classmethod
    def collect(cls, run: PancRun, output_dir: Path) -> CompileResult:
        outputs = (
            {p.name: p.read_bytes() for p in sorted(output_dir.iterdir())} if output_dir.is_dir() else {}
        )
        return cls(run, outputs)


@dataclass(frozen=True)
class Divergence:
    aspect: str
    """outcome, category, message, stdout, stderr, files, or ``file <name>``"""
    java: str
    ours: str
    group: str
    accepted_as: str | None = None


def error_category(stdout: str) -> str:
    """The category of the first error printed (``evaluation error``...), or ``""``."""
    for line in stdout.splitlines():
        for category in CATEGORIES:
            if line.startswith(category):
                return category
    return ""


def first_message_line(stdout: str) -> str:
    """The first line of the first error's message (the line under ``category [file:position]``)."""
    lines = stdout.splitlines()
    for i, line in enumerate(lines):
        if line.startswith(CATEGORIES):
            if line.startswith("OPTIONS ERROR"):
                return line
            return lines[i + 1] if i + 1 < len(lines) else ""
    return lines[0] if lines else ""


_FAMILY_RULES = (
    (re.compile(r"\[[^\]\n]*:[\d?][^\]\n]*\]"), "[POS]"),
    (re.compile(r"'[^'\n]*'"), "'…'"),
    (re.compile(r'"[^"\n]*"'), '"…"'),
    (re.compile(r"(?<![\w.])/[\w/{}.:-]*"), "/PATH"),
    (re.compile(r"-?\b\d+(\.\d+)?([eE][-+]?\d+)?\b"), "N"),
    (re.compile(r"\bfn_\d+|\brec_\d+|\bt_\d+|\bo\d+\b"), "NAME"),
    (re.compile(r"\b(?:an? )?(?:long|double|string|boolean|list|nlist|dict|null|undef)s?\b"), "TYPE"),
)


def message_family(message: str) -> str:
    """``message`` with its particulars blanked out: messages of one family compare equal."""
    for pattern, replacement in _FAMILY_RULES:
        message = pattern.sub(replacement, message)
    return message.strip()[:160]


def _summary(result: CompileResult) -> str:
    if result.run.rc == 0:
        return "succeeds"
    return (
        f"fails: {error_category(result.run.stdout)}: {message_family(first_message_line(result.run.stdout))}"
    )


def _first_difference(java: str, ours: str) -> tuple[str, str]:
    """The first differing line of two texts (the whole texts are in the report's example)."""
    java_lines, our_lines = java.splitlines(), ours.splitlines()
    for a, b in zip(java_lines, our_lines, strict=False):
        if a != b:
            return a, b
    longer = java_lines[len(our_lines) :] or our_lines[len(java_lines) :]
    extra = longer[0] if longer else "(line ends differ)"
    return (extra, "(nothing)") if len(java_lines) > len(our_lines) else ("(nothing)", extra)


def compare(java: CompileResult, ours: CompileResult) -> list[Divergence]:
    """Every aspect in which ``ours`` differs from ``java``; the first one is the most telling."""
    divergences: list[Divergence] = []
    if (java.run.rc == 0) != (ours.run.rc == 0):
        java_side, our_side = _summary(java), _summary(ours)
        divergences.append(
            Divergence("outcome", java_side, our_side, f"outcome | java {java_side} | ours {our_side}")
        )
        return divergences
    if java.run.stdout != ours.run.stdout:
        java_category, our_category = error_category(java.run.stdout), error_category(ours.run.stdout)
        java_message, our_message = first_message_line(java.run.stdout), first_message_line(ours.run.stdout)
        if java_category != our_category:
            aspect = "category"
        elif java_message != our_message:
            aspect = "message"
        else:
            aspect = "stdout"
        if aspect == "stdout":
            java_line, our_line = _first_difference(java.run.stdout, ours.run.stdout)
        else:
            java_line, our_line = f"{java_category}: {java_message}", f"{our_category}: {our_message}"
        divergences.append(
            Divergence(
                aspect,
                java_line,
                our_line,
                f"{aspect} | java {message_family(java_line)} | ours {message_family(our_line)}",
            )
        )
    if java.run.stderr != ours.run.stderr:
        java_line, our_line = _first_difference(java.run.stderr, ours.run.stderr)
        divergences.append(
            Divergence(
                "stderr",
                java_line,
                our_line,
                f"stderr | java {message_family(java_line)} | ours {message_family(our_line)}",
            )
        )
    if set(java.outputs) != set(ours.outputs):
        java_files, our_files = " ".join(sorted(java.outputs)), " ".join(sorted(ours.outputs))
        divergences.append(Divergence("files", java_files, our_files, "files | written files differ"))
    for name in sorted(set(java.outputs) & set(ours.outputs)):
        if java.outputs[name] != ours.outputs[name]:
            java_text = java.outputs[name].decode("utf-8", "replace")
            our_text = ours.outputs[name].decode("utf-8", "replace")
            java_line, our_line = _first_difference(java_text, our_text)
            suffix = name.rsplit(".", 1)[-1]  # the format (an object name may hold dots)
            divergences.append(
                Divergence(
                    f"file {name}",
                    java_line,
                    our_line,
                    f"file .{suffix} | java {message_family(java_line)} | ours {message_family(our_line)}",
                )
            )
    return divergences


# --------------------------------------------------------------------------- known Java bugs


@dataclass(frozen=True)
class KnownJavaBug:
    """An entry of ``known_java_bugs.toml``: a Java behaviour we do not copy, and why."""

    name: str
    reason: str
    aspect: str | None = None
    java: re.Pattern[str] | None = None
    ours: re.Pattern[str] | None = None
    rule: str | None = None
    """A comparison rule implemented in code (for multi-object runs), instead of patterns."""

    def matches(self, divergence: Divergence) -> bool:
        if self.rule is not None:
            return False
        if self.aspect is not None and not divergence.aspect.startswith(self.aspect):
            return False
        if self.java is not None and not self.java.search(divergence.java):
            return False
        return self.ours is None or bool(self.ours.search(divergence.ours))


@dataclass
class KnownJavaBugs:
    bugs: list[KnownJavaBug] = field(default_factory=list)

    @classmethod
    def load(cls, path: Path = KNOWN_JAVA_BUGS) -> KnownJavaBugs:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        bugs = []
        for entry in data.get("bug", []):
            bugs.append(
                KnownJavaBug(
                    name=entry["name"],
                    reason=entry["reason"],
                    aspect=entry.get("aspect"),
                    java=re.compile(entry["java"]) if "java" in entry else None,
                    ours=re.compile(entry["ours"]) if "ours" in entry else None,
                    rule=entry.get("rule"),
                )
            )
        return cls(bugs)

    def rule(self, name: str) -> KnownJavaBug | None:
        return next((bug for bug in self.bugs if bug.rule == name), None)

    def honour(self, divergences: Iterable[Divergence]) -> list[Divergence]:
        """The divergences, each marked with the entry that accepts it (if any)."""
        marked = []
        for divergence in divergences:
            bug = next((b for b in self.bugs if b.matches(divergence)), None)
            marked.append(
                divergence
                if bug is None
                else Divergence(
                    divergence.aspect, divergence.java, divergence.ours, divergence.group, bug.name
                )
            )
        return marked


def real(divergences: Iterable[Divergence]) -> list[Divergence]:
    """The divergences no known Java bug accepts."""
    return [d for d in divergences if d.accepted_as is None]


# --------------------------------------------------------------------------- multi-object runs

_ERROR_HEADER = re.compile(r"^(syntax error|parse error|evaluation error|validation error) \[([^\]:]*)", re.M)


def error_blocks(stdout: str) -> list[tuple[str, str]]:
    """The errors of a multi-object run as ``(file, text)`` pairs, in printed order."""
    starts = [m.start() for m in _ERROR_HEADER.finditer(stdout)]
    blocks = (
        [("", stdout[: starts[0] if starts else len(stdout)])]
        if not stdout.startswith(("syntax error", "parse error", "evaluation error", "validation error"))
        and stdout
        else []
    )
    for start, end in zip(starts, [*starts[1:], len(stdout)], strict=False):
        text = stdout[start:end]
        header = _ERROR_HEADER.match(text)
        assert header is not None
        blocks.append((header.group(2), text.rstrip("\n")))  # the blank lines between errors vary
    return blocks


def compare_multi_object_stdout(
    java_stdout: str, our_stdout: str, failed_in_java: set[str], bugs: KnownJavaBugs
) -> list[Divergence]:
    """The standard output of one panc run over several objects.

    The Java panc keeps the errors of all objects in a ``TreeSet`` ordered by its
    ``ThrowableComparator``, which calls two different errors equal half of the time: it drops
    errors at random and prints the rest in an order that changes from run to run. What it
    prints is compared as a set (each of its errors must be one of ours); an object that failed
    without a word from Java is accepted when ``known_java_bugs.toml`` lists the rule.
    """
    ours_blocks = error_blocks(our_stdout)
    java_blocks = error_blocks(java_stdout)
    divergences = []
    dropping = bugs.rule("java-drops-errors-of-parallel-objects")
    for file, text in java_blocks:
        if (file, text) not in ours_blocks:
            first = text.splitlines()[1] if "\n" in text else text
            divergences.append(
                Divergence(
                    "stdout",
                    text,
                    "(not printed)",
                    f"stdout | java error {message_family(first)} missing from ours",
                )
            )
    reported = {file for file, _ in java_blocks}
    for file, text in ours_blocks:
        if (file, text) in java_blocks:
            continue
        silently_failed = Path(file).stem in failed_in_java and file not in reported
        accepted = dropping.name if (dropping is not None and silently_failed) else None
        first = text.splitlines()[1] if "\n" in text else text
        divergences.append(
            Divergence(
                "stdout",
                "(not printed)",
                text,
                f"stdout | ours error {message_family(first)} not printed by java",
                accepted,
            )
        )
    return divergences
