"""``python -m graphkit``: see :mod:`graphkit.cli`."""

import os
import sys

from .cli import main

try:
    code = main()
except BrokenPipeError:  # output piped into a command that stopped reading (| head)
    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    sys.exit(1)
# Every output file is written and closed by now. Leave without tearing down the heap
# object by object: on the kexue.fm corpus that teardown alone takes 0.5 s (mypy's
# ``hard_exit`` does the same for the same reason).
sys.stdout.flush()
sys.stderr.flush()
os._exit(code)
