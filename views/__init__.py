"""The dashboard's views, one module per tab; ``app.py`` picks the source and options and
hands each view a :class:`Page`. Views read widgets, call graphkit and show what it
returns: no analysis is done here (graphkit never imports streamlit; these modules do).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from graphkit.display import markdown_literal, visible_controls
from graphkit.options import BuildOptions
from graphkit.pipeline import BuildResult
from graphkit.render import display_colors

md = markdown_literal  # page text made literal for widgets that render Markdown


@dataclass(frozen=True)
class Page:
    """What every view needs: the build, its source and options, and display helpers."""

    source: str
    options: BuildOptions
    result: BuildResult
    hues: dict[str, str]
    labels: dict[str, str]
    post_keys: tuple[str, ...]

    @classmethod
    def of(cls, source: str, options: BuildOptions, result: BuildResult) -> "Page":
        g = result.graph
        return cls(source=source, options=options, result=result,
                   hues=display_colors(result.display),
                   labels={m.id: visible_controls(m.label) for m in result.modules},
                   post_keys=tuple(sorted((n for n, d in g.nodes(data=True)
                                           if d["kind"] == "post"),
                                          key=lambda n: g.nodes[n]["label"])))

    @property
    def graph(self) -> Any:
        return self.result.graph

    def label_of(self, node: str) -> str:
        """A node's label as plain text (widget options and tables render no Markdown)."""
        return visible_controls(self.result.graph.nodes[node]["label"])

    def module_name(self, module: str) -> str:
        """``"1:4 · label"``, as Markdown-literal text."""
        return f"{module} · {md(self.labels.get(module, ''))}"
