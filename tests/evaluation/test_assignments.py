"""Assignment statements: =, ?=, final, null, undef placeholders, parents and the replacement rule."""

from __future__ import annotations

import pytest
from pan_eval import error, profile

from panc.diagnostics import EvaluationError, PanSyntaxError, ValidationError
from panc.evaluation.values import UNDEF


def test_missing_parents_are_created_as_dicts_or_lists() -> None:
    result = profile("'/a/b/0/c' = 1;\n")
    assert result == {"a": {"b": [{"c": 1}]}}


def test_lists_are_padded_with_undef() -> None:
    result = profile("'/l/2' = 'x';\n'/l/0' = 'a';\n'/l/1' = 'b';\n")
    assert result["l"] == ["a", "b", "x"]
    err = error("'/l/1' = 'x';\n")
    assert err.message == "element at /l/0 is undefined"


def test_negative_index_counts_from_the_end() -> None:
    assert profile("'/d' = list(5, 6);\n'/d/-1' = 7;\n")["d"] == [5, 7]


def test_null_deletes_paths_and_list_elements() -> None:
    assert profile("'/a' = 1;\n'/a' = null;\n'/k' = 2;\n") == {"k": 2}
    assert profile("'/l' = list(1, 2, 3);\n'/l/1' = null;\n")["l"] == [1, 3]


def test_conditional_assignment_only_when_absent_or_undef() -> None:
    result = profile("'/a' = 'set';\n'/a' ?= 'ignored';\n'/b' = undef;\n'/b' ?= 'default';\n'/c' ?= 'new';\n")
    assert result == {"a": "set", "b": "default", "c": "new"}


def test_replacement_rule() -> None:
    assert isinstance(error("'/x' = 1;\n'/x' = 'string';\n"), EvaluationError)
    assert isinstance(error("'/x' = 1;\n'/x' = 1.0;\n"), EvaluationError)
    assert isinstance(error("'/x/0' = 1;\n'/x/a' = 2;\n"), EvaluationError)
    assert profile("'/x' = 1;\n'/x' = undef;\n'/x' = 'now a string';\n")["x"] == "now a string"


def test_cannot_add_child_to_a_property() -> None:
    err = error("'/a' = 1;\n'/a/b' = 2;\n")
    assert isinstance(err, EvaluationError)
    assert err.message == "cannot add child to element of type long"
    assert err.span is not None and err.span.range_text() == "3.1-3.11"
    assert err.trace == [err.span]


def test_final_paths_and_their_ancestors() -> None:
    err = error("final '/a' = 1;\n'/a' = 2;\n")
    assert err.message == "/a cannot be modified; /a is marked as final"
    err = error("final '/t/d/v' = 1;\n'/t' = null;\n")
    assert err.message == "/t cannot be modified; /t/d/v is marked as final"
    assert isinstance(error("final '/t' = dict('a', 1);\n'/t/a' = 3;\n"), EvaluationError)


def test_final_flag_is_set_even_when_conditional_does_not_assign() -> None:
    assert isinstance(error("'/a' = 1;\nfinal '/a' ?= 2;\n'/a' = 3;\n"), EvaluationError)


def test_self_is_the_current_value_and_the_path_exists_during_the_dml() -> None:
    result = profile(
        "'/a' = 1;\n'/a' = SELF + 1;\n'/b' = exists('/b');\n'/c/d' = { SELF['e'] = 1; SELF; };\n"
    )
    assert result == {"a": 2, "b": True, "c": {"d": {"e": 1}}}


def test_root_replacement() -> None:
    assert profile("'/' = dict('a', 1);\n") == {"a": 1}
    err = error("'/' = undef;\n")
    assert err.message == "root element cannot be replaced by element of type undef"
    assert isinstance(error("'/' = list();\n"), EvaluationError)


def test_invalid_paths_are_syntax_errors() -> None:
    for path in ("/0", "", "//a", "/a/06"):
        assert isinstance(error(f"'{path}' = 1;\n"), PanSyntaxError), path
    assert isinstance(error("prefix 'a';\n'b' = 1;\n"), PanSyntaxError)


def test_prefix_applies_to_relative_assignments() -> None:
    assert profile("prefix '/a';\n'0' = 1;\n") == {"a": [1]}
    assert isinstance(error("prefix '/a';\n'b' = 1;\n'0' = 2;\n"), EvaluationError)
    assert profile("prefix '/p';\n'b' = 1;\nprefix '/q';\n'c' = 2;\n") == {"p": {"b": 1}, "q": {"c": 2}}


def test_constant_resources_are_not_shared_between_assignments() -> None:
    result = profile("'/a' = list(1);\n'/a' = append(2);\n'/b' = list(1);\n")
    assert result == {"a": [1, 2], "b": [1]}
    assert UNDEF not in result["a"]


def test_list_indexes_beyond_java_int_range_are_refused() -> None:
    # panc's message (tests/oracle/cases/escaped-terms), a syntax error of the statement's path
    err = error("'/l/9999999999' = 1;\n")
    assert isinstance(err, PanSyntaxError)
    assert err.message == "index (9,999,999,999) exceeds largest permitted value (2,147,483,647)"


def test_braces_escape_a_term_the_same_way_everywhere() -> None:
    # '{...}' is escape(...) in statement paths, DML indexes, dict() keys and path strings,
    # also for a character beyond ASCII (its Latin-1 code: tests/oracle/cases/escaped-terms)
    result = profile(
        "'/a/{b/c}/{é}' = 1;\n"
        "'/e' = escape('é');\n"
        "'/d' = dict('{é}', 2);\n"
        "'/x' = { x = dict(); x['{é}'] = 3; x; };\n"
        "'/v' = value('/a/{b/c}/{é}');\n"
    )
    assert result == {
        "a": {"b_2fc": {"_e9": 1}},
        "e": "_e9",
        "d": {"_e9": 2},
        "x": {"_e9": 3},
        "v": 1,
    }


def test_a_bind_path_with_braces_names_the_assigned_term() -> None:
    assert profile("bind '/a/{é}' = long;\n'/a/{é}' = 1;\n") == {"a": {"_e9": 1}}
    err = error("bind '/a/{é}' = long;\n'/a/{é}' = 'not a long';\n")
    assert isinstance(err, ValidationError)
    assert "'long' but element is of type 'string'" in err.message


@pytest.mark.parametrize(
    "statement", ["bind 'a' = long;", "bind 'other:/a' = long;", "valid 'other:/a' = false;"]
)
def test_a_bind_path_must_be_absolute_in_this_object(statement: str) -> None:
    # a syntax error at the statement (tests/oracle/cases/escaped-terms)
    err = error(f"{statement}\n'/a' = 'x';\n")
    assert isinstance(err, PanSyntaxError)
    assert err.message.startswith("only absolute paths can be used with bind statements (")
    assert err.span is not None and err.span.start_line == 2
