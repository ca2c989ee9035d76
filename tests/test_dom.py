"""Parsing HTML into a tree no deeper than a browser builds one (graphkit.readers.dom).

A tag soup of elements never closed, or of formatting elements left open, made lexbor's
tree (and every selector on it) grow with the square of the page; such a page is read
flat. Pages people write are parsed as they are.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graphkit.readers import read_text
from graphkit.readers.dom import MAX_DOM_DEPTH, flattened, nesting_problem, parse_html
from graphkit.readers.html import read_html
from graphkit.readers.rest import _reader, read_rst

FIXTURES = Path(__file__).parent / "fixtures"
TAGS = ("div span p a b i font li ul ol table tr td th h2 nobr em select option svg math "
        "pre form button caption template object marquee dl dt dd section").split()


def depth_and_size(tree) -> tuple[int, int]:
    """The deepest level of an element below the root, and the number of elements."""
    deepest, count, stack = 0, 0, [(tree.root, 0)]
    while stack:
        node, depth = stack.pop()
        deepest, count = max(deepest, depth), count + 1
        child = node.child
        while child is not None:
            if child.is_element_node:
                stack.append((child, depth + 1))
            child = child.next
    return deepest, count


def soup(tags):
    token = st.one_of(
        st.builds(lambda t, a: f"<{t}{a}>", st.sampled_from(tags),
                  st.sampled_from(["", " id=1", " id=2", " class=x"])),
        st.builds(lambda t: f"</{t}>", st.sampled_from(tags)),
        st.sampled_from(["x", "词 语", "<br>", "<!--c-->", "<path/>", '<a href="/p/">链</a>']))
    return st.one_of(st.lists(token, max_size=400).map("".join),
                     st.tuples(st.lists(token, min_size=1, max_size=6),
                               st.integers(20, 200)).map(lambda t: "".join(t[0]) * t[1]))


@settings(max_examples=400, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow])
@given(soup(TAGS))
def test_no_tag_soup_nests_far_beyond_the_limit_or_multiplies_its_elements(markup):
    tree, _ = parse_html(markup, max_depth=16, max_open_formatting=4)
    depth, size = depth_and_size(tree)
    # (a table's implied <tbody> and <tr>, and the three copies the standard keeps of a
    # formatting element, are the estimate's only slack)
    assert depth <= 2 * 16 + 4
    assert size <= 3 * (markup.count("<") + 1) + 3


@settings(max_examples=300, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow])
@given(soup([t for t in TAGS if t not in ("table", "tr", "td", "th", "caption", "select",
                                          "option", "template", "svg", "math", "object",
                                          "marquee")]))
def test_a_page_read_flat_keeps_its_text_and_its_links(markup):
    from selectolax.lexbor import LexborHTMLParser

    as_is = LexborHTMLParser(markup)
    for frame in (0, 8):
        flat = LexborHTMLParser(flattened(markup, max_frame=frame))
        assert re.sub(r"\s+", "", flat.body.text()) == re.sub(r"\s+", "", as_is.body.text())
        # every link written, once (lexbor's own tree holds copies of a link left open)
        assert len(flat.css("a[href]")) == markup.count('<a href="/p/">')
        assert depth_and_size(flat)[0] <= 4 + frame


def test_no_page_of_the_fixtures_is_read_flat():
    pages = [p for p in FIXTURES.rglob("*") if p.suffix in (".html", ".htm") and p.is_file()]
    assert len(pages) > 100
    for page in pages:
        assert nesting_problem(page.read_text("utf-8", errors="replace")) is None, page


def test_a_page_of_unclosed_divs_is_read_flat_with_every_paragraph_and_link():
    para = '<div class="c"><p>第{i}段正文，引用了<a href="/posts/p{i}/">第{i}篇文章</a>。</p>'
    page = ('<!DOCTYPE html><html><head><title>深层页面 | 博客</title><link rel="canonical" '
            'href="https://blog.example/posts/deep/"></head><body><article><h1>深层页面</h1>\n'
            + "".join(para.format(i=i) for i in range(700)) + "</article></body></html>")
    tree, why = parse_html(page)
    assert depth_and_size(tree)[0] <= 4 + MAX_DOM_DEPTH // 8
    # the frame is kept: the article (and the first named blocks in it) around the rest
    assert len(tree.css_first("article").css("a[href]")) == 700
    assert why == f"elements nested deeper than {MAX_DOM_DEPTH} levels (from line 2)"
    (post,), frags = read_html(page, "deep.html")
    assert (post.title, post.url) == ("深层页面", "https://blog.example/posts/deep/")
    assert [link.url for link in post.links] == [f"/posts/p{i}/" for i in range(700)]
    assert post.links[699].anchor == "第699篇文章"
    assert "第699段正文" in post.text
    assert any(f.reason.startswith("HTML read flat, without its structure: elements nested")
               and f.path == "deep.html" for f in frags)


def test_the_depth_limit_decides_which_page_is_read_flat():
    page = "<div>" * 20 + "<p>x</p>"
    assert nesting_problem(page, max_depth=16) is not None
    assert nesting_problem(page, max_depth=32) is None
    assert depth_and_size(parse_html(page, max_depth=32)[0])[0] > 20
    assert depth_and_size(parse_html(page, max_depth=16)[0])[0] <= 4


def test_formatting_elements_left_open_are_not_copied_into_every_paragraph():
    """400 distinct <b> left open by a paragraph's end: lexbor copies all of them into
    each of the 4,000 paragraphs after it (1.6 million elements from 36 kB)."""
    page = ("<body><p>" + "".join(f"<b id={i}>" for i in range(400)) + "</p>"
            + "<p>x</p>" * 4000)
    tree, why = parse_html(page)
    assert why.startswith("more than 8 formatting elements left open")
    assert depth_and_size(tree)[1] < 3 * page.count("<")
    assert tree.body.text() == "x" * 4000
    # the same markup with the three copies the standard keeps is parsed as it is
    alike = "<body><p>" + "<b>" * 400 + "</p>" + "<p>x</p>" * 10
    assert nesting_problem(alike) is None


def test_restructuredtext_reader_leaves_out_the_transitions_check_and_keeps_the_text():
    assert "Transitions" not in {t.__name__ for t in _reader().get_transforms()}
    text = "标题\n====\n\n" + "".join(f"第{i}段，见 `甲 <https://a.example/{i}>`_ 。\n\n----\n\n"
                                    for i in range(50)) + "最后一段。\n"
    (post,), _ = read_rst(text, "posts/transitions.rst")
    assert post.title == "标题"
    assert "第49段" in post.text and "最后一段" in post.text
    assert len(post.links) == 50


# A post's HTML content nested too deep, inside a file of another format: read flat, its
# text and links kept, and reported at the post's own line (not only a page is reported).
SOUP = "<div>" * 700 + '<p>这一篇接着<a href="https://b.example/p/1/">前文</a>推导。</p>'
_JOPLIN_PROPS = ("id: 0123456789abcdef0123456789abcdef\nparent_id: \ncreated_time: "
                 "2021-03-20T04:00:00.000Z\nmarkup_language: 2\ndeleted_time: 0\ntype_: 1")
CONTENT_SOUPS = {
    "feed.xml": (4, '<?xml version="1.0"?>\n<rss version="2.0"><channel><title>B</title>\n'
                 '<item><title>一</title><link>https://b.example/p/1/</link>'
                 "<description>&lt;p&gt;正文&lt;/p&gt;</description></item>\n"
                 "<item><title>二</title><link>https://b.example/p/2/</link>\n"
                 f"<description><![CDATA[{SOUP}]]></description></item>\n</channel></rss>\n"),
    "posts.jsonl": (2, '{"title": "一", "url": "https://b.example/p/1/", "content": "正文"}\n'
                    '{"title": "二", "url": "https://b.example/p/2/", "content": '
                    f'"{SOUP.replace(chr(34), chr(92) + chr(34))}"}}\n'),
    "notes.enex": (3, '<?xml version="1.0" encoding="UTF-8"?>\n<en-export>\n'
                   "<note><title>二</title><content><![CDATA[<en-note>"
                   f"{SOUP}</en-note>]]></content><created>20210320T040000Z</created></note>\n"
                   "</en-export>\n"),
    "_posts/2021-03-20-deep.html": (4, f"---\ntitle: 二\n---\n{SOUP}\n"),
    "0123456789abcdef0123456789abcdef.md": (2, f"二\n\n{SOUP}\n\n{_JOPLIN_PROPS}"),
}


@pytest.mark.parametrize("name", sorted(CONTENT_SOUPS))
def test_post_content_read_flat_is_reported_at_its_post(name):
    line, text = CONTENT_SOUPS[name]
    layout, posts, frags = read_text(text, name)
    (post,) = [p for p in posts if p.title == "二"]
    assert [link.url for link in post.links] == ["https://b.example/p/1/"]
    assert "这一篇接着前文推导" in post.text
    (flat,) = [f for f in frags if "read flat" in f.reason]
    assert flat.reason.startswith("the post's HTML content read flat, without its structure")
    assert "elements nested deeper than 512 levels" in flat.reason
    assert (flat.path, flat.line) == (name, line)
    assert "<div><div><div>" in flat.text[:30]


def test_html_blocks_of_kirby_and_siyuan_read_flat_are_reported():
    """Block editors store a post as blocks, some of them HTML: a block nested too deep is
    read flat and reported like a whole post's content."""
    import json

    from graphkit.readers.kirby import read_kirby
    from graphkit.readers.siyuan import read_siyuan

    blocks = json.dumps([{"type": "text", "content": {"text": SOUP}}], ensure_ascii=False)
    (post,), frags = read_kirby(["Title: 二", "----", "Text: " + blocks],
                                "site/content/1_blog/20210320_deep/article.txt")
    assert [link.url for link in post.links] == ["https://b.example/p/1/"]
    (flat,) = [f for f in frags if "read flat" in f.reason]
    assert (flat.line, flat.reason[:33]) == (3, "the post's HTML content read flat")
    doc = {"ID": "20210320040000-abcdefg", "Type": "NodeDocument",
           "Properties": {"id": "20210320040000-abcdefg", "title": "二"},
           "Children": [{"ID": "20210320040001-abcdefg", "Type": "NodeHTMLBlock", "Data": SOUP}]}
    (post,), frags = read_siyuan(json.dumps(doc, ensure_ascii=False),
                                 "data/20210320000000-notebk/20210320040000-abcdefg.sy")
    assert [link.url for link in post.links] == ["https://b.example/p/1/"]
    assert [f.line for f in frags if "read flat" in f.reason] == [1]


def test_fixture_pages_read_flat_keep_their_titles_and_citations(monkeypatch):
    """The frame a flat reading keeps (the post's element, its navigation and comments)
    is what tells a post from its page: read flat, nearly every fixture page gives the
    same titles and links as read whole (without the frame, 60 of 155 did)."""
    from graphkit.readers import html as reader

    pages = sorted(p for p in FIXTURES.rglob("*") if p.suffix in (".html", ".htm")
                   and p.is_file())      # (Gatsby's page-data/404.html/ is a folder)
    read = {}
    for flat in (False, True):
        if flat:
            monkeypatch.setattr(reader, "parse_html",
                                lambda markup, **_: (parse_html(flattened(markup))[0], "flat"))
        for page in pages:
            posts, _ = read_html(page.read_text("utf-8", errors="replace"), str(page))
            read.setdefault(page, []).append(
                ([p.title for p in posts], sorted(link.url for p in posts for link in p.links)))
    with_posts = [p for p in pages if read[p][0][0] or read[p][1][0]]
    same = [p for p in with_posts if read[p][0] == read[p][1]]
    assert len(with_posts) > 150
    assert len(same) >= 0.95 * len(with_posts), sorted(set(with_posts) - set(same))


def test_no_restructuredtext_tree_outlives_its_reading():
    """docutils keeps its nested state machines at class level for the next parse, each
    holding the document it parsed last: the tree of the last file read stayed alive."""
    import gc

    from docutils.parsers.rst.states import RSTState

    text = "标题\n====\n\n- 一\n\n  - 二，见 `甲 <https://a.example/1>`_ 。\n\n" * 20
    (post,), _ = read_rst(text, "posts/nested.rst")
    assert post.links and RSTState.nested_sm_cache == []
    gc.collect()
    assert not [o for o in gc.get_objects() if type(o).__name__ == "document"
                and type(o).__module__ == "docutils.nodes"]
