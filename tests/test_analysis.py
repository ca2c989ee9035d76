"""Time, gaps, recommendations and the comparison with Louvain (issue: communities)."""

from __future__ import annotations

import json

import pytest
from conftest import ROOT, by_title

from graphkit.analysis import (alluvial, compare_with_louvain, module_sizes_by_year,
                               related_posts, structural_gaps)

GOLDEN = ROOT / "tests" / "golden" / "data_communities.json"


def test_module_sizes_by_year_count_every_dated_post(data_build):
    sizes = module_sizes_by_year(data_build.graph, data_build.community)
    dated = [p for p in data_build.read.posts if p.year is not None]
    assert sum(sum(v.values()) for v in sizes.values()) == len(dated)
    assert list(sizes) == sorted(sizes) and set(sizes) == {2020, 2021}


def test_alluvial_cuts_are_partitions_and_flows_conserve_posts(data_build):
    from graphkit.pipeline import infomap_arguments

    a = alluvial(data_build.graph, infomap_args=infomap_arguments(data_build.options),
                 tm=data_build.terms)
    assert a.cuts == (2020, 2021)
    posts_at = {}
    for m in a.modules:
        posts_at[m["cut"]] = posts_at.get(m["cut"], 0) + m["size"]
    dated = [p for p in data_build.read.posts if p.year is not None]
    assert posts_at[2021] == len(dated)
    assert posts_at[2020] == sum(1 for p in dated if p.year <= 2020)
    # every post of the earlier cut flows into exactly one module of the next
    assert sum(f["posts"] for f in a.flows) == posts_at[2020]


def test_structural_gaps_are_ranked_and_bridged_by_their_own_posts(data_build):
    gaps = structural_gaps(data_build.graph, data_build.community, data_build.terms, min_size=2)
    assert gaps
    assert [g.score for g in gaps] == sorted((g.score for g in gaps), reverse=True)
    top_of = {n: data_build.community.module(n, 1) for n in data_build.community.paths}
    for g in gaps:
        assert g.a < g.b and {top_of[b] for b in g.bridges} <= {g.a, g.b}
        assert g.score == pytest.approx(g.topic_similarity / (1 + g.citations), abs=1e-5)


def test_related_posts_of_a_series_member_start_with_its_series(data_build):
    app = by_title(data_build.read.posts, "让人惊叹的Johnson-Lindenstrauss引理:应用篇").key
    theory = by_title(data_build.read.posts, "让人惊叹的Johnson-Lindenstrauss引理:理论篇").key
    related = related_posts(data_build.graph, data_build.community, app, k=5)
    assert app not in [k for k, _ in related]
    assert theory in [k for k, _ in related[:3]]
    assert [s for _, s in related] == sorted((s for _, s in related), reverse=True)


def test_comparison_with_louvain_reports_both(data_build):
    c = compare_with_louvain(data_build.graph, data_build.community)
    assert c["posts"] == 39
    assert c["infomap"]["communities"] == data_build.community.num_top_modules
    assert c["louvain"]["communities"] >= 2


def test_golden_communities_of_data():
    """Regenerate with ``python tests/golden/regenerate.py`` after an intended change."""
    from graphkit.pipeline import build

    expected = json.loads(GOLDEN.read_text(encoding="utf-8"))
    from tests_golden_snapshot import snapshot  # noqa: E402  (tests/golden on sys.path)

    assert snapshot(build()) == expected


def _growing_graph():
    """Two planted communities of citing posts, each growing by 8 posts a year, 2020-2022."""
    import itertools

    import networkx as nx

    g = nx.MultiDiGraph()
    for c, year, i in itertools.product("ab", (2020, 2021, 2022), range(8)):
        g.add_node(f"{c}{year}{i}", kind="post", date=f"{year}-01-{i + 1:02d}", label=f"{c}{i}")
    posts = sorted(g.nodes)
    for u, v in itertools.permutations(posts, 2):
        if u[0] == v[0] and ((int(u[-1]) + int(v[-1])) % 3 == 0 or u[1:] < v[1:]):
            g.add_edge(u, v, kind="cites", weight=1.0, directed=True, evidence="")
    g.add_edge("a20200", "b20200", kind="cites", weight=1.0, directed=True, evidence="")
    return g


def test_alluvial_modules_keep_their_names_and_posts_stay():
    from graphkit.analysis import alluvial, module_changes

    a = alluvial(_growing_graph(), infomap_args={"layer_weights": {"cites": 1.0}}, min_posts=2)
    assert a.cuts == (2020, 2021, 2022)
    names = [{m["module"] for m in a.modules if m["cut"] == cut} for cut in a.cuts]
    assert names[0] == names[1] == names[2] and len(names[0]) == 2 and "other" not in names[0]
    assert module_changes(a) == {"stayed": 16 + 32, "moved": 0, "share_moved": 0.0}
    sizes = {(m["cut"], m["module"]): m["size"] for m in a.modules}
    assert sorted(sizes.values()) == [8, 8, 16, 16, 24, 24]
