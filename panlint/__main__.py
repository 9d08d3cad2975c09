"""``python -m panlint``."""

import sys

from panlint.cli import main

sys.exit(main())
