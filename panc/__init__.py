"""pan-tools core: everything that knows the pan language.

Imports flow one way: the faces (panlint, panls, pandbg) import from here,
never the reverse. Within the core: syntax <- evaluation/types/builtins <- output/build/cli.
"""

__version__ = "0.1.0"
