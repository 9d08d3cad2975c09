"""Every builtin called with right and wrong arguments, one call per object: ``probe_objects()``.

For each builtin of the Java panc: its right calls (``generated_builtin_calls.BUILTIN_SIGNATURES``
and the forms of the builtins the generator writes itself), each argument in turn replaced by
a value of every other kind, and calls with too few and too many arguments. The arguments come
from user functions (``p_long()``...), so that the Java panc cannot fold the call at compile
time: the comparison sees the builtin's own run-time check and message.
"""

from __future__ import annotations

from generated_builtin_calls import BUILTIN_SIGNATURES, SPECIAL_ARGUMENTS
from generated_programs import FORMATS, GeneratedObject, GeneratedTemplate

VALUES = {"long": "2", "double": "1.5", "string": "'abc'", "boolean": "true", "list": "list(1, 'b')",
          "dict": "dict('k', 1)", "null": "null", "undef": "undef"}
"""One value of each kind; ``p_<kind>()`` returns it."""

_SPEC_KINDS = {"any": "long", "number": "long", "property": "long", "small": "long", "string_list": "list",
               "key": "string", "type_name": "string"}
_CONTEXT_FORMS: dict[str, list[tuple[str, ...]]] = {
    "value": [("path",), ("path", "long")], "path_exists": [("path",)], "error": [("string",)],
    "debug": [("string",)], "traceback": [("string",)], "deprecated": [("long", "string")],
    "create": [("structure",)], "if_exists": [("string",)], "format": [("string", "long")],
    "substitute": [("string",), ("string", "dict")], "file_contents": [("file",)], "file_exists": [("file",)],
    "exists": [("path",)], "is_defined": [("long",)], "return": [("long",)],
}
"""The builtins the generator writes itself, with their argument kinds (path, structure and
file are strings naming something that exists)."""
_SPECIAL_VALUES = {"path": "'/existing'", "structure": "'probes/st'", "file": "'probes/data.txt'",
                   "radix_pair": "'ff'"}


def _argument(spec: str) -> str:
    """The right argument for ``spec``, through a function when it is a plain kind."""
    if spec in VALUES:
        return f"p_{spec}()"
    if spec in _SPECIAL_VALUES:
        return _SPECIAL_VALUES[spec]
    if spec in SPECIAL_ARGUMENTS:
        good, _ = SPECIAL_ARGUMENTS[spec]
        return "'" + good[0].replace("'", "''") + "'"
    return f"p_{_SPEC_KINDS[spec]}()"


def probe_calls() -> list[str]:
    """Every probe call, without duplicates, in a stable order."""
    forms: dict[str, list[tuple[str, ...]]] = {name: [args for _, args in entries]
                                               for name, entries in BUILTIN_SIGNATURES.items()}
    forms.update(_CONTEXT_FORMS)
    calls: list[str] = []
    for name in sorted(forms):
        for args in forms[name]:
            right = [_argument(a) for a in args]
            calls.append(f"{name}({', '.join(right)})")
            for position in range(len(right)):
                for kind in VALUES:
                    wrong = [*right[:position], f"p_{kind}()", *right[position + 1:]]
                    calls.append(f"{name}({', '.join(wrong)})")
        longest = max(len(args) for args in forms[name])
        calls.append(f"{name}()")
        calls.append(f"{name}({', '.join(['p_long()'] * (longest + 1))})")
    return list(dict.fromkeys(calls))


def probe_objects() -> list[GeneratedObject]:
    """One object per probe call, ``probe<i>``, with the value functions, a path, a structure
    template and a data file for the calls that need them."""
    functions = tuple(f"function p_{kind} = {value};" for kind, value in VALUES.items())
    helpers = {"probes/st.pan": GeneratedTemplate("structure template probes/st;", ("'a' = 1;",))}
    objects = []
    for index, call in enumerate(probe_calls()):
        name = f"probe{index}"
        statements = (*functions, "'/existing' = 1;", f"'/result' = {call};")
        templates = {f"{name}.pan": GeneratedTemplate(f"object template {name};", statements), **helpers}
        objects.append(GeneratedObject(name, templates, {"probes/data.txt": "data\n"},
                                       ("--formats", FORMATS, "--debug", "--warnings", "on")))
    return objects
