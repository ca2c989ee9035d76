"""Exception family of graphkit.

Every error that a user can cause (a bad path, an unreadable file, a bad option) is a
:class:`GraphkitError`; the command line prints its message on one line and exits with
a non-zero code instead of showing a traceback.
"""

from __future__ import annotations


class GraphkitError(Exception):
    """Base class of every error graphkit raises on purpose."""


class InputError(GraphkitError):
    """Input cannot be read: a missing path, nothing readable, a limit passed.

    Parameters
    ----------
    message : str
        What went wrong.
    path : str, optional
        The file concerned.
    line : int, optional
        The 1-based line in ``path``.
    """

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None):
        self.path = path
        self.line = line
        where = ""
        if path is not None:
            where = f"{path}:{line}: " if line is not None else f"{path}: "
        super().__init__(where + message)


class OptionError(GraphkitError):
    """An option has a value outside its documented range or choices."""


class CommunityError(GraphkitError):
    """Community detection could not run on the given network."""


class EngineError(GraphkitError):
    """The chosen engine cannot run: pyspark or Java is missing, or Spark failed."""
