"""jieba-rs (rjieba, what graphkit segments with) keeps the tokens the pure-Python jieba keeps.

graphkit moved from jieba 0.42.1 to its Rust port for speed (2.7 s → 0.3 s of
segmentation on the corpus). Both use the same dictionary, DAG and HMM; they differ
only on runs of digits and dots such as ``2.7.9``, which keyword extraction drops. These
tests hold that claim on the embedded data and, when present, on the whole corpus.
"""

from __future__ import annotations

import logging

import pytest
from conftest import corpus_or_skip

import graphkit.keywords as keywords
from graphkit.keywords import post_tokens
from graphkit.readers import read_paths

jieba = pytest.importorskip("jieba", reason="the reference jieba comes with requirements-test.txt")


class ReferenceSegmenter:
    """The pure-Python jieba with graphkit's domain vocabulary, behind rjieba's ``cut``."""

    def __init__(self, phrases=()):
        jieba.setLogLevel(logging.WARNING)
        self.tk = jieba.Tokenizer()
        self.tk.initialize()
        for term in (*keywords.domain_terms(), *phrases):
            if keywords._CJK_RE.search(term):
                self.tk.add_word(term, freq=keywords.DOMAIN_TERM_FREQ)
        self.calls = 0

    def cut(self, text, hmm):
        self.calls += 1
        return list(self.tk.cut(text, HMM=hmm))


@pytest.fixture(scope="module")
def reference():
    return ReferenceSegmenter()


def tokens_with(segmenter, posts, monkeypatch, phrases=()):
    with monkeypatch.context() as m:
        m.setattr(keywords, "_tokenizer", lambda phrases=(): segmenter)
        return [post_tokens(p, phrases=phrases) for p in posts]


def assert_same_tokens(posts, reference, monkeypatch, phrases=()):
    ours = [post_tokens(p, phrases=phrases) for p in posts]
    theirs = tokens_with(reference, posts, monkeypatch, phrases)
    assert reference.calls > len(posts)  # the reference really segmented the text
    differing = [(p.title, sorted(set(a) ^ set(b))[:6])
                 for p, a, b in zip(posts, ours, theirs) if a != b]
    assert differing == []
    return sum(map(len, ours))


def test_same_tokens_as_jieba_on_the_embedded_data(data_read, reference, monkeypatch):
    assert assert_same_tokens(data_read.posts, reference, monkeypatch) > 1000


@pytest.mark.corpus
def test_same_tokens_as_jieba_on_the_corpus(reference, monkeypatch):
    posts = read_paths([corpus_or_skip()]).posts
    assert assert_same_tokens(posts, reference, monkeypatch) > 200_000


@pytest.mark.corpus
def test_same_tokens_as_jieba_with_the_mined_phrases(monkeypatch):
    """With the corpus's own terms added to both dictionaries, the tokens still agree."""
    from graphkit.phrases import mine_phrases

    posts = read_paths([corpus_or_skip()]).posts
    phrases = mine_phrases(posts)
    assert len(phrases) > 100
    reference = ReferenceSegmenter(phrases)
    assert assert_same_tokens(posts, reference, monkeypatch, phrases) > 200_000


def test_the_segmenters_do_differ_on_version_numbers(reference):
    """What differs, and why it does not matter: no token without a Chinese character is kept."""
    text = "最新版2.7.9"
    ours, theirs = keywords._tokenizer().cut(text, True), reference.cut(text, True)
    assert ours != theirs and "2.7.9" in ours
    assert keywords.tokenize("最新版2.7.9") == ["最新版"]


def test_an_address_followed_by_chinese_keeps_the_chinese():
    """Chinese prose often follows an address with no space: the address goes, the words
    after it stay (``\\S+`` once dropped the rest of the paragraph)."""
    tokens = keywords.tokenize("推导见https://blog.example/a-b的变分自编码器，然后是扩散模型")
    assert "扩散模型" in tokens or {"扩散", "模型"} <= set(tokens)
    assert not any("blog" in t or "example" in t for t in tokens)


def test_dropping_term_weights_changes_nothing_written(data_build):
    """The command line drops the keyword weights once no stage reads them: the same
    graph, modules, labels and layout; the terms are kept, their weights are zeros."""
    from graphkit.pipeline import analyse

    lean = analyse(data_build.read, options=data_build.options, keep_term_weights=False)
    assert lean.terms.terms == data_build.terms.terms and lean.terms.matrix.nnz == 0
    assert lean.terms.counts.nnz == 0 and data_build.terms.counts.nnz > 0
    assert lean.terms.matrix.shape == data_build.terms.matrix.shape
    assert dict(lean.community.paths) == dict(data_build.community.paths)
    assert lean.modules == data_build.modules
    assert dict(lean.positions) == dict(data_build.positions)
    def edges(g):
        return sorted((u, v, sorted(d.items())) for u, v, d in g.edges(data=True))

    assert edges(lean.graph) == edges(data_build.graph)
