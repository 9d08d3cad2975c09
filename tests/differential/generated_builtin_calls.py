"""The pure builtins the generator calls, with the arguments each expects.

``BUILTIN_SIGNATURES[name]`` lists ``(result kind, argument specs)`` pairs; a result of ``"any"``
means the call may stand wherever any kind is wanted. An argument spec is a kind of
``generated_expressions.KINDS``, one of ``any number property small string_list key radix_pair``,
or a key of ``SPECIAL_ARGUMENTS`` (a string drawn from a vocabulary of edge cases, mostly one the
builtin accepts).
The builtins that need the evaluator (value, create, append, first, format, substitute...) are
written by ``ExpressionWriter`` itself.
"""

from __future__ import annotations

import generated_vocabulary as vocab

SPECIAL_ARGUMENTS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "regex": (vocab.REGEXES, vocab.BAD_REGEXES),
    "flags": (vocab.REGEX_FLAGS, vocab.BAD_REGEX_FLAGS),
    "replacement": (vocab.REPLACEMENTS, ("$9", "\\", "$")),
    "ip4": (vocab.IP4, vocab.BAD_IP4),
    "digest": (vocab.DIGEST_ALGORITHMS, vocab.BAD_DIGEST_ALGORITHMS),
    "json": (vocab.JSON_TEXTS, vocab.BAD_JSON_TEXTS),
    "base64": (vocab.BASE64_TEXTS, vocab.BAD_BASE64_TEXTS),
    "long_text": (vocab.LONG_TEXTS, vocab.BAD_LONG_TEXTS),
    "double_text": (vocab.DOUBLE_TEXTS, vocab.BAD_DOUBLE_TEXTS),
    "boolean_text": (vocab.BOOLEAN_TEXTS, ()),
}
"""Each special argument's values: those the builtin accepts, and those it should refuse."""

_TYPE_TESTS = (
    "is_boolean",
    "is_double",
    "is_long",
    "is_dict",
    "is_list",
    "is_null",
    "is_number",
    "is_property",
    "is_resource",
    "is_string",
    "is_nlist",
)

BUILTIN_SIGNATURES: dict[str, list[tuple[str, tuple[str, ...]]]] = {
    "base64_decode": [("string", ("base64",))],
    "base64_encode": [("string", ("string",))],
    "clone": [("any", ("any",))],
    "digest": [("string", ("digest", "string"))],
    "escape": [("string", ("string",))],
    "unescape": [("string", ("string",))],
    "index": [
        ("long", ("string", "string")),
        ("long", ("string", "string", "small")),
        ("long", ("any", "list")),
        ("long", ("any", "list", "small")),
        ("string", ("any", "dict")),
    ],
    "ip4_to_long": [("list", ("ip4",))],
    "long_to_ip4": [("string", ("long",))],
    "join": [("string", ("string", "string_list")), ("string", ("string", "string", "string"))],
    "json_decode": [("any", ("json",))],
    "json_encode": [("string", ("any",))],
    "key": [("string", ("dict", "small"))],
    "length": [("long", ("string",)), ("long", ("list",)), ("long", ("dict",))],
    "list": [("list", ()), ("list", ("any",)), ("list", ("any", "any")), ("list", ("any", "any", "any"))],
    "dict": [("dict", ()), ("dict", ("key", "any")), ("dict", ("key", "any", "key", "any"))],
    "nlist": [("dict", ("key", "any"))],
    "match": [("boolean", ("string", "regex")), ("boolean", ("string", "regex", "flags"))],
    "matches": [("list", ("string", "regex")), ("list", ("string", "regex", "flags"))],
    "max": [("long", ("long", "long")), ("double", ("number", "double"))],
    "min": [("long", ("long", "long")), ("double", ("double", "number"))],
    "merge": [
        ("list", ("list", "list")),
        ("list", ("list", "list", "list")),
        ("dict", ("dict", "dict")),
        ("list", ("list",)),
    ],
    "replace": [("string", ("regex", "replacement", "string"))],
    "splice": [
        ("string", ("string", "small", "small")),
        ("string", ("string", "small", "small", "string")),
        ("list", ("list", "small", "small")),
        ("list", ("list", "small", "small", "list")),
    ],
    "split": [("list", ("regex", "string")), ("list", ("regex", "small", "string"))],
    "substr": [("string", ("string", "small")), ("string", ("string", "small", "small"))],
    "to_boolean": [("boolean", ("number",)), ("boolean", ("boolean",)), ("boolean", ("boolean_text",))],
    "to_double": [("double", ("number",)), ("double", ("boolean",)), ("double", ("double_text",))],
    "to_long": [
        ("long", ("number",)),
        ("long", ("boolean",)),
        ("long", ("long_text",)),
        ("long", ("radix_pair",)),
    ],
    "to_lowercase": [("string", ("string",))],
    "to_uppercase": [("string", ("string",))],
    "to_string": [("string", ("any",))],
    **{name: [("boolean", ("any",))] for name in _TYPE_TESTS},
}

CONTEXT_BUILTINS = (
    "append",
    "prepend",
    "first",
    "next",
    "delete",
    "exists",
    "return",
    "is_defined",
    "is_valid",
    "value",
    "path_exists",
    "error",
    "debug",
    "traceback",
    "deprecated",
    "create",
    "if_exists",
    "format",
    "substitute",
    "file_contents",
    "file_exists",
)
"""Written by the expression writer itself (they take variables, paths, templates or formats)."""
