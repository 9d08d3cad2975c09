"""The complete builtin table, including the builtins that need the evaluator.

``panc.builtins`` registers the pure builtins; the context builtins (``if_exists``, ``value``,
``debug``...) are registered by ``panc.builtins.context``, which imports the evaluator and
is therefore loaded only on demand. Tools that only analyse code still need every name.
"""

from __future__ import annotations

import logging
import threading

from panc.builtins import BUILTINS, Builtin

logger = logging.getLogger(__name__)
_LOADED = threading.Event()


def all_builtins() -> dict[str, Builtin]:
    """Every builtin function by name."""
    if not _LOADED.is_set():
        try:
            import panc.builtins.context  # noqa: F401  pylint: disable=import-outside-toplevel,unused-import
        except Exception:  # pylint: disable=broad-except
            # Without the evaluator the pure builtins still describe most of the language.
            logger.exception("the evaluator's builtins could not be loaded")
        _LOADED.set()
    return BUILTINS
