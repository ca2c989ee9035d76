"""The render step on its own: the vis-network build, short labels, shades, the display partition in the map data."""

from __future__ import annotations

import pytest

from graphkit.render import (EDGE_COLUMNS, NODE_COLUMNS, dumps_json, map_data, render_html, shade,
                             short_label, vis_asset_path, write_html, write_node_link)


def test_the_vis_network_build_pyvis_ships_is_where_we_read_it():
    js = vis_asset_path("vis-network.min.js").read_text(encoding="utf-8")
    assert "vis-network" in js[:600] and "9.1.2" in js[:600]
    assert vis_asset_path("vis-network.css").is_file()


def test_a_missing_asset_is_a_clear_error():
    from graphkit.errors import GraphkitError

    with pytest.raises(GraphkitError, match="vis-network 9.1.2 not found"):
        vis_asset_path("no-such-file.js")


@pytest.mark.parametrize("title, short", [
    ("Transformer升级之路：10、RoPE是一种β进制编码", "Transformer升级之路·10"),
    ("变分自编码器（八）：估计样本概率密度", "变分自编码器·8"),
    ("短标题", "短标题"),
    ("一个很长很长很长很长很长很长的普通标题啊", "一个很长很长很长很长很长很长的…"),
    # a name and a bare number: the number kept where the title is cut
    ("Learning Rust 2: Ownership and Borrowing", "Learning Rust·2"),
    ("计算夏至的精确时刻2——提高精确度", "计算夏至的精确时刻·2"),
    ("Python 3: What's New", "Python·3"),
    ("Rust 2: Setup", "Rust 2: Setup"),                   # (not cut: kept as written)
    ("Python 3.12: What's New in Typing", "Python 3.12: Wh…"),
])
def test_short_labels(title, short):
    assert short_label(title) == short


def test_shades_lighten_in_turn():
    assert shade("#1f77b4", 0) == "#1f77b4"
    rgb = [tuple(int(shade("#1f77b4", k)[i:i + 2], 16) for i in (1, 3, 5)) for k in range(4)]
    assert all(a < b for a, b in zip([sum(c) for c in rgb], [sum(c) for c in rgb[1:]]))


def test_map_data_colours_and_legend_follow_the_display_partition(data_build):
    r = data_build
    data = map_data(r.graph, r.community, r.modules, r.positions, display=r.display)
    assert [m["id"] for m in data["modules"]] == list(r.display.modules)
    hue = {m["id"]: m["color"] for m in data["modules"]}
    nodes = data["nodes"]
    assert set(nodes) == set(NODE_COLUMNS)
    assert all(len(nodes[c]) == len(nodes["id"]) for c in NODE_COLUMNS)
    for dm, sub, color in zip(nodes["dmodule"], nodes["submodule"], nodes["color"]):
        if dm is not None and sub is None:
            assert color == hue[dm]
    assert data["rule"] == r.display.rule and data["select"] is None


def test_map_edges_are_columns_that_name_drawn_nodes_and_keep_every_edge(data_build):
    r = data_build
    data = map_data(r.graph, r.community, r.modules, r.positions, display=r.display)
    edges = data["edges"]
    n = r.graph.number_of_edges()
    assert all(len(edges[c]) == n for c in EDGE_COLUMNS)   # every edge drawn by default
    ids = data["nodes"]["id"]
    drawn = {(ids[s], ids[t], edges["kinds"][k])
             for s, t, k in zip(edges["source"], edges["target"], edges["kind"])}
    assert drawn == {(u, v, d["kind"]) for u, v, d in r.graph.edges(data=True)}
    assert set(edges["directed"]) <= {0, 1} and data["stats"]["edges"] == n
    only = map_data(r.graph, r.community, r.modules, r.positions, layers=("series",))
    assert {only["edges"]["kinds"][k] for k in only["edges"]["kind"]} == {"series"}


def test_node_link_written_piece_by_piece_is_the_same_json(data_build, monkeypatch):
    import io

    import graphkit.render as render

    r = data_build
    whole = dumps_json(r.node_link(), indent=None).encode("utf-8")
    monkeypatch.setattr(render, "JSON_CHUNK", 7)   # many pieces, a short last one
    fh = io.BytesIO()
    write_node_link(fh, r.graph, r.community, r.modules, extra=r.node_extra(),
                    display=r.display)
    assert fh.getvalue() == whole


def test_the_page_written_piece_by_piece_is_the_page(data_build, monkeypatch):
    import io

    import graphkit.render as render

    r = data_build
    data = r.map_data()
    data["nodes"]["label"][0] = "</script><b>&\u2028"   # what the escaping is for
    whole = render_html(data, heading="a <map>").encode("utf-8")
    monkeypatch.setattr(render, "JSON_CHUNK", 5)
    fh = io.BytesIO()
    write_html(fh, data, heading="a <map>")
    assert fh.getvalue() == whole
    assert b"</script><b>" not in whole
