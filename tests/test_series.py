"""Series edges: a series named by the posts' metadata (Hugo's taxonomy, WordPress'
series plugins, a table's column) and by titles, kexue.fm's Chinese ones and English
(parts, days, issues), Japanese and Korean ones (``tests/fixtures/series/``, one blog per way; its ``truth.json``
lists every edge)."""

from __future__ import annotations

import json

import pytest
from conftest import FIXTURES

from graphkit.model import Post
from graphkit.pipeline import build
from graphkit.options import BuildOptions
from graphkit.readers import read_paths
from graphkit.relate import sequel_of, series_edges, series_of

SERIES = FIXTURES / "series"
TRUTH = json.loads((SERIES / "truth.json").read_text(encoding="utf-8"))


def _titled_edges(blog):
    posts = read_paths([SERIES / blog]).posts
    title = {p.key: p.title for p in posts}
    return posts, {(title[e.source], title[e.target]): e for e in series_edges(posts)}


@pytest.mark.parametrize("blog", sorted(TRUTH))
def test_every_series_edge_and_no_other(blog):
    _, edges = _titled_edges(blog)
    assert sorted(edges) == sorted(tuple(pair) for pair in TRUTH[blog])


def test_a_taxonomy_series_is_ordered_by_its_weight_not_its_dates():
    posts, edges = _titled_edges("hugo-taxonomy")
    dates = {p.title: p.date for p in posts}
    assert dates["Goroutines"] > dates["Select"] > dates["Channels"]   # written out of order
    assert edges[("Select", "Channels")].evidence == (
        "series 「concurrency in go」 (metadata): 3 → 2 (Select → Channels)")
    channels = edges[("Channels", "Goroutines")]
    assert channels.via == "previous"
    assert channels.evidence == "In the previous post we started goroutines."
    assert channels.evidence[slice(*channels.span)] == "previous post"


def test_without_weights_a_named_series_follows_its_dates():
    posts = tuple(Post(key=k, title=t, label=t, date=d, fields=(("series", "Bread"),))
                  for k, t, d in (("b", "Second bake", "2022-02-01"),
                                  ("a", "First bake", "2022-01-01"),
                                  ("c", "Third bake", "2022-03-01")))
    assert [(e.source, e.target) for e in series_edges(posts)] == [("b", "a"), ("c", "b")]
    renamed = tuple(Post(key=p.key, title=p.title, label=p.label, date=p.date,
                         fields=(("series", "Bread" if p.key != "c" else "Cakes"),))
                    for p in posts)
    assert [(e.source, e.target) for e in series_edges(renamed)] == [("b", "a")]


@pytest.mark.parametrize("title,expected", [
    ("最小熵原理（五）：“层层递进”之社区发现与聚类", ("最小熵原理", 5)),
    ("最小熵原理（六）：词向量的维度应该怎么选择？", ("最小熵原理", 6)),
    ("Transformer升级之路：12、无限外推的ReRoPE？", ("transformer升级之路", 12)),
    ("流形上的最速下降：5. 对偶梯度下降", ("流形上的最速下降", 5)),
    ("AdamW的Weight RMS的渐近估计（下）", ("adamw的weightrms的渐近估计", 3)),
    ("让人惊叹的Johnson-Lindenstrauss引理：应用篇", ("让人惊叹的johnson-lindenstrauss引理", 2)),
    ("生成扩散模型漫谈（三十一）：预测数据而非噪声", ("生成扩散模型漫谈", 31)),
    ("你可能不需要BERT-flow:一个线性变换媲美BERT-flow", None),
    ("Writing a Parser, Part 1: Lexing", ("writingaparser", 1)),
    ("Writing a Parser (Part IV)", ("writingaparser", 4)),
    ("Writing a Parser - part three", ("writingaparser", 3)),
    ("Writing a Parser Part 2 of 5", ("writingaparser", 2)),
    ("Error recovery (Writing a Parser, Part III)", ("writingaparser", 3)),
    ("Deep Learning Notes, Chapter 12", ("deeplearningnotes", 12)),
    ("Go generics (2/3)", ("gogenerics", 2)),
    ("Go generics (3 of 3)", ("gogenerics", 3)),
    ("Go generics (3 of)", None),
    ("第3回 Rust入門", ("rust入門", 3)),
    ("【第2回】Rust入門", ("rust入門", 2)),
    ("제3회 러스트 입문", ("러스트입문", 3)),
    ("Part 2: Building a Blog", ("buildingablog", 2)),
    ("[Chapter III] Building a Blog", ("buildingablog", 3)),
    ("Episode 4 A New Hope", None),     # no separator after an English part
    ("Part 2.5: notes", None),
    ("第3回", None),
    ("【中文分词系列】 2. 基于切分的新词发现", ("[中文分词系列]", 2)),
    ("【不可思议的Word2Vec】 1.数学原理", ("[不可思议的word2vec]", 1)),
    ("[Rust 입문] 3. 소유권", ("[rust입문]", 3)),
    ("[公告]1.5版本发布", None),        # a version number, not a part
    ("《自然极值》系列——2.费马原理", ("<自然极值>系列", 2)),
    ("Rust入门 - 3. 所有权", ("rust入门", 3)),
    ("Python - 3.12 released", None),
    ("BERT-flow-1. 实验", None),         # a hyphen inside a word separates nothing
    ("[Notes] 3 things I learned", None),
    ("Advent of Code 2023 Day 12: Hot Springs", ("adventofcode2023", 12)),
    ("This Week in Rust #512", ("thisweekinrust", 512)),
    ("Weeknotes (week 3)", ("weeknotes", 3)),
    ("Newsletter No. 7", ("newsletter", 7)),
    ("The Day I Quit", None),
    ("Day 3 in Kyoto", None),          # no stem, and the number is not the title's end
    ("Fixing a bug in 2.1, day 2 of the sprint", None),
    ("C# 10 features", None),
    ("Valentine's Day 2024", None),
    ("ベイズ推定入門（その2）", ("ベイズ推定入門", 2)),
    ("MCMCの話（後編）", ("mcmcの話", 3)),
    ("深度学习笔记第三讲：卷积", ("深度学习笔记", 3)),
    ("트랜스포머 정리 2편: 위치 인코딩", ("트랜스포머정리", 2)),
    ("러스트 배우기 - 2부", ("러스트배우기", 2)),
    ("알고리즘 스터디 제 4 회 정리", ("알고리즘스터디", 4)),
    ("머신러닝 입문 (하)", ("머신러닝입문", 3)),
    ("웹툰 리뷰 12화", ("웹툰리뷰", 12)),
    ("영화 3편 추천", None),          # a count of films, not a part
    ("파이썬 3부터 시작하기", None),   # 3 and the particle 부터 ("from")
    ("사진 2장", None),
    ("Python 3 Tips", None),
    ("Web 2.0 Revisited", None),
    ("Counterpart 2", None),
    ("Part 2: Lexing", ("lexing", 2)),  # a series only with another part named Lexing
    ("Parsing, Part 2.5", None),
    ("第一性原理", None),
    ("深度学习系列之三：卷积网络", ("深度学习", 3)),
    ("Rust入门系列之2", ("rust入门", 2)),
    ("三大难题之一", None),             # "one of the three": no series
    ("Flask 学习笔记之二", ("flask学习笔记", 2)),
    ("JNI笔记之二：Invocation API", ("jni笔记", 2)),
    ("Lua 学习笔记之二(进阶话题)", ("lua学习笔记", 2)),
    ("Rust教程之十一", ("rust教程", 11)),
    ("百分之二十", None),
    ("最重要的算法之一", None),          # "one of the algorithms"
    ("我的读书笔记之三", ("我的读书笔记", 3)),
    ("Rust lernen – Teil 2", ("rustlernen", 2)),
    ("Apprendre Rust (Partie III)", ("apprendrerust", 3)),
    ("Aprendiendo Rust, parte 2: préstamos", ("aprendiendorust", 2)),
    ("Изучаем Rust. Часть 4", ("изучаемrust", 4)),
    ("Belajar Rust Bagian 2", ("belajarrust", 2)),
    ("Rust öğreniyorum, Bölüm 5", ("rustöğreniyorum", 5)),
    ("La parte civile", None),
    ("Aparte 2", None),                  # the word inside another
])
def test_series_stems_and_positions(title, expected):
    assert series_of(title) == expected


@pytest.mark.parametrize("title,expected", [
    ("太阳帆技术的粗浅分析（补充）", ("太阳帆技术的粗浅分析", 2)),
    ("三个相切圆的公切圆:补充", ("三个相切圆的公切圆", 2)),
    ("EM算法的推导(续)", ("em算法的推导", 2)),
    ("EM算法的推导（续二）", ("em算法的推导", 3)),
    ("EM算法的推导（再续）", ("em算法的推导", 3)),
    ("再谈非方阵的行列式", ("非方阵的行列式", 2)),
    ("続・深層学習入門", ("深層学習入門", 2)),
    ("MCMCの話（続き）", ("mcmcの話", 2)),
    ("트랜스포머 정리 (계속)", ("트랜스포머정리", 2)),
    ("Writing a Parser (continued)", ("writingaparser", 2)),
    ("Backprop Revisited", ("backprop", 2)),
    ("继续观测国际空间站", None),         # 继续 ("go on") is no mark
    ("Muon续集：为什么选择Muon", None),   # a mark inside the title
    ("A（续）", None),                    # a stem of one character
    ("Monads in Practice", None),
])
def test_sequel_stems_and_positions(title, expected):
    assert sequel_of(title) == expected


@pytest.mark.corpus
def test_the_corpus_series_named_in_brackets_are_chains():
    """kexue.fm names four series in brackets before a numbered part (【中文分词系列】 2.
    基于切分的新词发现, 【不可思议的Word2Vec】 1.数学原理): each is one chain in its parts'
    order (the rule for a title's number after its series' bracket found none before)."""
    from conftest import corpus_or_skip

    posts = read_paths([corpus_or_skip() / "kexue-archive.txt"]).posts
    title = {p.key: p.title for p in posts}
    chains: dict[str, list[tuple[int, int]]] = {}
    for e in series_edges(posts):
        stem = title[e.source].partition("】")[0] + "】"
        if stem in ("【中文分词系列】", "【理解黎曼几何】", "【外微分浅谈】", "【不可思议的Word2Vec】"):
            chains.setdefault(stem, []).append((series_of(title[e.target])[1],
                                                series_of(title[e.source])[1]))
    assert {k: sorted(v) for k, v in chains.items()} == {
        stem: [(i, i + 1) for i in range(1, n)] for stem, n in (
            ("【中文分词系列】", 8), ("【理解黎曼几何】", 8), ("【外微分浅谈】", 7),
            ("【不可思议的Word2Vec】", 6))}


def test_a_post_is_no_series_of_its_own():
    """Every post joins, at position 0, the series its whole title would be the stem of:
    alone there, or with posts of its own title only, it has no series edge."""
    posts = tuple(Post(key=k, title=t, label=t) for k, t in (
        ("a", "Weekly notes"), ("b", "Weekly notes"), ("c", "Monads"), ("d", "Monads in Practice")))
    assert series_edges(posts) == []


def test_series_edges_reach_the_graph():
    result = build([SERIES / "wordpress"], options=BuildOptions(layers=("series",)))
    g = result.graph
    title = {n: g.nodes[n].get("title") for n in g}
    assert [(title[u], title[v], d["kind"]) for u, v, d in g.edges(data=True)] == [
        ("Soil", "Building the frame", "series")]


def test_the_map_labels_of_a_numbered_series_keep_their_numbers():
    from graphkit.render import short_label

    titles = ["Writing a Parser, Part 1: Lexing", "Writing a Parser, Part Two: Grammars",
              "Error recovery (Writing a Parser, Part III)"]
    assert [short_label(t) for t in titles] == [
        "Writing a Parser·1", "Writing a Parser·2", "Writing a Parser·3"]
    assert short_label("MCMCの話（後編）と実装について") == "MCMCの話（後編）と実装につ…"  # named, not numbered
