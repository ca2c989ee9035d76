"""Exports read back with the tools they are for: networkx (GraphML, GEXF, node-link JSON), pandas (CSV);
Infomap's flow tree against Infomap's own; VOSviewer's JSON against its documented fields."""

from __future__ import annotations

import io
import json

import networkx as nx
import pandas as pd
import pytest
from conftest import DATA, corpus_or_skip

from graphkit.community import CommunityResult, flow_network, flow_tree
from graphkit.errors import CommunityError
from graphkit.export import (modules_csv, posts_csv, to_ftree, to_gexf, to_graphml,
                             to_pajek, to_pajek_partition, to_vosviewer, xml_text)
from graphkit.render import dumps_json


def _round_trips(result) -> None:
    g = result.graph
    graphml = nx.read_graphml(io.BytesIO(to_graphml(result)))
    gexf = nx.read_gexf(io.BytesIO(to_gexf(result)))
    for back in (graphml, gexf):
        assert (back.number_of_nodes(), back.number_of_edges()) == (g.number_of_nodes(),
                                                                    g.number_of_edges())
    some_post = next(n for n, d in g.nodes(data=True) if d["kind"] == "post")
    assert graphml.nodes[some_post]["top_module"] == result.community.module(some_post, 1)
    posts = pd.read_csv(io.StringIO(posts_csv(result)), dtype=str)
    assert len(posts) == sum(1 for _, d in g.nodes(data=True) if d["kind"] == "post")
    assert set(posts["id"]) == {n for n, d in g.nodes(data=True) if d["kind"] == "post"}
    modules = pd.read_csv(io.StringIO(modules_csv(result)), dtype=str)
    assert len(modules) == len(result.modules)
    linked = nx.node_link_graph(json.loads(dumps_json(result.node_link(), indent=None)),
                                edges="links")
    assert linked.number_of_edges() == g.number_of_edges()


def test_exports_of_the_embedded_data_read_back(data_build):
    _round_trips(data_build)


@pytest.mark.corpus
def test_exports_of_the_corpus_read_back():
    from graphkit.pipeline import build

    _round_trips(build([corpus_or_skip()]))


def test_characters_xml_forbids_are_removed(tmp_path):
    from graphkit.pipeline import build

    (tmp_path / "p.jsonl").write_text(json.dumps(
        {"title": "退格\b与换页\f的标题", "text": "正文里有\b控制字符，也引用《另一篇\x01文章》。"},
        ensure_ascii=False) + "\n" + json.dumps({"title": "另一篇文章", "text": "正文"},
                                                ensure_ascii=False) + "\n", encoding="utf-8")
    result = build([tmp_path])
    back = nx.read_graphml(io.BytesIO(to_graphml(result)))
    assert any(d.get("label") == "退格与换页的标题" for _, d in back.nodes(data=True))
    nx.read_gexf(io.BytesIO(to_gexf(result)))
    assert xml_text("a\x00b\x08c\td\ne\ud800f\ufffe") == "abc\td\nef"


def _infomap_flow_tree(result, tmp_path) -> str:
    """Infomap's own flow tree of the same run: the flow network and options the
    result's parameters name, written by Infomap's ``write_flow_tree``."""
    import infomap
    import numpy as np

    p = result.community.parameters
    nodes, links = flow_network(result.graph, layer_weights=p["layer_weights"],
                                flow_extra_nodes=p["flow_extra_nodes"])
    im = infomap.Infomap(silent=True, seed=p["seed"], num_trials=p["num_trials"],
                         two_level=p["two_level"], directed=p["directed"],
                         markov_time=p["markov_time"],
                         teleportation_probability=p["teleportation_probability"])
    im.add_links(links)
    linked = np.zeros(len(nodes), dtype=bool)
    linked[links[:, :2].astype(int).ravel()] = True
    for i in np.nonzero(~linked)[0].tolist():
        im.add_node(i)
    im.run().write_flow_tree(tmp_path / "infomap.ftree")
    return (tmp_path / "infomap.ftree").read_text(encoding="utf-8")


def _same_flow_tree(ours: str, theirs: str) -> None:
    """The same tree, links and flows line by line (names and comment lines apart;
    a module's enter and exit flows within 1e-12, which Infomap sums otherwise)."""
    a = [line for line in ours.splitlines() if not line.startswith("#")]
    b = [line for line in theirs.splitlines() if not line.startswith("#")]
    assert len(a) == len(b)
    for x, y in zip(a, b):
        if x.startswith("*Links ") and len(x.split()) == 6:
            xs, ys = x.split(), y.split()
            assert xs[:2] + xs[4:] == ys[:2] + ys[4:], (x, y)
            assert all(abs(float(u) - float(v)) < 1e-12 for u, v in zip(xs[2:4], ys[2:4]))
        elif '"' in x:            # path flow "name" node_id
            assert x.split('"')[0] == y.split('"')[0] and x.split()[-1] == y.split()[-1]
        else:
            assert x == y


def test_the_flow_tree_is_infomaps_own(data_build, tmp_path):
    """The embedded data's flow tree equals the one Infomap writes for the same run:
    every node's path, flow and id, every module's links, flows and children (the link
    flows computed again by graphkit's model of Infomap's flow, to six digits)."""
    ours = to_ftree(data_build)
    _same_flow_tree(ours, _infomap_flow_tree(data_build, tmp_path))
    nodes = [line for line in ours.splitlines() if line[:1].isdigit() and '"' in line]
    assert len(nodes) == len(data_build.community.paths)
    assert abs(sum(float(line.split()[1]) for line in nodes) - 1) < 1e-4
    first = min(data_build.community.paths)     # (Infomap's id 0: the first in order)
    assert f'"{data_build.graph.nodes[first]["title"]}" 0' in ours


@pytest.mark.parametrize("options", [{"layers": ("topic",)}, {"markov_time": 0.7},
                                     {"layers": ("topic",), "markov_time": 1.5},
                                     {"two_level": True, "flow_extra_nodes": True}])
def test_the_flow_tree_is_infomaps_own_for_other_flows(options, tmp_path):
    """Undirected flow (shared topics alone: a link once between children i < j, a
    module's enter and exit flow half the flow across its boundary each) and other
    Markov times (flows scaled by it, as Infomap's writer scales them): before, both
    differed from Infomap's own file. Unresolved and paper nodes in the flow too."""
    from graphkit.options import BuildOptions
    from graphkit.pipeline import build

    result = build([DATA], options=BuildOptions(**options))
    assert result.community.parameters["directed"] == ("cites" in result.options.layers)
    _same_flow_tree(to_ftree(result), _infomap_flow_tree(result, tmp_path))


@pytest.mark.corpus
def test_the_corpus_flow_tree_is_infomaps_own(tmp_path):
    """The corpus's hierarchy has four levels: links are summed at each pair's lowest
    common module, and enter and exit flows over every module between."""
    from graphkit.pipeline import build

    result = build([corpus_or_skip()])
    assert result.community.num_levels > 2
    _same_flow_tree(to_ftree(result), _infomap_flow_tree(result, tmp_path))


def test_flow_tree_names_stay_on_one_line_in_quotes():
    """A title's double quotes and line breaks would end its quoted name or its line;
    a community result that does not name its flow network has no flow tree."""
    from graphkit.community import detect_communities

    g = nx.MultiDiGraph()
    g.add_node("a", kind="post")
    g.add_node("b", kind="post")
    g.add_edge("a", "b", kind="cites", weight=1.0, directed=True)
    g.add_edge("b", "a", kind="cites", weight=1.0, directed=True)
    result = detect_communities(g, layer_weights={"cites": 1.0}, seed=1, num_trials=1)
    text = flow_tree(g, result, names={"a": '《"引号"与\n换行》'})
    assert "1:1 0.5 \"《'引号'与 换行》\" 0\n1:2 0.5 \"b\" 1\n" in text
    assert text.endswith("*Links root 0 0 0 1\n*Links 1 0 0 2 2\n1 2 0.5\n2 1 0.5\n")
    handmade = CommunityResult(paths=result.paths, flow=result.flow, codelength=1.0,
                               one_level_codelength=1.0, relative_codelength_savings=0.0,
                               num_top_modules=1, num_levels=2)
    with pytest.raises(CommunityError):
        flow_tree(g, handmade)


def test_the_vosviewer_json_holds_the_map(data_build):
    """Every node an item at the map's position (y turned up), each post in the cluster
    of its displayed module (numbered by flow, 1 first) under the module's label; links
    undirected, one per pair, their strengths the flow network's weights with both
    directions summed; a post's year a score for VOSviewer's overlay of time."""
    r = data_build
    doc = json.loads(to_vosviewer(r))
    items, links = doc["network"]["items"], doc["network"]["links"]
    g = r.graph
    assert sorted(i["id"] for i in items) == list(range(1, g.number_of_nodes() + 1))
    node = dict(zip((i["id"] for i in items), g.nodes))
    labels = {m.id: m.label for m in r.modules}
    assert [(c["cluster"], c["label"]) for c in doc["network"]["clusters"]] == [
        (k, labels[m]) for k, m in enumerate(r.display.modules, start=1)]
    for i in items:
        n = node[i["id"]]
        x, y = r.positions[n]
        assert (i["x"], i["y"]) == (round(x, 4), round(-y, 4))
        if n in r.display.of:
            assert r.display.modules[i["cluster"] - 1] == r.display.of[n]
        else:
            assert "cluster" not in i
        date = g.nodes[n].get("date") or ""
        assert i.get("scores", {}).get("Year") == (int(date[:4]) if date[:4].isdigit() else None)
    assert all(a["source_id"] < a["target_id"] and a["strength"] > 0 for a in links)
    assert len({(a["source_id"], a["target_id"]) for a in links}) == len(links)
    _, flows = flow_network(g, layer_weights=r.options.layer_weights(), flow_extra_nodes=True)
    assert sum(a["strength"] for a in links) == pytest.approx(flows[:, 2].sum(), rel=1e-6)
    both = next((u, v) for u, v, d in g.edges(data=True)
                if d["kind"] == "cites" and g.has_edge(v, u))       # a pair citing each other
    ids = {n: k for k, n in node.items()}
    pair = tuple(sorted((ids[both[0]], ids[both[1]])))
    (link,) = [a for a in links if (a["source_id"], a["target_id"]) == pair]
    _, rows = flow_network(g.subgraph(both).copy(), layer_weights=r.options.layer_weights(),
                           flow_extra_nodes=True)
    assert link["strength"] == pytest.approx(rows[:, 2].sum())


def test_the_pajek_network_is_the_flow_network_infomap_ran_on(data_build, tmp_path):
    """Read back by networkx (labels, positions, weighted arcs) and by Infomap itself:
    the same vertices, and the arcs of graphkit's flow network."""
    from infomap import Infomap

    r = data_build
    g = r.graph
    text = to_pajek(r)
    back = nx.parse_pajek(text.splitlines())
    titles = [" ".join(str(d.get("title") or d.get("label") or n).replace('"', "'").split())
              for n, d in g.nodes(data=True)]
    assert len(set(titles)) == len(titles)           # (networkx names a vertex by its label)
    assert list(back.nodes) == titles
    nodes, links = flow_network(g, layer_weights=r.options.layer_weights(),
                                flow_extra_nodes=True)
    assert back.number_of_edges() == len(links)
    assert sum(w for _, _, w in back.edges(data="weight")) == pytest.approx(
        float(links[:, 2].sum()), rel=1e-5)
    coords = [(float(d["x"]), float(d["y"])) for _, d in back.nodes(data=True)]
    assert all(0 <= x <= 1 and 0 <= y <= 1 for x, y in coords)
    assert min(min(c) for c in coords) == 0.0 and max(max(c) for c in coords) == 1.0
    (tmp_path / "graph.net").write_text(text, encoding="utf-8")
    im = Infomap(silent=True, directed=True, num_trials=1, seed=1)
    im.read_file(str(tmp_path / "graph.net"))
    assert (im.num_nodes, im.num_links) == (g.number_of_nodes(), len(links))


def test_the_pajek_partition_numbers_the_displayed_modules(data_build):
    r = data_build
    lines = to_pajek_partition(r).splitlines()
    assert lines[0] == f"*Vertices {r.graph.number_of_nodes()}"
    for n, value in zip(r.graph.nodes, lines[1:], strict=True):
        module = r.display.of.get(n)
        assert int(value) == (r.display.modules.index(module) + 1 if module else 0)


def test_a_pajek_label_keeps_its_quotes_and_lines_apart():
    from graphkit.export import _pajek_label

    assert _pajek_label('《"Attention" is all》\n(二)') == "\"《'Attention' is all》 (二)\""
    assert len(_pajek_label("x" * 1000)) == 202
