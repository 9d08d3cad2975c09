"""Builtins that need the evaluator: variables, SELF, the profile, templates, files, messages."""

from __future__ import annotations

import gzip

from pan_eval import compile_templates, error, profile, value

from panc.diagnostics import DeprecationFailure, EvaluationError, PanSyntaxError, UserError


def test_append_and_prepend_forms() -> None:
    result = profile(
        "'/s' = list(1);\n'/s' = append(2);\n'/p' = list(1);\n'/p' = prepend(0);\n"
        "'/v' = { x[0] = 1; append(x, 2); x; };\n'/n' = prepend(newvar, 1);\n"
        "'/c' = { y = list(1); z = append(value('/s'), 3); length(y) + length(z); };\n"
    )
    assert result == {"s": [1, 2], "p": [0, 1], "v": [1, 2], "n": [1], "c": 1 + 3}
    assert isinstance(error("'/x' = prepend(null);\n"), PanSyntaxError)
    assert isinstance(error("'/x' = append('BAD', 1);\n"), PanSyntaxError)
    assert isinstance(error("variable n = 'BAD';\n'/x' = append(n, 1);\n"), EvaluationError)
    assert isinstance(error("variable n = null;\n'/x' = prepend(list(), n);\n"), EvaluationError)


def test_first_and_next_iterate() -> None:
    body = (
        "{ r = ''; ok = first(dict('b', 2, 'a', 1), k, v); "
        "while (ok) { r = r + k; ok = next(nothing, k, v); }; r; }"
    )
    assert isinstance(error(f"'/x' = {body};\n"), EvaluationError)
    result = value(
        "{ x = list('a', 'b'); r = ''; "
        "for (ok = first(x, k, v); ok; ok = next(x, k, v)) r = r + to_string(k) + v; r; }"
    )
    assert result == "0a1b"
    assert isinstance(error("'/x' = first(dict(), 2, 3);\n"), PanSyntaxError)
    variables = (
        "variable X = list(1, 2, 3);\n"
        "'/x' = { s = 0; for (ok = first(X, k, v); ok; ok = next(X, k, v)) s = s + v; s; };\n"
    )
    assert profile(variables)["x"] == 6


def test_delete() -> None:
    assert value("{ x = list('a', 'b', 'c'); delete(x[1]); x; }") == ["a", "c"]
    assert value("{ x = dict('a', 1, 'b', 2); delete(x['a']); delete(x['zz']); x; }") == {"b": 2}


def test_exists_forms() -> None:
    result = compile_templates(
        {
            "obj": "object template obj;\n'/a' = 1;\nvariable V = dict('k', 1);\n"
            "'/r' = list(exists(V['k']), exists(V['z']), exists(V[0]), exists('/a'), exists('/b'),"
            " exists('tpl'), exists('nothere'), exists(UNKNOWN));\n",
            "tpl": "template tpl;\n",
        }
    )
    assert result.error is None
    assert result.profile is not None and result.profile["r"] == [
        True,
        False,
        False,
        True,
        False,
        True,
        False,
        False,
    ]
    assert isinstance(error("variable X = dict();\n'/r' = exists(X['/illegal/term']);\n"), EvaluationError)


def test_value_and_path_exists() -> None:
    result = profile(
        "'/a' = 0;\n'/v' = value('/a', 1);\n'/d' = value('/nopath', 'dflt');\n"
        "'/u' = undef;\n'/u' = value('/u', 'was undef');\n"
        "'/p' = list(path_exists('/a'), path_exists('/a/b'));\n"
    )
    assert result == {"a": 0, "v": 0, "d": "dflt", "u": "was undef", "p": [True, False]}
    assert isinstance(error("'/a' = value('/nopath');\n"), EvaluationError)


def test_value_of_another_object() -> None:
    result = compile_templates(
        {
            "obj": "object template obj;\n'/r' = value('other:/x');\n",
            "other": "object template other;\n'/x' = 'OK';\n",
        }
    )
    assert result.error is None and result.profile == {"r": "OK"}
    assert {d.name for d in result.dependencies} == {"obj", "other"}
    result = compile_templates({"obj": "object template obj;\n'/r' = value('missing:/root');\n"})
    assert isinstance(result.error, EvaluationError)


def test_circular_object_references_during_build_fail() -> None:
    result = compile_templates(
        {
            "obj": "object template obj;\n'/r' = value('other:/x');\n",
            "other": "object template other;\n'/x' = value('obj:/r');\n",
        }
    )
    assert isinstance(result.error, EvaluationError)


def test_substitute() -> None:
    assert value("substitute('${v1}-${v2}', dict('v1', 'ok1', 'v2', 'ok2'))") == "ok1-ok2"
    assert profile("variable V = 'g';\n'/x' = { l = 'l'; substitute('${V}${l}$${V}'); };\n")["x"] == "gl${V}"
    assert isinstance(error("'/x' = substitute('${nothere}');\n"), EvaluationError)


def test_is_valid_uses_the_types() -> None:
    result = profile(
        "type short = string(..2);\n'/r' = list(is_valid(short, 'ab'), is_valid(short, 'abc'));\n"
    )
    assert result["r"] == [True, False]
    assert "requires exactly two arguments" in error("'/r' = is_valid();\n").message


def test_file_contents_and_file_exists() -> None:
    result = compile_templates(
        {
            "obj": "object template obj;\n'/t' = file_contents('ok.txt');\n"
            "'/g' = file_contents('ok.gz', 'gzip');\n"
            "'/e' = list(file_exists('ok.txt'), file_exists('no.txt'));\n"
        },
        files={"ok.txt": "OK", "ok.gz": gzip.compress(b"zipped")},
    )
    assert result.error is None
    assert result.profile == {"t": "OK", "g": "zipped", "e": [True, False]}
    assert ("ok.txt", "TEXT") in {(d.name, d.kind) for d in result.dependencies}
    # a constant absolute name is refused when compiling, as panc's FileContents does
    assert isinstance(error("'/t' = file_contents('/absolute/file.txt');\n"), PanSyntaxError)
    assert isinstance(error("'/t' = file_contents('missing.txt');\n"), EvaluationError)


def test_debug_and_traceback_are_gated() -> None:
    body = (
        "'/a' = {\n  m = 'dbg';\n  debug('debug message: ' + m);\n"
        "  traceback('traceback message: ' + m);\n  1;\n};\n"
    )
    source = {"obj": "object template obj;\n" + body}
    quiet: list[str] = []
    assert compile_templates(source, messages=quiet).messages == []
    loud: list[str] = []
    result = compile_templates(source, messages=loud, debug=True)
    assert result.messages == loud
    assert loud[0] == "[obj] debug message: dbg\n"
    assert loud[1] == (
        "traceback message: dbg\n>>> call stack trace \n>>> [memory/obj.pan:5.3-5.38]\n"
        ">>> ====================\n\n\n"
    )
    only_other: list[str] = []
    compile_templates(source, messages=only_other, debug_ns_include="other.*")
    assert not only_other
    assert compile_templates(source, debug_ns_include="ob.").messages != []
    assert compile_templates(source, debug=True, debug_ns_exclude="obj").messages == []
    assert profile("variable X = debug('BAD');\n'/r' = is_defined(X);\n") == {"r": False}


def test_deprecated_follows_the_warnings_option() -> None:
    # value() keeps the statement for run time: evaluated at compile time, deprecated() is
    # silent (tests/oracle/cases/deprecated-at-compile-time)
    source = {"obj": "object template obj;\n'/m' = 'old';\n'/a' = { m = value('/m'); deprecated(0, m); };\n"}
    assert compile_templates(source, warnings="off").messages == []
    assert compile_templates(source, warnings="on").messages == ["old\n"]
    err = compile_templates(source, warnings="fatal").error
    assert err is not None and err.message == "deprecation error: old"
    assert type(err) is DeprecationFailure


def test_error_calls_and_deprecations_are_kinds_of_their_own() -> None:
    assert type(error("'/a' = error('boom');\n")) is UserError
    # the kind goes by what raised it, not by the text of the message
    assert type(error("'/a' = 'x' + undef_variable_user_initiated_error;\n")) is EvaluationError
    assert type(error("'/a' = to_long(' user-initiated error: ');\n")) is EvaluationError
    # reported again where an external path met them: the same kind
    failing = {
        "obj": "object template obj;\n'/r' = value('other:/x');\n",
        "other": "object template other;\n'/x' = error('in other');\n",
    }
    result = compile_templates(failing)
    assert type(result.error) is UserError and "in other" in result.error.message
    deprecating = {
        "obj": "object template obj;\n'/r' = value('other:/x');\n",
        # value() keeps the statement for run time (deprecated() is silent at compile time)
        "other": "object template other;\n'/m' = 'old';\n'/x' = { m = value('/m'); deprecated(0, m); };\n",
    }
    assert type(compile_templates(deprecating, warnings="fatal").error) is DeprecationFailure


def test_dict_keys_are_checked_at_compile_time() -> None:
    err = error("'/d' = dict(\"10\", 4);\n")
    assert isinstance(err, PanSyntaxError)
    assert err.message == "invalid key (10) for nlist() or hash()"
    assert isinstance(error("'/d' = nlist('a', 1, 'a', 2);\n"), PanSyntaxError)


def test_builtin_argument_counts_are_checked_at_compile_time() -> None:
    for call in ("max()", "min(1, 2, 3)", "format()", "match('x')", "merge()"):
        assert isinstance(error(f"'/x' = {call};\n"), PanSyntaxError), call
