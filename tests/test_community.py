"""InfoMap communities: properties, parameters that must matter, and facts on data/."""

from __future__ import annotations

import math

import networkx as nx
import pytest

from graphkit.community import class_tfidf_labels, detect_communities
from graphkit.graph import build_graph
from graphkit.keywords import post_tokens
from graphkit.model import Post
from graphkit.options import BuildOptions
from graphkit.pipeline import analyse


def test_every_post_has_a_module_and_flows_sum_to_one(data_build):
    c = data_build.community
    posts = [n for n, d in data_build.graph.nodes(data=True) if d["kind"] == "post"]
    assert set(c.paths) == set(posts)  # by default only posts take part in the flow
    assert math.isclose(sum(c.flow.values()), 1.0, rel_tol=1e-9)
    assert all(len(p) >= 2 for p in c.paths.values())


def test_modules_partition_the_posts_at_every_level(data_build):
    c = data_build.community
    for level in range(1, c.num_levels + 1):
        groups = c.modules_at(level)
        members = [n for ms in groups.values() for n in ms]
        assert sorted(members) == sorted(c.paths)  # each node exactly once


def test_data_has_module_structure_and_codelength_figures(data_build):
    c = data_build.community
    assert not c.trivial
    assert c.num_top_modules >= 3
    assert c.codelength < c.one_level_codelength
    assert math.isclose(c.relative_codelength_savings, 1 - c.codelength / c.one_level_codelength,
                        rel_tol=1e-6)
    assert c.parameters["seed"] == 42 and c.parameters["infomap_version"]


def test_whitening_posts_share_a_module(data_build):
    keys = {p.title: p.key for p in data_build.read.posts}
    a = keys["关于WhiteningBERT原创性的疑问和沟通"]
    b = keys["你可能不需要BERT-flow:一个线性变换媲美BERT-flow"]
    assert data_build.community.module(a) == data_build.community.module(b)


def test_same_seed_same_partition_and_seed_is_recorded(data_read):
    one = analyse(data_read, options=BuildOptions(seed=7))
    two = analyse(data_read, options=BuildOptions(seed=7))
    assert one.community.paths == two.community.paths
    assert one.positions == two.positions
    assert one.community.parameters["seed"] == 7


def test_markov_time_matters(data_read):
    fine = analyse(data_read, options=BuildOptions(markov_time=0.5, two_level=True))
    coarse = analyse(data_read, options=BuildOptions(markov_time=3.0, two_level=True))
    assert fine.community.num_top_modules > coarse.community.num_top_modules


def test_variable_markov_time_matters(data_build):
    """Infomap's local Markov time lengthens the walk in sparse parts: fewer modules."""
    fixed = detect_communities(data_build.graph, variable_markov_time=False)
    local = detect_communities(data_build.graph, variable_markov_time=True)
    assert local.parameters["variable_markov_time"] and not fixed.parameters["variable_markov_time"]
    assert local.num_top_modules < fixed.num_top_modules
    assert fixed.paths == data_build.community.paths    # off by default


def test_layer_weights_matter(data_read):
    base = analyse(data_read, options=BuildOptions())
    no_topic = analyse(data_read, options=BuildOptions(layers=("cites", "series")))
    assert no_topic.community.paths != base.community.paths
    assert not any(d["kind"] == "topic" for *_, d in no_topic.graph.edges(data=True))


def test_no_structure_is_reported_plainly():
    posts = tuple(Post(key=f"post:{i}", title=f"题目{i}", label=f"题目{i}") for i in range(5))
    g = build_graph(posts, [], [])
    c = detect_communities(g)
    assert c.trivial
    assert "no module structure" in c.message and "Markov time" in c.message


def test_labels_come_from_the_modules_own_posts(data_build):
    tokens = {p.key: set(post_tokens(p)) for p in data_build.read.posts}
    for m in data_build.modules:
        members = data_build.community.modules_at(m.level)[m.id]
        own = set().union(*(tokens[k] for k in members))
        assert m.keywords and set(m.keywords) <= own


def test_class_tfidf_prefers_distinctive_terms():
    from graphkit.keywords import term_matrix

    tm = term_matrix({"a": ["模型", "模型", "白化"], "b": ["模型", "模型", "扩散"],
                      "c": ["模型", "扩散"]})
    labels = class_tfidf_labels(tm, {"1": ["a"], "2": ["b", "c"]}, k=1)
    assert labels == {"1": ("白化",), "2": ("扩散",)}


def test_extra_nodes_join_the_flow_only_when_asked(data_read):
    joined = analyse(data_read, options=BuildOptions(flow_extra_nodes=True))
    kinds = nx.get_node_attributes(joined.graph, "kind")
    assert any(kinds[n] != "post" for n in joined.community.paths)


@pytest.mark.parametrize("bad", [{"seed": -1}, {"trials": 0}, {"layers": ("citations",)},
                                 {"min_topic_similarity": 1.5}])
def test_bad_options_raise(bad):
    from graphkit.errors import OptionError

    with pytest.raises(OptionError):
        BuildOptions(**bad)


def _planted(groups: int, size: int, p_in: float, p_out: float, seed: int):
    """A directed planted-partition graph of citing posts (networkx's generator)."""
    import networkx as nx

    g = nx.planted_partition_graph(groups, size, p_in, p_out, seed=seed, directed=True)
    out = nx.MultiDiGraph()
    out.add_nodes_from((f"post:{n:03d}", {"kind": "post"}) for n in g)
    out.add_edges_from((f"post:{u:03d}", f"post:{v:03d}",
                        {"kind": "cites", "weight": 1.0, "directed": True}) for u, v in g.edges)
    return out, {f"post:{n:03d}": n // size for n in g}


def test_a_planted_partition_is_found():
    """Infomap's own test style: four planted groups come back as four modules."""
    from sklearn.metrics import adjusted_mutual_info_score

    graph, truth = _planted(4, 25, 0.3, 0.01, seed=3)
    c = detect_communities(graph, layer_weights={"cites": 1.0}, seed=7)
    found = {n: c.module(n, 1) for n in truth}
    assert c.num_top_modules == 4
    assert adjusted_mutual_info_score(list(truth.values()), [found[n] for n in truth]) > 0.95


def test_seed_and_trials_are_parameters_that_matter():
    graph, _ = _planted(6, 12, 0.25, 0.05, seed=5)
    runs = {seed: detect_communities(graph, layer_weights={"cites": 1.0}, seed=seed,
                                     num_trials=1) for seed in (1, 2, 3, 4)}
    assert runs[1].paths == detect_communities(graph, layer_weights={"cites": 1.0}, seed=1,
                                                num_trials=1).paths
    assert len({c.codelength for c in runs.values()}) > 1 or len(
        {tuple(sorted(c.paths.items())) for c in runs.values()}) > 1
    more = detect_communities(graph, layer_weights={"cites": 1.0}, seed=1, num_trials=20)
    assert more.codelength <= min(c.codelength for c in runs.values()) + 1e-9


def test_results_are_frozen_in_depth(data_build):
    import networkx as nx

    with pytest.raises(TypeError):
        data_build.community.paths["post:x"] = (1, 1)
    with pytest.raises(TypeError):
        data_build.timings["render"] = 1.0
    with pytest.raises(nx.NetworkXError):
        data_build.graph.add_node("post:x")
    assert "read" in data_build.timings   # set when the result was made


def test_trials_fall_with_size_only_when_asked():
    from graphkit.pipeline import trials_for

    opts = BuildOptions()
    assert [trials_for(opts, n) for n in (39, 20_000, 40_000, 100_000, 10**6)] == [10, 10, 5, 2, 2]
    assert trials_for(opts.with_(scale_trials=False), 100_000) == 10
    assert trials_for(opts.with_(trials=1), 100_000) == 1


def test_labels_a_cut_may_show_side_by_side_never_collide():
    """A display partition mixes levels: a top module beside another's sub-module. Two
    such modules with the same terms (the corpus's two one-post 「天象·科学·空间」 modules,
    136 and 2:27) must not read alike; a module and its own sub-module, which no cut
    shows together, may."""
    from graphkit.community import ModuleSummary, _distinct_labels

    g = nx.MultiDiGraph()
    for n, title in (("a", "2017年全年天象"), ("b", "2018年全年天象"), ("c", "月球过近地点")):
        g.add_node(n, kind="post", label=title)

    def module(mid, flow, top, label="天象 · 科学 · 空间"):
        return ModuleSummary(id=mid, level=mid.count(":") + 1, label=label,
                             keywords=tuple(label.split(" · ")), size=1, flow=flow,
                             first_date=None, last_date=None, top_posts=(top,),
                             most_cited=None)
    out = {m.id: m.label for m in _distinct_labels(
        g, [module("7", 0.01, "a"), module("2:27", 0.02, "b"),
            module("3", 0.3, "c", "月球 · 近地点"), module("3:1", 0.2, "c", "月球 · 近地点")])}
    assert out["3"] == out["3:1"] == "月球 · 近地点"        # a module and its own part
    assert out["7"] == "天象 · 科学 · 空间" and out["2:27"] == "2018年全年天象"
