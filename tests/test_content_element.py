"""Pages of blogging platforms saved by a browser. Pages with neither ``<article>`` nor
``<main>`` (tests/fixtures/zoo/cnblogs/: a 博客园 blog; older WordPress and Blogger
themes): the post's element found by Readability's scoring, list pages told apart, the
title and date near the post. A 知乎 column (tests/fixtures/zoo/zhihu/): link cards and
links through the platform's outbound redirector. A CSDN blog (tests/fixtures/zoo/csdn/):
the title above the ``<article>``, a user's sub-domain. A 掘金 column
(tests/fixtures/zoo/juejin/): a ``<time>`` in UTC shown on the reader's clock.
"""

from __future__ import annotations

import pytest
from conftest import FIXTURES
from selectolax.lexbor import LexborHTMLParser

from graphkit.options import BuildOptions
from graphkit.pipeline import relate
from graphkit.readers import read_paths
from graphkit.readers.html import content_element, read_html
from graphkit.relate import TitleIndex

CNBLOGS = FIXTURES / "zoo" / "cnblogs"
ZHIHU = FIXTURES / "zoo" / "zhihu"
CSDN = FIXTURES / "zoo" / "csdn"
JUEJIN = FIXTURES / "zoo" / "juejin"
ROPE = "旋转位置编码的直观理解"
PARA = "<p>{}</p>".format("这一段是正文，讲旋转位置编码的推导，写得足够长以便计分。" * 2)


@pytest.fixture(scope="module")
def cnblogs():
    return read_paths([CNBLOGS])


def _page(body: str, title: str = "T") -> str:
    return f"<html><head><title>{title}</title></head><body>{body}</body></html>"


def test_the_sidebar_and_comments_of_a_page_without_article_cite_nothing(cnblogs):
    """Each post page lists every post in its sidebar (最新随笔, 阅读排行榜), the previous
    and next post under the body and a reader's comment linking a post: the post's
    element is ``#cnblogs_post_body`` alone, so none of those is a citation (and the
    footer's link to 常见问题 is boilerplate's)."""
    text = (CNBLOGS / f"{ROPE} - 小林的笔记 - 博客园.html").read_text(encoding="utf-8")
    node, summaries = content_element(LexborHTMLParser(text))
    assert node.attributes.get("id") == "cnblogs_post_body" and summaries is None
    rope = next(p for p in cnblogs.posts if p.title == ROPE)
    assert [link.anchor for link in rope.links] == ["线性注意力的推导", "一个想法", "代码仓库"]
    assert "上一篇" not in rope.text and "最新随笔" not in rope.text


def test_the_blogs_home_page_is_a_list_of_summaries(cnblogs):
    """The home page repeats one summary (``div.day``) per post: a list page, reported."""
    (f,) = [f for f in cnblogs.fragments if f.path.endswith("/小林的笔记 - 博客园.html")]
    assert "a list page" in f.reason and "6 × div.day" in f.reason
    assert "小林的笔记" not in {p.title for p in cnblogs.posts}


def test_a_heading_that_links_the_blogs_home_is_its_name(cnblogs):
    """The header's ``<h1>`` links ``https://www.cnblogs.com/xiaolin-notes/``, an address
    above the page's own: the blog's name, not the post's title (which the ``<title>``
    also shows as its second part, ``X - 小林的笔记 - 博客园``)."""
    titles = sorted(p.title for p in cnblogs.posts)
    assert titles == sorted([ROPE, "线性注意力的简单推导", "位置编码的外推实验",
                             "《Attention is All You Need》浅读", "随手记下的一个想法",
                             "关于本站的常见问题"])
    # without the page's address, the <title>'s parts still name the blog
    page = _page('<div id="header"><h1><a href="https://host.example/me/">我的博客</a></h1></div>'
                 f'<div class="post"><h1>正文标题</h1><div class="post-body">{PARA}</div></div>',
                 title="正文标题 - 我的博客 - 某平台")
    (post,), _ = read_html(page, "x.html")
    assert post.title == "正文标题"


def test_a_post_without_text_is_its_content_element(cnblogs):
    """``随手记下的一个想法`` has an empty ``#cnblogs_post_body``: a title-only post, not
    the block of tags, buttons and the previous-post link under it."""
    idea = next(p for p in cnblogs.posts if p.title == "随手记下的一个想法")
    assert idea.text == "" and idea.links == () and idea.date == "2021-09-10"


def test_the_date_after_a_long_body_is_found():
    """The date line (``posted @ <span id="post-date">``) comes after the body: found by
    htmldate in the markup, not by the first date of the page's text, which here is one
    the post mentions."""
    body = ("<p>实验在2019-05-01做过一次，结果如下。</p>" + PARA * 40)
    page = _page(f'<div class="post"><h1>标题</h1><div class="postBody">{body}</div>'
                 '<div class="postDesc">posted @ <span id="post-date">2020-03-04 20:30</span>'
                 '</div></div>')
    (post,), _ = read_html(page, "x.html")
    assert post.date == "2020-03-04"


@pytest.mark.parametrize("noise", [
    '<div class="sidebar">{}{}{}</div>',                  # more text, in a sidebar
    '<div id="comments">{}{}{}</div>',                    # more text, in the comments
    '<div class="links">{}{}{}</div>'])                   # more text, all of it links
def test_the_post_outweighs_more_text_that_is_not_the_post(noise):
    link_para = '<p><a href="/x/">{}</a></p>'.format("一个很长的链接文字，指向别的文章，不是正文。" * 3)
    fill = link_para if "links" in noise else PARA
    page = _page(f'<div class="wrap"><div class="text">{PARA}{PARA}</div>'
                 + noise.format(fill, fill, fill) + "</div>")
    node, _ = content_element(LexborHTMLParser(page))
    assert node.attributes.get("class") == "text"


def test_three_alike_summaries_make_a_list_page_and_two_sections_do_not():
    summary = ('<div class="entry-summary"><h2><a href="/p/{0}/">第{0}篇</a></h2>' + PARA
               + '<a href="/p/{0}/">阅读全文</a></div>')
    listing = _page("".join(summary.format(i) for i in range(3)))
    posts, frags = read_html(listing, "index.html")
    assert posts == [] and any("3 × div.entry-summary" in f.reason for f in frags)
    sections = _page('<div class="content">' + f'<div class="section">{PARA}</div>' * 2 + "</div>")
    posts, _ = read_html(sections, "post.html")
    assert len(posts) == 1 and posts[0].text.count("旋转位置编码") == 4


def test_an_element_named_main_by_its_role_is_the_post():
    page = _page(f'<div class="sidebar">{PARA * 3}</div><div role="main"><p>短正文。</p></div>')
    node, _ = content_element(LexborHTMLParser(page))
    assert node.attributes.get("role") == "main"


def test_a_link_card_is_a_citation():
    """知乎 draws a link to another article as a card (an ``<a>`` outside any paragraph,
    holding the article's title and description in spans): read as a paragraph with its
    link, so the citation is found; a link outside paragraphs that is no card (an
    author's name) adds no text."""
    (rope,) = read_paths([ZHIHU / "旋转位置编码的直观理解 - 知乎.html"]).posts
    card = next(link for link in rope.links if link.anchor.startswith("随手记下的一个想法"))
    assert card.url == "https://zhuanlan.zhihu.com/p/409000005"
    assert "随手记下的一个想法知乎专栏 · 小林" in rope.text.split("\n")
    assert "小林" not in rope.text.split("\n") and "小林" not in [x.anchor for x in rope.links]


def test_links_through_the_outbound_redirector_reach_their_target():
    """知乎 sends links to other sites through ``link.zhihu.com/?target=…``: the arXiv
    link behind it names the paper, as it does written plainly."""
    r = read_paths([ZHIHU])
    edges, extra, _ = relate(r.posts, options=BuildOptions(layers=("cites",)))
    linear = next(p for p in r.posts if p.title == "线性注意力的简单推导")
    (wrapped,) = [link.url for link in linear.links if "arxiv" in link.url]
    assert wrapped.startswith("https://link.zhihu.com/?target=https%3A//arxiv.org/")
    assert any(e.source == linear.key and e.target == "paper:arxiv:1706.03762" for e in edges)


def test_the_title_above_the_article_when_its_h1_heads_a_section():
    """CSDN's ``<h1 class="title-article">`` stands above ``<article>``, whose first
    ``<h1>`` (``引言``) heads the text's first section; the ``<title>`` begins with the
    former. An ``<article>`` whose ``<h1>`` the ``<title>`` names keeps it."""
    (rope,) = read_paths([CSDN / "旋转位置编码的直观理解_xiaolinnotes的博客-CSDN博客.html"]).posts
    assert rope.title == "旋转位置编码的直观理解" and rope.text.startswith("引言\n")
    page = _page(f'<h1>站名</h1><article><h1>正文标题</h1>{PARA}</article>', title="正文标题 | 站名")
    assert read_html(page, "x.html")[0][0].title == "正文标题"
    # a <title> that is the site's name alone names no heading as the post's
    page = _page(f'<h1>站名</h1><article><h1>正文标题</h1>{PARA}</article>', title="站名")
    assert read_html(page, "x.html")[0][0].title == "正文标题"


def test_a_link_by_the_users_sub_domain_reaches_the_post():
    """``https://xiaolinnotes.blog.csdn.net/article/details/ID`` is the post at
    ``https://blog.csdn.net/xiaolinnotes/article/details/ID``; a sub-domain whose name is
    no folder of the posts reaches nothing."""
    r = read_paths([CSDN])
    index = TitleIndex(r.posts)
    idea = next(p for p in r.posts if p.title == "随手记下的一个想法")
    assert index.resolve_url("https://xiaolinnotes.blog.csdn.net/article/details/120200005"
                             ) == idea.key
    assert index.resolve_url("https://someone.blog.csdn.net/article/details/120200005") is None


@pytest.mark.parametrize("datetime, shown, day", [
    ("2021-09-09T23:30:00.000Z", "2021-09-10 07:30", "2021-09-10"),   # Beijing's morning
    ("2021-09-09T23:30:00+00:00", "Sep 10, 2021", "2021-09-10"),
    ("2021-09-09T23:30:00+08:00", "2021-09-10 07:30", "2021-09-09"),  # not UTC: as written
    ("2021-09-09T23:30:00.000Z", "3 天前", "2021-09-09"),              # no date shown
    ("2021-09-09T23:30:00.000Z", "2021-09-12", "2021-09-09")])         # not one day off
def test_a_time_in_utc_is_the_day_it_shows(datetime, shown, day):
    page = _page(f'<article><h1>T</h1><time datetime="{datetime}">{shown}</time>{PARA}</article>')
    (post,), _ = read_html(page, "x.html")
    assert post.date == day


def test_a_juejin_post_published_before_eight_in_beijing_keeps_its_day():
    (idea,) = [p for p in read_paths([JUEJIN]).posts if p.title == "随手记下的一个想法"]
    assert idea.date == "2021-09-10"
