"""Benchmark: default insertion and validation of a large synthetic profile.

    python bench/validation.py [--hosts 2000] [--runs 5]

The schema looks like Quattor's (records with defaults, includes, lists and dicts of records,
ranged aliases, choices); the profile has ``--hosts`` entries under ``/hosts`` bound to a dict
of records, and one binding per host as well, as site templates do. ``with`` clauses are left
out on purpose: they run DML in the evaluator, which this benchmark does not measure.
Reported: the number of checked elements and the best wall time of each phase.
"""

from __future__ import annotations

import argparse
import time

from panc.evaluation.values import Value
from panc.source import Span
from panc.syntax import ast, parse
from panc.types import Binding, TypeRegistry, compile_type, insert_defaults, type_span, validate_profile

SCHEMA = """declaration template bench;
type port = long(0..65535);
type hostname = string(1..255);
type protocol = choice('tcp', 'udp');
type service = {
    'port' : port
    'proto' : protocol = 'tcp'
    'enabled' : boolean = true
    'options' ? string{}
};
type interface = {
    'ip' : string
    'netmask' : string = '255.255.255.0'
    'mtu' : long(576..9000) = 1500
    'aliases' ? string[]
};
type base_host = {
    'name' : hostname
    'tags' ? string[]
};
type host = {
    include base_host
    'cpus' : long(1..) = 1
    'memory' : double(0..) = 1024.0
    'interfaces' : interface{}
    'services' : service{}
    'comment' ? string
};
"""


class _Constants:
    """The part of a ValidationContext this benchmark needs (no ``with`` clauses)."""

    def run_with(self, expr: ast.Expr, self_value: Value, span: Span) -> Value:
        del expr, self_value, span
        raise AssertionError("no with clauses here")

    def evaluate_constant(self, expr: ast.Expr) -> Value:
        assert isinstance(expr, ast.Literal)
        return expr.value

    def resolve_path(self, path: str) -> Value | None:
        """No links in this schema: nothing resolves."""
        return {}.get(path)


def build(hosts: int) -> tuple[TypeRegistry, list[Binding], dict[str, Value]]:
    """The registry, the bindings and a fresh profile."""
    vctx = _Constants()
    registry = TypeRegistry()
    result = parse(SCHEMA, "bench.pan")
    assert result.ast is not None and not result.diagnostics
    for statement in result.ast.statements:
        if isinstance(statement, ast.TypeStatement):
            registry.define(statement, "bench.pan", vctx)
    bind_text = "object template b;\nbind '/hosts' = host{};\nbind '/hosts/h0' = host;\n"
    bind_result = parse(bind_text, "b.pan")
    assert bind_result.ast is not None
    bindings = []
    for statement in bind_result.ast.statements:
        if isinstance(statement, ast.BindStatement):
            pan_type = compile_type(statement.spec, registry, "b.pan", vctx)
            bindings.append(Binding(statement.path, pan_type, type_span(statement.spec), "b.pan"))
    root: dict[str, Value] = {
        "hosts": {
            f"h{i}": {
                "name": f"host{i}.example.org",
                "tags": ["a", "b"],
                "interfaces": {
                    "eth0": {"ip": f"10.0.{i % 250}.{i % 200}", "aliases": ["x"]},
                    "eth1": {"ip": "1"},
                },
                "services": {
                    "ssh": {"port": 22},
                    "dns": {"port": 53, "proto": "udp", "options": {"a": "b"}},
                    "web": {"port": 443, "enabled": False},
                },
            }
            for i in range(hosts)
        }
    }
    return registry, bindings, root


def count_elements(value: Value) -> int:
    if type(value) is dict:
        return 1 + sum(count_elements(v) for v in value.values())
    if type(value) is list:
        return 1 + sum(count_elements(v) for v in value)
    return 1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--hosts", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    best_defaults = best_validation = float("inf")
    elements = 0
    for _ in range(args.runs):
        _, bindings, root = build(args.hosts)
        vctx = _Constants()
        start = time.perf_counter()
        insert_defaults(root, bindings, vctx)
        middle = time.perf_counter()
        validate_profile(root, bindings, vctx, "b.pan")
        end = time.perf_counter()
        best_defaults = min(best_defaults, middle - start)
        best_validation = min(best_validation, end - middle)
        elements = count_elements(root)
    print(f"{args.hosts} hosts, {elements} elements after defaults")
    print(f"insert_defaults: {best_defaults:.3f} s   validate_profile: {best_validation:.3f} s", end="")
    print(f" (best of {args.runs})")


if __name__ == "__main__":
    main()
