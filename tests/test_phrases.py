"""Phrase mining: the segmenter's user dictionary from a blog's own titles, tags and text.

The fixture ``tests/fixtures/phrases/`` is a small coffee blog written for these tests,
one post per case (see its README); the corpus tests read ../shared/corpus.
"""

from __future__ import annotations

import pytest
from conftest import FIXTURES, corpus_or_skip

from graphkit.keywords import base_tokenizer, keyword_matrix, stop_words, tokenize
from graphkit.options import BuildOptions
from graphkit.phrases import mine_phrases
from graphkit.pipeline import build, keyword_terms
from graphkit.readers import read_paths

COFFEE = FIXTURES / "phrases"


@pytest.fixture(scope="module")
def coffee():
    return read_paths([COFFEE]).posts


def test_a_term_that_recurs_with_free_boundaries_is_mined(coffee):
    assert len(coffee) == 6
    mined = mine_phrases(coffee)
    # the dictionary does not hold it: without the phrase jieba cuts it
    assert base_tokenizer().cut("萃取率", False) == ["萃取", "率"]
    assert "萃取率" in mined
    assert "手冲咖啡" in mined and "冷萃" in mined          # tags that recur
    assert not {"取率", "水比", "虹吸壶", "我们可以"} & set(mined)


def test_each_rule_matters(coffee):
    """Relaxing one rule lets in what that rule keeps out."""
    loose = set(mine_phrases(coffee, min_pmi=0.0))
    # boundary entropy: 水比 always follows 粉
    assert "水比" in set(mine_phrases(coffee, min_pmi=0.0, min_entropy=0.0)) - loose
    # word boundaries: 取率 would cut 萃取, a word of the dictionary, whatever the bars
    assert "取率" not in mine_phrases(coffee, min_pmi=0.0, min_entropy=0.0, min_posts=1)
    # posts and cohesion: 虹吸壶 recurs in one short post only
    assert "虹吸壶" not in mine_phrases(coffee, min_pmi=0.0)
    assert "虹吸壶" in mine_phrases(coffee, min_pmi=0.0, min_posts=1)
    # cohesion: a very high bar leaves the tags only
    assert set(mine_phrases(coffee, min_pmi=30.0)) == {"手冲咖啡", "冷萃"}
    assert mine_phrases(coffee, min_count=100) == ()


def test_a_phrase_of_function_words_is_never_mined(coffee):
    relaxed = mine_phrases(coffee, min_pmi=0.0, min_entropy=0.0, min_posts=1, min_count=1)
    assert len(relaxed) > 5
    assert "我们可以" not in relaxed
    stops = stop_words()
    for phrase in relaxed:
        assert not any(w in stops for w in base_tokenizer().cut(phrase, False)), phrase


def test_mined_phrases_stay_whole_in_the_keywords(coffee):
    tm = keyword_terms(coffee)
    assert "萃取率" in tm.phrases and "萃取率" in tm.terms
    assert "萃取率" not in keyword_matrix(coffee).terms     # no phrases: cut in two
    assert tokenize("提高萃取率的办法", phrases=tm.phrases) == ["提高", "萃取率", "办法"]
    assert "萃取率" not in tokenize("提高萃取率的办法")      # the process's segmenter is unchanged
    off = keyword_terms(coffee, options=BuildOptions(mine_phrases=False))
    assert off.phrases == () and "萃取率" not in off.terms


def test_mined_phrases_may_label_and_describe(coffee):
    from graphkit.pipeline import report

    result = build([COFFEE])
    assert "萃取率" in result.terms.phrases
    assert report(result)["keywords"]["mined_phrases"] == list(result.terms.phrases)
    keywords = {t for _, d in result.graph.nodes(data=True) for t in d.get("keywords", ())}
    assert "萃取率" in keywords


def test_lone_surrogates_and_empty_input():
    from types import SimpleNamespace as Post

    assert mine_phrases([]) == ()
    odd = [Post(title="从\ud800费马", tags=(), categories=(), text="x\ud800费马" * 3)]
    assert mine_phrases(odd) == ()


@pytest.mark.corpus
def test_the_corpus_terms():
    posts = read_paths([corpus_or_skip()]).posts
    mined = mine_phrases(posts)
    assert {"路径积分", "谱范数", "低秩近似", "旋转位置编码", "条件随机场"} <= set(mined)
    titles_and_tags = [p.title for p in posts] + [t for p in posts for t in p.tags + p.categories]
    assert all(any(m in t for t in titles_and_tags) for m in mined)
    assert not {"是一个", "我们可以", "模型的", "训练模型"} & set(mined)
    assert 100 < len(mined) < 1000
