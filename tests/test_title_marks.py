"""Post titles cited in the marks of other CJK conventions: 〈篇名〉 (Taiwan, Hong Kong),
「題名」 and 『書名』 (Japanese, Korean), beside the 《》 of Simplified Chinese."""

from __future__ import annotations

import pytest

from graphkit.model import Link, Post
from graphkit.relate import citation_edges

RUST = Post(key="rust", title="Rustのライフタイム入門", label="rust")
SHORT = Post(key="short", title="まとめ", label="short")
TW = Post(key="tw", title="線性注意力的簡單推導", label="tw")
KO = Post(key="ko", title="트랜스포머 구조 정리", label="ko")


def _cites(text: str, *others: Post) -> list[tuple[str, str, str, str]]:
    citing = Post(key="me", title="この記事", label="me", text=text)
    edges, extra = citation_edges((RUST, SHORT, TW, KO, *others, citing))
    assert extra == []                      # a mark never makes an unresolved node
    return [(e.source, e.target, e.cited_title, e.via) for e in edges]


@pytest.mark.parametrize("text,target,written", [
    ("以前の記事「Rustのライフタイム入門」で書いたように、借用には期限がある。", "rust",
     "Rustのライフタイム入門"),
    ("詳しくは『Rustのライフタイム入門』を参照。", "rust", "Rustのライフタイム入門"),
    ("我在〈線性注意力的簡單推導〉一文中寫過這個問題。", "tw", "線性注意力的簡單推導"),
    ("지난 글 「트랜스포머 구조 정리」에서 다뤘다.", "ko", "트랜스포머 구조 정리"),
    # width, case and spacing as normalize_title folds them
    ("前に「ＲＵＳＴのライフタイム入門」を書いた。", "rust", "ＲＵＳＴのライフタイム入門"),
])
def test_a_whole_title_in_a_mark_cites_the_post(text, target, written):
    assert _cites(text) == [("me", target, written, "title")]


@pytest.mark.parametrize("text", [
    "彼は「ライフタイム」と言った。",                 # a term, not a title
    "最後に「まとめ」として要点を並べる。",            # a title, but too short to tell
    "「Rustのライフタイム入門の続き」を書く予定だ。",    # more than the title
    "「Rustのライフタイム」入門を読んだ。",            # less than the title
])
def test_a_mark_that_is_not_a_whole_title_cites_nothing(text):
    assert _cites(text) == []


def test_a_mark_inside_a_double_angle_citation_is_part_of_that_title():
    about = Post(key="about", title="〈線性注意力的簡單推導〉读后感", label="about")
    assert _cites("见《〈線性注意力的簡單推導〉读后感》一文。", about) == [
        ("me", "about", "〈線性注意力的簡單推導〉读后感", "title")]


def test_a_mark_beside_a_link_is_one_citation_with_both_kinds_of_evidence():
    rust = Post(key="rust", title="Rustのライフタイム入門", label="rust",
                url="https://blog.example/entry/rust-lifetimes",
                aliases=("entry/rust-lifetimes", "rust-lifetimes"))
    text = "前回の「Rustのライフタイム入門」で書いたとおり。"
    citing = Post(key="me", title="この記事", label="me", text=text,
                  url="https://blog.example/entry/next",
                  links=(Link(url="https://blog.example/entry/rust-lifetimes",
                              anchor="Rustのライフタイム入門", sentence=text),))
    edges, _ = citation_edges((rust, citing))
    assert [(e.target, e.weight, e.via) for e in edges] == [("rust", 1.0, "link+title")]


def test_a_post_quoting_its_own_title_cites_nothing():
    me = Post(key="me", title="Rustのライフタイム入門", label="me",
              text="この記事「Rustのライフタイム入門」では借用を扱う。")
    assert citation_edges((me,))[0] == []
