"""A small site on disk and incremental builds of it through ``panc.build``."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path

from panc.build import BuildReport, BuildSettings, DependencyCheck, build, options_key
from panc.compiler import CompileOptions, Compiler
from panc.output import parse_formats

LIBRARY = {
    "lib/common.pan": "unique template lib/common;\n'/common' = 'yes';\n",
    "lib/web.pan": "unique template lib/web;\n'/web/port' = 80;\n",
    "lib/db.pan": "unique template lib/db;\n'/db/engine' = 'pg';\n",
    "lib/motd.pan": "unique template lib/motd;\n'/motd' = file_contents('motd.txt');\n",
    "lib/optional.pan": (
        "unique template lib/optional;\ninclude if_exists('site/extra');\n"
        "'/has_local' = file_exists('local.txt');\n"
    ),
    "motd.txt": "welcome\n",
}
NODES = {
    "node1": ["lib/common", "lib/web"],
    "node2": ["lib/common", "lib/web"],
    "node3": ["lib/common", "lib/db"],
    "node4": ["lib/motd"],
    "node5": ["lib/optional"],
    "node6": [],
}


def write_site(root: Path) -> Path:
    """The library and one object template per node under ``root/site``; returns that directory."""
    site = root / "site"
    for name, text in LIBRARY.items():
        path = site / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    for node, includes in NODES.items():
        body = "".join(f"include '{i}';\n" for i in includes)
        (site / f"{node}.pan").write_text(f"object template {node};\n{body}'/name' = '{node}';\n")
    return site


@dataclass
class SiteBuild:
    """Builds the site's objects into ``out`` with dependency checking."""

    root: Path
    formats: str = "json,dep"
    workers: int = 1
    include_path: list[str] = field(default_factory=list)
    max_iteration: int = 10000

    @property
    def site(self) -> Path:
        return self.root / "site"

    @property
    def out(self) -> Path:
        out = self.root / "out"
        out.mkdir(exist_ok=True)
        return out

    def paths(self) -> list[str]:
        return [str(self.site / f"{node}.pan") for node in NODES]

    def run(self, force: bool = False, scheduler: object = None, make_compiler=None) -> BuildReport:
        include = self.include_path or [str(self.site)]
        options = CompileOptions(include_path=include, max_iteration=self.max_iteration)
        formats = tuple(parse_formats(self.formats))
        check = DependencyCheck(tuple(include), options_key(options, [f.key for f in formats]), force)
        factory = make_compiler or functools.partial(Compiler, options)
        return build(self.paths(), factory, BuildSettings(str(self.out), formats), workers=self.workers,
                     check=check, scheduler=scheduler)


def compiled(report: BuildReport) -> list[str]:
    """The objects this build compiled (not up to date), in command-line order."""
    return [o.object_name for o in report.outcomes if o.object_name and not o.up_to_date]


def outputs(out: Path) -> dict[str, bytes]:
    """Every output file by name (the manifest aside)."""
    files = sorted(p for p in out.iterdir() if p.is_file() and not p.name.startswith("."))
    return {p.name: p.read_bytes() for p in files}
