"""``python -m graphkit``: see :mod:`graphkit.cli`."""

import sys

from .cli import main

sys.exit(main())
