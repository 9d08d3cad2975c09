"""The Java panc's checks of its command line, with its messages (``OPTIONS ERROR: ...``).

The Java panc reads its options with clojure's ``tools.cli``, then checks their values one by
one (``org.quattor.pan.cmd-option``). ``panc`` does both the same way for the options the two
share, so that a script or a build tool sees the same errors; the options pan-tools adds keep
their own checks (``panc.cli``).

1. The command line (``tools.cli``): each option not known, and each option that takes a value
   given none, is an error. All of them are printed on stdout, first as clojure's ``pprint``
   prints the vector of their messages, then as ``OPTIONS ERROR:`` and the messages one per
   line. ``--help`` and ``--version`` win over them.
2. The values, in the order of the Java panc's option map (a hash map: formats, include path,
   output directory, nthread, warnings, max-iteration, max-recursion, found by running it);
   the first wrong one is the error.
"""

from __future__ import annotations

import os
import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field

from panc.commands import OptionsError

JAVA_VALUE_OPTIONS: Mapping[str, str] = {
    "--debug-ns-include": "REGEX",
    "--debug-ns-exclude": "REGEX",
    "--initial-data": "DICT",
    "--include-path": "PATH",
    "--output-dir": "DIR",
    "--formats": "FORMATS",
    "--java-opts": "OPTS",
    "--max-iteration": "LIMIT",
    "--max-recursion": "LIMIT",
    "--nthread": "NUM",
    "--logging": "LOG_TYPES",
    "--log-file": "FILE",
    "--warnings": "FLAG",
}
"""The Java panc's options that take a value, with the name of the value in its messages."""

_LONG_WITH_VALUE = re.compile(r"--\S+=")
_PPRINT_WIDTH = 72
"""clojure.pprint's right margin: a vector longer than this is printed one item per line."""
_INT32 = range(-(2**31), 2**31)
_JAVA_INTEGER = re.compile(r"[+-]?\d+")


@dataclass
class CommandLine:
    """A command line as ``tools.cli`` reads it."""

    argv: list[str] = field(default_factory=list)
    """The same arguments for ``argparse``: each value attached to its option (``--opt=VALUE``,
    so that a value starting with ``-`` stays a value, as ``tools.cli`` takes it), the value of
    a flag dropped (``--debug=3`` is ``--debug`` there), files after ``--``."""
    flags: set[str] = field(default_factory=set)
    """The flags given (``--help``...)."""
    errors: list[str] = field(default_factory=list)


def read_command_line(arguments: Sequence[str], value_options: Mapping[str, str],
                      flags: Collection[str]) -> CommandLine:
    """``tools.cli``'s ``tokenize-args`` and ``parse-option-tokens`` over ``arguments``.

    ``value_options`` maps each option taking a value to the name of that value (``--formats``:
    ``FORMATS``); ``flags`` are the options taking none (short ones may come clumped: ``-hv``).
    """
    line = CommandLine()
    files: list[str] = []
    tokens = iter(arguments)
    for token in tokens:
        if token == "--":  # the end of the options
            files.extend(tokens)
            break
        if token.startswith("--"):
            value: str | None = None
            if _LONG_WITH_VALUE.match(token):
                token, value = token.split("=", 1)
            elif token in value_options:
                value = next(tokens, None)
            _option(line, token, value, value_options, flags)
        elif len(token) > 1 and token.startswith("-"):
            for letter in token[1:]:
                _option(line, f"-{letter}", None, value_options, flags)
        else:
            files.append(token)
    line.argv.append("--")
    line.argv.extend(files)
    return line


def _option(line: CommandLine, name: str, value: str | None, value_options: Mapping[str, str],
            flags: Collection[str]) -> None:
    if name in value_options:
        if value is None:
            line.errors.append(f"Missing required argument for {pr_str(f'{name} {value_options[name]}')}")
        else:
            line.argv.append(f"{name}={value}")
    elif name in flags:
        line.flags.add(name)
        line.argv.append(name)
    else:
        line.errors.append(f"Unknown option: {pr_str(name)}")


def command_line_error_text(errors: Sequence[str]) -> str:
    """What the Java panc prints for the errors of its command line: the vector of messages
    (clojure's ``pprint``), then the ``OPTIONS ERROR``."""
    items = [pr_str(error) for error in errors]
    vector = "[" + " ".join(items) + "]"
    if len(vector) > _PPRINT_WIDTH:
        vector = "[" + "\n ".join(items) + "]"
    return vector + "\nOPTIONS ERROR: " + "\n".join(errors) + "\n"


def pr_str(text: str) -> str:
    """A string as clojure's ``pr-str`` writes it."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    for character, escape in _CLOJURE_ESCAPES.items():
        escaped = escaped.replace(character, escape)
    return f'"{escaped}"'


_CLOJURE_ESCAPES = {"\n": "\\n", "\t": "\\t", "\r": "\\r", "\f": "\\f", "\b": "\\b"}


# ---------------------------------------------------------------------- the values


def include_path_entries(text: str) -> list[str]:
    """``--include-path`` split on the path separator, blank entries dropped; the bad ones
    make the Java panc's error, which names each (made absolute as ``java.io.File`` does)."""
    entries = [entry for entry in text.split(os.pathsep) if entry.strip()]
    bad = [entry for entry in entries if not os.path.isdir(entry)]
    if bad:
        names = " ".join(_java_absolute(entry) for entry in bad)
        raise OptionsError(f"include path must contain only existing directories: {names}")
    return entries


def _java_absolute(path: str) -> str:
    """``new File(path).getAbsolutePath()``: separators collapsed, no trailing one, relative
    paths under the working directory, nothing else resolved."""
    normal = re.sub("/+", "/", path)
    if len(normal) > 1:
        normal = normal.rstrip("/")
    return normal if normal.startswith("/") else os.path.join(os.getcwd(), normal)


def existing_output_dir(text: str) -> str:
    if not os.path.isdir(text):
        raise OptionsError(f"{text} must be an existing directory")
    return text


def positive_integer(option: str, text: str) -> int:
    """``cmd-option-utils/positive-integer`` (its message's typo included)."""
    value = _java_integer(option, text)
    if value <= 0:
        raise OptionsError(f"only postive values for {option} are allowed")
    return value


def non_negative_integer(option: str, text: str) -> int:
    value = _java_integer(option, text)
    if value < 0:
        raise OptionsError(f"only non-negative values for {option} are allowed")
    return value


def _java_integer(option: str, text: str) -> int:
    """``Integer.valueOf``: an optional sign and decimal digits, within 32 bits."""
    if _JAVA_INTEGER.fullmatch(text) and int(text) in _INT32:
        return int(text)
    raise OptionsError(f"invalid integer value ({text}) for {option}")


def warnings_level(text: str, levels: Collection[str]) -> str:
    if text not in levels:
        raise OptionsError(":warnings value must be off, on, or fatal")
    return text
