"""The cyclic garbage collector around compiles (``panc.syntax.gcpause``).

A successful compile leaves no cyclic garbage, so a one-shot process (the ``panc`` command)
takes what it keeps out of the collector's scans; a long-lived one (the language server, the
debugger) must not, as dropping a compiler leaves cycles only the collector frees.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

_SCRIPT = """
import gc, sys
from panc.compiler import CompileOptions, Compiler
from panc.syntax.gcpause import declare_one_shot

compiler = Compiler(CompileOptions(include_path=[sys.argv[1]]))

def frozen_after(name):
    gc.unfreeze()
    result = compiler.compile_object(name)
    return f"{name}:{'ok' if result.error is None else 'failed'}:{gc.get_freeze_count() > 0}:{gc.isenabled()}"

print(frozen_after("good"), frozen_after("bad"))
declare_one_shot()
print(frozen_after("good"), frozen_after("bad"))
"""


def test_only_a_one_shot_process_freezes_what_a_successful_compile_kept(tmp_path):
    (tmp_path / "good.pan").write_text("object template good;\n'/a' = list(1, 2);\n")
    (tmp_path / "bad.pan").write_text("object template bad;\n'/a' = 1 + 'x';\n")
    env = dict(os.environ, PYTHONPATH=str(REPO))
    done = subprocess.run([sys.executable, "-c", _SCRIPT, str(tmp_path)], env=env, capture_output=True,
                          text=True, check=True)
    assert done.stdout.split("\n") == [
        "good:ok:False:True bad:failed:False:True",  # a long-lived process: nothing frozen
        "good:ok:True:True bad:failed:False:True",  # one-shot: frozen after a success only
        "",
    ]


def test_the_panc_command_freezes_after_its_compiles(tmp_path):
    (tmp_path / "good.pan").write_text("object template good;\n'/a' = 1;\n")
    script = ("import gc, sys, panc.cli\n"
              "freeze = gc.freeze\n"
              "gc.freeze = lambda: (sys.stderr.write('frozen\\n'), freeze())\n"
              "sys.argv = ['panc', '--formats', 'json', 'good.pan']\n"
              "panc.cli.console_main()\n")
    env = dict(os.environ, PYTHONPATH=str(REPO), XDG_CACHE_HOME=str(tmp_path / "cache"))
    done = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, env=env, capture_output=True,
                          text=True, check=True)
    assert done.stderr == "frozen\n"
    assert (tmp_path / "good.json").read_text() == '{\n  "a": 1\n}'
