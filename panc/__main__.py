"""``python -m panc``: the ``panc`` command."""

from panc.cli import console_main

console_main()
