"""``panc annotations`` writes panc-annotations' XML byte for byte (the library's 623 expected files)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from panc.annotations.cli import run
from panc.annotations.xml_format import render
from panc.syntax import parse

CORPORA = (Path(__file__).resolve().parents[2] / ".." / "shared" / "corpora").resolve()
LIBRARY = CORPORA / "template-library-core"
EXPECTED = CORPORA / "tlc-all-templates" / "expected-annotations"


def _expected_files() -> list[Path]:
    if not EXPECTED.is_dir():
        pytest.skip("shared corpora not available")
    return sorted(EXPECTED.rglob("*.annotation.xml"))


def test_the_whole_library_is_byte_identical(tmp_path):
    expected = _expected_files()
    relatives = [p.relative_to(EXPECTED).as_posix().removesuffix(".annotation.xml") for p in expected]
    stdout, stderr = io.StringIO(), io.StringIO()
    code = run(["--base-dir", str(LIBRARY), "--output-dir", str(tmp_path), *relatives], stdout, stderr)
    assert (code, stdout.getvalue()) == (0, "")
    different = [r for r, p in zip(relatives, expected, strict=True)
                 if (tmp_path / f"{r}.annotation.xml").read_bytes() != p.read_bytes()]
    assert different == []
    assert len(relatives) == 623


SOURCE = """declaration template demo/schema;

@{ A demo. }
type port = long(1..65535);

type server = {
    @{ where it listens }
    'port' : port = 80
    'hosts' : string[] = list('a', 'b')
    'name' ? string = to_uppercase('x')
};

@documentation{
    descr = adds one
    arg = a number
}
function add_one = ARGV[0] + 1;

variable DEFAULT_PORT ?= 80;
bind '/server' = server;
"""


def test_literal_defaults_only_unless_all_defaults():
    template = parse(SOURCE, "demo/schema.pan").ast
    plain = render(template, SOURCE)
    assert '<default source-range="8.21-8.22" text="80"/>' in plain
    assert "list(" not in plain and "to_uppercase" not in plain
    extended = render(template, SOURCE, all_defaults=True)
    assert "<default source-range=\"9.26-9.39\" text=\"list('a', 'b')\"/>" in extended
    assert "text=\"to_uppercase('x')\"" in extended
    assert '<function name="add_one" source-range="17.1-17.31">' in plain
    assert "<arg>a number</arg>" in plain
    assert '<variable name="DEFAULT_PORT" source-range="19.1-19.28"/>' in plain
    assert plain.rstrip().endswith(
        '<basetype name="server" source-range="20.18-20.23" extensible="false"/>\n</template>')


def test_a_form_feed_in_a_comment_does_not_shift_the_source_text():
    # spans count lines by "\n" only; str.splitlines would also break at the form feed
    source = "declaration template ff;\n# page \x0c break\ntype t = { 'a' : long = 1 + 2 };\n"
    extended = render(parse(source, "ff.pan").ast, source, all_defaults=True)
    assert '<default source-range="3.25-3.29" text="1 + 2"/>' in extended


def test_a_syntax_error_is_reported_and_others_written(tmp_path):
    (tmp_path / "bad.pan").write_text("template bad;\n'/x' = ;\n")
    (tmp_path / "good.pan").write_text("template good;\n@{ hi }\nvariable X = 1;\n")
    stdout = io.StringIO()
    code = run(["--base-dir", str(tmp_path), "--output-dir", str(tmp_path), "bad.pan", "good.pan"],
               stdout, io.StringIO())
    assert code == 1
    assert "bad.pan:2" in stdout.getvalue()
    assert (tmp_path / "good.pan.annotation.xml").read_text().count("<desc> hi </desc>") == 1
    assert not (tmp_path / "bad.pan.annotation.xml").exists()


def test_a_template_that_is_not_utf8_gives_well_formed_xml(tmp_path):
    (tmp_path / "latin.pan").write_bytes("template latin;\n@{ café }\nvariable X = 1;\n".encode("latin-1"))
    assert run(["--base-dir", str(tmp_path), "--output-dir", str(tmp_path), "latin.pan"],
               io.StringIO(), io.StringIO()) == 0
    written = (tmp_path / "latin.pan.annotation.xml").read_bytes()
    assert "<desc> caf\ufffd </desc>".encode() in written  # the byte as Java's decoder reads it
    written.decode("utf-8")
