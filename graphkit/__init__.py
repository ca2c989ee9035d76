"""graphkit: a knowledge-graph explorer of blog-post relationships.

The pipeline is a chain of plain functions with I/O only at the ends::

    read → relate → build_graph → detect_communities → map_data / render_html

:func:`graphkit.build` runs all of it (it is :func:`graphkit.pipeline.build`, re-exported
here); ``python -m graphkit build`` is the command line and ``app.py`` the dashboard.
Importing graphkit loads no numerical library: ``build`` and ``BuildResult`` are
imported from :mod:`graphkit.pipeline` on first use (PEP 562).
"""

from __future__ import annotations

from ._version import __version__
from .errors import CommunityError, GraphkitError, InputError, OptionError
from .options import BuildOptions

__all__ = ["BuildOptions", "BuildResult", "CommunityError", "GraphkitError", "InputError",
           "OptionError", "__version__", "build"]


def __getattr__(name: str):
    if name in ("build", "BuildResult"):
        from . import pipeline

        return getattr(pipeline, name)
    raise AttributeError(f"module 'graphkit' has no attribute {name!r}")
