"""``python -m panc``: the ``panc`` command."""

import sys

from panc.cli import main

sys.exit(main())
