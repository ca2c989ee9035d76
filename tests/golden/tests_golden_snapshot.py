"""What the golden test of data/ compares: modules, labels and codelength figures."""

from __future__ import annotations


def snapshot(result) -> dict:
    """The facts of a build that must not change without notice."""
    c = result.community
    return {
        "codelength": round(c.codelength, 6),
        "one_level_codelength": round(c.one_level_codelength, 6),
        "num_top_modules": c.num_top_modules,
        "num_levels": c.num_levels,
        "modules": {n: ":".join(map(str, p[:-1])) for n, p in sorted(c.paths.items())},
        "labels": {m.id: m.label for m in result.modules},
        "edges": sorted([u, v, d["kind"]] for u, v, d in result.graph.edges(data=True)),
    }
