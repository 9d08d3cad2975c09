"""Run the old panlint (``../shared/oracle/old-panlint/panlint.py``) and print its findings as JSON lines.

    ORACLE_PYTHON oracle_driver.py PANLINT_PY [--features_standalone] [--allow_mvn_templates] < FILES

Runs under the interpreter that has the old tool's dependencies (``six``, ``colorama``,
``prettytable``), loads its module and calls its own per-file entry point, so the record
keeps what its text report leaves out: the check ID and the columns. One line per finding
(``file``, ``line``, ``id``, ``start``, ``end`` 0-based and exclusive, ``message``) and one per
file the old tool crashes on (``file``, ``crash``).
"""

from __future__ import annotations

import importlib.util
import json
import sys


def main() -> int:
    module_path, *flags = sys.argv[1:]
    spec = importlib.util.spec_from_file_location("old_panlint", module_path)
    if spec is None or spec.loader is None:
        print(f"cannot load {module_path}", file=sys.stderr)
        return 2
    old = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(old)
    if "--features_standalone" not in flags:
        # What the old command line does when the option is absent.
        del old.LineChecks.features_standalone
    allow_mvn = "--allow_mvn_templates" in flags
    out = sys.stdout
    for filename in (line.rstrip("\n") for line in sys.stdin):
        if not filename:
            continue
        try:
            problem_lines, _count = old.lint_file(filename, allow_mvn)
        except Exception as error:  # pylint: disable=broad-exception-caught
            out.write(json.dumps({"file": filename, "crash": repr(error)}) + "\n")
            continue
        for line in problem_lines:
            for problem in line.problems:
                message = problem.message
                record = {
                    "file": filename,
                    "line": line.number,
                    "id": getattr(message, "id", ""),
                    "start": problem.start,
                    "end": problem.end,
                    "message": getattr(message, "text", str(message)),
                }
                out.write(json.dumps(record) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
