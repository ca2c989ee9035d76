"""``python -m graphkit``: see :mod:`graphkit.cli`."""

import gc
import os
import sys

# This process runs one command and ends (below, without teardown). Its build pauses the
# cyclic collector (``_runtime.batch_collection``); were it on again after the build, its
# first automatic collection would walk every object still alive (1.9 s at 100,000
# posts) just before the process ends. So it stays off for the process.
gc.disable()

from .cli import main  # noqa: E402 (imported with the collector off)

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
