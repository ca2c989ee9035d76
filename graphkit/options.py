"""The one table of options.

:class:`BuildOptions` lists every option of a build with its type, default, range and
help text. The command line (``python -m graphkit build --help``), the dashboard's
sidebar (``app.py``) and the options table in the README
(``python -m graphkit options``) are all generated from it.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from typing import Any

from .errors import OptionError

EDGE_KINDS = ("cites", "series", "topic", "coupling", "cocitation")
DEFAULT_LAYERS = ("cites", "series", "topic")
ENGINES = ("local", "spark")


def _opt(default: Any, help: str, *, group: str, lo: float | None = None,
         hi: float | None = None, choices: tuple | None = None) -> Any:
    return field(default=default, metadata={"help": help, "group": group, "min": lo,
                                            "max": hi, "choices": choices})


@dataclass(frozen=True)
class BuildOptions:
    """Options of a build. See the module docstring; every field is documented in its metadata."""

    layers: tuple[str, ...] = _opt(
        DEFAULT_LAYERS, "edge layers to build and draw", group="edges", choices=EDGE_KINDS)
    weight_cites: float = _opt(1.0, "weight of a citation in the flow network",
                               group="edges", lo=0.0, hi=100.0)
    weight_series: float = _opt(1.0, "weight of a series link in the flow network",
                                group="edges", lo=0.0, hi=100.0)
    weight_topic: float = _opt(0.5, "weight of a shared-topic link (times its cosine score)",
                               group="edges", lo=0.0, hi=100.0)
    weight_coupling: float = _opt(0.3, "weight of bibliographic coupling (per shared work)",
                                  group="edges", lo=0.0, hi=100.0)
    weight_cocitation: float = _opt(0.3, "weight of co-citation (per co-citing post)",
                                    group="edges", lo=0.0, hi=100.0)
    keyword_chars: int = _opt(4000, "characters of each post's text that keywords come from "
                              "(0: all)", group="edges", lo=0, hi=10**9)
    mine_phrases: bool = _opt(True, "mine the blog's own terms (from titles and tags, "
                              "checked in the text) and keep them whole when segmenting",
                              group="edges")
    topic_top_k: int = _opt(5, "shared-topic neighbours kept per post", group="edges",
                            lo=0, hi=100)
    min_topic_similarity: float = _opt(0.05, "smallest cosine similarity of a topic edge",
                                       group="edges", lo=0.0, hi=1.0)
    seed: int = _opt(42, "random seed of InfoMap and of the layout", group="communities",
                     lo=1, hi=2**31 - 1)
    trials: int = _opt(10, "InfoMap trials (the best is kept); see scale_trials",
                       group="communities", lo=1, hi=1000)
    scale_trials: bool = _opt(True, "above 20,000 posts run fewer trials: trials × 20,000 / "
                              "posts, at least 2", group="communities")
    two_level: bool = _opt(False, "two-level InfoMap instead of multilevel (hierarchical)",
                           group="communities")
    markov_time: float = _opt(1.0, "InfoMap Markov time (>1 gives fewer, larger modules)",
                              group="communities", lo=0.01, hi=100.0)
    variable_markov_time: bool = _opt(False, "let Infomap vary the Markov time locally: longer "
                                      "where the network is sparse, so sparse parts are not "
                                      "cut into many small modules", group="communities")
    teleportation: float = _opt(0.15, "teleportation probability of the directed flow",
                                group="communities", lo=0.0, hi=1.0)
    flow_extra_nodes: bool = _opt(False, "let unresolved and paper nodes take part in the flow",
                                  group="communities")
    show_extra_nodes: bool = _opt(True, "draw unresolved citations and papers",
                                  group="display")
    display_max_share: float = _opt(0.12, "the map shows sub-modules of any module holding more "
                                    "than this share of the posts", group="display",
                                    lo=0.01, hi=1.0)
    display_level: int = _opt(0, "cut the module hierarchy at this level for display instead "
                              "(0: by display_max_share)", group="display", lo=0, hi=20)
    max_file_bytes: int = _opt(256 * 1024 * 1024, "files larger than this (bytes) are not read",
                               group="input", lo=1, hi=2**40)
    max_files: int = _opt(100_000, "at most this many files are read", group="input",
                          lo=1, hi=10**7)
    max_posts_per_file: int = _opt(200_000, "at most this many posts are read from one file",
                                   group="input", lo=1, hi=10**8)
    max_archive_bytes: int = _opt(1024 * 1024 * 1024, "an archive (.zip, .tar.gz…) is read "
                                  "until its members have given this many bytes "
                                  "(uncompressed); the rest is reported, not read",
                                  group="input", lo=1, hi=2**40)
    max_depth: int = _opt(64, "folders nested deeper than this are not entered", group="input",
                          lo=0, hi=10_000)
    max_read_seconds: float = _opt(600.0, "time budget of reading (seconds): files not started "
                                   "by then are reported, not read", group="input",
                                   lo=0.1, hi=86_400.0)

    crawl_delay: float = _opt(1.0, "seconds between two requests to one host when reading a "
                              "blog from its address", group="crawl", lo=0.0, hi=3600.0)
    crawl_max_pages: int = _opt(5000, "at most this many pages are fetched from one blog",
                                group="crawl", lo=1, hi=10**7)
    crawl_max_page_bytes: int = _opt(10 * 1024 * 1024, "a page longer than this (bytes) is cut "
                                     "here", group="crawl", lo=1024, hi=2**34)
    crawl_max_total_bytes: int = _opt(1024 ** 3, "the crawl stops after this many bytes "
                                      "(fetched or from the cache)", group="crawl", lo=1024,
                                      hi=2**40)
    crawl_timeout: float = _opt(30.0, "seconds to connect, and again to read, before a request "
                                "fails", group="crawl", lo=0.1, hi=600.0)
    include: tuple[str, ...] = _opt((), "only pages whose address matches one of these globs "
                                    "(e.g. */2021/*)", group="crawl")
    exclude: tuple[str, ...] = _opt((), "no page whose address matches one of these globs "
                                    "(e.g. */tag/*)", group="crawl")
    cache: str = _opt("", "folder of the HTTP cache (empty: $XDG_CACHE_HOME/graphkit, else "
                      "~/.cache/graphkit)", group="crawl")
    offline: bool = _opt(False, "read the blog from the HTTP cache only, with no request",
                         group="crawl")

    engine: str = _opt("local", "where reading, keywords, citations, series and topic "
                       "similarity run: this process, or Spark jobs (pip install "
                       "'graphkit[spark]', Java 17)", group="engine",
                       choices=ENGINES)
    spark_master: str = _opt("local[*]", "Spark master URL of --engine spark (local[N], "
                             "spark://host:7077, yarn, k8s://…)", group="engine")

    def __post_init__(self) -> None:
        for f in fields(self):
            value = getattr(self, f.name)
            meta = f.metadata
            if f.name == "layers":
                bad = [v for v in value if v not in EDGE_KINDS]
                if bad:
                    raise OptionError(f"layers: unknown layer {bad[0]!r}; choose from "
                                      f"{', '.join(EDGE_KINDS)}")
                continue
            if f.name in ("include", "exclude"):
                if not isinstance(value, tuple) or not all(isinstance(v, str) for v in value):
                    raise OptionError(f"{f.name}: a list of address patterns")
                continue
            if isinstance(value, str) and meta.get("choices") and value not in meta["choices"]:
                raise OptionError(f"{f.name}: unknown value {value!r}; choose from "
                                  f"{', '.join(meta['choices'])}")
            if isinstance(value, (bool, str)) or meta.get("min") is None:
                continue
            if not (meta["min"] <= value <= meta["max"]):
                raise OptionError(f"{f.name}: {value} is outside [{meta['min']}, {meta['max']}]")

    def layer_weights(self) -> dict[str, float]:
        """Weight of each enabled edge layer in the flow network."""
        return {k: getattr(self, f"weight_{k}") for k in self.layers}

    def with_(self, **changes: Any) -> "BuildOptions":
        """Return a copy with ``changes`` applied (validated)."""
        return replace(self, **changes)


def option_table() -> list[dict[str, Any]]:
    """Return one row per option: name, type, default, range or choices, group and help."""
    rows = []
    for f in fields(BuildOptions):
        m = f.metadata
        rows.append({"name": f.name, "type": _type_name(f.default), "default": f.default,
                     "min": m.get("min"), "max": m.get("max"), "choices": m.get("choices"),
                     "group": m["group"], "help": m["help"]})
    return rows


def _type_name(default: Any) -> str:
    if isinstance(default, bool):
        return "bool"
    if isinstance(default, tuple):
        return "list"
    return type(default).__name__   # int, float, str


def options_markdown() -> str:
    """Return the option table as Markdown (for the README)."""
    lines = ["| option | CLI flag | default | range | what it does |", "|---|---|---|---|---|"]
    for r in option_table():
        flag = "--" + r["name"].replace("_", "-")
        if r["type"] == "bool":
            flag = f"{flag} / --no-{r['name'].replace('_', '-')}"
        default = ",".join(r["default"]) if r["type"] == "list" else r["default"]
        rng = (", ".join(r["choices"]) if r["choices"] else
               (f"{r['min']} – {r['max']}" if r["min"] is not None else ""))
        lines.append(f"| `{r['name']}` | `{flag}` | `{default}` | {rng} | {r['help']} |")
    return "\n".join(lines)
