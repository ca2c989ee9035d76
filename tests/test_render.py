"""The render step on its own: the vis-network build, short labels, shades, the display partition in the map data."""

from __future__ import annotations

import pytest

from graphkit.render import map_data, shade, short_label, vis_asset_path


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
    for n in data["nodes"]:
        if n["dmodule"] is not None and n["submodule"] is None:
            assert n["color"] == hue[n["dmodule"]]
    assert data["rule"] == r.display.rule and data["select"] is None
