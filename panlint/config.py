"""Configuration: ``[tool.panlint]`` in ``pyproject.toml`` or a ``.panlint.toml``, then the CLI.

Keys (``-`` and ``_`` are interchangeable):
``select`` / ``extend-select`` / ``ignore`` (rule IDs, ID prefixes like ``LP``, symbolic names
or ``ALL``), ``line-length``, ``include-path`` (directories, relative to the file),
``ignore-components``, ``allow-mvn-templates``, ``suppress`` and ``threshold`` (levels),
``preview`` (the parser-based checks instead of the old tool's, see ``panlint.compat``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from panlint.compat.catalog import DEFAULT_IDS
from panlint.findings import Level
from panlint.options import RuleOptions

if TYPE_CHECKING:
    from panlint.rule import Rule

CONFIG_FILES = (".panlint.toml", "pyproject.toml")


class ConfigError(Exception):
    """The configuration is unusable (bad TOML, unknown key, rule or level): exit code 2."""


class Config(NamedTuple):
    """The settings of a run (a tuple: made once, read by every file's check; ``_replace``
    gives a changed copy).

    Without ``dataclasses``, whose import (with ``inspect``) costs a run that only reads the
    result cache a few per cent of its time.
    """

    select: tuple[str, ...] = ()
    """Empty means every rule that is on by default."""
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    line_length: int = 120
    include_path: tuple[str, ...] = ()
    ignore_components: tuple[str, ...] = ()
    allow_mvn_templates: bool = False
    suppress: Level = Level.INFO
    """Report only findings at or above this level (the old ``--suppress``)."""
    threshold: Level = Level.INFO
    """Findings at or above this level make the run fail."""
    preview: bool = False
    """Check the old IDs with the parser-based rules, and turn the AST rules (SM, PE001) on."""
    source: str | None = None
    """The file the settings came from, for messages."""

    def options(self) -> RuleOptions:
        return RuleOptions(
            line_length=self.line_length,
            ignore_components=frozenset(self.ignore_components),
            include_path=self.include_path,
            allow_mvn_templates=self.allow_mvn_templates,
        )

    def enabled_ids(self) -> frozenset[str]:
        """The IDs of the rules to run; without selectors or preview, no rule module is loaded."""
        if not (self.select or self.extend_select or self.ignore or self.preview):
            return DEFAULT_IDS
        return frozenset(rule.id for rule in self.enabled_rules())

    def enabled_rules(self) -> list[type[Rule]]:
        """The rules to run, in ID order; ``ConfigError`` if a selector matches no rule.

        By default the old tool's checks; with ``preview`` every rule on by default.
        """
        # The rules (and the parser they import) load only when something is to be checked.
        from panlint.rules import ALL_RULES  # pylint: disable=import-outside-toplevel

        chosen = (
            _matching(self.select, "select")
            if self.select
            else [
                rule
                for rule in ALL_RULES
                if (rule.enabled_by_default if self.preview else rule.id in DEFAULT_IDS)
            ]
        )
        chosen_ids = {rule.id for rule in chosen}
        chosen_ids |= {rule.id for rule in _matching(self.extend_select, "extend-select")}
        chosen_ids -= {rule.id for rule in _matching(self.ignore, "ignore")}
        return [rule for rule in ALL_RULES if rule.id in chosen_ids]

    def fingerprint(self) -> str:
        """What the findings depend on, as text (the lint cache's key).

        The selectors are taken as written: with the tool's code they determine the rules,
        and resolving them would import every rule on a run where nothing changed.
        """
        return repr(
            (
                self.select,
                self.extend_select,
                self.ignore,
                self.line_length,
                sorted(self.ignore_components),
                self.include_path,
                self.allow_mvn_templates,
                self.preview,
            )
        )


def _selector_matches(selector: str, rule: type[Rule]) -> bool:
    key = selector.strip()
    if key.upper() == "ALL":
        return True
    return rule.id.startswith(key.upper()) or rule.name == key.lower()


def _matching(selectors: Iterable[str], key: str) -> list[type[Rule]]:
    from panlint.rules import ALL_RULES  # pylint: disable=import-outside-toplevel

    rules: list[type[Rule]] = []
    for selector in selectors:
        found = [rule for rule in ALL_RULES if _selector_matches(selector, rule)]
        if not found:
            raise ConfigError(f"{key}: no rule matches {selector!r}")
        rules.extend(found)
    return rules


def find_config_file(start: Path) -> Path | None:
    """The nearest ``.panlint.toml``, or ``pyproject.toml`` with ``[tool.panlint]``, upwards."""
    for directory in (start, *start.parents):
        candidate = directory / ".panlint.toml"
        if candidate.is_file():
            return candidate
        candidate = directory / "pyproject.toml"
        if candidate.is_file() and "panlint" in _read_toml(candidate).get("tool", {}):
            return candidate
    return None


def _read_toml(path: Path) -> dict[str, Any]:
    # Most runs have no configuration file.
    import tomllib  # pylint: disable=import-outside-toplevel

    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise ConfigError(f"{path}: {error}") from error


def load_config(path: Path | None) -> Config:
    """The settings of a configuration file (``None``: the defaults)."""
    if path is None:
        return Config()
    data = _read_toml(path)
    table = data.get("tool", {}).get("panlint")
    if table is None:
        table = {} if path.name == "pyproject.toml" else data
    return apply_settings(Config(source=str(path)), table, base=path.parent)


def _strings(value: Any, key: str) -> tuple[str, ...]:
    if isinstance(value, str):
        return tuple(item.strip() for item in value.split(",") if item.strip())
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return tuple(value)
    raise ConfigError(f"{key}: expected a list of strings, got {value!r}")


def _level(value: Any, key: str) -> Level:
    try:
        return Level.parse(str(value))
    except ValueError as error:
        raise ConfigError(f"{key}: {error}") from error


def apply_settings(config: Config, settings: Mapping[str, Any], base: Path | None = None) -> Config:
    """``config`` updated by ``settings`` (a TOML table or the CLI's values); validated."""
    changes: dict[str, Any] = {}
    for raw_key, value in settings.items():
        key = raw_key.replace("-", "_")
        if key in ("select", "extend_select", "ignore", "ignore_components"):
            changes[key] = _strings(value, raw_key)
        elif key == "include_path":
            paths = _strings(value, raw_key)
            changes[key] = tuple(str(base / item) if base else item for item in paths)
        elif key == "line_length":
            if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                raise ConfigError(f"{raw_key}: expected a positive integer, got {value!r}")
            changes[key] = value
        elif key in ("allow_mvn_templates", "preview"):
            if not isinstance(value, bool):
                raise ConfigError(f"{raw_key}: expected true or false, got {value!r}")
            changes[key] = value
        elif key in ("suppress", "threshold"):
            changes[key] = _level(value, raw_key)
        else:
            raise ConfigError(f"unknown setting {raw_key!r}")
    updated = config._replace(**changes)
    if {"select", "extend_select", "ignore"} & changes.keys():
        updated.enabled_rules()  # raises ConfigError for a selector that matches no rule
    return updated
