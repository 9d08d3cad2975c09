"""The command line: old panlint's options, report, exit codes and globs; formats, config, cache, --fix.

That the old tool prints the same report and exits with the same code for its own options is
shown side by side in ``test_panlint_parity.py``; these tests hold without it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from panlint_support import isolated, run_cli

from panlint.cli import main

CLEAN = "unique template good;\n\n'/a' = 1;\n"
STYLE = "unique template style;\n\n'/a' = 1 ;\n"
WARNED = "unique template warned;\n\n'/a' = nlist();\n"
REPO = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.usefixtures(isolated.__name__)
run = run_cli


def write(path: str, text: str) -> str:
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    Path(path).write_text(text, encoding="utf-8")
    return path


def test_clean_file_exits_zero(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, write("good.pan", CLEAN))
    assert (code, out) == (0, "")


def test_findings_exit_one_with_the_old_report(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, write("style.pan", STYLE))
    assert code == 1
    assert out == "\nstyle.pan:3: Whitespace before semicolon\n'/a' = 1 ;\n        ^^\n"


def test_vi_headers_and_the_full_format(capsys: pytest.CaptureFixture[str]) -> None:
    path = write("style.pan", STYLE)
    assert run(capsys, "--vi", path)[1].startswith("\nstyle.pan +3 #Whitespace before semicolon\n")
    code, out, _ = run(capsys, "--format", "full", path)
    assert code == 1
    assert out == "style.pan:3:9: LP008 [info] Whitespace before semicolon\n    '/a' = 1 ;\n            ^^\n"


def test_one_report_per_line_with_every_message_and_marker(capsys: pytest.CaptureFixture[str]) -> None:
    path = write("busy.pan", "unique template busy;\n\n  '/a/'=nlist(1,2) ; # a comment\n")
    code, out, _ = run(capsys, path)
    assert code == 1
    assert out == (
        "\nbusy.pan:3: Indentation should be a multiple of four spaces, Use dicts instead of nlists, "
        "Commas should be followed by exactly one space, Whitespace before semicolon, "
        "Unnecessary trailing slash at end of profile path, Missing space before and after operator\n"
        "  '/a/'=nlist(1,2) ;\n"
        "^^   ^^^^^^^^  ^^ ^^\n"
    )


def test_always_exit_success(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--always_exit_success", write("style.pan", STYLE))
    assert code == 0 and "semicolon" in out


def test_threshold_and_suppress_levels(capsys: pytest.CaptureFixture[str]) -> None:
    style = write("style.pan", STYLE)
    warned = write("warned.pan", WARNED)
    assert run(capsys, "--threshold", "Warning", style)[0] == 0
    assert run(capsys, "--threshold", "warning", warned)[0] == 1
    code, out, _ = run(capsys, "--suppress", "Warning", style, warned)
    assert code == 1 and "semicolon" not in out and "nlists" in out
    assert run(capsys, "--suppress", "Advice", style)[0:2] == run(capsys, style)[0:2]
    assert run(capsys, "--suppress", "Error", style, warned)[0:2] == (0, "")


def test_bad_level_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "--threshold", "loud", write("good.pan", CLEAN))
    assert code == 2 and "loud" in err


def test_glob_expansion_and_directories(capsys: pytest.CaptureFixture[str]) -> None:
    write("site/a.pan", STYLE)
    write("site/sub/b.pan", STYLE.replace("style", "other"))
    write("site/notes.txt", "not pan")
    write("site/.git/hidden.pan", STYLE)
    code, out, _ = run(capsys, "--format", "full", "--summary", "site/**/*.pan")
    assert code == 1 and "site/a.pan" not in out and "site/sub/b.pan" in out  # as Python's glob: one level
    code, out, _ = run(capsys, "--format", "full", "--summary", "--preview", "site/**/*.pan")
    assert "site/a.pan" in out and "site/sub/b.pan" in out  # --preview: any depth
    assert out.endswith("LP008: 2\n2 findings in 2 of 2 files\n")
    code, out, _ = run(capsys, "--format", "full", "--summary", "site")
    assert "2 findings in 2 of 2 files" in out and "notes.txt" not in out and ".git" not in out


def test_pattern_matching_nothing_is_skipped_with_a_warning(capsys: pytest.CaptureFixture[str]) -> None:
    write("good.pan", CLEAN)
    code, out, err = run(capsys, "good.pan", "missing/*.pan", "nowhere.pan")
    assert (code, out) == (0, "") and "missing/*.pan" in err and "nowhere.pan" in err
    code, out, err = run(capsys, "--preview", "good.pan", "missing/*.pan")
    assert code == 2 and out == "" and "missing/*.pan" in err


def test_no_path_is_no_work(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys) == (0, "No files were provided, not doing anything\n", "")


def test_unknown_option_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["--frobnicate", "x.pan"])
    assert stop.value.code == 2
    capsys.readouterr()


def test_ignore_components(capsys: pytest.CaptureFixture[str]) -> None:
    path = write("comp.pan", "unique template comp;\n\n'/software/components/foo/active' = true;\n")
    code, out, _ = run(capsys, path)
    assert code == 1 and "Component foo in use" in out
    assert run(capsys, "--ignore-components", "bar,foo", path)[0:2] == (0, "")


def test_allow_mvn_templates(capsys: pytest.CaptureFixture[str]) -> None:
    source = write("source.pan", "${componentconfig}\n\ninclude 'components/accounts/functions';\n")
    code, out, _ = run(capsys, source)
    assert code == 1 and "First non-comment line must be the template type and name" in out
    assert run(capsys, "--allow_mvn_templates", source)[0:2] == (0, "")
    # The old tool took the placeholder for the declaration and checked the real one as code.
    declaration = "unique template components/${project.artifactId}/config;\n"
    path = write("mvn.pan", "${componentschema}\n\n" + declaration)
    code, out, _ = run(capsys, "--allow_mvn_templates", path)
    assert code == 1 and "Missing space before and after operator" in out
    assert run(capsys, "--preview", "--allow_mvn_templates", path)[0:2] == (0, "")
    code, out, _ = run(capsys, "--format", "full", "--preview", "--select", "ALL", path)
    assert code == 1 and "PE001" in out
    assert run(capsys, "--preview", "--select", "ALL", "--allow_mvn_templates", path)[0:2] == (0, "")


def test_table_and_summary_output(capsys: pytest.CaptureFixture[str]) -> None:
    write("good.pan", CLEAN)
    code, out, _ = run(
        capsys,
        "--table",
        "--summary",
        "warned.pan",
        "good.pan",
        write("style.pan", STYLE),
        write("warned.pan", WARNED),
    )
    assert code == 1
    assert out.split("\nProblem count per file:\n")[1] == (
        "+------------+--------+---------+-------+-------+\n"
        "| Filename   | Advice | Warning | Error | Total |\n"
        "+------------+--------+---------+-------+-------+\n"
        "| good.pan   |      0 |       0 |     0 |     0 |\n"
        "| style.pan  |      1 |       0 |     0 |     1 |\n"
        "| warned.pan |      0 |       1 |     0 |     1 |\n"
        "+------------+--------+---------+-------+-------+\n"
        "\n\n2 problems found in 2 lines\n"
        "Highest severity problem found was Warning\n"
    )


def test_summary_without_findings(capsys: pytest.CaptureFixture[str]) -> None:
    """The old tool printed the first line, then crashed: no highest severity to name."""
    assert run(capsys, "--summary", write("good.pan", CLEAN)) == (0, "\n\n0 problems found in 0 lines\n", "")


def test_json_format(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--format", "json", write("style.pan", STYLE))
    document = json.loads(out)
    assert code == 1
    assert document["summary"] == {"LP008": 1}
    finding = document["findings"][0]
    assert (finding["rule"], finding["name"], finding["line"], finding["column"]) == (
        "LP008",
        "space-before-semicolon",
        3,
        9,
    )
    assert finding["fix"]["edits"] == [[3, 9, 3, 10, ""]]
    assert document["findings"][0]["message"] == "Whitespace before semicolon"


def test_github_format(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "--format", "github", write("warned.pan", WARNED))
    assert out == (
        "::warning file=warned.pan,line=3,col=8,endLine=3,endColumn=13,title=LP004 deprecated-nlist"
        "::Use dicts instead of nlists\n"
    )


def test_sarif_format_has_the_required_structure(capsys: pytest.CaptureFixture[str]) -> None:
    write("style.pan", STYLE)
    code, out, _ = run(capsys, "--format", "sarif", "style.pan", write("warned.pan", WARNED))
    log = json.loads(out)
    assert code == 1
    assert log["version"] == "2.1.0" and log["$schema"].endswith("sarif-2.1.0.json")
    run_ = log["runs"][0]
    driver = run_["tool"]["driver"]
    assert driver["name"] == "panlint"
    rules = driver["rules"]
    for rule in rules:
        assert {"id", "name", "shortDescription", "fullDescription", "help", "defaultConfiguration"} <= set(
            rule
        )
        assert rule["defaultConfiguration"]["level"] in ("error", "warning", "note")
    assert len({rule["id"] for rule in rules}) == len(rules)
    results = run_["results"]
    assert {result["ruleId"] for result in results} == {"LP008", "LP004"}
    for result in results:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        assert result["level"] in ("error", "warning", "note") and result["message"]["text"]
        location = result["locations"][0]["physicalLocation"]
        assert location["artifactLocation"]["uriBaseId"] == "%SRCROOT%"
        region = location["region"]
        assert region["startLine"] == 3 and region["endColumn"] > region["startColumn"] >= 1
        change = result["fixes"][0]["artifactChanges"][0]
        assert change["artifactLocation"]["uri"] == location["artifactLocation"]["uri"]
        replacement = change["replacements"][0]
        assert {"startLine", "startColumn", "endColumn"} <= set(replacement["deletedRegion"])
        assert "text" in replacement["insertedContent"]
        assert result["partialFingerprints"]
    assert run_["originalUriBaseIds"]["%SRCROOT%"]["uri"].endswith("/")


def test_sarif_to_file(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--format", "sarif", "-o", "out.sarif", write("good.pan", CLEAN))
    assert (code, out) == (0, "")
    assert json.loads(Path("out.sarif").read_text(encoding="utf-8"))["runs"][0]["results"] == []


def test_explain_and_list(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--explain", "lp003")
    assert code == 0 and out.startswith("LP003 trailing-whitespace (info, fixable)") and "comment" in out
    assert run(capsys, "--explain", "trailing-whitespace")[1] == out
    assert run(capsys, "--explain", "XX999")[0] == 2
    code, out, _ = run(capsys, "--list-rules")
    assert code == 0 and "FT001" in out and "opt-in" in out
    listed = {line.split()[0]: line.split() for line in out.splitlines()}
    assert listed["LP001"][1:3] == ["info", "fix"] and listed["FL001"][1] == "error"
    assert listed["SM001"][2] == "preview" and listed["FT002"][2] == "opt-in"


def test_select_ignore_and_feature_options(capsys: pytest.CaptureFixture[str]) -> None:
    path = write(
        "features/x/config.pan",
        "unique template features/x/config;\n\n'/a' = SITE_VALUE ;\ninclude 'features/y/config';\n",
    )
    code, out, _ = run(capsys, "--format", "full", path)
    assert "LP008" in out and "FT001" not in out and "FT002" not in out
    code, out, _ = run(capsys, "--format", "full", "--feature-templates-standalone", "--ignore", "LP", path)
    assert code == 1 and "FT001" in out and "LP008" not in out
    code, out, _ = run(capsys, "--features_standalone", "--select", "FT", path)
    assert code == 1 and "Feature template includes a template which is not a child of the feature" in out
    assert run(capsys, "--select", "LP0", "--ignore", "LP008", path)[0:2] == (0, "")
    assert run(capsys, "--select", "NOPE", path)[0] == 2


def test_preview_turns_the_ast_rules_on(capsys: pytest.CaptureFixture[str]) -> None:
    path = write("dup.pan", "unique template dup;\n\n'/a' = dict('k', 1, 'k', 2);\n")
    assert run(capsys, path)[0:2] == (0, "")
    code, out, _ = run(capsys, "--format", "full", "--preview", path)
    assert code == 1 and "SM001" in out


def test_pyproject_configuration(capsys: pytest.CaptureFixture[str]) -> None:
    write("pyproject.toml", "[project]\nname = 'x'\n\n[tool.panlint]\nignore = ['LP008']\nline-length = 20\n")
    code, out, _ = run(capsys, write("style.pan", STYLE.replace("1 ;", "list(1, 2, 3) ;")))
    assert "semicolon" not in out and "Line is longer than 20 characters" in out and code == 1


def test_panlint_toml_configuration_and_errors(capsys: pytest.CaptureFixture[str]) -> None:
    style = write("style.pan", STYLE)
    write(".panlint.toml", "select = ['PP']\n")
    assert run(capsys, style)[0:2] == (0, "")
    write(".panlint.toml", "selekt = ['PP']\n")
    code, _, err = run(capsys, style)
    assert code == 2 and "selekt" in err
    write(".panlint.toml", "select = [\n")
    assert run(capsys, style)[0] == 2


def test_suppression_comment_covers_the_next_code_line(capsys: pytest.CaptureFixture[str]) -> None:
    text = (
        "unique template supp;\n\n"
        "# panlint disable=LP008,PP001\n"
        "# another comment\n"
        "'/a/' = 1 ;\n"
        "'/b/' = 2 ;\n"
        "'/c' = 'x # panlint disable=LP008' ;\n"
        "'/d' = 3 ; # panlint disable=space-before-semicolon\n"
    )
    code, out, _ = run(capsys, "--format", "json", write("supp.pan", text))
    found = [(f["line"], f["rule"]) for f in json.loads(out)["findings"]]
    assert code == 1
    assert found == [(6, "PP001"), (6, "LP008"), (7, "LP008")]
    code, out, _ = run(capsys, "--preview", "--format", "json", "supp.pan")
    assert [(f["line"], f["rule"]) for f in json.loads(out)["findings"]] == found


def test_fix_in_place(capsys: pytest.CaptureFixture[str]) -> None:
    path = write("messy.pan", "unique template messy;\n\n'/a/'=nlist('k',1) ;   \n")
    code, out, err = run(capsys, "--fix", path)
    assert Path(path).read_text(encoding="utf-8") == "unique template messy;\n\n'/a' = dict('k', 1);\n"
    assert (code, out) == (0, "") and "fixed" in err


def test_cache_is_used_and_invalidated(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = write("style.pan", STYLE)
    first = run(capsys, path)
    cache_files = list((tmp_path / "cache" / "pan-tools" / "panlint").glob("results-*.marshal"))
    assert len(cache_files) == 1
    assert run(capsys, path) == first
    write("style.pan", CLEAN)
    assert run(capsys, path)[0:2] == (0, "")
    cache_files[0].write_text("{corrupt", encoding="utf-8")
    write("style.pan", STYLE)
    assert run(capsys, path) == first


def test_directory_without_templates_is_an_error(capsys: pytest.CaptureFixture[str]) -> None:
    Path("empty").mkdir()
    code, _, err = run(capsys, "empty")
    assert code == 0 and "warning: no .pan file under 'empty'" in err
    code, _, err = run(capsys, "--preview", "empty")
    assert code == 2 and "error: no .pan file under 'empty'" in err


def test_internal_error_exits_two_and_keeps_other_findings(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from panlint.rules.semantics import DuplicateDictKey  # pylint: disable=import-outside-toplevel

    def broken(self: DuplicateDictKey, context: object) -> None:
        raise RuntimeError("rule bug")

    monkeypatch.setattr(DuplicateDictKey, "check", broken)
    code, out, err = run(capsys, "--no-cache", "--extend-select", "SM001", write("style.pan", STYLE))
    assert code == 2
    assert "rule bug" in err and "internal error in rule SM001 while linting style.pan" in err
    assert "Whitespace before semicolon" in out


def test_console_entry_point_runs() -> None:
    completed = subprocess.run(
        [sys.executable, "-m", "panlint", "--version"],
        capture_output=True,
        text=True,
        check=False,
        cwd=REPO,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    assert completed.returncode == 0 and completed.stdout.startswith("panlint ")


def test_parse_cache_gives_the_same_findings(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = write("style.pan", STYLE)
    plain = run(capsys, "--preview", "--no-cache", path)
    assert run(capsys, "--preview", "--parse-cache", path) == plain
    assert list((tmp_path / "cache" / "pan-tools").glob("parse-v*/**/*")), "the parse cache was written"
    Path(tmp_path / "cache" / "pan-tools" / "panlint").rename(tmp_path / "old-results")
    assert run(capsys, "--preview", "--parse-cache", path) == plain


def test_readme_configuration_example_is_valid(capsys: pytest.CaptureFixture[str]) -> None:
    readme = (REPO / "panlint" / "README.md").read_text(encoding="utf-8")
    example = readme.split("```toml\n", 1)[1].split("```", 1)[0]
    write("pyproject.toml", example)
    code, out, _ = run(capsys, write("style.pan", STYLE))
    assert (code, "semicolon" in out) == (0, True)  # reported, but below the example's threshold


def test_fix_diff_changes_no_file(capsys: pytest.CaptureFixture[str]) -> None:
    path = write("messy.pan", "unique template messy;\n\n'/a/'=nlist('k',1) ;   \n")
    code, out, _ = run(capsys, "--fix", "--diff", path)
    assert code == 0
    assert Path(path).read_text(encoding="utf-8").endswith("'/a/'=nlist('k',1) ;   \n")
    assert out.splitlines()[:2] == ["--- messy.pan", "+++ messy.pan"]
    assert "-'/a/'=nlist('k',1) ;   " in out and "+'/a' = dict('k', 1);" in out
    assert run(capsys, "--diff", path)[0] == 2


def test_fix_keeps_windows_line_endings(capsys: pytest.CaptureFixture[str]) -> None:
    Path("crlf.pan").write_bytes(b"unique template crlf;\r\n\r\n'/a' = 1 ;  \r\n'/b' = 'x';\r\n")
    code, out, _ = run(capsys, "--format", "full", "crlf.pan")
    assert code == 1 and "LP008" in out and "LP003" in out
    run(capsys, "--fix", "crlf.pan")
    assert Path("crlf.pan").read_bytes() == b"unique template crlf;\r\n\r\n'/a' = 1;\r\n'/b' = 'x';\r\n"


def test_an_unwritable_report_file_is_an_error_not_a_traceback(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = write("good.pan", CLEAN)
    code, _, err = run(capsys, "--output", str(tmp_path / "missing" / "report.txt"), path)
    assert code == 2
    assert err.startswith("panlint: error: cannot write the report to ") and "report.txt" in err


def test_the_cache_reads_only_files_with_findings_when_nothing_changed(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import panlint.runner  # pylint: disable=import-outside-toplevel

    style, good = write("style.pan", STYLE), write("good.pan", CLEAN)
    long_ago = 1_000_000_000
    for path in (style, good):
        os.utime(path, (long_ago, long_ago))
    first = run(capsys, style, good)
    read: list[str] = []
    original = panlint.runner.read_source
    monkeypatch.setattr(panlint.runner, "read_source", lambda path: read.append(path) or original(path))
    assert run(capsys, style, good) == first
    assert read == [style]  # for its report; good.pan's size and time show it unchanged
    write("good.pan", CLEAN.replace("1", "2"))  # same size, new time: read and checked again
    read.clear()
    assert run(capsys, style, good) == first
    assert read == [style, good]
