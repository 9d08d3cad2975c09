"""``panc docs``: types with fields and defaults, functions with arguments, variables, cross-links."""

from __future__ import annotations

import io

from panc.annotations.docs import run

LIBRARY = {
    "demo/types.pan": """declaration template demo/types;

@{ Ports and servers.

Second paragraph. }
type port = long(1..65535);

@documentation{
    desc = a server
}
type server = {
    @{ where it listens }
    'port' : port = 80
    'aliases' ? string[] = list('www')
};
""",
    "demo/functions.pan": """declaration template demo/functions;

@documentation{
    descr = adds one
    arg = a number
    arg = ignored
}
function add_one = ARGV[0] + 1;

@{ the default server }
variable DEFAULT_SERVER ?= dict('port', 8080);
""",
}


def _site(tmp_path):
    for name, text in LIBRARY.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text)
    return ["demo/types.pan", "demo/functions.pan"]


def test_markdown_reference(tmp_path):
    stdout = io.StringIO()
    assert run(["--base-dir", str(tmp_path), *_site(tmp_path)], stdout, io.StringIO()) == 0
    page = stdout.getvalue()
    assert page.index("## demo/functions") < page.index("## demo/types")  # sorted by name
    assert "Ports and servers.\n\nSecond paragraph." in page
    assert "| `port` | `port` ([port](#type-port)) | yes | `80` | where it listens |" in page
    assert "| `aliases` | `string[]` | no | `list('www')` |  |" in page
    assert "#### add_one()\n\nadds one\n\n1. a number\n2. ignored" in page
    assert "| `DEFAULT_SERVER` | `dict('port', 8080)` | the default server |" in page
    assert '<a id="type-server"></a>' in page


def test_html_reference_links_types(tmp_path):
    out = tmp_path / "ref.html"
    assert run(["--base-dir", str(tmp_path), "--format", "html", "--output", str(out), *_site(tmp_path)],
               io.StringIO(), io.StringIO()) == 0
    page = out.read_text()
    assert page.startswith("<!DOCTYPE html>")
    assert '<td><code><a href="#type-port">port</a></code></td>' in page
    assert '<h4 id="type-server">type server</h4>' in page
    assert "<ol><li>a number</li><li>ignored</li></ol>" in page


def test_unparsable_template_is_reported(tmp_path):
    (tmp_path / "bad.pan").write_text("template bad;\n'/x' = ;\n")
    stderr = io.StringIO()
    assert run(["--base-dir", str(tmp_path), "bad.pan"], io.StringIO(), stderr) == 1
    assert stderr.getvalue().startswith("bad.pan: ")
    assert stderr.getvalue().endswith(" (line 2, column 8)\n")  # where it is


def test_an_output_file_that_cannot_be_written_is_reported(tmp_path):
    stderr = io.StringIO()
    out = tmp_path / "missing-dir" / "ref.md"
    assert run(["--base-dir", str(tmp_path), "--output", str(out), *_site(tmp_path)],
               io.StringIO(), stderr) == 1
    assert stderr.getvalue() == f"cannot write {out}: No such file or directory\n"


def test_a_form_feed_in_a_comment_does_not_shift_the_source_text(tmp_path):
    (tmp_path / "ff.pan").write_text("declaration template ff;\n# page \x0c break\n"
                                     "type port = long(1..65535);\nvariable V = 'abc';\n")
    stdout = io.StringIO()
    assert run(["--base-dir", str(tmp_path), "ff.pan"], stdout, io.StringIO()) == 0
    assert "Type: `long(1..65535)`" in stdout.getvalue()
    assert "| `V` | `'abc'` |  |" in stdout.getvalue()


def test_a_template_that_is_not_utf8_is_documented(tmp_path):
    (tmp_path / "latin.pan").write_bytes("template latin;\n@{ café }\nvariable X = 1;\n".encode("latin-1"))
    out = tmp_path / "ref.md"
    assert run(["--base-dir", str(tmp_path), "--output", str(out), "latin.pan"],
               io.StringIO(), io.StringIO()) == 0
    assert "caf\ufffd" in out.read_text(encoding="utf-8")


TAGGED = """declaration template demo/tagged;

@documentation{
    Adds two numbers.
    @param first the first
      number
    @param second the second number
    @return their sum
}
function add = ARGV[0] + ARGV[1];

type port = {
    @{ where it listens @see RFC 793 }
    'port' : long
};
"""


def test_javadoc_tags_render_as_lists(tmp_path):
    (tmp_path / "tagged.pan").write_text(TAGGED)
    stdout = io.StringIO()
    assert run(["--base-dir", str(tmp_path), "tagged.pan"], stdout, io.StringIO()) == 0
    page = stdout.getvalue()
    assert (
        "#### add()\n\nAdds two numbers.\n\n"
        "- *@param* `first` — the first number\n"
        "- *@param* `second` — the second number\n"
        "- *@return* — their sum\n"
    ) in page
    assert "| `port` | `long` | yes |  | where it listens; @see RFC 793 |" in page
    out = tmp_path / "ref.html"
    assert run(["--base-dir", str(tmp_path), "--format", "html", "--output", str(out), "tagged.pan"],
               io.StringIO(), io.StringIO()) == 0
    assert (
        '<p>Adds two numbers.</p><ul class="tags">'
        "<li><em>@param</em> <code>first</code> — the first number</li>" in out.read_text()
    )

def test_a_directory_stands_for_the_templates_below_it(tmp_path):
    _site(tmp_path)
    (tmp_path / "demo" / "notes.txt").write_text("not a template")
    stdout, stderr = io.StringIO(), io.StringIO()
    assert run(["--base-dir", str(tmp_path), "demo"], stdout, stderr) == 0
    assert stderr.getvalue() == ""
    page = stdout.getvalue()
    assert "## demo/functions" in page and "## demo/types" in page
    assert "notes" not in page


def test_a_path_that_does_not_exist_writes_no_page(tmp_path):
    _site(tmp_path)
    stdout, stderr = io.StringIO(), io.StringIO()
    assert run(["--base-dir", str(tmp_path), "demo/types.pan", "demo/nope.pan"], stdout, stderr) == 1
    assert stdout.getvalue() == ""
    assert stderr.getvalue() == "panc docs: demo/nope.pan: no such file or directory\n"
