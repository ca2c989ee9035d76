"""The whole job: read → relate → detect → render, and the writing of its outputs.

Each stage is a plain function of the previous stage's result; only :func:`read` and
:func:`write_outputs` touch files. :func:`build` runs them all; ``graphkit.build`` is this
function, re-exported.

This module is the bottom of the chain: it imports nothing from the package root, and
the numerical libraries (numpy, scipy, networkx, scikit-learn, infomap) only inside the
functions that use them, so that :func:`build` forks the readers' worker processes from
a small process and loads those libraries while the workers read.
"""

from __future__ import annotations

import itertools
import os
import platform
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from ._version import __version__
from .dates import is_partial
from .errors import GraphkitError, InputError
from .model import Post, ReadResult
from .crawl import is_address
from .options import BuildOptions
from .readers import DEFAULT_DATA, blog_name, read

if TYPE_CHECKING:
    import networkx as nx

    from .community import CommunityResult, DisplayPartition, ModuleSummary
    from .keywords import TermMatrix
    from .relate import Edge, ExtraNode, TitleIndex

__all__ = ["DEFAULT_DATA", "BuildResult", "Stages", "analyse", "build", "infomap_arguments",
           "is_address", "keyword_terms", "read", "read_any", "relate", "report", "trials_for",
           "warm_up", "write_outputs"]


def warm_up() -> None:
    """Import the numerical libraries and build the segmenter (about 1 s, once per process)."""
    from . import community, graph, layout, render  # noqa: F401
    from .keywords import warm_up as keywords_warm_up

    keywords_warm_up()


def build(paths: Iterable[str | os.PathLike[str]] | None = None, *,
          options: BuildOptions | None = None,
          progress: Callable[[int, int, str], None] | None = None,
          exclude: Iterable[str | os.PathLike[str]] = ()) -> "BuildResult":
    """Run the whole job on ``paths`` (default: the embedded ``data/`` folder).

    Parameters
    ----------
    paths : iterable of str or path-like, optional
        Files and folders to read.
    options : BuildOptions, optional, keyword-only
        Default: ``BuildOptions()``.
    progress : callable, optional, keyword-only
        Called as ``progress(done, total, path)`` while reading.
    exclude : iterable of path-like, optional, keyword-only
        Folders never read, such as the output folder of the build.

    Returns
    -------
    BuildResult

    Raises
    ------
    graphkit.errors.InputError
        When a path is missing or nothing can be read.
    graphkit.errors.CommunityError
        When there is no post to analyse.
    graphkit.errors.EngineError
        When ``options.engine`` is ``"spark"`` and pyspark or Java is missing.

    Notes
    -----
    The worker processes that parse large inputs fork before any numerical import
    (see :func:`graphkit.readers.read_paths`); the numerical libraries, the segmenter and
    scikit-learn load in this process while they read. On the kexue.fm corpus this
    overlap takes 0.3–0.4 s off a cold run. Nothing here changes the process's own
    settings (the command line pauses the cyclic garbage collector for the run, see
    :func:`graphkit._runtime.batch_collection`).
    """
    options = BuildOptions() if options is None else options
    if options.engine == "spark":
        from .spark import build_spark

        return build_spark(paths, options=options, progress=progress, exclude=exclude)
    t = time.perf_counter()
    r = read_any(paths, options=options, progress=progress, exclude=exclude)
    return analyse(r, options=options, read_seconds=time.perf_counter() - t)


def read_any(paths: Iterable[str | os.PathLike[str]] | None = None, *,
             options: BuildOptions = BuildOptions(),
             progress: Callable[[int, int, str], None] | None = None,
             exclude: Iterable[str | os.PathLike[str]] = (),
             reader: Callable[..., ReadResult] | None = None) -> ReadResult:
    """Read files and folders (:func:`graphkit.readers.read`) or one blog address
    (:func:`graphkit.crawl.crawl`); the same post seen in both is one post.

    ``reader`` replaces :func:`graphkit.readers.read` for the files (called with the
    same keyword arguments, :func:`graphkit.spark.read_files` for the Spark engine).

    Raises
    ------
    InputError
        As the readers and the crawler do.
    """
    paths = list(paths) if paths else []
    addresses = [str(p) for p in paths if is_address(p)]
    files = [p for p in paths if not is_address(p)]
    if reader is None:
        reader = read
    if not addresses:
        return reader(files or None, options=options, progress=progress,
                      while_reading=warm_up, exclude=exclude)
    from .crawl import crawl
    from .merge import merge_posts

    parts = [crawl(a, options=options, progress=progress) for a in addresses]
    if files:
        parts.append(reader(files, options=options, progress=progress, exclude=exclude))
    warm_up()
    if len(parts) == 1:
        return parts[0]
    sightings = [p for part in parts for p in part.posts]
    return ReadResult(posts=merge_posts(sightings),
                      files=tuple(f for part in parts for f in part.files),
                      fragments=tuple(f for part in parts for f in part.fragments),
                      sightings=sum(part.sightings for part in parts),
                      fetches=tuple(f for part in parts for f in part.fetches),
                      discovery=tuple(s for part in parts for s in part.discovery))


TRIALS_FULL_UP_TO = 20_000   # posts: up to here every trial runs (option scale_trials)
MIN_SCALED_TRIALS = 2


def trials_for(options: BuildOptions, posts: int | None) -> int:
    """InfoMap trials for a network of ``posts`` posts.

    With ``scale_trials`` (the default), networks above 20,000 posts run
    ``trials × 20,000 / posts`` trials, at least 2: each trial costs in proportion to the
    network, and a large network's best trial differs little from the others. Measured on
    the 100,000-post synthetic corpus (497k edges, `benchmarks/README.md`): 2 trials
    13.2 s against 53.8 s for 10, codelength +0.027 %, adjusted mutual information with
    the planted topics 0.6446 against 0.6448.
    """
    if not options.scale_trials or posts is None or posts <= TRIALS_FULL_UP_TO:
        return options.trials
    return min(options.trials, max(MIN_SCALED_TRIALS,
                                   round(options.trials * TRIALS_FULL_UP_TO / posts)))


def infomap_arguments(options: BuildOptions, *, posts: int | None = None) -> dict[str, Any]:
    """The keyword arguments of :func:`graphkit.community.detect_communities` that
    ``options`` gives (Infomap's own names where it has them) for ``posts`` posts."""
    return {"layer_weights": options.layer_weights(), "seed": options.seed,
            "num_trials": trials_for(options, posts), "markov_time": options.markov_time,
            "variable_markov_time": options.variable_markov_time,
            "teleportation_probability": options.teleportation,
            "two_level": options.two_level, "flow_extra_nodes": options.flow_extra_nodes}


def map_heading(read: ReadResult) -> str:
    """The map page's title: ``graphkit · `` and the blog's name
    (:func:`graphkit.readers.blog_name`), or ``graphkit map`` without one."""
    name = blog_name(read)
    return f"graphkit · {name}" if name else "graphkit map"


@dataclass(frozen=True)
class BuildResult:
    """Everything a build produced.

    Attributes
    ----------
    read : ReadResult
    graph : networkx.MultiDiGraph
        Nodes carry their post attributes; modules and flow are in ``community``.
    terms : TermMatrix
    community : CommunityResult
    modules : tuple of ModuleSummary
    positions : mapping of str to (float, float)
    pagerank : mapping of str to float
    options : BuildOptions
    display : DisplayPartition
        The cut of the module hierarchy that the map, legend and charts group by.
    timings : mapping of str to float
        Wall-clock seconds per stage, set when the result is made: ``read``, ``keywords`` (absent when the keyword
        matrix was given), ``citations_series``, ``topic_similarity``, ``graph_build``,
        ``infomap``, ``labels`` (module labels and PageRank) and ``layout``. The result
        is frozen in depth: mappings are read-only and the graph is frozen
        (``networkx.freeze``).
    """

    read: ReadResult
    graph: "nx.MultiDiGraph"
    terms: "TermMatrix"
    community: "CommunityResult"
    modules: "tuple[ModuleSummary, ...]"
    positions: MappingProxyType
    pagerank: MappingProxyType
    options: BuildOptions
    timings: MappingProxyType = field(default_factory=lambda: MappingProxyType({}))
    display: "DisplayPartition | None" = None

    def with_display(self, *, max_share: float, level: int = 0) -> "BuildResult":
        """The same result with another display partition (no other step reruns)."""
        from dataclasses import replace

        from .community import display_partition

        return replace(self, display=display_partition(
            self.community, max_share=max_share, level=level or None))

    def node_extra(self) -> dict:
        """Per-node figures added to the node-link JSON: PageRank and citation counts."""
        out = {}
        cin: dict[str, int] = {}
        cout: dict[str, int] = {}
        for u, v, d in self.graph.edges(data=True):
            if d["kind"] == "cites":
                cout[u] = cout.get(u, 0) + 1
                cin[v] = cin.get(v, 0) + 1
        for n in self.graph.nodes:
            out[n] = {"pagerank": self.pagerank.get(n, 0.0), "cited_by": cin.get(n, 0),
                      "cites": cout.get(n, 0)}
        return out

    def node_link(self) -> dict:
        """The graph as node-link data (see :func:`graphkit.render.node_link`)."""
        from .render import node_link

        return node_link(self.graph, self.community, self.modules, extra=self.node_extra(),
                         display=self.display)

    def map_data(self, *, layers: tuple[str, ...] | None = None,
                 show_extra: bool | None = None, nodes: set[str] | None = None,
                 select: str | None = None) -> dict:
        """What the map draws (:func:`graphkit.render.map_data`).

        Parameters
        ----------
        layers : tuple of str, optional
            Edge kinds drawn (default: all built).
        show_extra : bool, optional
            Draw unresolved citations and papers (default: ``options.show_extra_nodes``).
        nodes : set of str, optional
            Draw only these nodes (a filter or an ego network).
        select : str, optional
            Node selected and focused when the map opens.
        """
        from .render import map_data

        show = self.options.show_extra_nodes if show_extra is None else show_extra
        return map_data(self.graph, self.community, self.modules, self.positions,
                        show_extra=show, layers=layers, nodes=nodes, select=select,
                        display=self.display)

    def html(self, *, layers: tuple[str, ...] | None = None, show_extra: bool | None = None,
             nodes: set[str] | None = None, select: str | None = None,
             heading: str | None = None) -> str:
        """The standalone HTML map (parameters as :meth:`map_data`; ``heading``: the
        page title, by default :func:`map_heading`'s)."""
        from .render import render_html

        return render_html(self.map_data(layers=layers, show_extra=show_extra, nodes=nodes,
                                         select=select),
                           heading=map_heading(self.read) if heading is None else heading)


class Stages:
    """The stages whose cost grows with the number of posts, run in this process.

    :func:`relate` and :func:`analyse` call these methods; the Spark engine
    (:class:`graphkit.spark.SparkStages`) overrides them with Spark jobs that give the
    same results, and everything else (the graph, InfoMap, labels, layout, export)
    stays the same.
    """

    def keyword_matrix(self, posts: "tuple[Post, ...]", *, max_chars: int,
                       phrases: tuple[str, ...] = ()) -> "TermMatrix":
        """See :func:`graphkit.keywords.keyword_matrix` (in worker processes from
        5,000 posts on when this process may fork)."""
        from .keywords import keyword_matrix

        return keyword_matrix(posts, max_chars=max_chars, workers=None, phrases=phrases)

    def citation_edges(self, posts: "tuple[Post, ...]", index: "TitleIndex | None" = None
                       ) -> "tuple[list[Edge], list[ExtraNode]]":
        """See :func:`graphkit.relate.citation_edges`."""
        from .relate import citation_edges

        return citation_edges(posts, index, workers=None)

    def series_edges(self, posts: "tuple[Post, ...]") -> "list[Edge]":
        """See :func:`graphkit.relate.series_edges`."""
        from .relate import series_edges

        return series_edges(posts, workers=None)

    def similar_pairs(self, tm: "TermMatrix", *, top_k: int, min_score: float
                      ) -> list[tuple[int, int, float]]:
        """See :func:`graphkit.keywords.similar_pairs` (in worker processes from 5,000
        posts on when this process may fork)."""
        from .keywords import similar_pairs

        return similar_pairs(tm, top_k=top_k, min_score=min_score, workers=None)


def keyword_terms(posts: "tuple[Post, ...]", *, options: BuildOptions = BuildOptions(),
                  stages: "Stages | None" = None) -> "TermMatrix":
    """The keyword matrix of ``posts``: the blog's own terms mined first (when
    ``options.mine_phrases``; :func:`graphkit.phrases.mine_phrases`, over at most 2,000
    posts), then every post segmented with them by ``stages`` (default: this process).

    Parameters
    ----------
    posts : tuple of Post
    options : BuildOptions, keyword-only
        ``keyword_chars`` and ``mine_phrases`` are used.
    stages : Stages, optional, keyword-only

    Returns
    -------
    TermMatrix
        Its ``phrases`` are the mined terms, its ``japanese_words`` the Japanese posts'
        words of Sudachi's dictionary (:func:`graphkit.keywords.with_japanese_words`).
    """
    from .keywords import with_japanese_words

    phrases: tuple[str, ...] = ()
    if options.mine_phrases:
        from .phrases import mine_phrases

        phrases = mine_phrases(posts, max_chars=options.keyword_chars)
    stages = Stages() if stages is None else stages
    return with_japanese_words(
        stages.keyword_matrix(posts, max_chars=options.keyword_chars, phrases=phrases), posts)


def relate(posts: tuple[Post, ...], *, options: BuildOptions = BuildOptions(),
           index: "TitleIndex | None" = None, tm: "TermMatrix | None" = None,
           timer: Callable[[str, float], object] | None = None,
           stages: "Stages | None" = None
           ) -> tuple[list[Edge], list[ExtraNode], TermMatrix]:
    """Compute every enabled edge layer (the orchestration of :mod:`graphkit.relate`).

    Parameters
    ----------
    posts : tuple of Post
    options : BuildOptions, keyword-only
        ``layers``, ``topic_top_k`` and ``min_topic_similarity`` are used.
    index : TitleIndex, optional
        Titles and archive ids that citations resolve against (default: the posts).
    tm : TermMatrix, optional
        Precomputed keyword matrix (see :func:`keyword_matrix`).
    timer : callable, optional, keyword-only
        Called as ``timer(stage, seconds)`` with the wall-clock seconds of
        ``"citations_series"`` (citation, coupling, co-citation and series layers) and
        ``"topic_similarity"``.
    stages : Stages, optional, keyword-only
        Who computes keywords, citations, series and similar pairs (default: this
        process).

    Returns
    -------
    edges : list of Edge
    extra : list of ExtraNode
        Unresolved citations and papers (only when ``cites`` is enabled).
    tm : TermMatrix
    """
    from .relate import coupling_edges, topic_edges

    stages = Stages() if stages is None else stages
    tm = tm if tm is not None else keyword_terms(posts, options=options, stages=stages)
    t = time.perf_counter()
    edges: list[Edge] = []
    extra: list[ExtraNode] = []
    needs_cites = {"cites", "coupling", "cocitation"} & set(options.layers)
    cites, extra = stages.citation_edges(posts, index) if needs_cites else ([], [])
    if "cites" in options.layers:
        edges.extend(cites)
    for kind in ("coupling", "cocitation"):
        if kind in options.layers:
            edges.extend(coupling_edges(cites, kind=kind))
    if "cites" not in options.layers:
        extra = []
    if "series" in options.layers:
        edges.extend(stages.series_edges(posts))
    if timer is not None:
        timer("citations_series", time.perf_counter() - t)
    t = time.perf_counter()
    if "topic" in options.layers:
        pairs = stages.similar_pairs(tm, top_k=options.topic_top_k,
                                     min_score=options.min_topic_similarity)
        edges.extend(topic_edges(tm, top_k=options.topic_top_k,
                                 min_score=options.min_topic_similarity,
                                 title_only={p.key for p in posts if p.title_only},
                                 pairs=pairs, workers=None))
    if timer is not None:
        timer("topic_similarity", time.perf_counter() - t)
    return edges, extra, tm


def analyse(read_result: ReadResult, *, options: BuildOptions = BuildOptions(),
            terms: "TermMatrix | None" = None, read_seconds: float | None = None,
            stages: "Stages | None" = None,
            timings: "dict[str, float] | None" = None,
            cut_texts: int | None = None, keep_term_weights: bool = True) -> BuildResult:
    """Relate, detect and lay out an already-read corpus.

    Parameters
    ----------
    read_result : ReadResult
    options : BuildOptions, keyword-only
    terms : TermMatrix, optional, keyword-only
        Keyword matrix of ``read_result.posts`` computed earlier (it depends on the
        posts only, so a dashboard can keep it across option changes).
    read_seconds : float, optional, keyword-only
        Seconds the read took, recorded among the timings.
    stages : Stages, optional, keyword-only
        Who computes the stages that grow with the posts (default: :class:`Stages`,
        this process; :class:`graphkit.spark.SparkStages` runs them as Spark jobs).
    timings : dict of str to float, optional, keyword-only
        Stage timings measured before (seconds), kept in the result's.
    cut_texts : int, optional, keyword-only
        Once the graph is built (nothing after it reads the texts), keep only the first
        this many characters of each post's text in the result
        (:meth:`graphkit.model.ReadResult.cut_texts`). Frees the texts' memory for the
        stages after it when the caller holds no other reference to ``read_result``
        (the command line; at 100,000 synthetic posts, 148 million characters, about
        300 MB). Default: whole texts.
    keep_term_weights : bool, keyword-only
        False: drop the keyword matrix's TF-IDF weights once the graph is built and its
        counts once the modules are labelled (:meth:`graphkit.keywords.TermMatrix.without`;
        its terms and phrases stay), for a caller that only writes the result (the
        command line): at 100,000 synthetic posts 280 MB less through InfoMap, the
        layout and the export.

    Returns
    -------
    BuildResult
    """
    import networkx as nx

    from .community import detect_communities, display_partition
    from .graph import build_graph
    from .layout import module_layout

    from ._runtime import release_free_memory

    timings = dict(timings or {})
    if read_seconds is not None:
        timings["read"] = read_seconds

    def done(stage: str, seconds: float) -> None:
        timings[stage] = seconds
        release_free_memory()   # what the stage freed, before the next one allocates

    stages = Stages() if stages is None else stages
    t = time.perf_counter()
    if terms is None:
        terms = keyword_terms(read_result.posts, options=options, stages=stages)
        done("keywords", time.perf_counter() - t)
    edges, extra, terms = relate(read_result.posts, options=options, tm=terms,
                                 timer=done, stages=stages)
    t = time.perf_counter()
    graph = nx.freeze(build_graph(read_result.posts, edges, extra, terms))
    del edges, extra   # the graph holds what they said (100 MB at 500,000 edges)
    if cut_texts is not None:
        read_result = read_result.cut_texts(cut_texts)
    if not keep_term_weights:   # labels need the counts only
        terms = terms.without(matrix=True)
    done("graph_build", time.perf_counter() - t)
    t = time.perf_counter()
    community = detect_communities(graph, **infomap_arguments(
        options, posts=len(read_result.posts)))
    done("infomap", time.perf_counter() - t)
    from ._runtime import fork_beside, fork_workers
    from .keywords import PARALLEL_MIN_POSTS

    if fork_workers(len(read_result.posts), PARALLEL_MIN_POSTS) > 1:
        # the labels in a forked process while this one lays the map out (each stage's
        # own seconds: the two overlap); the layout's force layouts stay in this process
        # (the pool's thread runs: may_fork is false), so two processes share two cores
        with fork_beside(_labels, None, shared=(graph, community, terms)) as labelled:
            t = time.perf_counter()
            positions = module_layout(graph, community, seed=options.seed, workers=None)
            done("layout", time.perf_counter() - t)
            modules, pr, seconds = labelled()
        done("labels", seconds)
    else:
        modules, pr, seconds = _labels((graph, community, terms), None)
        done("labels", seconds)
        t = time.perf_counter()
        positions = module_layout(graph, community, seed=options.seed, workers=None)
        done("layout", time.perf_counter() - t)
    if not keep_term_weights:
        terms = terms.without(matrix=True, counts=True)
    display = display_partition(community, max_share=options.display_max_share,
                                level=options.display_level or None)
    return BuildResult(read=read_result, graph=graph, terms=terms, community=community,
                       modules=modules, positions=MappingProxyType(positions),
                       pagerank=MappingProxyType(pr), options=options,
                       timings=MappingProxyType(timings), display=display)


def _labels(shared: tuple, _item) -> tuple:
    """The modules' summaries and the posts' PageRank of ``(graph, community, terms)``,
    and the seconds they took."""
    from .community import pagerank, summarize_modules

    graph, community, terms = shared
    t = time.perf_counter()
    modules = summarize_modules(graph, community, terms)
    return modules, pagerank(graph), time.perf_counter() - t


def report(result: BuildResult, *, render_seconds: float | None = None) -> dict:
    """The reading report and run record written to ``report.json``.

    Parameters
    ----------
    result : BuildResult
    render_seconds : float, optional, keyword-only
        Seconds the map took to render, added to the timings.
    """
    from importlib.metadata import version

    import infomap
    import networkx as nx

    r = result.read
    return {
        "graphkit_version": __version__,
        "versions": {"python": platform.python_version(), "networkx": nx.__version__,
                     "infomap": infomap.__version__, "rjieba (jieba-rs)": version("rjieba"),
                     "scikit-learn": version("scikit-learn"),
                     **({"pyspark": version("pyspark")} if result.options.engine == "spark"
                        else {})},
        "parameters": {**{k: (list(v) if isinstance(v, tuple) else v)
                          for k, v in vars(result.options).items()}},
        "reading": {
            "files": [{k: v for k, v in vars(f).items() if k != "site" or v} for f in r.files],
            "sightings": r.sightings,
            "posts": len(r.posts),
            "untitled_posts": [p.key for p in r.posts if p.untitled],
            "partial_dates": [p.key for p in r.posts if is_partial(p.date)],
            "inferred_dates": [p.key for p in r.posts if p.date_inferred],
            "skipped_fragments": [vars(f) for f in r.fragments],
            "texts_cut": r.texts_cut,
        },
        **({"fetch": {"discovery": list(r.discovery),
                      "requests": [vars(f) for f in r.fetches],
                      "from_cache": sum(f.from_cache for f in r.fetches),
                      "bytes": sum(f.bytes for f in r.fetches)}} if r.fetches else {}),
        "keywords": {
            "terms": len(result.terms.terms),
            "mined_phrases": list(result.terms.phrases),
            "message": ("no post has a usable keyword: the graph has no topic edges"
                        if not result.terms.terms else
                        f"{len(result.terms.terms)} keywords over {len(result.terms.keys)} posts"),
        },
        "graph": {
            "nodes": result.graph.number_of_nodes(),
            "edges_by_kind": _count_kinds(result.graph),
            "nodes_by_kind": _count_node_kinds(result.graph),
        },
        "communities": {
            "codelength": result.community.codelength,
            "one_level_codelength": result.community.one_level_codelength,
            "relative_codelength_savings": result.community.relative_codelength_savings,
            "num_top_modules": result.community.num_top_modules,
            "num_levels": result.community.num_levels,
            "trivial": result.community.trivial,
            "message": result.community.message,
            "parameters": dict(result.community.parameters),
            "modules": [{"id": m.id, "level": m.level, "label": m.label, "size": m.size,
                         "flow": m.flow} for m in result.modules],
        },
        "timings_seconds": {k: round(v, 4) for k, v in {
            **result.timings, **({"render": render_seconds} if render_seconds is not None
                                 else {})}.items()},
    }


def _count_kinds(g: "nx.MultiDiGraph") -> dict[str, int]:
    out: dict[str, int] = {}
    for _, _, d in g.edges(data=True):
        out[d["kind"]] = out.get(d["kind"], 0) + 1
    return dict(sorted(out.items()))


def _count_node_kinds(g: "nx.MultiDiGraph") -> dict[str, int]:
    out: dict[str, int] = {}
    for _, d in g.nodes(data=True):
        out[d["kind"]] = out.get(d["kind"], 0) + 1
    return dict(sorted(out.items()))


class OutputBusyError(GraphkitError):
    """Another build holds the lock of the output folder."""


LOCK_NAME = ".graphkit.lock"


def write_outputs(result: BuildResult, out_dir: str | os.PathLike[str]) -> dict[str, Path]:
    """Write ``graph.html``, ``graph.json``, ``graph.ftree`` (Infomap's flow tree, for
    mapequation.org's Network Navigator) and ``report.json`` (UTF-8) into ``out_dir``.

    Each file is written to a temporary name in ``out_dir``, flushed to disk
    (``fsync``) and renamed over the old one only once all four are complete, so a
    kill or a full disk leaves the previous outputs whole (or the new ones), never a
    truncated file; temporary files of a failed write are removed. A lock file
    (``.graphkit.lock``, ``fcntl.flock``) keeps two builds from mixing their outputs
    in one folder.

    Returns
    -------
    dict of str to Path
        The files written.

    Raises
    ------
    OutputBusyError
        When another build is writing into ``out_dir``.
    InputError
        When a file cannot be written; the message names it.

    References
    ----------
    .. [1] POSIX ``rename(2)``: the replacement of the target is atomic,
       https://pubs.opengroup.org/onlinepubs/9799919799/functions/rename.html
    """
    out = Path(out_dir)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(f"cannot create the output folder: {exc.strerror or exc}",
                         path=str(out)) from None
    from .export import ftree_lines
    from .render import dumps_json, write_html, write_node_link

    timing: dict[str, float] = {}

    def html(fh) -> None:
        t = time.perf_counter()
        write_html(fh, result.map_data(), heading=map_heading(result.read))
        timing["render"] = time.perf_counter() - t

    def graph_json(fh) -> None:
        write_node_link(fh, result.graph, result.community, result.modules,
                        extra=result.node_extra(), display=result.display)
        fh.write(b"\n")

    def ftree(fh) -> None:
        lines = ftree_lines(result)
        while chunk := "".join(itertools.islice(lines, 10_000)):
            fh.write(chunk.encode("utf-8"))

    def report_json(fh) -> None:
        fh.write((dumps_json(report(result, render_seconds=timing["render"])) + "\n")
                 .encode("utf-8"))

    # each file written as it is made: a large map's texts are never all held at once
    writers = {"graph.html": html, "graph.json": graph_json, "graph.ftree": ftree,
               "report.json": report_json}
    from ._runtime import fork_workers

    workers = fork_workers(result.graph.number_of_nodes(), PARALLEL_WRITE_MIN_NODES)
    with _output_lock(out):
        temps: dict[str, Path] = {}
        try:
            if workers > 1:   # the three large files side by side, report.json after them
                temps = _write_forked(out, writers)
            for name, write in writers.items():
                if name not in temps:
                    temps[name] = _write_temp(out, name, write)
            for name, tmp in temps.items():
                os.replace(tmp, out / name)
            _fsync_dir(out)
        finally:
            for tmp in temps.values():
                if tmp.exists():
                    tmp.unlink()
    return {name: out / name for name in writers}


PARALLEL_WRITE_MIN_NODES = 20_000
"""Nodes from which :func:`write_outputs` writes ``graph.json`` and ``graph.ftree`` in
a forked process while this one writes ``graph.html`` (100,000 synthetic posts: 17.8 s
of writing in one process); below it, or where this process may not fork, one after
the other."""


def _write_forked(out: Path, writers: dict) -> dict[str, Path]:
    """``graph.json`` and ``graph.ftree`` written to temporary files by one forked
    process (it inherits the result; only names and paths are pickled) while this one
    writes ``graph.html``: ``{name: temporary path}``. One process beside this one, not
    one per file: each forked writer touches most of the result's pages, which are then
    copied (three writers: 1.2 GB more at 100,000 posts). When one file fails, every
    temporary file is removed and its error raised; a worker that died leaves files of
    unknown names, so every temporary file of these names in ``out`` is removed (the
    output lock is held: none is another build's)."""
    from ._runtime import fork_beside

    side = ["graph.json", "graph.ftree"]
    temps: dict[str, Path] = {}
    try:
        with fork_beside(_write_files, side, shared=(out, writers)) as made:
            temps["graph.html"] = _write_temp(out, "graph.html", writers["graph.html"])
            done = made()
    except BaseException:
        for name in ["graph.html", *side]:
            for tmp in out.glob(f".{name}.*.tmp"):
                tmp.unlink(missing_ok=True)
        raise
    temps.update((name, Path(tmp)) for name, tmp, _ in done if tmp)
    failed = [error for _, _, error in done if error is not None]
    if failed:
        for tmp in temps.values():
            tmp.unlink(missing_ok=True)
        raise failed[0]
    return temps


def _write_files(shared, names: list[str]) -> list[tuple[str, str | None, Exception | None]]:
    """In a forked worker: ``(name, temporary path, None)`` per file of ``names`` in turn,
    or ``(name, None, error)`` for the first that could not be made (its temporary file
    already removed), the rest not tried."""
    out, writers = shared
    done = []
    for name in names:
        try:
            done.append((name, str(_write_temp(out, name, writers[name])), None))
        except Exception as exc:   # given back, raised by the caller once both have ended
            done.append((name, None, exc))
            break
    return done


def _write_temp(out: Path, name: str, write: "Callable[[Any], None]") -> Path:
    """Write a temporary file next to ``out/name`` by ``write(binary file)``; fsync'd."""
    import tempfile

    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=out)
    except OSError as exc:
        raise InputError(f"cannot write: {exc.strerror or exc}", path=str(out / name)) from None
    try:
        os.fchmod(fd, 0o644)  # as an ordinary file (mkstemp makes 0600)
        with os.fdopen(fd, "wb") as f:
            write(f)
            f.flush()
            os.fsync(f.fileno())
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise InputError(f"cannot write: {exc.strerror or exc}", path=str(out / name)) from None
    except BaseException:   # the content failed to be made: no temporary file is left
        Path(tmp).unlink(missing_ok=True)
        raise
    return Path(tmp)


def _fsync_dir(out: Path) -> None:
    try:
        fd = os.open(out, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


class _output_lock:
    """Exclusive, non-blocking ``flock`` on ``out/.graphkit.lock`` (no-op without fcntl)."""

    def __init__(self, out: Path):
        self.path = out / LOCK_NAME
        self.fd: int | None = None

    def __enter__(self):
        try:
            import fcntl
        except ImportError:  # not POSIX: no lock
            return self
        try:
            self.fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as exc:
            raise InputError(f"cannot write: {exc.strerror or exc}", path=str(self.path)) from None
        try:
            fcntl.flock(self.fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(self.fd)
            self.fd = None
            raise OutputBusyError(f"{self.path.parent}: another build is writing into this "
                                  f"folder") from None
        return self

    def __exit__(self, *exc):
        if self.fd is not None:
            import fcntl

            fcntl.flock(self.fd, fcntl.LOCK_UN)
            os.close(self.fd)
        return False
