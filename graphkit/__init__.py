"""graphkit: a knowledge-graph explorer of blog-post relationships.

The pipeline is a chain of plain functions with I/O only at the ends::

    read_paths → relate / build_graph → detect_communities → map_data / render_html

:func:`graphkit.pipeline.build` runs all of it; ``python -m graphkit build`` is the
command line and ``app.py`` the dashboard.
"""

__version__ = "0.1.0"

from .errors import CommunityError, GraphkitError, InputError, OptionError  # noqa: E402
from .options import BuildOptions  # noqa: E402

__all__ = ["BuildOptions", "CommunityError", "GraphkitError", "InputError", "OptionError",
           "__version__", "build"]


def build(*args, **kwargs):
    """Run the whole job; see :func:`graphkit.pipeline.build`."""
    from .pipeline import build as _build

    return _build(*args, **kwargs)
