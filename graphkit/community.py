"""The detect step: InfoMap communities of the post graph, and what describes them.

References
----------
.. [1] M. Rosvall and C. T. Bergstrom, "Maps of random walks on complex networks reveal
   community structure", PNAS 105(4), 1118–1123 (2008).
.. [2] M. Rosvall and C. T. Bergstrom, "Multilevel compression of random walks on
   networks reveals hierarchical organization in large integrated systems",
   PLoS ONE 6(4), e18209 (2011).
.. [3] Infomap, https://www.mapequation.org/infomap/
.. [4] M. Grootendorst, "BERTopic: Neural topic modeling with a class-based TF-IDF
   procedure", arXiv:2203.05794 (2022) — class-based TF-IDF used for module labels.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Mapping
from types import MappingProxyType
from typing import Any

from collections import Counter
from dataclasses import dataclass, field

import networkx as nx
import numpy as np

from .dates import year_of
from .errors import CommunityError
from .keywords import TermMatrix
from .options import BuildOptions
from .relate import DIRECTED_KINDS

MARKOV_TIME = BuildOptions.__dataclass_fields__["markov_time"].default  # the options' defaults
VARIABLE_MARKOV_TIME = BuildOptions.__dataclass_fields__["variable_markov_time"].default

SAVINGS_FLOOR = 0.01  # relative codelength savings below this: no structure found


@dataclass(frozen=True)
class CommunityResult:
    """The outcome of InfoMap on the post graph.

    Attributes
    ----------
    paths : mapping of str to tuple of int
        Module path of each node that took part in the flow, e.g. ``(2, 1, 3)`` for
        ``2:1:3``; the last number is the node's rank inside its leaf module.
    flow : mapping of str to float
        Stationary flow (visit rate) of each node; sums to 1.
    codelength : float
        Map equation codelength of the partition, in bits per step.
    one_level_codelength : float
        Codelength with every node in one module, in bits per step.
    relative_codelength_savings : float
        ``1 - codelength / one_level_codelength`` (Infomap's name).
    num_top_modules : int
    num_levels : int
    parameters : dict
        Seed, trials, Markov time, teleportation, layer weights, directed, two-level and
        the infomap version.
    trivial : bool
        True when InfoMap found no structure (one module, or savings below 1 %).
    message : str
        A plain statement of what was found, with a hint when ``trivial``.
    """

    paths: Mapping[str, tuple[int, ...]]
    flow: Mapping[str, float]
    codelength: float
    one_level_codelength: float
    relative_codelength_savings: float
    num_top_modules: int
    num_levels: int
    parameters: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))
    trivial: bool = False
    message: str = ""

    def module(self, node: str, level: int = 1) -> str | None:
        """Return the module id of ``node`` at ``level`` (1 = top) as ``"2:1"``, or None.

        A node whose path is shorter than ``level + 1`` stays in its deepest module.
        """
        path = self.paths.get(node)
        if path is None:
            return None
        depth = max(1, min(level, len(path) - 1))
        return ":".join(map(str, path[:depth]))

    def modules_at(self, level: int = 1) -> dict[str, list[str]]:
        """Return module id → member nodes at ``level``, members sorted by id."""
        out: dict[str, list[str]] = {}
        for node in sorted(self.paths):
            out.setdefault(self.module(node, level), []).append(node)
        return out

    def leaf_module(self, node: str) -> str | None:
        """Return the id of the deepest module holding ``node``."""
        path = self.paths.get(node)
        return None if path is None else ":".join(map(str, path[:-1]))


# no displayed module holds more than this share of the posts (the option's default)
DISPLAY_MAX_SHARE = BuildOptions.__dataclass_fields__["display_max_share"].default


@dataclass(frozen=True)
class DisplayPartition:
    """The one cut of the InfoMap hierarchy that a map, its legend and its charts group by.

    Attributes
    ----------
    modules : tuple of str
        Displayed module ids (InfoMap paths such as ``"1:4"``), largest flow first.
    of : mapping of str to str (read-only)
        Displayed module of every node that took part in the flow.
    rule : str
        How the cut was made, e.g. ``"split modules above 12% of the posts"`` or
        ``"level 2"``.
    max_share : float or None
        The share rule's threshold (None when the level was fixed).
    level : int or None
        The fixed level (None under the share rule).
    """

    modules: tuple[str, ...]
    of: Mapping[str, str]
    rule: str
    max_share: float | None = None
    level: int | None = None

    def members(self) -> dict[str, list[str]]:
        """Displayed module id → its nodes, sorted."""
        out: dict[str, list[str]] = {m: [] for m in self.modules}
        for n in sorted(self.of):
            out[self.of[n]].append(n)
        return out


def display_partition(result: CommunityResult, *, max_share: float = DISPLAY_MAX_SHARE,
                      level: int | None = None) -> DisplayPartition:
    """Cut the module hierarchy where a reader can see the structure.

    Under the default rule every top module holding more than ``max_share`` of the
    posts is replaced by its sub-modules, recursively, until no displayed module is a
    giant or a module has no sub-modules left; so the machine-learning half of a blog
    shows as its topics, while small modules stay whole. With ``level`` the hierarchy is
    cut at that depth instead (modules shallower than it stay whole).

    Parameters
    ----------
    result : CommunityResult
    max_share : float, keyword-only
        Largest share of the posts a displayed module may hold, in (0, 1].
    level : int, optional, keyword-only
        A fixed level (1 = top modules); overrides ``max_share``.

    Returns
    -------
    DisplayPartition

    Raises
    ------
    ValueError
        When ``max_share`` is outside (0, 1] or ``level`` below 1.

    References
    ----------
    .. [1] M. Rosvall, C. T. Bergstrom, "Multilevel compression of random walks on
       networks reveals hierarchical organization in large integrated systems",
       PLoS ONE 6(4), e18209 (2011).
    """
    if level is not None and level < 1:
        raise ValueError(f"level must be 1 or more, not {level}")
    if not 0 < max_share <= 1:
        raise ValueError(f"max_share must be in (0, 1], not {max_share}")
    nodes = sorted(result.paths)
    if level is not None:
        of = {n: result.module(n, level) for n in nodes}
        rule = f"level {level}"
    else:
        limit = max_share * len(nodes)
        of = {n: result.module(n, 1) for n in nodes}
        depth = {m: 1 for m in of.values()}
        while True:
            size: dict[str, int] = {}
            for m in of.values():
                size[m] = size.get(m, 0) + 1
            split = {m for m, k in size.items() if k > limit}
            changed = False
            for n in nodes:
                m = of[n]
                if m in split:
                    deeper = result.module(n, depth[m] + 1)
                    if deeper != m:
                        depth.setdefault(deeper, depth[m] + 1)
                        of[n] = deeper
                        changed = True
            if not changed:
                break
        rule = f"split modules above {max_share:.0%} of the posts"
    flow: dict[str, float] = {}
    for n, m in of.items():
        flow[m] = flow.get(m, 0.0) + result.flow.get(n, 0.0)
    modules = tuple(sorted(flow, key=lambda m: (-flow[m], [int(x) for x in m.split(":")])))
    return DisplayPartition(modules=modules, of=MappingProxyType(of), rule=rule,
                            max_share=None if level is not None else max_share, level=level)


def flow_network(graph: nx.MultiDiGraph, *, layer_weights: Mapping[str, float],
                 flow_extra_nodes: bool = False) -> tuple[list[str], np.ndarray]:
    """Return the nodes and weighted directed links InfoMap runs on.

    Each edge contributes ``layer weight × edge weight``; an undirected (topic) edge
    contributes in both directions.

    Parameters
    ----------
    graph : networkx.MultiDiGraph
    layer_weights : mapping of str to float, keyword-only
        Weight of each edge kind; kinds not in it take no part.
    flow_extra_nodes : bool, keyword-only
        Let unresolved and paper nodes take part (by default only posts do).

    Returns
    -------
    nodes : list of str
        Node ids, sorted; InfoMap's integer id of a node is its index here.
    links : numpy.ndarray of float, shape (n_links, 3)
        ``(source, target, weight)`` rows, sorted by source then target, one per
        ordered pair: the weights of a pair's edges summed in the graph's edge order.
        Built as arrays: 500,000 edges take 24 MB here, where a dict of pairs took
        250 MB.
    """
    weights = layer_weights
    nodes = sorted(n for n, d in graph.nodes(data=True)
                   if d.get("kind") == "post" or flow_extra_nodes)
    index = {n: i for i, n in enumerate(nodes)}
    # per edge: its forward link at 2k and, for an undirected edge, its reverse at 2k + 1,
    # so that a pair's weights are summed in the order of the edges
    e = np.fromiter(((index.get(u, -1), index.get(v, -1),
                      weights.get(d["kind"], 0.0) * d["weight"], not d.get("directed", True))
                     for u, v, d in graph.edges(data=True)),
                    dtype=[("u", np.int64), ("v", np.int64), ("w", np.float64), ("both", bool)],
                    count=graph.number_of_edges())
    keep = (e["u"] >= 0) & (e["v"] >= 0) & (e["u"] != e["v"]) & (e["w"] > 0)
    src = np.stack([e["u"], e["v"]], axis=1).ravel()
    dst = np.stack([e["v"], e["u"]], axis=1).ravel()
    used = np.stack([keep, keep & e["both"]], axis=1).ravel()
    src, dst, ww = src[used], dst[used], np.repeat(e["w"], 2)[used]
    if not src.size:
        return nodes, np.zeros((0, 3))
    pair, inverse = np.unique(src * len(nodes) + dst, return_inverse=True)
    total = np.bincount(inverse.ravel(), weights=ww, minlength=pair.size)
    return nodes, np.column_stack([pair // len(nodes), pair % len(nodes), total]).astype(float)


def detect_communities(graph: nx.MultiDiGraph, *,
                       layer_weights: Mapping[str, float] | None = None, seed: int = 42,
                       num_trials: int = 10, markov_time: float = MARKOV_TIME,
                       variable_markov_time: bool = VARIABLE_MARKOV_TIME,
                       teleportation_probability: float = 0.15, two_level: bool = False,
                       flow_extra_nodes: bool = False,
                       initial_partition: Mapping[str, int] | None = None,
                       num_threads: int | None = None) -> CommunityResult:
    """Find modules with InfoMap (the map equation).

    Parameters
    ----------
    graph : networkx.MultiDiGraph
        The post graph of :func:`graphkit.graph.build_graph`; not modified.
    layer_weights : mapping of str to float, optional, keyword-only
        Weight of each edge kind in the flow network (default: the weights of
        :class:`graphkit.options.BuildOptions`' default layers). The flow is directed
        when a directed kind (``cites``, ``series``) takes part.
    seed : int, keyword-only
        Infomap's random seed (1 or more); the same seed gives the same partition.
    num_trials : int, keyword-only
        Infomap runs; the one of shortest codelength is kept.
    markov_time : float, keyword-only
        Scales the random walk's steps between codings [4]_: above 1, fewer and larger
        modules; below 1, more and smaller.
    variable_markov_time : bool, keyword-only
        Let Infomap vary the Markov time locally, longer where the network is sparse
        (Infomap's ``variable_markov_time``, since 2.15), against the map equation's
        tendency to cut sparse regions into many small modules (its field-of-view limit
        [3]_). Off by default: measured, it helps the kexue.fm corpus's categories
        (adjusted mutual information of the displayed modules 0.185 → 0.217, seeds 1–5)
        but merges the planted topics of 100,000 synthetic posts (0.636 → 0.141).
    teleportation_probability : float, keyword-only
        Of the directed flow (PageRank-style recorded teleportation).
    two_level : bool, keyword-only
        One level of modules instead of Infomap's hierarchy.
    flow_extra_nodes : bool, keyword-only
        Let unresolved citations and papers take part in the flow.
    initial_partition : mapping of str to int, optional, keyword-only
        A module number for some nodes, where InfoMap's search starts (Infomap's
        ``initial_partition``); nodes not in it start alone.
    num_threads : int, optional, keyword-only
        Threads that run the trials in parallel (Infomap's ``parallel_trials``); default
        one per core, at most 4. The partition is the same as with one thread (each trial
        keeps its own seed): on the corpus the same paths and codelength, 1.5× faster on
        two cores.

    Returns
    -------
    CommunityResult
        Every flow node gets a module path. Isolated nodes (no link) get a module of
        their own. ``trivial`` is set when no structure was found.

    Raises
    ------
    CommunityError
        When the graph has no post node.

    References
    ----------
    .. [1] M. Rosvall, C. T. Bergstrom, "Maps of random walks on complex networks reveal
       community structure", PNAS 105(4), 1118–1123 (2008).
    .. [2] Infomap's Python API, https://mapequation.github.io/infomap/python/
    .. [3] M. T. Schaub, R. Lambiotte, M. Barahona, "Encoding dynamics for multiscale
       community detection: Markov time sweeping for the map equation", Phys. Rev. E 86,
       026112 (2012).
    .. [4] A. Kheirkhahzadeh, A. Lancichinetti, M. Rosvall, "Efficient community
       detection of network flows for varying Markov times and bipartite networks",
       Phys. Rev. E 93, 032309 (2016).
    """
    import infomap  # heavy: loaded on first use only

    if layer_weights is None:
        layer_weights = BuildOptions().layer_weights()
    nodes, links = flow_network(graph, layer_weights=layer_weights,
                                flow_extra_nodes=flow_extra_nodes)
    if not nodes:
        raise CommunityError("the graph has no post node to find communities in")
    directed = any(kind in DIRECTED_KINDS for kind in layer_weights)
    params = {"seed": seed, "num_trials": num_trials, "markov_time": markov_time,
              "variable_markov_time": variable_markov_time,
              "teleportation_probability": teleportation_probability,
              "two_level": two_level, "directed": directed,
              "layer_weights": dict(layer_weights), "flow_extra_nodes": flow_extra_nodes,
              "infomap_version": infomap.__version__}
    im = infomap.Infomap(silent=True, seed=seed, num_trials=num_trials, two_level=two_level,
                         directed=directed, markov_time=markov_time,
                         teleportation_probability=teleportation_probability)
    if links.size:  # sorted by (source, target): the partition does not depend on edge order
        im.add_links(links)
    linked = np.zeros(len(nodes), dtype=bool)
    linked[links[:, 0].astype(np.int64)] = True
    linked[links[:, 1].astype(np.int64)] = True
    del links   # Infomap holds its own copy
    for i in np.nonzero(~linked)[0].tolist():
        im.add_node(i)  # isolated posts get a module of their own
    start = None
    if initial_partition:
        index = {n: i for i, n in enumerate(nodes)}
        start = {index[n]: int(m) for n, m in sorted(initial_partition.items()) if n in index}
    threads = num_threads if num_threads is not None else min(os.cpu_count() or 1, 4)
    run_options = ({"parallel_trials": True, "num_threads": threads}
                   if threads > 1 and num_trials > 1 else {})
    if variable_markov_time:   # a run option since Infomap 2.15
        run_options["variable_markov_time"] = True
    run_options = run_options or None
    result = im.run(initial_partition=start, options=run_options) if start else im.run(
        options=run_options)
    paths: dict[str, tuple[int, ...]] = {}
    flow: dict[str, float] = {}
    for tn in result.nodes():
        paths[nodes[tn.node_id]] = tuple(int(x) for x in tn.path)
        flow[nodes[tn.node_id]] = float(tn.flow)
    missing = [n for n in nodes if n not in paths]
    top = max((p[0] for p in paths.values()), default=0)
    for n in missing:  # defensive: infomap leaves no node out, but never lose one
        top += 1
        paths[n] = (top, 1)
        flow[n] = 0.0
    savings = float(result.relative_codelength_savings)
    top_sizes = Counter(p[0] for p in paths.values())
    num_top = len(top_sizes)
    non_trivial = sum(1 for size in top_sizes.values() if size > 1)
    trivial = non_trivial <= 1 or savings < SAVINGS_FLOOR
    if trivial:
        message = (f"InfoMap found no module structure: {num_top} top module(s), "
                   f"{non_trivial} with more than one post, codelength savings "
                   f"{savings:.1%}. Try more edge layers (topic, series), a lower minimum "
                   f"topic similarity, or a Markov time below 1 for smaller modules.")
    else:
        message = (f"{num_top} top modules ({non_trivial} with more than one post) over "
                   f"{result.num_levels} levels; codelength {result.codelength:.3f} bits "
                   f"vs {result.one_level_codelength:.3f} for one module "
                   f"({savings:.1%} savings).")
    return CommunityResult(paths=MappingProxyType(paths), flow=MappingProxyType(flow),
                           codelength=float(result.codelength),
                           one_level_codelength=float(result.one_level_codelength),
                           relative_codelength_savings=savings, num_top_modules=num_top,
                           num_levels=int(result.num_levels),
                           parameters=MappingProxyType(params), trivial=trivial,
                           message=message)


def link_flows(graph: nx.MultiDiGraph, result: CommunityResult, *,
               tolerance: float = 1e-15, max_iterations: int = 1000
               ) -> tuple[list[str], np.ndarray]:
    """The flow on each link of the network InfoMap ran on, as Infomap's flow model
    computes it.

    Undirected: a link's weight over the total weight. Directed: the stationary
    distribution ``p`` of a random walk that follows out-links by weight and, with the
    teleportation probability (and always from a node without out-links), jumps to a
    node chosen by its out-weight (Infomap's teleportation to links); a link's flow is
    ``p[u] · w(u, v) / w_out(u)``, normalised to sum to 1 (the teleportation steps are
    not recorded). Computed again from the graph, not kept from the run: Infomap gives
    its link flows as a dictionary of a million tuples for 100,000 posts (150 MB at the
    build's peak).

    Parameters
    ----------
    graph : networkx.MultiDiGraph
        The graph ``result`` was found on.
    result : CommunityResult
        Of :func:`detect_communities`: its parameters name the layer weights, the
        teleportation probability, whether the flow is directed and whether unresolved
        and paper nodes took part.
    tolerance : float, keyword-only
        The power iteration stops when the distribution changes by less (L1 norm).
    max_iterations : int, keyword-only

    Returns
    -------
    nodes : list of str
        The flow network's nodes (:func:`flow_network`); Infomap's id of a node is its
        index here.
    links : numpy.ndarray of float, shape (n_links, 3)
        ``(source id, target id, flow)`` rows.

    Raises
    ------
    CommunityError
        When ``result``'s parameters do not name its flow network (a result made
        otherwise than by :func:`detect_communities`).

    References
    ----------
    .. [1] R. Lambiotte, M. Rosvall, "Ranking and clustering of nodes in networks with
       smart teleportation", Phys. Rev. E 85, 056107 (2012) — teleportation to links,
       unrecorded teleportation.
    .. [2] L. Bohlin, D. Edler, A. Lancichinetti, M. Rosvall, "Community detection and
       visualization of networks with the map equation framework", in Measuring
       Scholarly Impact, Springer (2014).
    .. [3] Infomap, https://www.mapequation.org/infomap/
    """
    import scipy.sparse as sp

    params = result.parameters
    if "layer_weights" not in params or "directed" not in params:
        raise CommunityError("this community result does not name the flow network it "
                             "was found on")
    nodes, links = flow_network(graph, layer_weights=params["layer_weights"],
                                flow_extra_nodes=params.get("flow_extra_nodes", False))
    if not links.size:
        return nodes, np.zeros((0, 3))
    n = len(nodes)
    a, b, w = links[:, 0].astype(np.int64), links[:, 1].astype(np.int64), links[:, 2]
    if not params["directed"]:   # (both directions of each link are in the network)
        return nodes, np.column_stack([a, b, w / w.sum()])
    out_weight = np.bincount(a, weights=w, minlength=n)
    dangling = out_weight == 0
    step = sp.csr_matrix((w / out_weight[a], (b, a)), shape=(n, n))   # p → p's next step
    teleport = out_weight / out_weight.sum()
    tau = float(params.get("teleportation_probability", 0.15))
    p = np.full(n, 1.0 / n)
    for _ in range(max_iterations):
        jump = tau * p[~dangling].sum() + p[dangling].sum()
        q = (1 - tau) * (step @ p) + jump * teleport
        q /= q.sum()
        done = np.abs(q - p).sum() < tolerance
        p = q
        if done:
            break
    flow = p[a] * w / out_weight[a]
    return nodes, np.column_stack([a, b, flow / flow.sum()])


def _ftree_name(name: str) -> str:
    """A node's name as the flow tree quotes it: on one line, with no double quote."""
    return " ".join(name.replace('"', "'").split())


def flow_tree(graph: nx.MultiDiGraph, result: CommunityResult, *,
              names: Mapping[str, str] | None = None) -> str:
    """The partition as Infomap's flow tree (``.ftree``), which mapequation.org's
    Network Navigator and Alluvial Generator open: the lines of
    :func:`flow_tree_lines` joined, whose parameters these are and whose
    ``CommunityError`` this raises.

    Returns
    -------
    str
        The file's text, ending with a line break.
    """
    return "".join(flow_tree_lines(graph, result, names=names))


def flow_tree_lines(graph: nx.MultiDiGraph, result: CommunityResult, *,
                    names: Mapping[str, str] | None = None) -> Iterator[str]:
    """The lines of the partition's flow tree (``.ftree``), one at a time, each ending
    with a line break (a writer keeps a few in memory, not the file: 21 MB and a
    million lines for 100,000 posts).

    The node hierarchy (``path flow "name" node_id``, in the tree's order) and, for the
    root and every module, its enter and exit flow, its links (the flow between its
    children summed over the links of the nodes they hold, by child rank) and its number
    of children, as Infomap's ``writeFlowTree`` writes them (the link flows of
    :func:`link_flows`): link flows scaled by the Markov time (not by a variable one,
    which Infomap sets locally), an undirected link once between children ``i < j``,
    and a module's enter and exit flow then half the flow across its boundary each;
    flows to six significant digits. Only the nodes that took part in the flow are in
    it.

    Parameters
    ----------
    graph : networkx.MultiDiGraph
        The graph ``result`` was found on.
    result : CommunityResult
        Of :func:`detect_communities`.
    names : mapping of str to str, optional, keyword-only
        A name per node (a post's title); default the node's id. Double quotes become
        single quotes and line breaks spaces.

    Yields
    ------
    str
        A line of the file (UTF-8 when written) with its line break.

    Raises
    ------
    CommunityError
        When ``result``'s parameters do not name its flow network, or its nodes are not
        the graph's (:func:`link_flows`), at the first line asked for.

    References
    ----------
    .. [1] Infomap, "Output: ftree", https://www.mapequation.org/infomap/
    .. [2] D. Edler, A. Holmgren, M. Rosvall, "The MapEquation software package",
       https://mapequation.org (Network Navigator, Alluvial Generator).
    """
    nodes, link_flow = link_flows(graph, result)
    paths = result.paths
    if set(nodes) != set(paths):
        raise CommunityError("the community result's nodes are not the graph's flow nodes")
    names = names or {}
    # the root and every module (a node's path without its rank), depth first: each
    # module's number is its place in that order
    modules = sorted({path[:k] for path in paths.values() for k in range(len(path))})
    number = {m: i for i, m in enumerate(modules)}
    children = np.zeros(len(modules), dtype=np.int64)
    for m in modules[1:]:
        children[number[m[:-1]]] += 1
    for path in paths.values():
        children[number[path[:-1]]] += 1
    # per node: its path padded with 0 (no rank or module is 0), and the number of the
    # module each of its path's prefixes names
    depth = max(len(path) for path in paths.values())
    full = np.zeros((len(nodes), depth), dtype=np.int64)
    above = np.zeros((len(nodes), depth), dtype=np.int64)
    length = np.zeros(len(nodes), dtype=np.int64)
    for i, n in enumerate(nodes):
        path = paths[n]
        full[i, :len(path)] = path
        above[i, :len(path)] = [number[path[:k]] for k in range(len(path))]
        length[i] = len(path)
    src, dst = link_flow[:, 0].astype(np.int64), link_flow[:, 1].astype(np.int64)
    params = result.parameters
    directed = params.get("directed", True)
    # Infomap's writer scales the flows by the Markov time (a variable one is local to
    # the search, and not scaled here)
    scale = 1.0 if params.get("variable_markov_time") else params.get("markov_time", 1.0)
    flow = link_flow[:, 2] * scale
    # the lowest common module of a link's ends: where their full paths part (two
    # nodes' paths always do, their ranks being unique in a module)
    c = np.argmax(full[src] != full[dst], axis=1)
    parent, a, b = above[src, c], full[src, c], full[dst, c]
    if not directed:               # an undirected link between children i < j: "i j"
        a, b = np.minimum(a, b), np.maximum(a, b)
    enter = np.zeros(len(modules))
    leave = np.zeros(len(modules))
    for k in range(1, depth):      # every module between an end and the common module
        out_of = (k > c) & (k < length[src])
        into = (k > c) & (k < length[dst])
        leave += np.bincount(above[src, k][out_of], weights=flow[out_of], minlength=len(modules))
        enter += np.bincount(above[dst, k][into], weights=flow[into], minlength=len(modules))
    if not directed:               # the flow across a module's boundary, half each way
        enter = leave = (enter + leave) / 2
    width = int(full.max()) + 1
    key, inverse = np.unique((parent * width + a) * width + b, return_inverse=True)
    summed = np.bincount(inverse.ravel(), weights=flow, minlength=key.size)
    link_parent, link_a, link_b = key // (width * width), key // width % width, key % width
    starts = np.searchsorted(link_parent, np.arange(len(modules) + 1))
    run = ", ".join(f"{k} {params[k]}" for k in ("infomap_version", "seed", "num_trials")
                    if k in params)
    yield from (f"{line}\n" for line in (
        f"# graphkit's map by Infomap: {run}" if run else "# graphkit's map by Infomap",
        f"# partitioned into {result.num_levels} levels with {result.num_top_modules} "
        "top modules",
        f"# codelength {result.codelength:.6g} bits",
        f"# relative codelength savings {100 * result.relative_codelength_savings:.6g}%",
        f"# flow model {'directed' if directed else 'undirected'}",
        "# path flow name node_id"))
    index = {n: i for i, n in enumerate(nodes)}
    for n in sorted(paths, key=paths.__getitem__):
        yield (f"{':'.join(map(str, paths[n]))} {result.flow.get(n, 0.0):.6g} "
               f'"{_ftree_name(names.get(n, n))}" {index[n]}\n')
    yield f"*Links {'directed' if directed else 'undirected'}\n"
    yield "#*Links path enterFlow exitFlow numEdges numChildren\n"
    for i, m in enumerate(modules):
        lo, hi = int(starts[i]), int(starts[i + 1])
        yield (f"*Links {':'.join(map(str, m)) or 'root'} "
               f"{enter[i] if m else 0:.6g} {leave[i] if m else 0:.6g} "
               f"{hi - lo} {children[i]}\n")
        for x, y, f in zip(link_a[lo:hi].tolist(), link_b[lo:hi].tolist(),
                           summed[lo:hi].tolist()):
            yield f"{x} {y} {f:.6g}\n"


@dataclass(frozen=True)
class ModuleSummary:
    """What describes one module at one level.

    Attributes
    ----------
    id : str
        Module path, e.g. ``"2"`` or ``"2:1"``.
    level : int
        1 for top modules.
    label : str
        Its most distinctive keywords (class-based TF-IDF), joined by `` · ``.
    keywords : tuple of str
    size : int
        Number of member nodes.
    flow : float
        Share of the flow, in [0, 1].
    first_date, last_date : str or None
        Span of the members' known dates (ISO strings; partial dates are left out).
    top_posts : tuple of str
        Up to five members with the most flow.
    most_cited : str or None
        The member with most incoming citations from any post, if cited at all.
    """

    id: str
    level: int
    label: str
    keywords: tuple[str, ...]
    size: int
    flow: float
    first_date: str | None
    last_date: str | None
    top_posts: tuple[str, ...]
    most_cited: str | None


def class_tfidf_labels(tm: TermMatrix, groups: dict[str, list[str]], *, k: int = 3,
                       readable: Callable[[str], bool] | None = None,
                       titles: dict[str, list[str]] | None = None
                       ) -> dict[str, tuple[str, ...]]:
    """Return the ``k`` most distinctive terms of each group by class-based TF-IDF.

    The weight of term t in class c is ``tf(t, c) · log(1 + A / f(t))`` where ``tf`` is
    the term's frequency in the class normalised by the class length, ``A`` the mean
    number of words per class and ``f(t)`` the term's frequency over all classes [4]_.
    Only terms that occur in the class's own posts can be chosen, and no two classes
    get the same label: of two classes with the same terms, the smaller one takes its
    next distinctive term in place of its last.

    Parameters
    ----------
    tm : TermMatrix
    groups : dict of str to list of str
        Class name → its posts.
    k : int, keyword-only
        Terms per class.
    readable : callable, optional, keyword-only
        Only terms for which it is true are chosen (see
        :func:`graphkit.keywords.readable_term`).
    titles : dict of str to list of str, optional, keyword-only
        Titles and tags of each class's posts, lower case: terms found in them
        verbatim (:func:`graphkit.keywords.in_titles`) come first, as cluster labels
        drawn from titles do in CiteSpace [5]_; other terms only fill the rest.

    References
    ----------
    .. [5] C. Chen, F. Ibekwe-SanJuan, J. Hou, "The structure and dynamics of
       cocitation clusters: a multiple-perspective cocitation analysis", JASIST 61(7),
       1386–1409 (2010) — cluster labels from title terms.
    """
    import scipy.sparse as sp

    rows = {key: i for i, key in enumerate(tm.keys)}
    names = sorted(groups)
    if not names or tm.counts.shape[1] == 0:
        return {n: () for n in names}
    # class × term counts as a sparse product: (classes × posts indicator) @ (posts × terms)
    r_idx, c_idx = [], []
    for i, n in enumerate(names):
        for m in groups[n]:
            if m in rows:
                r_idx.append(i)
                c_idx.append(rows[m])
    member = sp.csr_matrix((np.ones(len(r_idx)), (r_idx, c_idx)),
                           shape=(len(names), tm.counts.shape[0]))
    counts = (member @ tm.counts.astype(float)).tocsr()
    total = np.asarray(counts.sum(axis=0)).ravel()
    mean_words = counts.sum() / max(len(names), 1)
    idf = np.log1p(mean_words / np.maximum(total, 1e-12))
    out: dict[str, tuple[str, ...]] = {}
    candidates: dict[str, list[str]] = {}
    for i, n in enumerate(names):
        s, e = counts.indptr[i], counts.indptr[i + 1]
        cols, vals = counts.indices[s:e], counts.data[s:e]
        length = vals.sum()
        if length == 0:
            candidates[n] = []
            continue
        score = (vals / length) * idf[cols]
        order = np.lexsort((cols, -score))       # ties: the term that sorts first
        if readable is None and titles is None:
            candidates[n] = [tm.terms[cols[j]] for j in order[:k + 3]]
            continue
        from .keywords import in_titles

        first, rest = [], []
        for j in order:
            term = tm.terms[cols[j]]
            if readable is not None and not readable(term):
                continue
            (first if titles is None or in_titles(term, titles.get(n, ())) else rest).append(term)
            if len(first) >= k + 3:
                break
        candidates[n] = first + rest
    # distinct labels: a class whose label another (larger) class already has takes its
    # next candidate terms instead
    used: set[tuple[str, ...]] = set()
    for n in sorted(candidates, key=lambda n: (-len(groups[n]), n)):
        terms = candidates[n]
        label = tuple(terms[:k])
        extra = k
        while label in used and extra < len(terms):
            label = tuple(terms[:k - 1]) + (terms[extra],)
            extra += 1
        used.add(label)
        out[n] = label
    return out


def summarize_modules(graph: nx.MultiDiGraph, result: CommunityResult, tm: TermMatrix
                      ) -> tuple[ModuleSummary, ...]:
    """Describe every module at every level.

    Parameters
    ----------
    graph : networkx.MultiDiGraph
    result : CommunityResult
    tm : TermMatrix
        Keyword counts of the posts (for labels).

    Returns
    -------
    tuple of ModuleSummary
        Sorted by level, then by flow (largest first), then id.
    """
    from .keywords import readable_term, tag_term

    max_level = max((len(p) - 1 for p in result.paths.values()), default=1)
    tags = frozenset(tag_term(t) for _, d in graph.nodes(data=True)
                     for t in (*d.get("tags", ()), *d.get("categories", ())))
    title_words = {n: [str(d.get("title") or "").casefold(),
                       *(t.casefold() for t in d.get("tags", ()))]
                   for n, d in graph.nodes(data=True)}

    phrases = tm.readable_words()

    def readable(term: str) -> bool:
        return readable_term(term, tags=tags, phrases=phrases)

    in_cites: dict[str, int] = {}
    for u, v, d in graph.edges(data=True):
        if d["kind"] == "cites" and graph.nodes[u].get("kind") == "post":
            in_cites[v] = in_cites.get(v, 0) + 1
    summaries = []
    for level in range(1, max_level + 1):
        groups = result.modules_at(level)
        if level > 1 and all(len(m.split(":")) < level for m in groups):
            break
        titles = {mid: [t for m in members for t in title_words.get(m, ())]
                  for mid, members in groups.items()}
        labels = class_tfidf_labels(tm, groups, readable=readable, titles=titles)
        for mid, members in groups.items():
            if level > 1 and len(mid.split(":")) < level:
                continue  # module without submodules: described at its own level
            flow = sum(result.flow.get(m, 0.0) for m in members)
            dates = sorted(d for m in members
                           if year_of(d := graph.nodes[m].get("date")) is not None)
            top = tuple(sorted(members, key=lambda m: (-result.flow.get(m, 0.0), m))[:5])
            cited = max(members, key=lambda m: in_cites.get(m, 0))  # first of the most cited
            kws = labels.get(mid, ())
            summaries.append(ModuleSummary(
                id=mid, level=level, label=" · ".join(kws) or f"module {mid}", keywords=kws,
                size=len(members), flow=round(flow, 6), first_date=dates[0] if dates else None,
                last_date=dates[-1] if dates else None, top_posts=top,
                most_cited=cited if in_cites.get(cited, 0) > 0 else None))
    summaries = _distinct_labels(graph, summaries)
    summaries.sort(key=lambda s: (s.level, -s.flow, s.id))
    return tuple(summaries)


def _distinct_labels(graph: nx.MultiDiGraph, summaries: list) -> list:
    """Where modules that one cut of the hierarchy may show side by side still share a
    label (their few terms are the same), all but the first (by level, then flow) are
    labelled by their top post's title. A display partition mixes levels (a top module
    beside another's sub-module), so only a module and its own sub-modules, which no cut
    shows together, may share one."""
    from dataclasses import replace

    from .render import short_label

    holders: dict[str, list[str]] = {}

    def taken(label: str, mid: str) -> bool:
        return any(not mid.startswith(h + ":") for h in holders.get(label, ()))

    out = []
    for m in sorted(summaries, key=lambda s: (s.level, -s.flow, s.id)):
        if taken(m.label, m.id) and m.top_posts:
            title = graph.nodes[m.top_posts[0]].get("label") or m.top_posts[0]
            label = short_label(title, limit=24)
            m = replace(m, label=label if not taken(label, m.id) else f"{label} ({m.id})")
        holders.setdefault(m.label, []).append(m.id)
        out.append(m)
    return out


def pagerank(graph: nx.MultiDiGraph, *, alpha: float = 0.85) -> dict[str, float]:
    """PageRank over ``cites`` edges between nodes (networkx, weighted by mentions).

    References
    ----------
    .. [1] L. Page, S. Brin, R. Motwani, T. Winograd, "The PageRank citation ranking:
       bringing order to the web", Stanford InfoLab (1999).
    """
    g = nx.DiGraph()
    g.add_nodes_from(graph.nodes)
    for u, v, d in graph.edges(data=True):
        if d["kind"] == "cites":
            g.add_edge(u, v, weight=float(d["weight"]))
    pr = nx.pagerank(g, alpha=alpha, weight="weight")
    return {k: round(float(v), 8) for k, v in pr.items()}
