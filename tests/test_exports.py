"""Exports read back with the tools they are for: networkx (GraphML, GEXF, node-link JSON), pandas (CSV)."""

from __future__ import annotations

import io
import json

import networkx as nx
import pandas as pd
import pytest
from conftest import corpus_or_skip

from graphkit.export import modules_csv, posts_csv, to_gexf, to_graphml, xml_text
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
