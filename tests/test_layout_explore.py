"""layout.py and explore.py called directly."""

from __future__ import annotations

import math

import pytest

from graphkit.explore import ego_network, filter_nodes, post_edges, posts_per_month, search
from graphkit.layout import NODE_SPACING, module_layout


def test_layout_places_every_node_once_and_apart(data_build):
    r = data_build
    pos = module_layout(r.graph, r.community, seed=42)
    assert set(pos) == set(r.graph.nodes)
    points = sorted(pos.values())
    close = sum(1 for i, a in enumerate(points) for b in points[i + 1:]
                if math.dist(a, b) < NODE_SPACING / 10)
    assert close == 0


def test_layout_seed_matters_and_repeats(data_build):
    r = data_build
    a = module_layout(r.graph, r.community, seed=1)
    assert a == module_layout(r.graph, r.community, seed=1)
    assert a != module_layout(r.graph, r.community, seed=2)


def test_layout_in_worker_processes_gives_the_same_positions(data_build):
    g, c = data_build.graph, data_build.community
    one = module_layout(g, c, seed=7)
    assert module_layout(g, c, seed=7, workers=2) == one
    assert module_layout(g, c, seed=7, workers=None) == one


@pytest.mark.parametrize("iterations, threshold", [(5, 1e-4), (60, 1e-4), (60, 1e-2)])
def test_batched_force_layout_is_networkx_model_graph_by_graph(iterations, threshold):
    """Laid out together, each graph moves as networkx's Fruchterman–Reingold moves it
    alone, and stops when networkx would (graphs of different extents stop at
    different steps under the larger threshold, all before the last)."""
    import numpy as np
    from networkx.drawing.layout import _fruchterman_reingold

    from graphkit.layout import fruchterman_reingold_batch

    rng = np.random.default_rng(1)
    n, graphs = 12, []
    for _ in range(6):
        a = np.triu(rng.random((n, n)) * (rng.random((n, n)) < 0.3), 1)
        graphs.append(a + a.T)
    adjacency = np.stack(graphs)
    start = np.stack([np.random.RandomState(s).rand(n, 2) * (1 + s) for s in range(6)])
    together = fruchterman_reingold_batch(adjacency, start.copy(), iterations=iterations,
                                          threshold=threshold)
    for b in range(6):
        alone = fruchterman_reingold_batch(adjacency[b:b + 1], start[b:b + 1].copy(),
                                           iterations=iterations, threshold=threshold)[0]
        assert np.array_equal(together[b], alone)
        networkx = _fruchterman_reingold(adjacency[b], None, start[b].copy(), None,
                                         iterations, threshold, 2, None)
        assert np.abs(together[b] - networkx).max() < 1e-6   # rounding, grown by the steps
    assert not np.allclose(together, start)


def test_top_modules_do_not_overlap(data_build):
    """Modules are packed as discs that never overlap: the circles around two modules'
    posts (centre of their posts, radius to the farthest) are apart."""
    r = data_build
    pos = module_layout(r.graph, r.community, seed=42)
    groups = {m: ms for m, ms in r.community.modules_at(1).items() if len(ms) > 1}
    discs = {}
    for m, ms in groups.items():
        cx = sum(pos[n][0] for n in ms) / len(ms)
        cy = sum(pos[n][1] for n in ms) / len(ms)
        discs[m] = ((cx, cy), max(math.dist(pos[n], (cx, cy)) for n in ms))
    names = sorted(discs)
    for i, a in enumerate(names):
        for b in names[i + 1:]:
            (ca, ra), (cb, rb) = discs[a], discs[b]
            assert math.dist(ca, cb) >= ra + rb - NODE_SPACING, (a, b)


def test_ego_network_grows_with_depth(data_build):
    g = data_build.graph
    centre = max((n for n, d in g.nodes(data=True) if d["kind"] == "post"), key=g.degree)
    sizes = [len(ego_network(g, centre, depth=d)) for d in (0, 1, 2, 3)]
    assert sizes[0] == 1 and sizes == sorted(sizes) and sizes[1] > 1
    assert ego_network(g, centre, depth=1) == {centre} | set(g.successors(centre)) | set(
        g.predecessors(centre))
    with pytest.raises(KeyError):
        ego_network(g, "post:none")


def test_filters_keep_what_they_say(data_build):
    r = data_build
    first = r.display.modules[0]
    keep = filter_nodes(r.graph, r.display.of, modules={first}, show_extra=False)
    assert keep == {n for n in r.display.members()[first] if r.graph.nodes[n]["kind"] == "post"}
    dated = filter_nodes(r.graph, r.display.of, years=(2021, 2021), include_undated=False)
    assert all((r.graph.nodes[n].get("date") or "").startswith("2021") for n in dated
               if r.graph.nodes[n]["kind"] == "post")


def test_search_ranks_and_counts(data_build):
    g = data_build.graph
    hits = search(g, "bert", limit=3, flow=data_build.community.flow)
    assert hits.total >= len(hits.ids) and hits.more == hits.total - len(hits.ids)
    kinds = [g.nodes[h]["kind"] for h in hits.ids]
    assert kinds == sorted(kinds, key=lambda k: k != "post")
    title = "让人惊叹的Johnson-Lindenstrauss引理:应用篇"
    assert search(g, title).ids[0] == next(n for n, d in g.nodes(data=True) if d["title"] == title)
    assert search(g, "   ").total == 0


def test_post_edges_keep_kinds_apart(data_build):
    g = data_build.graph
    key = next(n for n, d in g.nodes(data=True) if d["kind"] == "post" and g.degree(n) > 3)
    edges = post_edges(g, key)
    assert list(edges) == ["cites", "cited by", "series", "shared topics",
                           "bibliographic coupling", "co-citation"]
    assert all(e.kind == "cites" for e in edges["cites"] + edges["cited by"])
    assert all(e.kind == "topic" for e in edges["shared topics"])
    total = sum(len(v) for v in edges.values())
    assert total == g.out_degree(key) + g.in_degree(key)


def test_posts_per_month_counts_every_dated_post(data_build):
    r = data_build
    rows = posts_per_month(r.graph, r.display)
    dated = sum(1 for n, d in r.graph.nodes(data=True)
                if d["kind"] == "post" and (d.get("date") or "")[:4].isdigit() and n in r.display.of)
    assert sum(row["posts"] for row in rows) == dated
