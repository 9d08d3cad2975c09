"""The 154 metaconfig test profiles compile to exactly the Java panc's JSON and XML.

Each folder is compiled on its own, as ``../shared/corpora/README.md`` says:
``panc --formats json,pan --output-dir OUT/<folder> --include-path
profiles/<folder>:templates:template-library-core <object templates of the folder>``.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from corpus_support import CORPORA, run_panc

METACONFIG = CORPORA / "metaconfig"
OBJECT_HEADER = re.compile(r"^\s*object\s+template\b", re.MULTILINE)


def _folders() -> list[str]:
    profiles = METACONFIG / "profiles"
    if not profiles.is_dir():
        return []
    return sorted(str(p.relative_to(profiles)) for p in profiles.glob("**/tests/profiles") if p.is_dir())


def _object_templates(folder: Path) -> list[Path]:
    return sorted(p for p in folder.glob("*.pan") if OBJECT_HEADER.search(p.read_text(encoding="utf-8")))


FOLDERS = _folders()

# The httpd test profiles create() templates from a struct/ subfolder of their test folder that
# the corpus does not include (only tests/profiles/*.pan was copied), so no compiler can build
# them from the corpus: they must fail for exactly that reason, and every other object must match
# (all of them once the folder is added to the corpus).
NEEDS_STRUCT_TEMPLATES_MISSING_FROM_CORPUS = {
    "httpd/2.2/tests/profiles": {"graphite-web", "httpd_conf_el6", "php_conf", "ssl", "wsgi_conf"},
    "httpd/2.4/tests/profiles": {"davrods", "graphite-web", "httpd_conf_el7", "oidc", "php_conf", "ssl",
                                 "wsgi_conf"},
}


def test_corpus_has_every_folder():
    if not FOLDERS:
        pytest.skip("../shared/corpora is not available")
    objects = sum(len(_object_templates(METACONFIG / "profiles" / f)) for f in FOLDERS)
    assert (len(FOLDERS), objects) == (66, 154)


@pytest.mark.parametrize("folder", FOLDERS)
def test_folder_compiles_to_the_java_output(folder, tmp_path, monkeypatch):
    monkeypatch.chdir(METACONFIG)
    source = Path("profiles") / folder
    objects = _object_templates(METACONFIG / source)
    include_path = f"{source}:templates:{CORPORA / 'template-library-core'}"
    returncode, stdout, stderr = run_panc(["--formats", "json,pan", "--output-dir", str(tmp_path),
                                           "--include-path", include_path,
                                           *(str(source / p.name) for p in objects)])
    incomplete = NEEDS_STRUCT_TEMPLATES_MISSING_FROM_CORPUS.get(folder, set())
    if (METACONFIG / source / "struct").is_dir():
        incomplete = set()  # the corpus has them now: every object must match
    assert returncode == (1 if incomplete else 0), stdout + stderr
    expected_dir = METACONFIG / "expected" / folder
    for template in objects:
        if template.stem in incomplete:
            assert f"{template.name}:" in stdout
            assert not (tmp_path / f"{template.stem}.json").exists()
            continue
        for suffix in (".json", ".xml"):
            produced = tmp_path / (template.stem + suffix)
            expected = expected_dir / (template.stem + suffix)
            assert produced.read_bytes() == expected.read_bytes(), f"{produced.name} differs"
    lines = stdout.splitlines()
    phrases = ("evaluation error", "validation error", "syntax error", "parse error")
    errors = [line for line in lines if line.startswith(phrases)]
    missing = [line for line in lines if line.startswith("cannot locate template named 'struct/")]
    assert len(errors) == len(missing) == len(incomplete)
