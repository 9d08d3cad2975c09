"""A no-change rebuild loads nothing it does not need: no compiler, no parser, no parse cache."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from build_support import write_site

REPO = Path(__file__).resolve().parents[2]
_PROBE = """
import json, sys
from panc.cli import main
code = main(sys.argv[1:])
heavy = ["panc.compiler", "panc.syntax.parser", "panc.syntax.cache", "panc.evaluation.dml", "hashlib"]
print(json.dumps({"code": code, "loaded": [m for m in heavy if m in sys.modules]}))
"""


def _build(site: Path, out: Path) -> dict:
    env = dict(os.environ, PYTHONPATH=str(REPO), XDG_CACHE_HOME=str(site.parent / "cache"))
    nodes = sorted(str(p) for p in site.glob("node*.pan"))
    done = subprocess.run([sys.executable, "-c", _PROBE, "build", "--formats", "json,dep", "--include-path",
                           str(site), "--output-dir", str(out), *nodes],
                          env=env, capture_output=True, text=True, check=True)
    return json.loads(done.stdout.splitlines()[-1])


def test_no_change_rebuild_loads_no_compiler_parser_or_cache(tmp_path):
    site = write_site(tmp_path)
    old = 1_600_000_000_000_000_123  # settled long ago: their digests go to the stat cache
    for path in site.rglob("*"):
        if path.is_file():
            os.utime(path, ns=(old, old))
    out = tmp_path / "out"
    out.mkdir()
    first = _build(site, out)
    assert first["code"] == 0 and "panc.syntax.cache" in first["loaded"]  # the probe sees loads
    again = _build(site, out)
    assert again == {"code": 0, "loaded": []}
