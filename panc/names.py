"""Names the pan language defines itself: reserved words, builtin functions and types, automatic variables.

Every tool needs these (the compiler, the linter, the language server, the editor grammar's
tests), and several must know them without loading the parser or the builtins: the linter's
warm path reads them on every run. So this module imports nothing, and the heavy tables that
implement the names (``panc.builtins.BUILTINS``, ``panc.types.kinds.BUILTIN_KINDS``) are tested
against it rather than derived from it.

References: ``pan-inventory.md`` sections a (lexical syntax), b (automatic variables),
c (builtin types) and d (builtins).
"""

from __future__ import annotations

KEYWORDS = frozenset(
    {
        "if",
        "for",
        "with",
        "else",
        "type",
        "bind",
        "while",
        "valid",
        "final",
        "prefix",
        "unique",
        "object",
        "foreach",
        "include",
        "template",
        "function",
        "variable",
        "structure",
        "extensible",
        "declaration",
        "choice",
    }
)
"""The 21 keywords. ``return``, ``list``, ``dict`` and ``nlist`` are builtins, not keywords."""

LITERAL_WORDS = frozenset({"true", "false", "undef", "null"})
"""The words that are literal values (lower case only)."""

RESERVED_WORDS = KEYWORDS | LITERAL_WORDS
"""Words that cannot be identifiers: the keywords and the literal words."""

TYPE_TEST_FUNCTIONS = frozenset(
    {
        "is_boolean",
        "is_defined",
        "is_double",
        "is_long",
        "is_dict",
        "is_nlist",
        "is_list",
        "is_null",
        "is_number",
        "is_property",
        "is_resource",
        "is_string",
    }
)
"""Builtins that answer ``false`` (instead of failing) for an undefined variable reference."""

DEPRECATED_FUNCTIONS = frozenset({"nlist", "is_nlist"})
"""Builtins kept as deprecated aliases (of ``dict`` and ``is_dict``)."""

IPV6_EXTENSION_FUNCTIONS = frozenset({"ip6_canonical", "ip6_to_list", "ip6_in_network", "ip4_in_network"})
"""Builtins this project adds to Java panc's 64 (IPv6 support, quattor/pan#147)."""

BUILTIN_FUNCTIONS = (
    TYPE_TEST_FUNCTIONS
    | IPV6_EXTENSION_FUNCTIONS
    | frozenset(
        {
            "append",
            "prepend",
            "first",
            "next",
            "delete",
            "exists",
            "return",
            "dict",
            "nlist",
            "list",
            "is_valid",
            "value",
            "error",
            "length",
            "match",
            "matches",
            "path_exists",
            "to_lowercase",
            "to_uppercase",
            "to_string",
            "to_boolean",
            "to_long",
            "to_double",
            "base64_decode",
            "base64_encode",
            "json_decode",
            "json_encode",
            "escape",
            "unescape",
            "key",
            "merge",
            "substr",
            "replace",
            "split",
            "splice",
            "index",
            "clone",
            "create",
            "if_exists",
            "format",
            "deprecated",
            "digest",
            "file_contents",
            "file_exists",
            "ip4_to_long",
            "long_to_ip4",
            "substitute",
            "debug",
            "traceback",
            "join",
            "max",
            "min",
        }
    )
)
"""Every builtin function: panc's 64 names (62 functions and 2 deprecated aliases) and the extensions."""

BUILTIN_TYPES = frozenset(
    {
        "boolean",
        "long",
        "double",
        "string",
        "number",
        "property",
        "resource",
        "element",
        "list",
        "dict",
        "nlist",
    }
)
"""The 11 builtin types (``nlist`` is a deprecated alias of ``dict``)."""

AUTOMATIC_VARIABLES = frozenset({"SELF", "ARGV", "ARGC", "OBJECT", "FUNCTION", "TEMPLATE"})
"""Variables the compiler sets itself; no template may declare, set or rename them."""

PREDEFINED_VARIABLES = AUTOMATIC_VARIABLES | {"LOADPATH"}
"""Variables that exist without a declaration: the automatic ones and ``LOADPATH``, a global
the compiler creates (empty) that templates may set."""
