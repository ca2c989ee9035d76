"""Web pages captured as Markdown: Jina Reader's and a crawler's copies of whole post pages
of other blogs (tests/fixtures/zoo/jina/, tests/fixtures/zoo/captured/, and small pages
written here)."""

from __future__ import annotations

from conftest import FIXTURES, read_cites, write_files

from graphkit.readers import read_paths, read_text
from graphkit.readers.capture import CAPTURE, CAPTURE_LISTING, jina_header

JINA = FIXTURES / "zoo" / "jina"
CAPTURED = FIXTURES / "zoo" / "captured"

# an English WordPress post as Jina Reader returns it (Twenty-something's markup)
WORDPRESS = """Title: Rotary embeddings, intuitively – Alice's Notes

URL Source: https://alice.example/2020/03/04/rotary-embeddings/

Markdown Content:
[Skip to content](https://alice.example/2020/03/04/rotary-embeddings/#content)

[Alice's Notes](https://alice.example/)
=======================================

*   [Home](https://alice.example/)
*   [About](https://alice.example/about/)

{heading}
------------------------------

Posted on [March 4, 2020](https://alice.example/2020/03/04/rotary-embeddings/) by Alice

Rotary embeddings put position into the phase of each pair of dimensions; the derivation \
builds on [linear attention](https://alice.example/2020/05/06/linear-attention/).

Categories: [ML](https://alice.example/category/ml/)  Tags: [attention](https://alice.\
example/tag/attention/), [position](https://alice.example/tag/position/)

Post navigation
---------------

[Previous post: Reading the Transformer paper](https://alice.example/2019/01/02/transformer/)

3 thoughts on “Rotary embeddings, intuitively”
-----------------------------------------------

1.   Bob says: see also [extrapolation](https://alice.example/2021/07/08/extrapolation/)

Leave a Reply [Cancel reply](https://alice.example/2020/03/04/rotary-embeddings/#respond)
-----------------------------------------------------------------------------------------
"""


def test_jinas_header_is_read_and_nothing_else_is():
    lines = ["Title: 甲 | 博客", "", "URL Source: https://b.example/a/", "",
             "Published Time: 2020-03-04T09:00:00+08:00", "", "Markdown Content:", "正文"]
    assert jina_header(lines) == ({"Title": "甲 | 博客", "URL Source": "https://b.example/a/",
                                   "Published Time": "2020-03-04T09:00:00+08:00"}, 7)
    assert jina_header(lines[:-2]) is None                    # (no Markdown Content: line)
    assert jina_header(["Title: 甲", "Author: 乙", "Markdown Content:"]) is None
    assert jina_header(["# Title: 甲", "Markdown Content:"]) is None
    # (not Pelican's metadata, whose header it resembles)
    layout, (post,), _ = read_text("Title: 甲 | 博客\n\nMarkdown Content:\n甲\n--\n\n正文。\n",
                                   "a.md")
    assert (layout, post.title, post.text) == (CAPTURE, "甲", "正文。")


def test_the_zoo_pages_give_title_address_date_and_tags():
    for folder, host in ((JINA, "https://blog.example/"), (CAPTURED, "https://notes.example/")):
        r = read_paths([folder])
        assert {s.format for p in r.posts for s in p.sources} == {CAPTURE}
        by = {p.title: p for p in r.posts}
        rope = by["旋转位置编码的直观理解"]
        assert rope.date == "2020-03-04" and rope.url.startswith(host)
        assert rope.tags == ("测试",)
        assert "发表于" not in rope.text and "By 小林" not in rope.text
        reasons = {f.reason.split(" (")[0] for f in r.fragments if f.path.endswith("rope.md")
                   or f.path.endswith("rope.txt")}
        assert {"the site's banner, menu and sidebar above the post",
                "the theme's links after the post's tags",
                "what the theme adds after the post: related posts, comments, the sidebar"
                } <= reasons


def test_an_english_wordpress_page(tmp_path):
    write_files(tmp_path, {"rope.md": WORDPRESS.format(heading="Rotary embeddings, intuitively")})
    r, cites = read_cites(tmp_path)
    (post,) = r.posts
    assert post.title == "Rotary embeddings, intuitively"
    assert (post.date, post.url) == ("2020-03-04",
                                     "https://alice.example/2020/03/04/rotary-embeddings/")
    assert (post.categories, post.tags) == (("ML",), ("attention", "position"))
    assert post.text.startswith("Rotary embeddings put position") and "Bob" not in post.text
    # the post's one link; not the previous post's, nor the comment's
    assert [link.url for link in post.links] == [
        "https://alice.example/2020/05/06/linear-attention/"]


def test_a_page_whose_title_is_no_heading_is_titled_without_the_sites_name(tmp_path):
    write_files(tmp_path, {"rope.md": WORDPRESS.format(heading="Something else")})
    r = read_paths([tmp_path])
    (post,) = r.posts
    assert post.title == "Rotary embeddings, intuitively"
    # the banner, the site's name and the menu that open the page are not the post
    assert post.text.startswith("Something else") and "Home" not in post.text
    (banner,) = [f for f in r.fragments if f.reason.startswith("the site's banner")]
    assert (banner.line, banner.end_line) == (6, 12)


def test_a_pointer_to_the_next_part_written_by_the_author_is_a_citation(tmp_path):
    page = ("Title: 甲 | 博客\nURL Source: https://b.example/a/\nMarkdown Content:\n"
            "甲\n--\n\n正文的第一段写得足够长，讲了很多东西。\n\n"
            "下一篇：[乙](https://b.example/b/)\n\n这是正文的最后一段，也写得足够长。\n\n"
            "[« 丙](https://b.example/c/) [乙 »](https://b.example/b/)\n")
    other = ("Title: {t} | 博客\nURL Source: https://b.example/{s}/\nMarkdown Content:\n"
             "{t}\n--\n\n正文。\n")
    write_files(tmp_path, {"a.md": page, "b.md": other.format(t="乙", s="b"),
                           "c.md": other.format(t="丙", s="c")})
    r, cites = read_cites(tmp_path)
    assert cites == {("甲", "乙")}
    (nav,) = [f for f in r.fragments if f.reason.startswith("links to the previous")]
    assert nav.path.endswith("a.md") and nav.line == 13


def test_what_is_not_a_page_capture():
    # a note about a paper, titled by a link to it: no site menu above it
    note = "# [Attention is All You Need](https://arxiv.org/abs/1706.03762)\n\n读后感。\n"
    layout, (post,), _ = read_text(note, "notes/paper.md")
    assert layout != CAPTURE and post.url is None
    # a capture of a blog's home page: a listing of posts, each title a linked heading
    listing = "- [首页](https://b.example/)\n- [归档](https://b.example/archives/)\n\n" + "".join(
        f"## [文章{i}](https://b.example/p/{i}/)\n\n摘要{i}。\n\n" for i in range(3))
    layout, posts, (frag,) = read_text(listing, "home.md")
    assert (layout, posts) == (CAPTURE_LISTING, []) and "3 headings link" in frag.reason
    # the notes' reading list: linked headings, no menu above them
    assert read_text(listing.split("\n\n", 1)[1], "reading.md")[0] == "markdown"
    # a menu, then the post's title linking its own page: a capture
    page = listing.split("## ")[0] + "# [文章0](https://b.example/p/0/)\n\n正文。\n"
    layout, (post,), _ = read_text(page, "p0.txt")
    assert layout == CAPTURE and post.url == "https://b.example/p/0/"


def test_list_pages_are_reported_and_a_post_with_cards_is_a_post(tmp_path):
    head = "Title: {title}\nURL Source: {url}\nMarkdown Content:\n"
    cards = "".join(f"### [文章{i}](https://b.example/p/{i}/)\n\n摘要{i}。\n\n" for i in range(3))
    for url, why in (("https://b.example/", "the site's home page"),
                     ("https://b.example/category/ml/page/2/", "under /category/"),
                     ("https://b.example/2020/03/", "an archive or index"),
                     ("https://b.example/tags.html", "an archive or index")):
        layout, posts, (frag,) = read_text(head.format(title="测试博客", url=url) + cards, "x.md")
        assert (layout, posts) == (CAPTURE_LISTING, []) and why in frag.reason
    post = (head.format(title="甲 | 测试博客", url="https://b.example/p/9/")
            + "甲\n--\n\n正文写得足够长，讲了很多东西。\n\n" + cards)
    layout, (p,), _ = read_text(post, "p9.md")
    assert layout == CAPTURE and p.title == "甲"


def test_two_pages_of_one_title_at_two_addresses_are_two_posts(tmp_path):
    page = ("Title: 周记 | 博客\nURL Source: https://b.example/{n}/\nPublished Time: {d}\n"
            "Markdown Content:\n周记\n--\n\n这一周读了第{n}篇论文，记下一些想法。\n")
    write_files(tmp_path, {"a.md": page.format(n=1, d="2020-01-05"),
                           "b.md": page.format(n=2, d="2020-01-12")})
    r = read_paths([tmp_path])
    assert sorted(p.date for p in r.posts) == ["2020-01-05", "2020-01-12"]


def _rows(folder, suffix: str) -> list[dict]:
    """A scraper's JSON Lines of a folder of captured pages: url, title, the page."""
    rows = []
    for f in sorted(folder.glob(f"*{suffix}")):
        page = f.read_text(encoding="utf-8")
        head, _, content = page.partition("Markdown Content:\n")
        if content:         # (Jina's JSON: its header as fields, the page as content)
            fields = dict(line.split(": ", 1) for line in head.splitlines() if ": " in line)
            rows.append({"data": {"title": fields["Title"], "url": fields["URL Source"],
                                  "publishedTime": fields["Published Time"],
                                  "content": content}})
        else:
            rows.append({"url": f"https://notes.example/p/{f.stem}.html", "markdown": page})
    return rows


def test_rows_holding_whole_pages_cite_as_the_pages_do(tmp_path):
    """A JSON Lines file of whole pages (Jina's JSON, a crawler's rows) reads as the
    pages do: the same posts, titles and citations, none from menus, related posts or
    comments."""
    import json

    for folder, suffix in ((JINA, ".md"), (CAPTURED, ".txt")):
        out = tmp_path / folder.name
        out.mkdir()
        (out / "pages.jsonl").write_text("\n".join(json.dumps(row, ensure_ascii=False)
                                                   for row in _rows(folder, suffix)),
                                         encoding="utf-8")
        r_rows, cites_rows = read_cites(out)
        r_pages, cites_pages = read_cites(folder)
        assert sorted(p.title for p in r_rows.posts) == sorted(p.title for p in r_pages.posts)
        assert cites_rows == cites_pages and len(cites_rows) == 8
        assert {p.date for p in r_rows.posts} == {p.date for p in r_pages.posts}
        assert any(f.reason.startswith("in the row's") and "comments" in f.reason
                   for f in r_rows.fragments)


def test_a_kexue_page_in_a_row_is_read_as_its_page(tmp_path):
    import json

    page = (FIXTURES / "formats" / "kexue-page-capture.md").read_text(encoding="utf-8")
    row = {"url": "https://kexue.fm/archives/90005", "text": page}     # (no title: the page's)
    (tmp_path / "pages.jsonl").write_text(json.dumps(row, ensure_ascii=False) + "\n",
                                          encoding="utf-8")
    (from_row,) = read_paths([tmp_path]).posts
    (from_page,) = read_paths([FIXTURES / "formats" / "kexue-page-capture.md"]).posts
    assert (from_row.title, from_row.url, from_row.date, from_row.text) == (
        from_page.title, from_page.url, from_page.date, from_page.text)
    assert {link.url for link in from_row.links} == {link.url for link in from_page.links}


def test_rows_holding_whole_html_pages_read_as_saved_pages(tmp_path):
    """A crawler's JSON Lines of ``{url, html}`` (the mirror zoo blog's ten pages: six
    posts, the home page, a page 2, the post list and a tag page) reads as the saved
    pages do: the six posts and their citations, the four list pages reported."""
    import json

    site = FIXTURES / "zoo" / "mirror" / "mirror.example"
    rows = []
    for f in sorted(site.rglob("index.html")):
        where = f.parent.relative_to(site).as_posix()
        rows.append({"url": "https://mirror.example/" + ("" if where == "." else where + "/"),
                     "html": f.read_text(encoding="utf-8")})
    (tmp_path / "crawl.jsonl").write_text(
        "\n".join(json.dumps(row, ensure_ascii=False) for row in rows), encoding="utf-8")
    r, cites = read_cites(tmp_path)
    _, truth = read_cites(FIXTURES / "zoo" / "mirror")
    assert len(r.posts) == 6 and cites == truth and len(cites) == 8
    assert all(p.title and p.url.startswith("https://mirror.example/posts/") for p in r.posts)
    listed = [f for f in r.fragments if f.reason.startswith("row: its html is a list page")]
    assert len(listed) == 4


CSDN = """Title: 旋转位置编码的直观理解_小林的博客-CSDN博客

URL Source: https://blog.csdn.net/xiaolin/article/details/100000003

Markdown Content:
*   [博客](https://blog.csdn.net/)
*   [下载](https://download.csdn.net/)

旋转位置编码的直观理解
===========

最新推荐文章于 2023-01-05 10:00:00 发布

[小林](https://blog.csdn.net/xiaolin) 于 2020-03-04 09:00:00 发布

阅读量1.2k 收藏 12 点赞数 3

旋转位置编码把位置信息写进了向量的相位里，推导见[线性注意力的简单推导](https://blog.csdn.net/\
xiaolin/article/details/100000005)。

### 相关推荐

[注意力机制综述](https://blog.csdn.net/other/article/details/1)
"""


def test_a_title_glued_to_the_sites_name_and_the_earliest_date_under_it():
    """CSDN's ``<title>`` joins the post's title and the blog's name with ``_`` (no
    spaces); the meta lines under the title carry the date of the latest recommended
    article, then the post's own, then counts."""
    layout, (post,), _ = read_text(CSDN, "rope.md")
    assert (layout, post.title, post.date) == (CAPTURE, "旋转位置编码的直观理解", "2020-03-04")
    assert post.text.startswith("旋转位置编码把位置信息") and "阅读量" not in post.text
    assert [link.url for link in post.links] == [
        "https://blog.csdn.net/xiaolin/article/details/100000005"]


def test_a_crawlers_copy_whose_title_is_no_link(tmp_path):
    """A whole page copied without a header and with the theme's ``<h1>`` as a plain
    heading is a capture when a menu of absolute links stands above the heading and a
    heading of the theme's furniture follows the post; a note whose relative links stand
    above its title, with a Related section, stays a note whose links all count."""
    r, cites = read_cites(FIXTURES / "zoo" / "crawled")
    assert {s.format for p in r.posts for s in p.sources} == {CAPTURE}
    assert len(cites) == 8
    note = ("- [Home](index.md)\n- [Projects](projects.md)\n\n# 甲\n\n这是一段足够长的笔记正文，"
            "写了很多东西。\n\n## Related\n\n- [乙](b.md)\n")
    write_files(tmp_path, {"a.md": note, "b.md": "# 乙\n\n乙的正文。\n"})
    r, cites = read_cites(tmp_path)
    assert {s.format for p in r.posts for s in p.sources} == {"markdown"}
    assert ("甲", "乙") in cites


def test_a_hexo_next_page_tags_as_links_and_navigation_without_arrows(tmp_path):
    """Hexo's NexT draws the tags as links alone to tag pages (``[# Transformer](…/tags/
    Transformer/)``) and the previous and next posts as icons and titles (no arrow in
    the text): after the post's tags, the theme's links are no citations; a heading's
    anchor mark does not hide a furniture heading."""
    page = """Title: 旋转位置编码的直观理解 | 小林的博客

URL Source: https://lin.example/2020/03/04/rope/

Markdown Content:
*   [首页](https://lin.example/)
*   [归档](https://lin.example/archives/)

旋转位置编码的直观理解
==========

发表于 2020-03-04 | 分类于 [机器学习](https://lin.example/categories/ml/)

本文字数： 1.2k | 阅读时长 ≈ 1 分钟

旋转位置编码把位置信息写进了向量的相位里，推导见[线性注意力](https://lin.example/2020/05/06/linear/)。

[# Transformer](https://lin.example/tags/Transformer/) [# 位置编码](https://lin.example/tags/pe/)

[线性注意力的简单推导](https://lin.example/2020/05/06/linear/)

[位置编码的外推实验](https://lin.example/2021/07/08/extra/)

## [#](#comments) 评论

[访客](https://x.example/) 写得好
"""
    layout, (post,), frags = read_text(page, "rope.md")
    assert layout == CAPTURE and post.date == "2020-03-04"
    assert post.tags == ("Transformer", "位置编码")
    assert [link.url for link in post.links] == ["https://lin.example/2020/05/06/linear/"]
    assert "本文字数" not in post.text
    (after_tags,) = [f for f in frags if f.reason.startswith("the theme's links after")]
    assert (after_tags.line, after_tags.end_line) == (20, 22)


def test_medium_and_cnblogs_pages():
    """Medium's page: the author's link, "·", the reading time and the day under the
    title, then "Written by", "More from", "Recommended from Medium"; 博客园's: the post
    ends at its "posted @ DATE" line, which dates it."""
    medium = """Title: Rotary embeddings, intuitively | by Alice | Medium

URL Source: https://medium.com/@alice/rotary-embeddings-intuitively-1a2b3c4d5e6f

Markdown Content:
[Open in app](https://rsci.app.link/x)

[Sign in](https://medium.com/m/signin)

Rotary embeddings, intuitively
==============================

[Alice](https://medium.com/@alice)

·

5 min read

·

Mar 4, 2020

Rotary embeddings put position into the phase, as [linear attention](https://medium.com/@alice/\
linear-attention-0a1b2c3d4e5f) showed me.

Written by Alice
----------------

[3.1K Followers](https://medium.com/@alice/followers)

More from Alice
---------------

[Extrapolation](https://medium.com/@alice/extrapolation-9f8e7d6c5b4a)
"""
    layout, (post,), _ = read_text(medium, "m.md")
    assert (layout, post.title, post.date) == (CAPTURE, "Rotary embeddings, intuitively",
                                               "2020-03-04")
    assert post.text.startswith("Rotary embeddings put position") and "Followers" not in post.text
    assert [link.url for link in post.links] == [
        "https://medium.com/@alice/linear-attention-0a1b2c3d4e5f"]
    cnblogs = """Title: 旋转位置编码的直观理解 - 小林 - 博客园

URL Source: https://www.cnblogs.com/xiaolin/p/100003.html

Markdown Content:
[博客园](https://www.cnblogs.com/)
*   [首页](https://www.cnblogs.com/xiaolin/)
*   [新随笔](https://i.cnblogs.com/EditPosts.aspx?opt=1)

[旋转位置编码的直观理解](https://www.cnblogs.com/xiaolin/p/100003.html)
=====================================================================

旋转位置编码把位置信息写进了向量的相位里，推导见[线性注意力](https://www.cnblogs.com/xiaolin/p/100005.html)。

posted @ 2020-03-04 09:00  小林  阅读(120)  评论(1)  [编辑](https://i.cnblogs.com/x)  收藏

[刷新评论](javascript:void(0))[刷新页面](#)[返回顶部](#top)

[外推实验](https://www.cnblogs.com/xiaolin/p/100008.html) 读者的回复
"""
    layout, (post,), _ = read_text(cnblogs, "c.md")
    assert (layout, post.title, post.date) == (CAPTURE, "旋转位置编码的直观理解", "2020-03-04")
    assert [link.url for link in post.links] == ["https://www.cnblogs.com/xiaolin/p/100005.html"]


def test_the_sites_footer_ends_the_post():
    """Hugo's PaperMod: tags as a list of tag links, the previous and next posts as
    "« Prev" / "Next »" cards, then the site's footer (its sentence is the theme's, not
    the post's last): nothing after the post's text is a citation."""
    page = """Title: 旋转位置编码的直观理解 | 小林的博客

URL Source: https://lin.example/posts/rope/

Markdown Content:
[小林的博客 (Alt + H)](https://lin.example/ "小林的博客 (Alt + H)")

*   [Posts](https://lin.example/posts/)
*   [Tags](https://lin.example/tags/)

[Home](https://lin.example/) » [Posts](https://lin.example/posts/)

# 旋转位置编码的直观理解

March 4, 2020 · 1 min · 小林

旋转位置编码把位置信息写进了向量的相位里，推导见[线性注意力](https://lin.example/posts/linear/)。

*   [Transformer](https://lin.example/tags/transformer/)

[« Prev 线性注意力的简单推导](https://lin.example/posts/linear/) \
[Next » 位置编码的外推实验](https://lin.example/posts/extra/)

© 2024 [小林的博客](https://lin.example/) · Powered by [Hugo](https://gohugo.io/) & \
[PaperMod](https://github.com/adityatelange/hugo-PaperMod/)
"""
    layout, (post,), _ = read_text(page, "rope.md")
    assert (layout, post.title, post.date, post.tags) == (
        CAPTURE, "旋转位置编码的直观理解", "2020-03-04", ("Transformer",))
    assert [link.url for link in post.links] == ["https://lin.example/posts/linear/"]
    assert "Powered" not in post.text and "1 min" not in post.text


def test_a_web_clippers_created_is_no_date_of_the_post():
    """MarkDownload and Obsidian Web Clipper write ``created`` (when the page was clipped)
    beside ``source`` (the page's address): without a date of publication the clip is
    undated; a note's own ``created``, with no source, dates it."""
    clip = ("---\ncreated: 2024-11-20T10:00:00 (UTC +08:00)\ntags: []\n"
            "source: https://blog.example/2020/03/rope/\n---\n\n# 旋转位置编码\n\n正文。\n")
    (post,) = read_text(clip, "clip.md")[1]
    assert (post.date, post.url) == (None, "https://blog.example/2020/03/rope/")
    clip = ('---\ntitle: "旋转位置编码"\nsource: "https://blog.example/2020/03/rope/"\n'
            "published: 2020-03-04\ncreated: 2024-11-20\n---\n正文。\n")
    assert read_text(clip, "c.md")[1][0].date == "2020-03-04"
    assert read_text("---\ncreated: 2021-01-02\n---\n# 笔记\n\n正文。\n", "n.md")[1][0].date == (
        "2021-01-02")


def test_a_copy_from_the_title_on_and_a_note_titled_by_a_link():
    """A scraper that keeps a page from its title on (no menu): a title linking the page's
    own address, a dated line under it and the theme's furniture after the post make it a
    capture (a .txt copy was no post, a .md one a post titled by Markdown, citing the
    related posts); a note titled by a link has neither, and is titled by the link's
    text."""
    page = ("# [旋转位置编码](https://b.example/p/rope/)\n\nBy 小林 | 2020-03-04\n\n"
            "正文见[线性](https://b.example/p/linear/)，这一段写得足够长。\n\n### 相关文章\n\n"
            "- [乙](https://b.example/p/b/)\n")
    for name in ("rope.txt", "rope.md"):
        layout, (post,), _ = read_text(page, name)
        assert (layout, post.title, post.url, post.date) == (
            CAPTURE, "旋转位置编码", "https://b.example/p/rope/", "2020-03-04")
        assert [link.url for link in post.links] == ["https://b.example/p/linear/"]
    note = ("# [Attention Is All You Need](https://arxiv.org/abs/1706.03762)\n\n"
            "读后感，写得足够长的一段。\n\n## Related\n\n- [乙](b.md)\n")
    layout, (post,), _ = read_text(note, "paper.md")
    assert (layout, post.title) == ("markdown", "Attention Is All You Need")
    assert [link.url for link in post.links] == ["b.md"]


# --- whole pages as HTML-to-Markdown converters write them (html2text, markdownify) ---

HTML2TEXT = FIXTURES / "zoo" / "html2text"
MARKDOWNIFY = FIXTURES / "zoo" / "markdownify"
HTML2TEXT_CNBLOGS = FIXTURES / "zoo" / "html2text-cnblogs"

# a post page of a theme whose post names no address of its own, as markdownify writes
# it: the page's <title> first, the banner, a menu of links from the site's root
CONVERTED = """{title} | Lin's Notes



[Lin's Notes](/)

[Home](/)

[Archive](/archives/)

# {title}

Posted on 2021-07-08

{body}

Related posts

[Another post](/2020/01/01/another/)
"""


def _one_page(tmp_path, page: str):
    """``(ReadResult, post)`` of a folder of one captured page, ``a.md``, read as one."""
    write_files(tmp_path, {"a.md": page})
    r = read_paths([tmp_path])
    (post,) = r.posts
    assert post.sources[0].format == CAPTURE
    return r, post


def test_a_converted_page_names_its_post_by_the_other_pages_lists(tmp_path):
    # the pages name no address; the other page lists the first under its whole title
    write_files(tmp_path, {
        "a.md": CONVERTED.format(title="Rotary embeddings",
                                 body="Rotary embeddings rotate pairs of dimensions by angle."),
        "b.md": CONVERTED.format(title="Linear attention",
                                 body="Drops the softmax, and works with [rotary embeddings]"
                                      "(/2020/03/04/rope/) as shown before.\n\n"
                                      "[Rotary embeddings](/2020/03/04/rope/)")})
    r, cites = read_cites(tmp_path)
    assert {p.title for p in r.posts} == {"Rotary embeddings", "Linear attention"}
    assert cites == {("Linear attention", "Rotary embeddings")}
    (title_line,) = [f for f in r.fragments if f.path.endswith("a.md")
                     and f.reason.startswith("the page's title as its first line")]
    assert title_line.line == 1
    # the list after the post ("Related posts", a line alone) is the theme's
    assert all("Another post" not in p.text for p in r.posts)


def test_a_wrapped_address_and_a_wrapped_line_of_links_are_joined(tmp_path):
    # html2text wraps at 78 characters, addresses at their hyphens, and a menu's line
    page = ("[Home](https://lin.example/)\n\n[Archive](https://lin.example/archives/) "
            "[About](https://lin.example/about-\nme/ \"About\")\n\n# Positional encodings\n\n"
            "2021-07-08\n\nExtrapolation compares [rotary embeddings](https://lin.example/rotary-\n"
            "embeddings/) with others over longer sequences.\n\n"
            "[« Previous post: Rotary embeddings](https://lin.example/rotary-\nembeddings/ "
            "\"Rotary embeddings\")\n\n## Comments\n\nNice.\n")
    r, post = _one_page(tmp_path, page)
    assert post.title == "Positional encodings"
    assert [link.url for link in post.links] == ["https://lin.example/rotary-embeddings/"]
    assert any(f.reason.startswith("links to the previous") for f in r.fragments)


def test_list_pages_of_converted_sites_are_reported(tmp_path):
    menu = "[Lin's Notes](/)\n\n[Home](/)\n\n[Tags](/tags/)\n\n"
    cards = "".join(f"  * ### [Post {n}](https://lin.example/p/{n}/)\n\n    2021-0{n}-01\n\n"
                    for n in range(1, 4))
    more = "".join(f"## Post {n}\n\nA summary of post {n}, long enough.\n\n"
                   f"[Read more](https://lin.example/p/{n}/)\n\n" for n in range(1, 4))
    write_files(tmp_path, {
        "home.md": "Lin's Notes\n\n\n" + menu + "# Lin's Notes\n\n" + more,
        "cards.md": "[Home](https://lin.example/)\n\n[About](https://lin.example/about/)\n\n"
                    "# Blog\n\n" + cards,
        "more.md": menu + "# Latest\n\n" + more,
        "tag.md": "Tag: rope | Lin's Notes\n\n" + menu + "# Tag: rope\n\n" + more,
        "heading.md": menu + "# Lin's Notes\n\nA blog about attention.\n\n" + cards,
        "post.md": CONVERTED.format(title="A post", body="The one post of the folder.")})
    r = read_paths([tmp_path])
    assert [p.title for p in r.posts] == ["A post"]
    reasons = {f.path.rsplit("/", 1)[-1]: f.reason for f in r.fragments}
    assert reasons["home.md"].startswith("the site's home page (its title is the site's name")
    assert reasons["cards.md"].startswith("a list page of the site (3 headings link")
    assert reasons["more.md"].startswith("a list page of the site (3 posts' summaries")
    assert reasons["tag.md"].startswith("a list page of the site (its title is Tag: rope")
    assert reasons["heading.md"].startswith("the site's home page (its heading is the site's")


def test_a_hosted_blogs_name_heading_is_not_the_posts_title(tmp_path):
    # 博客园: the blog's name links its folder on the platform, the post's title its page
    page = ("* [博客园](https://www.cnblogs.com/)\n* [首页](https://www.cnblogs.com/)\n\n"
            "# [小林的笔记](https://www.cnblogs.com/lin/)\n\n"
            "# [旋转位置编码](https://www.cnblogs.com/lin/p/1.html)\n\n"
            "旋转位置编码把位置信息写进了向量的相位里，推导见别处。\n\n"
            "posted @ 2020-03-04 20:30 小林 阅读(302) 评论(1)\n\n### 公告\n")
    _, post = _one_page(tmp_path, page)
    assert (post.title, post.url, post.date) == (
        "旋转位置编码", "https://www.cnblogs.com/lin/p/1.html", "2020-03-04")


def test_a_blogger_page_under_its_date_header(tmp_path):
    page = ("Lin's Notes: Rotary embeddings\n\n\n\n# [Lin's Notes](https://lin.blogspot.com/)\n\n"
            "## Wednesday, March 4, 2020\n\n### Rotary embeddings\n\n"
            "Rotary embeddings rotate pairs of dimensions by an angle.\n\n"
            "Posted by [Lin](https://www.blogger.com/profile/1) at "
            "[9:00 PM](https://lin.blogspot.com/2020/03/rope.html \"permanent link\")\n\n"
            "Labels: [rope](https://lin.blogspot.com/search/label/rope)\n\n#### 1 comment:\n")
    _, post = _one_page(tmp_path, page)
    assert (post.title, post.date, post.tags) == ("Rotary embeddings", "2020-03-04", ("rope",))
    assert "Labels" not in post.text and "comment" not in post.text


def test_a_themes_furniture_drawn_as_no_heading_ends_the_post(tmp_path):
    # Hexo Butterfly: the address in the copyright block, cards of the previous and next
    # post as links spanning paragraphs, "相关推荐" and "评论" as lines alone
    page = ("[首页](/)\n\n[归档](/archives/)\n\n# 旋转位置编码\n\n发表于 2020-03-04\n\n"
            "旋转位置编码把位置信息写进了向量的相位里，以后再展开。\n\n"
            "文章链接: <https://lin.example/2020/03/04/rope/>\n\n"
            "[![cover](/img/a.jpg)\n\n上一篇\n\n线性注意力的简单推导](/2020/05/06/linear/ \"线性注意力\")\n\n"
            "相关推荐\n\n[位置编码的外推实验](/2021/07/08/extra/)\n\n评论\n\n写得很好。\n")
    r, post = _one_page(tmp_path, page)
    assert post.url == "https://lin.example/2020/03/04/rope/"
    assert post.links == () and post.text == "旋转位置编码把位置信息写进了向量的相位里，以后再展开。"
    assert any(f.reason.startswith("the theme's line naming the post's address")
               for f in r.fragments)


def test_a_post_of_its_title_alone_ends_at_the_furniture(tmp_path):
    page = ("[Home](/)\n\n[Posts](/posts/)\n\n# An idea\n\n2021-09-10\n\n## Recent posts\n\n"
            "* [Another post](/posts/another/)\n")
    _, post = _one_page(tmp_path, page)
    assert (post.title, post.date, post.title_only, post.links) == (
        "An idea", "2021-09-10", True, ())


def test_a_notes_relative_links_are_no_menu(tmp_path):
    # a note that opens with links to its neighbours is no page of a site
    note = ("[one](one.md)\n\n[two](two.md)\n\n# A note\n\n2021-09-10\n\n"
            "Some words of the note itself, long enough.\n\n## Comments\n\nMine.\n")
    write_files(tmp_path, {"a.md": note})
    (post,) = read_paths([tmp_path]).posts
    assert post.sources[0].format != CAPTURE and "Mine" in post.text


def test_the_converted_zoo_blogs_are_read_as_captures():
    for folder in (HTML2TEXT, MARKDOWNIFY, HTML2TEXT_CNBLOGS, FIXTURES / "zoo" / "pandoc"):
        r = read_paths([folder])
        assert {p.sources[0].format for p in r.posts} == {CAPTURE}, folder
        # every post's address found (its own line, its title's link or other pages' lists)
        assert all(p.url and p.url.startswith("https://") for p in r.posts), folder
        (home,) = [f for f in r.fragments if "home page" in f.reason or "list page" in f.reason]
        assert home.path.endswith(("小林的笔记.md", "小林的笔记 - 博客园.md")), folder


PANDOC = FIXTURES / "zoo" / "pandoc"

# a post page as Pandoc converts it standalone (pandoc -s -f html -t markdown): the
# page's <title> and <meta name> values as YAML, its divs fenced, attributes kept
PANDOC_PAGE = """---
generator: Hugo 0.120
lang: en
title: {title} \\| Lin's Notes
viewport: width=device-width, initial-scale=1
---

::: {{#header .site-header}}
[Lin's Notes](https://lin.example/){{.site-title}}

- [Home](https://lin.example/){{.menu}}
- [Posts](https://lin.example/posts/){{.menu
  .active}}
:::

:::: {{#main}}
# {title} {{#title .post-title}}

[2021-07-08]{{.date}}

{body}

## Related posts {{#related}}

- [Another post](https://lin.example/posts/another/){{rel="bookmark"}}
::::
"""


def test_a_page_pandoc_converted_is_a_capture_not_a_posts_front_matter(tmp_path):
    write_files(tmp_path, {
        "a.md": PANDOC_PAGE.format(
            title="Rotary embeddings",
            body="Rotary embeddings build on [linear attention](https://lin.example/posts/"
                 "linear/){target=\"_blank\"} and rotate\npairs of dimensions."),
        "b.md": PANDOC_PAGE.format(title="Linear attention", body="Drops the softmax.")})
    r, cites = read_cites(tmp_path)
    assert {(p.title, p.date, p.sources[0].format) for p in r.posts} == {
        ("Rotary embeddings", "2021-07-08", CAPTURE), ("Linear attention", "2021-07-08", CAPTURE)}
    (rope,) = [p for p in r.posts if p.title == "Rotary embeddings"]
    assert rope.text == ("Rotary embeddings build on linear attention and rotate pairs of "
                         "dimensions.")
    assert [link.url for link in rope.links] == ["https://lin.example/posts/linear/"]
    assert any(f.reason.startswith("the page's <title> and <meta> values as Pandoc")
               for f in r.fragments)


def test_a_blogs_own_front_matter_is_no_pandoc_page(tmp_path):
    # a post's front matter with a title and a language, over a text with a raw div
    write_files(tmp_path, {"a.md": "---\ntitle: A post\nlang: en\n---\n\n<div class=\"note\">\n"
                                   "Hello.\n</div>\n\n## Comments\n\nMine.\n"})
    (post,) = read_paths([tmp_path]).posts
    assert post.sources[0].format != CAPTURE and "Mine" in post.text


def test_zhihus_published_line_ends_the_post_and_dates_it(tmp_path):
    page = ("[知乎](https://www.zhihu.com/)\n\n[小林的笔记](https://www.zhihu.com/column/c_1)\n\n"
            "# 旋转位置编码\n\n[小林](https://www.zhihu.com/people/lin)\n\n149 人赞同了该文章\n\n"
            "旋转位置编码把位置信息写进了向量的相位里，以后再展开。\n\n"
            "发布于 2020-03-04 18:45・IP 属地北京\n\n[机器学习](//www.zhihu.com/topic/1)\n\n"
            "写得很好，配合[这篇](https://zhuanlan.zhihu.com/p/2)一起看。\n\n### 推荐阅读\n")
    _, post = _one_page(tmp_path, page)
    assert (post.title, post.date, post.links) == ("旋转位置编码", "2020-03-04", ())


def test_the_pandoc_zoo_blog_is_read_as_captures():
    r = read_paths([PANDOC])
    assert {p.sources[0].format for p in r.posts} == {CAPTURE}
    assert all(p.url and p.url.startswith("https://www.cnblogs.com/") for p in r.posts)


def test_a_pandoc_page_with_its_title_and_language_alone(tmp_path):
    # no <meta name>: the escaped "|" of Pandoc's title, its dashes written back as "--",
    # divs fenced by their class name alone (as Pandoc writes a div of one class)
    page = ("---\nlang: zh-cn\ntitle: {title} \\\\| 测试博客\n---\n\n# {title} {{#t .post-title}}\n\n"
            "::: post-meta\n2020-03-04\n:::\n\n::: post-content\n{body}\n:::\n\n"
            "## 最近文章\n\n- [另一篇](/posts/other/)\n")
    dashed = "---\nlang: en\ntitle: Rotary embeddings -- Lin's Notes\n---\n\n" \
             "::: site\n[Lin's Notes](/)\n:::\n\n::: menu\n[Home](/)\n:::\n\n" \
             "::: post\n# Rotary embeddings\n\nThe post's words, long enough to read.\n:::\n"
    write_files(tmp_path, {
        "rope.md": page.format(title="旋转位置编码", body="见[线性注意力](/posts/linear/)。"),
        "linear.md": page.format(title="线性注意力", body="去掉了 softmax 的注意力。"),
        "en.md": dashed})
    r = read_paths([tmp_path])
    assert {(p.title, p.sources[0].format) for p in r.posts} == {
        ("旋转位置编码", CAPTURE), ("线性注意力", CAPTURE), ("Rotary embeddings", CAPTURE)}
    (rope,) = [p for p in r.posts if p.title == "旋转位置编码"]
    assert (rope.date, rope.text, [link.url for link in rope.links]) == (
        "2020-03-04", "见线性注意力。", ["/posts/linear/"])


def test_a_page_converted_with_links_by_reference(tmp_path):
    # html2text with inline_links = False: numbered references, listed after the theme's
    # furniture, one address on the line under its label, one wrapped at a hyphen, one
    # with its title on the next line
    page = ("[Lin's Notes][1]\n\n  * [Home][1]\n  * [About][2]\n\n# Rotary embeddings\n\n"
            "2020-03-04\n\nRotary embeddings build on [linear attention][3] and on\n"
            "[an idea][4], and [more][5] later.\n\n[« Previous: Linear attention][3]\n\n"
            "## Comments\n\nSee [this][6].\n\n   [1]: https://lin.example/\n"
            "   [2]: https://lin.example/about/\n   [3]:\nhttps://lin.example/linear/\n"
            "   [4]: https://lin.example/an-\nidea/\n   [5]: https://lin.example/more/ (More\n"
            "posts)\n   [6]: https://lin.example/other/\n")
    _, post = _one_page(tmp_path, page)
    assert post.title == "Rotary embeddings"
    assert [link.url for link in post.links] == [
        "https://lin.example/linear/", "https://lin.example/an-idea/",
        "https://lin.example/more/"]


def test_meta_lines_as_a_list_under_the_title(tmp_path):
    # Typecho's default theme: author, time and category as a list, each after its word
    page = ("[Lin's Notes](https://lin.example/)\n\n[Home](https://lin.example/) "
            "[About](https://lin.example/about/)\n\n"
            "# [旋转位置编码](https://lin.example/archives/12/)\n\n"
            "  * 作者: [小林](https://lin.example/author/1/)\n  * 时间: 2020-03-04\n"
            "  * 分类: [深度学习](https://lin.example/category/dl/)\n\n"
            "旋转位置编码把位置信息写进了向量的相位里，以后再展开。\n\n### 已有 1 条评论\n")
    _, post = _one_page(tmp_path, page)
    # the three items are the post's meta lines: its date, its category, no text
    assert post.text == "旋转位置编码把位置信息写进了向量的相位里，以后再展开。"
    assert (post.date, post.categories) == ("2020-03-04", ("深度学习",))


def test_a_home_page_titled_by_the_sites_name_and_tagline(tmp_path):
    menu = "[Lin's Notes](https://lin.example/)\n\n[About](https://lin.example/about/)\n\n"
    home = ("Lin's Notes | Notes on attention\n\n\n" + menu + "Notes on attention\n\n"
            "Rotary embeddings rotate pairs of dimensions; more in the post.\n\n"
            "Linear attention drops the softmax; more in the post.\n")
    post = ("Lin's Notes | Rotary embeddings\n\n\n" + menu + "## Rotary embeddings\n\n"
            "2020-03-04\n\nRotary embeddings rotate pairs of dimensions by an angle.\n\n"
            "## Comments\n")
    write_files(tmp_path, {"index.md": home, "rope.md": post})
    r = read_paths([tmp_path])
    assert [p.title for p in r.posts] == ["Rotary embeddings"]
    assert any(f.reason.startswith("the site's home page (its title is the site's name and")
               for f in r.fragments if f.path.endswith("index.md"))


def test_a_scrapers_page_under_front_matter(tmp_path):
    # a crawler's Markdown file: its metadata as front matter, then the whole page
    page = ('---\ntitle: "{title} | Lin\'s Notes"\nsourceURL: "https://lin.example/{slug}/"\n'
            "statusCode: 200\n---\n\n- [Lin's Notes](https://lin.example/)\n"
            "- [About](https://lin.example/about/)\n\n# {title}\n\n2021-07-08\n\n{body}\n\n"
            "## Related posts\n\n- [Another](https://lin.example/another/)\n")
    home = ('---\ntitle: "Lin\'s Notes"\nsourceURL: "https://lin.example/"\n---\n\n'
            "- [Lin's Notes](https://lin.example/)\n- [About](https://lin.example/about/)\n\n"
            + "".join(f"## [Post {n}](https://lin.example/p{n}/)\n\nA summary.\n\n"
                      for n in range(3)))
    # a post's own front matter naming the source it quotes, over the post's text
    own = ("---\ntitle: On a paper\nsource: https://arxiv.org/abs/1706.03762\n---\n\n"
           "[one](https://a.example/) and [two](https://b.example/) say so.\n\n"
           "# Notes\n\nThe paper's idea, in my words.\n\n## Comments\n\nMine.\n")
    write_files(tmp_path, {
        "rope.md": page.format(title="Rotary embeddings", slug="rope",
                               body="Builds on [linear attention](https://lin.example/linear/)."),
        "linear.md": page.format(title="Linear attention", slug="linear", body="No softmax."),
        "home.md": home, "own.md": own})
    r, cites = read_cites(tmp_path)
    assert cites == {("Rotary embeddings", "Linear attention")}
    (rope,) = [p for p in r.posts if p.title == "Rotary embeddings"]
    assert (rope.url, rope.date, rope.sources[0].format) == (
        "https://lin.example/rope/", "2021-07-08", CAPTURE)
    assert rope.text == "Builds on linear attention."
    (mine,) = [p for p in r.posts if p.title == "On a paper"]
    assert mine.sources[0].format != CAPTURE and "Mine" in mine.text
    assert any(f.path.endswith("home.md") and f.reason.startswith("the site's home page")
               for f in r.fragments)
