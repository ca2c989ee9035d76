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
