"""Edges of the seed graph and the rules that make them."""

from __future__ import annotations

import pytest
from conftest import by_title, write_posts

from graphkit.keywords import shared_terms, similar_pairs, tag_term, tokenize
from graphkit.keywords import keyword_matrix
from graphkit.model import Post
from graphkit.relate import citation_edges, looks_like_paper, series_edges
from graphkit.text import normalize_title

JL_APP = "让人惊叹的Johnson-Lindenstrauss引理:应用篇"
JL_THEORY = "让人惊叹的Johnson-Lindenstrauss引理:理论篇"
FLOW = "你可能不需要BERT-flow:一个线性变换媲美BERT-flow"


def _edges(build, kind):
    return [(u, v, d) for u, v, d in build.graph.edges(data=True) if d["kind"] == kind]


def _key(build, title):
    return by_title(build.read.posts, title).key


@pytest.mark.parametrize("src,dst", [
    ("关于维度公式“n > 8.33 log N”的可用性分析", JL_APP),
    ("关于WhiteningBERT原创性的疑问和沟通", FLOW),
    ("中文任务还是SOTA吗?我们给SimCSE补充了一些实验", FLOW),
])
def test_required_citation_edges(data_build, src, dst):
    g = data_build.graph
    s, t = _key(data_build, src), _key(data_build, dst)
    assert g.has_edge(s, t, key="cites")
    d = g.edges[s, t, "cites"]
    assert d["directed"] is True and d["weight"] >= 1
    a, b = d["span"]
    assert d["evidence"][a:b] == "《" + d["cited_title"] + "》"
    assert normalize_title(d["cited_title"]) == normalize_title(dst)


def test_half_width_citation_resolves_to_full_width_title():
    posts = (Post(key="a", title="最小熵原理（六）：词向量的维度应该怎么选择？", label="a"),
             Post(key="b", title="b", label="b",
                  text="在之前的文章《最小熵原理(六):词向量的维度应该怎么选择?》中，我们推导了。"))
    edges, extra = citation_edges(posts)
    assert [(e.source, e.target, e.cited_title) for e in edges] == [
        ("b", "a", "最小熵原理(六):词向量的维度应该怎么选择?")]
    assert extra == []


def test_citations_that_match_no_post_are_kept(data_build):
    g = data_build.graph
    kinds = {n: d["kind"] for n, d in g.nodes(data=True)}
    unresolved = [n for n, k in kinds.items() if k == "unresolved"]
    papers = [n for n, k in kinds.items() if k == "paper"]
    assert "unresolved:" + normalize_title("最小熵原理(六):词向量的维度应该怎么选择?") in unresolved
    assert ("paper:" + normalize_title("Maps of random walks on complex networks reveal "
                                       "community structure")) in papers
    for n in unresolved + papers:
        assert g.in_degree(n) >= 1  # every such node is cited by some post


def test_series_edges(data_build):
    series = {(u, v) for u, v, _ in _edges(data_build, "series")}
    assert (_key(data_build, JL_APP), _key(data_build, JL_THEORY)) in series
    assert (_key(data_build, "Transformer升级之路:4、二维位置的旋转式位置编码"),
            _key(data_build, "Transformer升级之路:1、Sinusoidal位置编码追根溯源")) in series


def test_series_members_that_differ_by_one_number_are_not_merged():
    posts = tuple(Post(key=f"k{i}", title=f"最小熵原理（{n}）：标题{i}", label="x")
                  for i, n in enumerate("五六七"))
    edges = series_edges(posts)
    assert [(e.source, e.target) for e in edges] == [("k1", "k0"), ("k2", "k1")]
    cites, _ = citation_edges(posts + (Post(key="c", title="c", label="c",
                                            text="见《最小熵原理（六）：标题1》。"),))
    assert [(e.source, e.target) for e in cites] == [("c", "k1")]


def test_paper_or_post():
    assert looks_like_paper("Attention is All You Need")
    assert not looks_like_paper("用时间换取效果:Keras梯度累积优化器")


def test_english_terms_kept_whole_and_stop_words_removed():
    tokens = tokenize("我们可以看到，一个BERT-flow模型与RoPE以及Dropout的关系")
    assert {"bert-flow", "rope", "dropout"} <= set(tokens)
    assert not {"我们", "可以", "一个"} & set(tokens)


def test_english_function_words_and_plurals():
    """Function words leave the tokens (scikit-learn's list, its content words kept);
    a plural is its singular, an acronym's too; a word no dictionary holds stays."""
    tokens = tokenize("Where the models are trained over GANs and LLMs, also the matrices "
                      "of a system; the bias of logits.")
    assert tokens == ["model", "trained", "gan", "llm", "matrix", "system", "bias", "logits"]
    assert [tag_term(t) for t in ("Transformers", "LLMs", "注意力", "machine learning")] == [
        "transformer", "llm", "注意力", "machine learning"]


def test_english_posts_are_alike_by_their_subject_not_their_function_words():
    """Two posts on language models and two on tomatoes: each pair shares a topic, and
    no pair across subjects does (with function words counted, "over, also, large,
    where" made a language-model post and a gardening post alike, and "models" and
    "model" were two terms)."""
    texts = {
        "lm1": ("Training language models", "We train language models on text, where the "
                "models predict tokens over and over. Also, these models are large."),
        "lm2": ("What a language model predicts", "A language model predicts the next token; "
                "the model is trained with a loss over the token."),
        "gd1": ("Growing tomatoes", "Tomatoes need sun. Water the tomato plants where the "
                "soil is dry, over the summer; also these plants grow large."),
        "gd2": ("Tomato plant care", "A tomato plant needs water and sun; the plant is "
                "pruned once a week.")}
    posts = [Post(key=k, title=t, label=t, text=x) for k, (t, x) in texts.items()]
    tm = keyword_matrix(posts)
    pairs = {(tm.keys[i], tm.keys[j]): shared_terms(tm, i, j)
             for i, j, _ in similar_pairs(tm, top_k=3, min_score=0.05)}
    assert set(pairs) == {("lm1", "lm2"), ("gd1", "gd2")}
    assert {"model", "token"} <= set(pairs["lm1", "lm2"])
    assert {"tomato", "plant"} <= set(pairs["gd1", "gd2"])


def test_topic_edges_are_sparse_evidenced_and_symmetric(data_build):
    topic = _edges(data_build, "topic")
    assert topic
    for u, v, d in topic:
        assert u < v and d["directed"] is False
        assert 0.05 <= d["weight"] <= 1.0
        assert d["keywords"] and d["evidence"].startswith("shared keywords: ")
    whitening = (_key(data_build, "关于WhiteningBERT原创性的疑问和沟通"), _key(data_build, FLOW))
    pair = tuple(sorted(whitening))
    assert data_build.graph.has_edge(*pair, key="topic")
    assert "bert-flow" in data_build.graph.edges[pair + ("topic",)]["keywords"]


def test_top_k_limits_each_posts_own_choices(data_read):
    tm = keyword_matrix(data_read.posts)
    one = similar_pairs(tm, top_k=1, min_score=0.0)
    chosen_by = {}
    for i, j, _ in one:
        chosen_by.setdefault(i, []).append(j)
        chosen_by.setdefault(j, []).append(i)
    # with k = 1 each post names one neighbour, so there are at most n pairs
    assert len(one) <= len(data_read.posts)
    assert len(similar_pairs(tm, top_k=5, min_score=0.0)) > len(one)
    assert similar_pairs(tm, top_k=5, min_score=0.99) == []


def test_every_edge_has_kind_weight_evidence(data_build):
    for _, _, d in data_build.graph.edges(data=True):
        assert d["kind"] in {"cites", "series", "topic"}
        assert isinstance(d["weight"], float) and d["weight"] > 0
        assert d["evidence"]


def _p(key, title, text="", links=()):
    return Post(key=key, title=title, label=title, text=text, links=tuple(links))


def test_coupling_and_cocitation_layers():
    from graphkit.relate import coupling_edges

    posts = (_p("a", "甲", "见《丙》与《丁》。"), _p("b", "乙", "见《丙》和《丁》。"),
             _p("c", "丙"), _p("d", "丁"))
    cites, _ = citation_edges(posts)
    coupling = {(e.source, e.target): e.weight for e in coupling_edges(cites, kind="coupling")}
    assert coupling == {("a", "b"): 2.0}            # a and b both cite c and d
    cocited = {(e.source, e.target): e.weight for e in coupling_edges(cites, kind="cocitation")}
    assert cocited == {("c", "d"): 2.0}             # c and d are cited together by a and b


def test_arxiv_links_become_paper_nodes():
    from graphkit.model import Link

    post = _p("a", "甲", "论文见此。", [Link("https://arxiv.org/abs/2104.09864", "RoFormer",
                                            "论文见此。")])
    edges, extra = citation_edges((post,))
    assert [(e.target, e.via) for e in edges] == [("paper:arxiv:2104.09864", "link")]
    assert [(x.kind, x.title) for x in extra] == [("paper", "RoFormer")]


@pytest.mark.parametrize("url, paper", [
    ("https://arxiv.org/abs/1706.03762", "arxiv:1706.03762"),
    ("https://arxiv.org/pdf/1706.03762v7.pdf", "arxiv:1706.03762"),       # a version, a PDF
    ("https://arxiv.org/html/2401.04088v1", "arxiv:2401.04088"),
    ("http://export.arxiv.org/abs/hep-th/9901001", "arxiv:hep-th/9901001"),  # old style
    ("https://ar5iv.labs.arxiv.org/html/1706.03762", "arxiv:1706.03762"),
    ("https://huggingface.co/papers/2104.09864", "arxiv:2104.09864"),
    ("https://www.alphaxiv.org/abs/2104.09864", "arxiv:2104.09864"),
    ("https://openreview.net/forum?id=HJWLfGWRb&noteId=x1", "openreview:HJWLfGWRb"),
    ("https://openreview.net/pdf?id=HJWLfGWRb", "openreview:HJWLfGWRb"),
    ("https://dx.doi.org/10.1145/3292500.3330701", "doi:10.1145/3292500.3330701"),
    ("https://doi.org/10.1016/J.APM.2020.03.018", "doi:10.1016/j.apm.2020.03.018"),
    ("https://arxiv.org/list/cs.LG/recent", None),
    ("https://arxiv.org/abs/1706.037629", None),                            # no such number
    ("https://openreview.net/group?id=ICLR.cc/2024", None),
    ("https://huggingface.co/docs/transformers", None),
    ("https://notarxiv.org/abs/1706.03762", None),
])
def test_a_papers_pages_name_it_by_its_identifier(url, paper):
    from graphkit.sites import paper_id

    assert paper_id(url) == paper


def test_a_paper_cited_by_title_is_the_paper_a_post_links_by_that_title():
    """One post links a paper on OpenReview, another on Hugging Face's page of an arXiv
    paper; other posts cite the same papers by 《title》 alone, or link another page of
    them: each paper is one node, so the posts citing it are coupled. A title two papers'
    links share names neither."""
    from graphkit.model import Link

    posts = (
        _p("a", "甲", "见论文。", [Link("https://openreview.net/forum?id=HJWLfGWRb",
                                         "Matrix Capsules with EM Routing", "见论文。"),
                                    Link("https://huggingface.co/papers/1710.09829",
                                         "Dynamic Routing Between Capsules", "见论文。")]),
        _p("b", "乙", "参考《Matrix Capsules with EM Routing》和《dynamic routing between "
                      "capsules》。"),
        _p("c", "丙", "见[PDF](https://arxiv.org/pdf/1710.09829v2)。",
           [Link("https://arxiv.org/pdf/1710.09829v2", "PDF", "见PDF。")]),
        _p("d", "丁", "两个链接。", [Link("https://arxiv.org/abs/2001.00001", "Paper", "x"),
                                   Link("https://arxiv.org/abs/2001.00002", "Paper", "y")]),
        _p("e", "戊", "只说《Paper Without Links》与《Paper》。"),
    )
    edges, extra = citation_edges(posts)
    assert sorted((e.source, e.target) for e in edges) == [
        ("a", "paper:arxiv:1710.09829"), ("a", "paper:openreview:HJWLfGWRb"),
        ("b", "paper:arxiv:1710.09829"), ("b", "paper:openreview:HJWLfGWRb"),
        ("c", "paper:arxiv:1710.09829"),
        ("d", "paper:arxiv:2001.00001"), ("d", "paper:arxiv:2001.00002"),
        ("e", "paper:paper"), ("e", "paper:paperwithoutlinks")]
    assert {x.kind for x in extra} == {"paper"}
    from graphkit.graph import build_graph

    g = build_graph(posts, edges, extra)    # a paper named by its identifier links its page
    assert g.nodes["paper:openreview:HJWLfGWRb"]["url"] == (
        "https://openreview.net/forum?id=HJWLfGWRb")
    assert g.nodes["paper:arxiv:1710.09829"]["url"] == "https://arxiv.org/abs/1710.09829"
    assert g.nodes["paper:paperwithoutlinks"]["url"] is None


def test_a_title_inside_a_links_text_cites_what_the_link_reaches():
    """``笔记[《Attention is All You Need》浅读](…)``: the 《》 is part of the linked post's
    title, not a citation of the paper (even without a word pointing to the blog); a
    《》 outside the link, or in a link to another site, cites the work."""
    from graphkit.model import Link

    text = "之前的笔记《Attention is All You Need》浅读介绍过，也可读《Attention is All You Need》。"
    posts = (Post(key="a", title="甲", label="甲", text=text, url="https://b.example/a/",
                  links=(Link("/reading/", "《Attention is All You Need》浅读", text),)),
             Post(key="r", title="《Attention is All You Need》浅读", label="浅读",
                  aliases=("reading",)))
    edges, _ = citation_edges(posts)
    assert sorted((e.target, e.weight) for e in edges) == [
        ("paper:attentionisallyouneed", 1.0), ("r", 1.0)]
    book = "读完[《深度学习》一书](https://book.example/1)，再看《深度学习》。"
    posts = (_p("a", "甲", book, [Link("https://book.example/1", "《深度学习》一书", book)]),)
    assert [e.target for e in citation_edges(posts)[0]] == ["unresolved:深度学习"]


def test_previous_post_phrase_is_the_evidence_of_a_series_link():
    posts = (_p("a", "采样漫谈（一）：概念", "第一篇。"),
             _p("b", "采样漫谈（二）：方法", "在上一篇文章中，我们介绍了概念。本文继续。"))
    (edge,) = series_edges(posts)
    assert (edge.source, edge.target, edge.via) == ("b", "a", "previous")
    assert edge.evidence == "在上一篇文章中，我们介绍了概念。"
    assert edge.evidence[edge.span[0]:edge.span[1]] == "上一篇"


@pytest.mark.parametrize("cited,expected", [
    ("〈新理解矩阵5〉：体积=行列式", "m5"),               # nested quotes swapped
    ("行列式的点滴", "m3"),                               # without its 《…》 prefix
    ("基于切分的新词发现", "seg2"),                       # without its series prefix
    ("2.基于切分的新词发现", "seg2"),
    ("两生物种群竞争模型", "lv"),                         # the part before the colon
    ("积分估计的极值原理——变分原理的初级版", "var"),       # fuzzy: one character short
    ("生成扩散模型漫谈（十四）：构建ODE的一般步骤（中）", None),  # (十五) exists: never (十四)
    ("最小熵原理（五）：“层层递进”之社区发现与聚类", "me5"),
    ("最小熵原理（七）：“层层递进”之社区发现与聚类", None),  # one number off: no match
])
def test_title_resolution_rules(cited, expected):
    from graphkit.relate import TitleIndex

    posts = [_p("m5", "《新理解矩阵5》：体积=行列式"), _p("m3", "《新理解矩阵3》：行列式的点滴"),
             _p("seg2", "【中文分词系列】 2. 基于切分的新词发现"),
             _p("lv", "两生物种群竞争模型：LaTeX+Python"),
             _p("var", "积分估计的极值原理——变分原理的初级版本"),
             _p("d15", "生成扩散模型漫谈（十五）：构建ODE的一般步骤（中）"),
             _p("me5", "最小熵原理（五）：“层层递进”之社区发现与聚类"),
             _p("me6", "最小熵原理（六）：词向量的维度应该怎么选择？")]
    assert TitleIndex(posts).resolve(cited) == expected


def test_links_to_posts_that_were_not_read_are_kept():
    from graphkit.model import Link

    text = "见《不在输入里的文章》。"
    post = _p("a", "甲", text, [Link("https://kexue.fm/archives/424242", "《不在输入里的文章》", text)])
    edges, extra = citation_edges((post,))
    assert [(e.target, e.via) for e in edges] == [("unresolved:archives/424242", "link+title")]
    assert [(x.kind, x.title) for x in extra] == [("unresolved", "不在输入里的文章")]


def test_keyword_matrix_in_worker_processes_is_the_same_matrix(data_read):
    """Segmenting in forked workers (each over its own vocabulary, mapped to the union)
    gives the very same counts and TF-IDF floats as one process."""
    import numpy as np

    from conftest import FIXTURES

    from graphkit.phrases import mine_phrases
    from graphkit.readers import read_paths

    posts = data_read.posts + read_paths([FIXTURES / "phrases"]).posts
    phrases = mine_phrases(posts)
    assert phrases   # the workers must segment with the blog's own terms too
    one = keyword_matrix(posts, phrases=phrases)
    assert set(phrases) & set(one.terms)
    for workers in (2, 3):
        many = keyword_matrix(posts, workers=workers, phrases=phrases)
        assert many.keys == one.keys and many.terms == one.terms
        assert many.phrases == one.phrases == phrases
        for a, b in ((many.counts, one.counts), (many.matrix, one.matrix)):
            assert np.array_equal(a.indptr, b.indptr) and np.array_equal(a.indices, b.indices)
            assert np.array_equal(a.data, b.data)


def test_the_graph_is_the_one_networkx_public_methods_build(data_build):
    """build_graph fills networkx's adjacency dicts directly; the result must be the
    graph add_nodes_from/add_edges_from make, attributes and order included."""
    import networkx as nx

    from graphkit.graph import _multidigraph

    r = data_build
    fast = nx.MultiDiGraph(r.graph)     # the fixture's graph, as built
    nodes = list(fast.nodes(data=True))
    links = [((u, v, k), d) for u, v, k, d in fast.edges(keys=True, data=True)]
    links.append((("post:dangling-a", "post:dangling-b", "cites"), {"kind": "cites"}))
    public = nx.MultiDiGraph()
    public.add_nodes_from(nodes)
    public.add_edges_from((*k, d) for k, d in links)
    ours = _multidigraph(nodes, links)
    assert list(ours.nodes(data=True)) == list(public.nodes(data=True))
    assert (list(ours.edges(keys=True, data=True))
            == list(public.edges(keys=True, data=True)))
    assert list(ours.in_edges(keys=True)) == list(public.in_edges(keys=True))
    assert nx.utils.graphs_equal(ours, public)


def test_tfidf_rows_are_scikit_learns_float_for_float(data_build):
    """Our TF-IDF (row by row, for the Spark engine, without importing scikit-learn in a
    build) gives the very floats of scikit-learn's TfidfTransformer."""
    import numpy as np
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, TfidfTransformer

    from graphkit.keywords import _english_stop_words, smoothed_idf, tfidf_rows

    counts = data_build.terms.counts
    ours = tfidf_rows(counts, smoothed_idf(np.bincount(counts.indices,
                                                       minlength=counts.shape[1]),
                                           counts.shape[0]))
    theirs = TfidfTransformer(sublinear_tf=True).fit_transform(counts).tocsr()
    theirs.sort_indices()
    assert np.array_equal(ours.indptr, theirs.indptr)
    assert np.array_equal(ours.indices, theirs.indices)
    assert np.array_equal(ours.data, theirs.data)
    assert ENGLISH_STOP_WORDS <= _english_stop_words()


def test_the_citing_sentence_of_english_prose_is_its_sentence(tmp_path):
    """A Jekyll post in English, its paragraph hard-wrapped: each citation's evidence is
    the sentence that holds the link, not the paragraph, and a full stop after "e.g.",
    "Fig." or an initial ends none."""
    from graphkit.options import BuildOptions
    from graphkit.pipeline import relate
    from graphkit.readers import read_paths

    write_posts(tmp_path, {
        "_posts/2020-01-01-a.md": ("A", "A first post."),
        "_posts/2020-01-02-b.md": ("B", "Rotary embeddings are relative. As J. Su showed in [the\n"
                                   "first post](/2020/01/01/a.html), e.g. in Fig. 3, they decay. "
                                   "Nothing else here.")})
    r = read_paths([tmp_path])
    (edge,) = relate(r.posts, options=BuildOptions(layers=("cites",)))[0]
    assert edge.evidence == ("As J. Su showed in the first post, e.g. in Fig. 3, "
                             "they decay.")
    a, b = edge.span
    assert edge.evidence[a:b] == "the first post"
