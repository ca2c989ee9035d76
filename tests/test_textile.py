"""Textile posts: an old Jekyll blog's .textile files (tests/fixtures/zoo/textile/)."""

from __future__ import annotations

from conftest import FIXTURES

from graphkit.readers import read_paths
from graphkit.readers.textile import textile_to_markdown

BLOG = FIXTURES / "zoo" / "textile"


def test_links_in_every_form():
    got = textile_to_markdown([
        'As in "the post(its title)":/a/b.html, and "(cls)styled":/c/.',
        '["中文紧跟":/d/]之后，再见 "wiki":https://en.wikipedia.org/wiki/Map_(math).',
        '"aliased":ali and !/img/x.png(alt)!:/e/ too.',
        '[ali]/f/g.html',
        'A "quoted phrase" and "x": y are no links.',
    ])
    assert got == [
        'As in [the post](/a/b.html), and [styled](/c/).',
        '[中文紧跟](/d/)之后，再见 [wiki](https://en.wikipedia.org/wiki/Map_(math)).',
        '[aliased](/f/g.html) and [](/e/) too.',
        '',
        'A "quoted phrase" and "x": y are no links.',
    ]


def test_blocks_keep_their_lines():
    src = ["h2(#intro){color:red}. Intro", "", "bq. Quoted \"a\":/a/", "", "bc.. code",
           '"b":/b/', "", "more code", "p. Text again", "", "###. a comment",
           '"c":/c/', "", "# one", "## two", "* item"]
    got = textile_to_markdown(src)
    assert len(got) == len(src)
    assert got[0] == "## Intro" and got[2] == "> Quoted [a](/a/)"
    assert got[4:8] == ["    code", '    "b":/b/', "", "    more code"]   # code: no link
    assert got[8] == "Text again" and got[10:12] == ["", ""]              # comment dropped
    assert got[13:] == ["1. one", "   1. two", "- item"]


def test_the_blog_reads_as_its_posts():
    r = read_paths([BLOG])
    by = {p.title: p for p in r.posts}
    assert by["旋转位置编码的直观理解"].url == "https://textile.example/2020/03/04/rope.html"
    assert "推导见线性注意力的推导。" in by["旋转位置编码的直观理解"].text
    assert "注释里的链接不算" not in by["旋转位置编码的直观理解"].text   # (###. comment)
    assert [x.anchor for x in by["位置编码的外推实验"].links] == [
        "旋转位置编码", "线性注意力", "《Attention is All You Need》浅读"]


def test_hostile_lines_stay_linear():
    # attributes and links that never close, runs of 100,000 characters
    lines = ["p" + "(" * 100_000 + " x", '"' * 100_000 + '":', "!" + "a" * 100_000 + "!:",
             "[" * 50_000 + '"a":' + "." * 50_000, "* " + "{" * 100_000 + " y"]
    got = textile_to_markdown(lines)
    assert len(got) == len(lines)
