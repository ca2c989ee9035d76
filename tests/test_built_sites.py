"""A generator's built site read as it is (Hexo's ``public/``): which of its pages are
posts, the titles its themes write, and its search index beside the pages. The zoo's
``hexo-public/`` blog tests the whole path; these are the rules one by one."""

from __future__ import annotations

import html
import json

import pytest
from conftest import FIXTURES

from graphkit.boilerplate import strip_navigation_lines
from graphkit.crawl import _links
from graphkit.merge import merge_posts
from graphkit.model import Link, Post, Source
from graphkit.readers import read_paths
from graphkit.readers.frontmatter import url_aliases
from graphkit.readers.html import read_html, title_lists_aside
from graphkit.options import BuildOptions
from graphkit.pipeline import relate
from graphkit.readers.kexue import _taxonomy
from graphkit.sites import canonical_from_lead, date_archive_path, paper_id, site_page_kind

PROSE = ("<p>这一篇讨论位置编码的外推，并把旧的推导整理成更一般的形式，"
         "顺带回顾几种常见的做法与它们各自的长处。</p>")


def _page(title, body, *, head=""):
    return (f"<html><head><title>{title}</title>{head}</head><body><main><article>"
            f"<h1>{title}</h1>{body}</article></main></body></html>")


def _og(**values):
    return "".join(f'<meta property="og:{k}" content="{v}">' for k, v in values.items())


def test_a_month_archive_of_one_post_is_a_list_not_a_post():
    one = "<div class='post-title'><a href='/posts/extra/'>位置编码的外推实验</a></div>"
    posts, frags = read_html(_page("归档 | 测试博客", one), "site/archives/2021/07/index.html")
    assert posts == [] and "date archive" in frags[-1].reason
    posts, _ = read_html(_page("归档", one, head=_og(url="https://b.example/2021/07/12/")),
                         "saved/a.html")
    assert posts == []
    # a post's address goes on after its date; a year alone may be a post's number
    for path in ("site/2021/07/extra/index.html", "site/archives/2015/index.html"):
        (post,), _ = read_html(_page("位置编码的外推实验", PROSE), path)
        assert post.title == "位置编码的外推实验"
    assert date_archive_path("https://b.example/2021/7/")
    assert not date_archive_path("https://b.example/2021/13/")


def test_the_not_found_page_and_the_archive_index_are_no_posts():
    posts, frags = read_html(_page("页面不存在 | 测试博客", "<p>你访问的页面不存在。</p>"),
                             "site/404.html")
    assert posts == [] and "does not have" in frags[-1].reason
    posts, frags = read_html(_page("归档", "<p>共计 6 篇文章</p>"), "site/archives/index.html")
    assert posts == [] and "archive" in frags[-1].reason
    posts, frags = read_html(_page("测试博客", "<p>Proudly powered by Pelican.</p>"),
                             "output/tags.html")            # (Pelican's index of its tags)
    assert posts == [] and "tags" in frags[-1].reason
    # a post numbered 404 has text: it stays a post
    (post,), _ = read_html(_page("第四百零四篇", PROSE * 5), "site/archives/404.html")
    assert post.title == "第四百零四篇"
    assert site_page_kind("https://kexue.example/archives/404") is None


def test_the_content_is_the_markdown_body_not_the_previous_and_next_articles():
    page = ("<html><head><title>旋转位置编码</title></head><body><main>"
            "<article class='post-content'><h1>旋转位置编码</h1><div class='markdown-body'>"
            "<p>推导见<a href='/posts/linear/'>线性注意力</a>，这里只写直观的理解与例子。</p>"
            "</div><div class='post-prevnext'>"
            "<article class='post-prev'><a href='/posts/reading/'>浅读 上一篇</a></article>"
            "<article class='post-next'><a href='/posts/extra/'>外推 下一篇</a></article>"
            "</div></article></main></body></html>")
    (post,), frags = read_html(page, "site/posts/rope/index.html")
    assert [link.url for link in post.links] == ["/posts/linear/"]
    assert any("div.markdown-body" in f.reason for f in frags)


def test_links_holding_their_dates_make_a_list():
    def archive(n):
        return "".join(f"<a href='/posts/{i}/' class='list-group-item'><time>0{i + 1}-0{i + 1}"
                       f"</time><div>第{i}篇文章的标题</div></a>" for i in range(n))
    posts, frags = read_html(_page("归档", f"<div class='list-group'>{archive(3)}</div>"),
                             "site/years/2015.html")
    assert posts == [] and "each with its date" in frags[-1].reason
    (post,), _ = read_html(_page("归档", f"<div class='list-group'>{archive(2)}</div>"),
                           "site/years/2015.html")
    assert post.title == "归档"          # two are not enough: a post's previous and next
    # a post's own text around such links is most of the page: it stays a post
    (post,), _ = read_html(_page("周记", PROSE * 4 + archive(3)), "site/posts/w/index.html")
    assert post.title == "周记"


def test_a_page_titled_as_its_site_by_open_graph_is_a_list():
    head = _og(type="website", title="测试博客", site_name="测试博客")
    posts, frags = read_html(_page("测试博客", PROSE, head=head), "site/archives/2020/index.html")
    assert posts == [] and "og:title is the site's name" in frags[-1].reason
    head = _og(type="article", title="测试博客", site_name="测试博客")
    (post,), _ = read_html(_page("测试博客", PROSE, head=head), "site/posts/hello/index.html")
    assert post.title == "测试博客"      # an article that shares its site's name
    # a theme that writes the site's name as every page's og:title, its posts' <title>s
    # naming the post
    head = _og(type="website", title="测试博客", site_name="测试博客")
    (post,), _ = read_html(_page("甲篇 | 测试博客", PROSE, head=head), "site/posts/a/index.html")
    assert post.sources


def _keep_page(title):
    return (f"<html><head><title>\n   {title} |\n\n   测试博客\n</title></head><body><main>"
            f"<div class='post-content-container'><div class='post-title'>{title}</div>"
            f"<div class='post-meta'>2021-09-10 10:00:00</div>"
            f"<div class='post-content keep-markdown-body'>{PROSE}</div></div>"
            f"</main></body></html>")


def test_the_site_name_that_ends_most_titles_is_taken_off(tmp_path):
    for slug, title in (("a", "甲篇"), ("b", "乙篇"), ("c", "丙篇")):
        (tmp_path / slug).mkdir()
        (tmp_path / slug / "index.html").write_text(_keep_page(title), encoding="utf-8")
    home = ("<html><head><title>测试博客</title></head><body><main><div class='item'>"
            + PROSE + "<a href='/a/'>甲篇</a></div></main></body></html>")
    (tmp_path / "index.html").write_text(home, encoding="utf-8")
    r = read_paths([tmp_path])
    assert {p.title for p in r.posts} == {"丙篇", "乙篇", "甲篇"}
    assert any("titled by the site's name alone" in f.reason for f in r.fragments)
    # the title's wrapper is passed through to the content: no title or date line in it
    assert all(p.text.startswith("这一篇") for p in r.posts)
    (tmp_path / "c" / "index.html").unlink()      # two pages of three: not the site's name
    r = read_paths([tmp_path])
    assert {p.title for p in r.posts} == {"测试博客", "乙篇 | 测试博客", "甲篇 | 测试博客"}


def test_a_search_index_row_gives_way_to_the_page_it_names(tmp_path):
    page = ("<html><head><title>甲篇</title></head><body><main><article><h1>甲篇</h1>"
            "<div class='post-body'><p>推导见<a href='/posts/b/'>乙篇</a>，"
            "这里只写直观的理解。</p></div></article></main></body></html>")
    for slug in ("a", "b"):
        (tmp_path / "posts" / slug).mkdir(parents=True)
        (tmp_path / "posts" / slug / "index.html").write_text(
            page.replace("甲篇", "乙篇") if slug == "b" else page, encoding="utf-8")
    rows = [{"title": t, "url": f"/posts/{s}/", "content": "推导见乙篇，这里只写直观的理解。"
             " 以上就是本文的全部内容，更多细节可以阅读原文与代码。"} for s, t in (("a", "甲篇"), ("b", "乙篇"))]
    (tmp_path / "search.json").write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
    r = read_paths([tmp_path])
    assert len(r.posts) == 2
    a = next(p for p in r.posts if p.title == "甲篇")
    assert [link.url for link in a.links] == ["/posts/b/"] and "以上就是" not in a.text
    assert {s.path.rsplit("/", 1)[-1] for s in a.sources} == {"search.json", "index.html"}


def test_the_longer_text_leads_and_the_address_with_its_host():
    """A source and its rendering (Nikola copies the Markdown beside the page): the
    rendering's heading links (``#anchor``, or absolute) are no reason to take its text;
    the page's address with its host is kept over a row's path alone."""
    src = (Source(path="posts/a/index.html", line=1, format="html"),)
    page = Post(key="a", title="甲篇", label="甲篇", url="https://b.example/a/",
                text="小节 #\n推导。", sources=src,
                links=tuple(Link(url=f"#s{i}", anchor="#", sentence="小节 #") for i in range(5)))
    source = Post(key="b", title="甲篇", label="甲篇", url="/a/", text="开头见乙篇。小节\n推导。",
                  links=(Link(url="site-ref:b", anchor="乙篇", sentence="开头见乙篇。"),),
                  sources=(Source(path="posts/a/index.md", line=1, format="metadata-header"),))
    (post,) = merge_posts([page, source])
    assert post.text == source.text and post.links == source.links
    assert post.url == "https://b.example/a/"


def test_papers_served_by_their_arxiv_number_are_the_arxiv_paper():
    assert paper_id("https://papers.cool/arxiv/1809.05861") == "arxiv:1809.05861"
    assert paper_id("https://papers.cool/venue/ICLR.2024") is None
    # a post naming its paper as its original is not that paper's page
    lead = ["> 这篇文章是我们论文的中文版。",
            "> 原文地址： [《f-VAEs》](https://arxiv.org/abs/1809.05861)"]
    assert canonical_from_lead(lead) is None
    assert canonical_from_lead(["原文链接：https://blog.example/a/"]) == (
        "https://blog.example/a/", 0)


def test_the_comment_count_after_the_last_tag_is_no_tag():
    line = ("分类： [信息时代](https://kexue.fm/category/Big-Data)    标签： [GAN](https://kexue.fm/"
            "tag/GAN/), [生成模型](https://kexue.fm/tag/x/)[4 评论](https://kexue.fm/archives/7210#"
            "comments)\\")
    assert _taxonomy(line) == (("信息时代",), ("GAN", "生成模型"))


def test_addresses_that_are_no_addresses_do_not_stop_a_read():
    # a host in brackets that is no IPv6 address makes urljoin raise
    page = ("<html><head><title>甲 - 博客</title><link rel='canonical' href='https://b.example/"
            "a/'></head><body><h1><a href='http://[x/'>博客</a></h1><h1>甲</h1>" + PROSE
            + "</body></html>")
    (post,), _ = read_html(page, "a.html")
    assert post.title == "甲"
    assert _links("<a href='http://[x/'>x</a><a href='/ok'>y</a>", "https://b.example/") == [
        ("https://b.example/ok", "", "y")]
    # a protocol-relative link to a Tumblr post (it recursed without end)
    assert "tumblr/645400000000000004" in url_aliases("//x.tumblr.com/post/645400000000000004/a")


def test_blocks_opening_with_a_linked_heading_make_a_list():
    def sections(n):
        return "".join(f"<section><h2><a href='/posts/{i}/'>第{i}篇</a></h2><p>第{i}篇的摘要，"
                       f"写了一些内容。</p></section>" for i in range(n))
    page = f"<html><head><title>测试博客</title></head><body><main>{sections(3)}</main></body></html>"
    posts, frags = read_html(page, "public/index.html")      # (hugo new theme's home page)
    assert posts == [] and "3 × section, each opening with a heading" in frags[-1].reason
    page = f"<html><head><title>测试博客</title></head><body><main>{sections(2)}</main></body></html>"
    assert len(read_html(page, "public/index.html")[0]) == 1
    # a series' index written in Markdown: headings that link, but no blocks around them
    index = "".join(f"<h2><a href='/posts/{i}/'>第{i}篇</a></h2><p>第{i}篇讲了一些内容。</p>"
                    for i in range(4))
    (post,), _ = read_html(_page("系列索引", index), "public/posts/index-of-series/index.html")
    assert len(post.links) == 4
    # WordPress' "More posts" after the post's content
    more = "".join(f"<div class='wp-block-group'><h2><a href='/p/{i}/'>另一篇{i}</a></h2></div>"
                   for i in range(4))
    page = (f"<html><head><title>甲</title></head><body><main><h1>甲</h1>"
            f"<div class='entry-content'><p>短短一句。</p></div>{more}</main></body></html>")
    (post,), _ = read_html(page, "public/a/index.html")
    assert post.title == "甲" and post.links == ()


def test_a_feed_of_tags_holds_no_posts():
    from graphkit.readers import read_text

    def rss(items):
        return ('<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
                "<title>Tags on 测试博客</title><link>https://h.example/tags/</link>"
                + "".join(f"<item><title>{t}</title><link>https://h.example{u}</link>"
                          f"<description>{t}</description></item>" for t, u in items)
                + "</channel></rss>")
    # Hugo writes a feed for every list page: tags/index.xml's items are the tags
    _, posts, frags = read_text(rss([("GAN", "/tags/gan/"), ("VAE", "/tags/vae/")]),
                                "public/tags/index.xml")
    assert posts == [] and all("a tag's or a category's" in f.reason for f in frags)
    _, posts, _ = read_text(rss([("甲篇", "/posts/a/"), ("tags 的用法", "/posts/tags-usage/")]),
                            "public/tags/gan/index.xml")
    assert sorted(p.title for p in posts) == ["tags 的用法", "甲篇"]


def test_a_heading_anchors_zero_width_space_is_no_part_of_the_title():
    from graphkit.text import normalize_title

    # VitePress ends each heading with <a class="header-anchor">&ZeroWidthSpace;</a>
    page = ("<html><head><title>甲篇 | 测试博客</title></head><body><main><div class='vp-doc'>"
            "<h1 id='甲篇'>甲篇 <a class='header-anchor' href='#甲篇'>&ZeroWidthSpace;</a></h1>"
            + PROSE + "</div></main></body></html>")
    (post,), _ = read_html(page, "dist/posts/a.html")
    assert post.title == "甲篇"
    assert normalize_title("甲篇\u200b") == normalize_title("\ufeff甲篇") == normalize_title("甲篇")


def _typed_page(title, kind, body, host="notes.example", slug="x"):
    head = _og(type=kind, title=title, site_name="小林的笔记", url=f"https://{host}/{slug}/")
    return _page(title, body, head=head)


def _write_typed_pages(folder, pages):
    """Each page of ``pages`` (slug: (title, og:type, body)) at ``folder/slug/``."""
    for slug, (title, kind, body) in pages.items():
        (folder / slug).mkdir()
        (folder / slug / "index.html").write_text(
            _typed_page(title, kind, body, slug=slug), encoding="utf-8")


def test_the_pages_a_site_marks_as_no_article_are_no_posts(tmp_path):
    about = ("<p>这里记录注意力机制的学习笔记，可以先读<a href='/a/'>甲篇</a>和"
             "<a href='/b/'>乙篇</a>。</p>")
    pages = {"a": ("甲篇", "article", PROSE), "b": ("乙篇", "article", PROSE),
             "c": ("丙篇", "article", PROSE), "about": ("关于", "website", about)}
    _write_typed_pages(tmp_path, pages)
    r = read_paths([tmp_path])
    assert sorted(p.title for p in r.posts) == ["丙篇", "乙篇", "甲篇"]
    (why,) = [f.reason for f in r.fragments if "og:type is website" in f.reason]
    assert "notes.example" in why
    # another site's page of type website, read beside them, is not this site's to judge
    (tmp_path / "saved.html").write_text(
        _typed_page("别处的文章", "website", PROSE, host="other.example"), encoding="utf-8")
    assert "别处的文章" in {p.title for p in read_paths([tmp_path]).posts}
    # a site that marks its posts as website too says nothing: every page stays a post
    for slug in "abc":
        page = tmp_path / slug / "index.html"
        page.write_text(page.read_text(encoding="utf-8").replace('"article"', '"website"'),
                        encoding="utf-8")
    assert len(read_paths([tmp_path]).posts) == 5


def test_the_search_index_row_of_a_page_set_aside_is_no_post(tmp_path):
    """A theme's search index (``search.json``) lists the about page beside the posts,
    by its path and without a date: the page is no post (its og:type says so), and
    neither is its row, which is reported with the page that decided it; the posts'
    rows stay one post each with their pages."""
    pages = {"a": ("甲篇", "article", PROSE), "b": ("乙篇", "article", PROSE),
             "c": ("丙篇", "article", PROSE), "about": ("关于", "website", PROSE)}
    _write_typed_pages(tmp_path, pages)
    # (the index holds each page's text flattened: code that shows a link reads as one)
    rows = [{"title": t, "path": f"/{slug}/", "content": "写作 [乙篇](/b/) 即可链接。"}
            for slug, (t, _, _) in pages.items()]
    (tmp_path / "search.json").write_text(json.dumps(rows, ensure_ascii=False),
                                          encoding="utf-8")
    r = read_paths([tmp_path])
    assert sorted(p.title for p in r.posts) == ["丙篇", "乙篇", "甲篇"]
    assert all(len(p.sources) == 2 for p in r.posts)
    (row,) = [f for f in r.fragments if f.path.endswith("search.json")]
    assert row.text == "关于" and "about/index.html" in row.reason
    edges, _, _ = relate(r.posts, options=BuildOptions(layers=("cites",)))
    assert edges == []          # each row gave way to its page: its text, its links


def test_a_link_to_a_dated_source_file_is_the_post_of_that_day():
    from graphkit.relate import TitleIndex

    def built(slug, day, title):
        url = f"https://b.example/{day.replace('-', '/')}/{slug}/"
        return Post(key=f"post:{slug}@{day}", title=title, label=title, date=day, url=url,
                    aliases=tuple(sorted(url_aliases(url))))
    index = TitleIndex([built("rope", "2020-03-04", "旋转位置编码"),
                        built("rope", "2021-05-06", "旋转位置编码（二）")])
    base = "https://b.example/2022/01/01/extra/"
    # Jekyll leaves a post's link to another's file as written: the slug of that day
    assert index.resolve_url("2020-03-04-rope.md", base=base) == "post:rope@2020-03-04"
    assert index.resolve_url("../2021-05-06-rope.markdown#a", base=base) == \
        "post:rope@2021-05-06"
    assert index.resolve_url("2019-01-01-rope.md", base=base) is None     # no post that day
    assert index.resolve_url("2020-03-04-rope.png", base=base) is None    # not a source file
    # the page shows the day in the site's time zone, a day off the file's: that post
    assert index.resolve_url("2020-03-03-rope.md", base=base) == "post:rope@2020-03-04"
    assert index.resolve_url("2021-05-07-rope.md", base=base) == "post:rope@2021-05-06"
    assert index.resolve_url("2020-03-02-rope.md", base=base) is None     # two days off
    assert index.resolve_url("2020-02-30-rope.md", base=base) is None     # no such day


def test_a_wordpress_page_beside_its_posts_is_no_post(tmp_path):
    def saved(title, body_class, text):
        return (f"<html><head><title>{title} – 小林的笔记</title></head><body class='"
                f"{body_class}'><main><article><h1>{title}</h1>{text}</article></main>"
                "</body></html>")
    for i, title in enumerate(("甲篇", "乙篇", "丙篇"), 1):
        (tmp_path / f"p{i}.html").write_text(
            saved(title, f"single single-post postid-{i}", PROSE), encoding="utf-8")
    (tmp_path / "about.html").write_text(saved("关于", "page-template-default page page-id-9",
                                               "<p>先读<a href='p1.html'>甲篇</a>。</p>" + PROSE),
                                         encoding="utf-8")
    r = read_paths([tmp_path])
    assert sorted(p.title for p in r.posts) == ["丙篇", "乙篇", "甲篇"]
    assert any("wp:type is page" in f.reason for f in r.fragments)


def test_a_wordpress_exports_titles_are_html(tmp_path):
    """WordPress stores a title as HTML and exports it so (``&amp;``, ``&gt;``); the
    post's page shows ``&``, and other posts cite it so."""
    def item(pid, slug, title, body, tag):
        return (f"<item><title><![CDATA[{title}]]></title><link>https://wp.example/{slug}/"
                f"</link><content:encoded><![CDATA[{body}]]></content:encoded><category "
                f'domain="post_tag" nicename="t{pid}"><![CDATA[{tag}]]></category><wp:post_id>'
                f"{pid}</wp:post_id><wp:post_date>2021-05-0{pid} 10:00:00</wp:post_date>"
                f"<wp:post_name>{slug}</wp:post_name><wp:status>publish</wp:status>"
                "<wp:post_type>post</wp:post_type></item>")
    (tmp_path / "export.xml").write_text(
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:content="http://purl.'
        'org/rss/1.0/modules/content/" xmlns:wp="http://wordpress.org/export/1.2/"><channel>'
        + item(1, "qp", "BiGAN-QP：编码&amp;生成模型", "<p>" + PROSE + "</p>", "GAN &amp; VAE")
        + item(2, "dim", "维度公式“n &gt; 8.33 log N”", "<p>参考《BiGAN-QP：编码&生成模型》"
               "一文的做法，这里换一个角度。</p>", "维度")
        + "</channel></rss>", encoding="utf-8")
    r = read_paths([tmp_path])
    titles = {p.title: p for p in r.posts}
    assert set(titles) == {"BiGAN-QP：编码&生成模型", "维度公式“n > 8.33 log N”"}
    assert titles["BiGAN-QP：编码&生成模型"].tags == ("GAN & VAE",)
    from graphkit.pipeline import relate
    from graphkit.options import BuildOptions
    edges, _, _ = relate(r.posts, options=BuildOptions(layers=("cites",)))
    assert [(e.source, e.target) for e in edges] == [
        (titles["维度公式“n > 8.33 log N”"].key, titles["BiGAN-QP：编码&生成模型"].key)]


def test_a_few_stray_nul_bytes_leave_a_built_page_text(tmp_path):
    """Docusaurus 3's build left NUL bytes inside the sentences of 818 of its 933 pages
    (one to dozens each, under 0.06 % of their bytes): each page is still its post."""
    page = _page("旋转位置编码", PROSE.replace("位置", "位\x00置") +
                 "<p>推导见<a href='/linear/'>线性注意力</a>。</p>")
    (tmp_path / "rope.html").write_bytes(page.encode("utf-8"))
    r = read_paths([tmp_path])
    (post,) = r.posts
    assert "位置编码的外推" in post.text and "\x00" not in post.text
    assert [link.url for link in post.links] == ["/linear/"]
    assert [f.line for f in r.fragments if "NUL byte" in f.reason] == [1]
    # a binary file is still one: NUL bytes throughout, or bytes that are not UTF-8
    from graphkit.readers import decode_report
    from graphkit.errors import InputError
    for data in (b"PK\x03\x04" + bytes(range(256)) * 4, "文字".encode() * 40 + b"\x00" * 10):
        with pytest.raises(InputError, match="binary"):
            decode_report(data, "x.bin")


def test_the_pages_of_a_paginated_list_and_a_posts_next_links_are_no_posts(tmp_path):
    """eleventy-base-blog's pages: a list of every page paginated at /page-list/N/ (a
    table of addresses and titles, titled by the site's name, undated), and each post's
    links to the next and previous posts in ``ul.links-nextprev``."""
    rows = "".join(f"<tr><td><a href='/posts/{s}/'><code>/posts/{s}/</code></a></td><td>{t}"
                   f"</td></tr>" for s, t in (("a", "甲篇"), ("b", "乙篇"), ("c", "丙篇")))
    for n in ("", "1/", "2/"):
        (tmp_path / "page-list" / n).mkdir(parents=True, exist_ok=True)
        (tmp_path / "page-list" / n / "index.html").write_text(
            f"<html><head><title>测试博客</title></head><body><main><table>{rows}</table>"
            "</main></body></html>", encoding="utf-8")
    for slug, title, other in (("a", "甲篇", "b"), ("b", "乙篇", "c"), ("c", "丙篇", "a")):
        (tmp_path / "posts" / slug).mkdir(parents=True)
        (tmp_path / "posts" / slug / "index.html").write_text(
            f"<html><head><title>{title}</title></head><body><main><h1>{title}</h1>"
            f"<time datetime='2021-0{ord(slug) - 96}-01'>2021</time>{PROSE}"
            f"<ul class='links-nextprev'><li>Next <a href='/posts/{other}/'>下一篇</a></li>"
            "</ul></main></body></html>", encoding="utf-8")
    r = read_paths([tmp_path])
    assert sorted(p.title for p in r.posts) == ["丙篇", "乙篇", "甲篇"]
    assert all(p.links == () for p in r.posts)
    assert sum("one of 3 pages of one list" in f.reason for f in r.fragments) == 3
    # two such pages are not enough, and dated pages of one title are posts (a column)
    (tmp_path / "page-list" / "2" / "index.html").unlink()
    assert "测试博客" in {p.title for p in read_paths([tmp_path]).posts}
    for n in (1, 2, 3):
        (tmp_path / "weekly" / str(n)).mkdir(parents=True)
        (tmp_path / "weekly" / str(n) / "index.html").write_text(
            f"<html><head><title>周记</title>{_og(url=f'https://b.example/weekly/{n}/')}"
            f"</head><body><main><h1>周记</h1><time datetime="
            f"'2021-03-0{n}'>3月{n}日</time>{PROSE}</main></body></html>", encoding="utf-8")
    assert sum(p.title == "周记" for p in read_paths([tmp_path]).posts) == 3


def _site_of_posts(folder, n, *, line=lambda i: "", dated=True):
    """``n`` posts as a built site's pages (``/posts/pI/``), each with ``line(i)`` after
    its text."""
    for i in range(n):
        (folder / "posts" / f"p{i}").mkdir(parents=True, exist_ok=True)
        when = f"<time datetime='2021-03-{i + 1:02d}'>3月{i + 1}日</time>" if dated else ""
        (folder / "posts" / f"p{i}" / "index.html").write_text(
            f"<html><head><title>第{i}篇</title></head><body><main><h1>第{i}篇</h1>{when}"
            f"<div class='post'>{PROSE}</div><hr><ul>{line(i)}</ul></main></body></html>",
            encoding="utf-8")


def _about_page(folder, where, *, title="关于", dated=""):
    """An about page at ``where`` (``about/index.html``) beside the posts of
    :func:`_site_of_posts`, after its heading ``dated`` (a ``<time>``), linking the
    second post."""
    (folder / where).mkdir(parents=True)
    (folder / where / "index.html").write_text(
        f"<html><head><title>{title}</title></head><body><main><h1>{title}</h1>{dated}<div "
        f"class='post'>{PROSE}<p>欢迎先读<a href='/posts/p1/'>第1篇</a>。</p></div></main>"
        "</body></html>", encoding="utf-8")


def _cited(r):
    return {(p.title, link.url) for p in r.posts for link in p.links}


def test_a_templates_unclassed_next_and_previous_lines_are_no_citations(tmp_path):
    """eleventy-base-blog's older post layout: ``<ul><li>Next: <a>…</a></li>`` after the
    post, with no class. The words around the link repeat in every post; its text and
    target change."""
    def nav(i):
        return "".join(f"<li>{word}: <a href='/posts/p{j}/'>第{j}篇</a></li>"
                       for word, j in (("Next", i + 1), ("Previous", i - 1)) if 0 <= j < 10)
    _site_of_posts(tmp_path, 10, line=nav)
    r = read_paths([tmp_path])
    assert len(r.posts) == 10 and _cited(r) == set()
    assert not any("Next" in p.text or "Previous" in p.text for p in r.posts)
    reasons = sorted(f.reason for f in r.fragments if f.reason.startswith("navigation"))
    assert len(reasons) == 2 and "'next: …'" in reasons[0] and "in 9 of 10 html" in reasons[0]


def test_an_authors_own_labelled_links_are_citations(tmp_path):
    """A series' "上一篇：" written by its author in 2 posts of 10 is the author's link;
    in all 10 it is the template's. A label linking another site is never navigation."""
    def own(i):
        return f"<li>上一篇：<a href='/posts/p{i - 1}/'>第{i - 1}篇</a></li>" if i in (4, 5) else ""
    _site_of_posts(tmp_path, 10, line=own)
    assert _cited(read_paths([tmp_path])) == {("第4篇", "/posts/p3/"), ("第5篇", "/posts/p4/")}

    def everywhere(i):
        return f"<li>上一篇：<a href='/posts/p{(i - 1) % 10}/'>第{(i - 1) % 10}篇</a></li>"
    _site_of_posts(tmp_path, 10, line=everywhere)
    assert _cited(read_paths([tmp_path])) == set()

    def paper(i):
        url = f"https://arxiv.org/abs/2101.0{i:04d}"
        return f"<li>论文链接：<a href='{url}'>{url}</a></li>"
    _site_of_posts(tmp_path, 10, line=paper)
    assert len(_cited(read_paths([tmp_path]))) == 10

    def sentence(i):          # the same short sentence around a link: the author's words
        j = (i + 3) % 10
        return f"<li>相关的讨论见<a href='/posts/p{j}/'>第{j}篇</a>，欢迎阅读。</li>"
    _site_of_posts(tmp_path, 10, line=sentence)
    assert len(_cited(read_paths([tmp_path]))) == 10


def test_an_authors_see_also_lines_in_every_built_page_are_citations(tmp_path):
    """A ``See also: [X](…)`` line of the author's under every post, built: the same
    label in every page as a template's ``Next:`` is, but linking any post, not the one
    just before or after it by date, as a template's previous and next links do."""
    def also(i):
        j = (i * 3 + 4) % 10
        return f"<li>See also: <a href='/posts/p{j}/'>第{j}篇</a></li>"
    _site_of_posts(tmp_path, 10, line=also)
    r = read_paths([tmp_path])
    assert len(_cited(r)) == 10
    assert not any(f.reason.startswith("navigation") for f in r.fragments)

    def after(i):
        return f"<li>See also: <a href='/posts/p{i + 1}/'>第{i + 1}篇</a></li>" if i < 9 else ""
    _site_of_posts(tmp_path, 10, line=after)
    assert _cited(read_paths([tmp_path])) == set()


def test_a_posts_page_and_its_feed_entries_are_one_post_when_counting_repeats(tmp_path):
    """A site built without its ``url`` (Jekyll with no ``url:``, a Hugo feed per tag):
    each post's page, named by a canonical link without a host, and its entries in
    five feeds, named by the same path, are one post, so its own paragraphs repeat in
    one post, not in six, and its links stay citations."""
    for i in range(6):
        (tmp_path / "2021").mkdir(exist_ok=True)
        (tmp_path / "2021" / f"p{i}.html").write_text(
            f"<html><head><title>第{i}篇</title><link rel='canonical' href='/2021/p{i}.html'>"
            f"</head><body><article><h1>第{i}篇</h1><time datetime='2021-03-0{i + 1}'>3月"
            f"</time><p>第{i}篇的正文讨论位置编码的外推，并把旧的推导整理成更一般的形式，"
            f"详见<a href='/2021/p{(i + 2) % 6}.html'>另一篇</a>的推导。</p></article></body>"
            "</html>", encoding="utf-8")
    entries = "".join(
        f"<item><title>第{i}篇</title><link>/2021/p{i}.html</link><pubDate>Mon, 0{i + 1} Mar "
        f"2021 08:00:00 +0000</pubDate><description><![CDATA[<p>第{i}篇的正文讨论位置编码的外推，"
        f"并把旧的推导整理成更一般的形式，详见<a href='/2021/p{(i + 2) % 6}.html'>另一篇</a>"
        "的推导。</p>]]></description></item>" for i in range(6))
    for feed in ("feed.xml", "a/index.xml", "b/index.xml", "c/index.xml", "d/index.xml"):
        (tmp_path / feed).parent.mkdir(exist_ok=True)
        (tmp_path / feed).write_text(f"<?xml version='1.0'?><rss version='2.0'><channel><title>"
                                     f"博客</title>{entries}</channel></rss>", encoding="utf-8")
    r = read_paths([tmp_path])
    assert len(r.posts) == 6 and len({link.url for p in r.posts for link in p.links}) == 6
    assert not any(f.reason.startswith("boilerplate") for f in r.fragments)


def test_an_authors_link_sentence_inside_a_paragraph_is_a_citation_in_every_post(tmp_path):
    """``… See <a>that post</a>. …`` in every post: the words around the link repeat,
    but the sentence sits inside a paragraph of prose, as no template's line does."""
    def see(i):
        j = (i + 3) % 10
        return (f"<li>The proof is longer than this post. See <a href='/posts/p{j}/'>"
                f"the post {j}</a>. It also covers the general case.</li>")
    _site_of_posts(tmp_path, 10, line=see)
    r = read_paths([tmp_path])
    assert len(_cited(r)) == 10
    assert not any(f.reason.startswith("navigation") for f in r.fragments)


def test_an_authors_next_and_previous_lines_in_a_jekyll_source_are_citations(tmp_path):
    """A series written in Jekyll's sources, each part ending in the author's own
    ``Next: [Part N](/2021/03/DD/part-N.html)`` line (the address Jekyll's default
    permalink gives): a template's lines are in the pages it renders, never in the
    Markdown an author wrote."""
    (tmp_path / "_posts").mkdir()
    (tmp_path / "_config.yml").write_text("title: Notes\n", encoding="utf-8")
    for i in range(8):
        nav = f"\n\nNext: [Part {i + 1}](/2021/03/{i + 2:02d}/part-{i + 1}.html)" if i < 7 else ""
        (tmp_path / "_posts" / f"2021-03-{i + 1:02d}-part-{i}.md").write_text(
            f"---\ntitle: Part {i}\n---\nPart {i} works through the sampler's variance "
            f"bound of order {i} and how the prior enters it, step by step.{nav}\n",
            encoding="utf-8")
    r = read_paths([tmp_path])
    assert len(_cited(r)) == 7 and all("Next: Part" in p.text for p in r.posts
                                       if p.title != "Part 7")
    assert not any(f.reason.startswith("navigation") for f in r.fragments)


def test_a_templates_unclassed_list_of_related_posts_is_no_citation(tmp_path):
    """A theme's related posts in an unclassed ``<div>`` under a heading, inside the
    post's ``<article>``: the heading repeats in every post, the list's links change. An
    author's "Further reading" list in 2 posts of 10 stays; so do the list's links in
    the posts' sources, as their author wrote them."""
    def page(i, after):
        return (f"<html><head><title>第{i}篇</title></head><body><article><h1>第{i}篇</h1>"
                f"<time datetime='2021-03-{i + 1:02d}'>3月{i + 1}日</time>{PROSE}{after}"
                "</article></body></html>")

    def related(i, heading="相关文章"):
        items = "".join(f"<li><a href='/posts/p{j % 10}/'>第{j % 10}篇</a> ({j % 10}月)</li>"
                        for j in (i + 1, i + 2, i + 5))
        return f"<div><h3>{heading}</h3><ul>{items}</ul></div>"
    for i in range(10):
        (tmp_path / "posts" / f"p{i}").mkdir(parents=True)
        (tmp_path / "posts" / f"p{i}" / "index.html").write_text(page(i, related(i)),
                                                                  encoding="utf-8")
    r = read_paths([tmp_path])
    assert len(r.posts) == 10 and _cited(r) == set()
    assert not any("相关文章" in p.text for p in r.posts)
    (reason,) = [f.reason for f in r.fragments if f.reason.startswith("navigation")]
    assert "the heading '相关文章' over a list" in reason and "in 10 of 10 html" in reason
    for i in range(10):
        (tmp_path / "posts" / f"p{i}" / "index.html").write_text(
            page(i, related(i, "延伸阅读") if i in (3, 7) else ""), encoding="utf-8")
    assert len(_cited(read_paths([tmp_path]))) == 6


def test_an_aside_of_links_is_the_themes_and_an_aside_of_prose_the_authors():
    """Readability drops a page's ``<aside>``; one inside the post that is mostly links
    (related posts, on a page read alone, with no other page to compare) is the theme's,
    one of prose with a link (a callout, as Starlight draws ``:::note``) the author's."""
    aside = ("<aside><h3>Related</h3><ul><li><a href='/posts/a/'>Post A on samplers</a></li>"
             "<li><a href='/posts/b/'>Post B on priors</a></li></ul></aside>")
    note = ("<aside class='starlight-aside'><p>The lemma's proof is in <a href='/posts/lemma/'>"
            "the lemma post</a>, which covers the general case too.</p></aside>")
    (post,), frags = read_html(f"<html><head><title>甲</title></head><body><article><h1>甲"
                               f"</h1>{PROSE}{note}{aside}</article></body></html>", "a.html")
    assert [x.url for x in post.links] == ["/posts/lemma/"] and "Post A" not in post.text
    assert any("1 element: aside" in f.reason for f in frags)


def test_an_undated_page_the_sites_menu_links_is_no_post(tmp_path):
    """Posts at the top of the site (``/a.html``) beside ``/about/``: no folder and no
    feed tell the about page from the posts, but the menu in every page's ``<header>``
    links it. A post the menu links is dated and stays; a menu on too few pages (the
    about page's own and one other) is no evidence."""
    def page(name, title, when="", menu=True):
        head = ("<header><a href='/'>博客</a> <nav><a href='/about/'>关于</a> "
                "<a href='/p2.html'>精选</a></nav></header>") if menu else ""
        return (f"<html><head><title>{title}</title></head><body>{head}<article><h1>{title}"
                f"</h1>{when}{PROSE}<p>欢迎先读<a href='/p1.html'>第1篇</a>。</p></article>"
                "</body></html>")
    for i in range(5):
        (tmp_path / f"p{i}.html").write_text(page(
            f"p{i}", f"第{i}篇", f"<time datetime='2021-03-0{i + 1}'>3月</time>"), encoding="utf-8")
    (tmp_path / "about").mkdir()
    (tmp_path / "about" / "index.html").write_text(page("about", "关于"), encoding="utf-8")
    r = read_paths([tmp_path])
    assert sorted(p.title for p in r.posts) == [f"第{i}篇" for i in range(5)]
    assert any("linked by the site's menu on 6 of its 6 pages" in f.reason
               and f.path.endswith("about/index.html") for f in r.fragments)
    for i in range(1, 5):
        (tmp_path / f"p{i}.html").write_text(page(
            f"p{i}", f"第{i}篇", f"<time datetime='2021-03-0{i + 1}'>3月</time>", menu=False),
            encoding="utf-8")
    assert "关于" in {p.title for p in read_paths([tmp_path]).posts}


def test_one_absolute_link_of_a_site_that_names_no_address_of_its_own(tmp_path):
    """A static export with no canonical link, no ``og:url`` and no feed (Vercel's blog
    starter as it comes): one post links another once, by its absolute address. The
    link's whole path, a folder and a name, is that of a post read without an address:
    the host is the site's. A path of one part (``/about/``) is no such evidence, nor a
    path that a post with an address of another host has."""
    def cites(link, *, own=""):
        for i in range(6):
            (tmp_path / "posts" / f"p{i}").mkdir(parents=True, exist_ok=True)
            (tmp_path / "posts" / f"p{i}" / "index.html").write_text(
                f"<html><head><title>第{i}篇</title>{own if i == 3 else ''}</head><body>"
                f"<article><h1>第{i}篇</h1><time datetime='2021-03-0{i + 1}'>3月</time>"
                f"{PROSE}{link if i == 0 else ''}</article></body></html>", encoding="utf-8")
        posts = read_paths([tmp_path]).posts
        edges, _, _ = relate(posts, options=BuildOptions(layers=("cites",)))
        title = {p.key: p.title for p in posts}
        return {(title[e.source], title[e.target]) for e in edges if e.target in title}
    link = "<p>证明见<a href='https://www.jane.dev/posts/p3/'>第三篇</a>。</p>"
    assert cites(link) == {("第0篇", "第3篇")}
    assert cites(link, own=_og(url="https://other.example/posts/p3/")) == set()
    assert cites(link.replace("/posts/p3/", "/p3/")) == set()


def test_the_share_of_posts_that_makes_a_template_line_matters():
    links = [Link(url=f"/posts/p{i}/", anchor=f"第{i}篇", sentence=f"Next: 第{i}篇")
             for i in range(20)]
    posts = [Post(key=f"post:{i}", title=f"第{i}篇", label=f"第{i}篇",
                  text=f"正文第{i}段。" + (f"\nNext: 第{i}篇" if i < 12 else ""),
                  links=(links[i],) if i < 12 else (),
                  sources=(Source(path=f"site/p{i}.html", line=1, format="html"),))
             for i in range(20)]
    kept, frags = strip_navigation_lines(posts)               # 12 of 20 ≥ half
    assert all(not p.links and "Next" not in p.text for p in kept) and len(frags) == 1
    kept, frags = strip_navigation_lines(posts, min_share=0.7)
    assert [p.links for p in kept] == [p.links for p in posts] and frags == []
    assert posts[0].links == (links[0],)                       # (not modified)
    kept, frags = strip_navigation_lines(posts, formats=("front-matter",))
    assert [p.links for p in kept] == [p.links for p in posts] and frags == []
    kept, frags = strip_navigation_lines(posts, formats=("html",))
    assert all(not p.links for p in kept) and len(frags) == 1


def test_undated_pages_a_complete_feed_leaves_out_are_no_posts(tmp_path):
    """eleventy-base-blog's about page and its list of every page are undated, and its
    feed names every post. A feed that misses a dated page is no evidence. (The page
    here is among the posts, ``/posts/about/``: one above them all is no post anyway.)"""
    _site_of_posts(tmp_path, 4)
    _about_page(tmp_path, "posts/about")
    entries = "".join(f"<entry><title>第{i}篇</title><link href='https://b.example/posts/p{i}/'/>"
                      f"<id>https://b.example/posts/p{i}/</id><updated>2021-03-0{i + 1}T00:00:00Z"
                      f"</updated><content type='html'>正文。</content></entry>" for i in range(4))
    feed = ("<?xml version='1.0' encoding='utf-8'?><feed xmlns='http://www.w3.org/2005/Atom'>"
            "<title>测试博客</title><id>https://b.example/</id>{}</feed>")
    (tmp_path / "feed.xml").write_text(feed.format(entries), encoding="utf-8")
    r = read_paths([tmp_path])
    assert sorted(p.title for p in r.posts) == ["第0篇", "第1篇", "第2篇", "第3篇"]
    assert any("left out of the site's feed, which names all 4" in f.reason
               and f.path.endswith("about/index.html") for f in r.fragments)
    (tmp_path / "feed.xml").write_text(feed.format(entries.split("</entry>", 1)[1]),
                                       encoding="utf-8")
    assert "关于" in {p.title for p in read_paths([tmp_path]).posts}


def test_a_dated_page_above_the_posts_that_the_feed_leaves_out_is_no_post(tmp_path):
    """Astro's blog template draws its ``/about/`` page in the posts' layout, with a
    date, and its feed names the ``/blog/…`` posts alone. A dated page left out of the
    feed among the posts (or at the top, where the posts are too) stays a post: a feed
    of the latest posts misses the older ones."""
    _site_of_posts(tmp_path, 4)
    _about_page(tmp_path, "about", title="关于我",
                dated="<time datetime='2021-03-02'>Mar 2, 2021</time>")
    entries = "".join(f"<item><title>第{i}篇</title><link>https://b.example/posts/p{i}/</link>"
                      f"<description>正文。</description></item>" for i in range(4))
    (tmp_path / "rss.xml").write_text(
        "<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel><title>测试博客"
        f"</title><link>https://b.example/</link>{entries}</channel></rss>", encoding="utf-8")
    r = read_paths([tmp_path])
    assert sorted(p.title for p in r.posts) == ["第0篇", "第1篇", "第2篇", "第3篇"]
    assert any("left out of the site's feed, which names all 4 dated pages below its folder"
               in f.reason and f.path.endswith("about/index.html") for f in r.fragments)
    (tmp_path / "about").rename(tmp_path / "posts" / "about")       # among the posts
    assert "关于我" in {p.title for p in read_paths([tmp_path]).posts}
    (tmp_path / "posts" / "about").rename(tmp_path / "about")
    for i in range(4):                                                 # posts at the top
        (tmp_path / "posts" / f"p{i}").rename(tmp_path / f"p{i}")
    assert "关于我" in {p.title for p in read_paths([tmp_path]).posts}


def test_the_element_schema_org_names_the_article_body_is_the_post(tmp_path):
    """gatsby-starter-blog's post: the body in ``<section itemprop="articleBody">``
    (no class), the author's bio after it inside the ``<article>``. A post without
    text is a title alone, not the bio."""
    bio = ("<footer><div class='bio'><p>Written by <strong>测试作者</strong>，写一些机器学习"
           "与数学的笔记，欢迎关注。<a href='https://twitter.com/x'>Twitter</a></p></div></footer>")
    for name, body in (("a", PROSE), ("b", "")):
        (tmp_path / name).mkdir()
        (tmp_path / name / "index.html").write_text(
            f"<html><head><title>第{name}篇 | 博客</title></head><body><main><article "
            f"itemscope itemType='http://schema.org/Article'><header><h1 itemProp='headline'>"
            f"第{name}篇</h1><p>March 04, 2020</p></header><section itemProp='articleBody'>"
            f"{body}</section><hr/>{bio}</article></main></body></html>", encoding="utf-8")
    posts = {p.title: p for p in read_paths([tmp_path]).posts}
    assert "Written by" not in posts["第a篇"].text and "外推" in posts["第a篇"].text
    assert posts["第b篇"].title_only and "Written by" not in posts["第b篇"].text


def test_a_content_element_named_by_its_id_and_its_class_is_the_post(tmp_path):
    """``<div id="post-body" class="entry-content">``: an element that both its id and
    its class name as the content is one element (a selector list gives it twice),
    and what the theme writes after it in the ``<article>`` is no text of the post."""
    for name, other in (("a", "b"), ("b", "a")):
        (tmp_path / name).mkdir()
        (tmp_path / name / "index.html").write_text(
            f"<html><head><title>第{name}篇</title></head><body><article><h1>第{name}篇</h1>"
            f"<div id='post-body' class='entry-content'>{PROSE}</div><p>相关阅读：<a href="
            f"'/{other}/'>第{other}篇</a>，这一篇也讲外推，欢迎一起读。</p></article></body></html>",
            encoding="utf-8")
    r = read_paths([tmp_path])
    assert len(r.posts) == 2 and _cited(r) == set()
    assert not any("相关阅读" in p.text for p in r.posts)


def test_gatsbys_page_data_and_source_maps_are_no_posts(tmp_path):
    """Gatsby writes each page's query result beside it (``page-data/index/page-data.json``
    lists every post, as GraphQL's ``allMarkdownRemark.nodes``) and a source map beside
    each script: neither is a post, nor read as a table of posts."""
    import shutil

    shutil.copytree(FIXTURES / "zoo" / "gatsby-site", tmp_path / "public")
    (tmp_path / "public" / "app-1a2b.js.map").write_text(
        '{"version":3,"sources":["webpack://blog/./src/pages/index.js"],"names":[],'
        '"mappings":"AAAA","file":"app-1a2b.js"}', encoding="utf-8")
    r = read_paths([tmp_path])
    assert len(r.posts) == 6
    reasons = {f.path.split("public/", 1)[1]: f.reason for f in r.fragments
               if "public/" in f.path and f.line == 1}
    assert "Gatsby's page-data.json" in reasons["page-data/index/page-data.json"]
    assert reasons["app-1a2b.js.map"].startswith("source code (a source map")


def test_the_payloads_nextjs_exports_beside_its_pages_are_no_posts():
    """``next build`` with ``output: 'export'`` (App Router) writes each page twice: its
    HTML and its React Server Components payload (``blog/rope.txt``), the post's HTML
    inside a row of JSON. The HTML is the post; each payload is reported as such."""
    r = read_paths([FIXTURES / "zoo" / "nextjs-site"])
    assert len(r.posts) == 6 and all(p.sources[0].path.endswith(".html") for p in r.posts)
    payloads = sorted(f.path.split("nextjs-site/", 1)[1] for f in r.fragments
                      if f.reason.startswith("a React Server Components payload"))
    assert len(payloads) == 7 and "blog/nested/idea.txt" in payloads


def test_a_years_page_of_dates_and_links_is_a_list(tmp_path):
    """jekyll-archives' year page (``/2021/``) in a layout of the author's: each post a
    date written as text and a link (``<li><span>2021-03-01</span> » <a>…</a></li>``),
    no ``<time>``, the page dated by its year. A list of its kind at another address
    is a post's (a roundup)."""
    _site_of_posts(tmp_path, 4)
    items = "".join(f"<li><span>2021-03-{i + 1:02d}</span> » <a href='/posts/p{i}/'>第{i}篇</a>"
                    f"</li>" for i in range(4))
    for where in ("2021", "notes/roundup"):
        (tmp_path / where).mkdir(parents=True)
        (tmp_path / where / "index.html").write_text(
            "<html><head><title>2021</title><meta property='article:published_time' "
            "content='2021-01-01T00:00:00+08:00'></head><body><main><h1>2021</h1>"
            f"<ul class='posts'>{items}</ul></main></body></html>", encoding="utf-8")
    r = read_paths([tmp_path])
    assert any(f.path.endswith("2021/index.html") and "4 links to posts, each with its date"
               in f.reason for f in r.fragments)
    assert [p.sources[0].path.rsplit("/", 2)[-2] for p in r.posts if p.title == "2021"] == [
        "roundup"]


def test_hugos_about_page_dated_by_gos_zero_time_is_no_post(tmp_path):
    """Hugo's home feed lists every regular page, the undated about page too, with
    ``<pubDate>Mon, 01 Jan 0001 00:00:00 +0000</pubDate>`` (Go's zero time, which
    email.utils would read as 2001), and its template writes that zero time in the
    page's ``<time>``. The page is no post, in the feed or as a page; the feed's dated
    entries are."""
    _site_of_posts(tmp_path, 4)
    _about_page(tmp_path, "about",
                dated="<time datetime='0001-01-01T00:00:00+00:00'>January 1, 1</time>")
    items = "".join(f"<item><title>第{i}篇</title><link>https://b.example/posts/p{i}/</link>"
                    f"<pubDate>Wed, 0{i + 1} Mar 2021 08:00:00 +0000</pubDate><description>"
                    f"正文。</description></item>" for i in range(4))
    items += ("<item><title>关于</title><link>https://b.example/about/</link><pubDate>Mon, 01 "
              "Jan 0001 00:00:00 +0000</pubDate><description>欢迎先读&lt;a href='https://b.exa"
              "mple/posts/p1/'&gt;第1篇&lt;/a&gt;。</description></item>")
    (tmp_path / "index.xml").write_text(
        "<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel><title>测试博客"
        f"</title><link>https://b.example/</link>{items}</channel></rss>", encoding="utf-8")
    r = read_paths([tmp_path])
    assert sorted(p.title for p in r.posts) == ["第0篇", "第1篇", "第2篇", "第3篇"]
    assert {p.date for p in r.posts} == {"2021-03-01", "2021-03-02", "2021-03-03",
                                         "2021-03-04"}
    reasons = [f.reason for f in r.fragments if "关于" in f.text or f.text == "0001-01-01"]
    assert any("undated (0001-01-01), where its other 4 entries are dated" in x
               for x in reasons), reasons
    assert any(x.startswith("a zero date (0001-01-01") for x in reasons)


def _reco_page(title, content, *, day="2024/2/27"):
    """A post's page as vuepress-theme-reco 1.6 builds it (VuePress 1), its text inside
    ``<div v-pre>`` as authors wrap a post holding ``{{ }}``."""
    return (f"<html><head><title>{title} | 测试博客</title></head><body><div id='app'><div "
            f"class='theme-container no-sidebar'><main class='page'><section><div class="
            f"'page-title'><h1 class='title'>{title}</h1><div><i class='iconfont reco-account'>"
            f"<span>测试作者</span></i> <i class='iconfont reco-date'><span>{day}</span></i>"
            f"</div></div><div class='theme-reco-content content__default'><div>{content}"
            f"</div></div></section></main></div></div></body></html>")


def test_a_vue_link_left_unrendered_in_a_built_page_is_a_link(tmp_path):
    """VuePress renders a link to another page as ``<RouterLink to>``; inside ``v-pre``
    the component stays in the built page as written. A bound ``:to`` is no address."""
    body = ("<p>推导见<RouterLink to='/blogs/linear.html#derivation'>线性注意力</RouterLink>，"
            "另见<router-link :to='next'>下一篇</router-link>与<NuxtLink to='/blogs/rope.html'>"
            "旋转位置编码</NuxtLink>的讨论，这些内容足够长，可以作为正文被识别出来。</p>")
    posts, _ = read_html(_reco_page("外推实验", body), "dist/blogs/extra.html")
    assert [(link.url, link.anchor) for link in posts[0].links] == [
        ("/blogs/linear.html#derivation", "线性注意力"), ("/blogs/rope.html", "旋转位置编码")]


def test_a_date_in_an_element_named_for_it_is_the_posts_date():
    """vuepress-theme-reco writes the day as ``<i class="reco-date"><span>2024/2/27``,
    which htmldate does not read; a date in a sidebar's list is no date of the page, and
    a layout class (``no-sidebar``) names no sidebar."""
    posts, _ = read_html(_reco_page("外推实验", PROSE), "dist/blogs/extra.html")
    assert posts[0].date == "2024-02-27"
    aside = ("<html><head><title>关于</title></head><body><div class='content'><h1>关于</h1>"
             f"{PROSE}</div><div class='sidebar'><ul><li><i class='reco-date'><span>2024/2/27"
             "</span></i> 最近的文章</li></ul></div></body></html>")
    posts, _ = read_html(aside, "saved/about.html")
    assert posts[0].title == "关于" and posts[0].date is None


@pytest.mark.parametrize("meta, day", [
    ("发表于 2021年6月19日 · 分类：笔记", "2021-06-19"),
    ("<span>作者：苏</span><span>2021年6月19日</span>", "2021-06-19"),
    ("Posted on 19. Juni 2021 by Jane", "2021-06-19"),
    ("", None),
    ("<p>2018年5月11日，是费曼诞辰100周年。</p>", None),      # (a short paragraph of prose)
])
def test_a_date_written_out_in_the_meta_line_is_the_posts_date(meta, day):
    """A theme's meta line, between the title and the text, writes the day in words
    or in Chinese (``2021年6月19日``) in no element named for it: the first line before
    the first paragraph that holds a whole date gives it, inside the post's element or
    the one around a content element. A date in the text is no date of the page."""
    text = ("<p>这一篇讨论位置编码的外推，并把2019年3月1日以来的推导整理成更一般的形式，"
            "顺带回顾几种常见的做法与它们各自的长处。</p>")
    page = (f"<html><head><title>外推实验</title></head><body><article><h1>外推实验</h1>"
            f"<div class='meta'>{meta}</div>{text}</article></body></html>")
    assert read_html(page, "saved/a.html")[0][0].date == day
    wrapped = page.replace(text, f"<div class='entry-content'>{text}</div>")
    assert read_html(wrapped, "saved/a.html")[0][0].date == day


@pytest.mark.parametrize("opening", [
    "<strong>简而言之</strong>：", "在<a href='/b/'>上一篇</a>里，", "命令 <code>pip install rope</code> 之后，",
    "<strong>外推</strong>：",         # (its first words are the title's too)
])
def test_the_meta_line_dates_a_post_whose_text_opens_with_markup(opening):
    """The first paragraph is found in the page's text by its first line as that text
    breaks it: one that opens with bold words, a link or code still ends the meta line's
    lead above it."""
    text = (f"<p>{opening}这一篇讨论位置编码的外推，并把旧的推导整理成更一般的形式，顺带回顾"
            "几种常见的做法与它们各自的长处。</p>")
    page = ("<html><head><title>外推实验</title></head><body><article><h1>外推实验</h1>"
            f"<div class='meta'>发表于 2021年6月19日</div>{text}</article></body></html>")
    assert read_html(page, "saved/a.html")[0][0].date == "2021-06-19"


def test_a_layout_class_names_no_sidebar():
    """``no-sidebar``, ``has-sidebar`` (WordPress themes' and reco's layout classes) say
    what the layout lacks or has: the element so named is not a sidebar, and the post's
    element found inside it by Readability's scoring is its ``div.entry``, not the page."""
    p = ("<p>这一篇讨论位置编码的外推，并把旧的推导整理成更一般的形式，顺带回顾几种常见的做法与"
         "它们各自的长处，见<a href='/b/'>另一篇</a>。</p>")
    page = ("<html><head><title>外推实验</title></head><body><div class='site no-sidebar'><h1>"
            f"外推实验</h1><div class='entry'>{p}{p}</div><div class='links'><a href='/x/'>首页"
            "</a> <a href='/y/'>归档</a></div></div></body></html>")
    posts, frags = read_html(page, "saved/a.html")
    assert len(posts[0].links) == 2 and posts[0].text.count("另一篇") == 2
    assert not [f for f in frags if "首页" in f.text and "without sentences" in f.reason]


def test_a_vuepress_2_route_link_left_unrendered_is_a_link():
    """VuePress 2 (vuepress-theme-hope) renders a link to another page as its own
    ``<RouteLink to>``, which stays in the built page as written inside ``v-pre``."""
    body = ("<div v-pre><p>推导见<RouteLink to='/posts/linear.html'>线性注意力</RouteLink>，"
            "另见<route-link to='/posts/rope.html'>旋转位置编码</route-link>的讨论，这些内容"
            "足够长，可以作为正文被识别出来。</p></div>")
    posts, _ = read_html(_page("外推实验", body), "dist/posts/extra.html")
    assert [(link.url, link.anchor) for link in posts[0].links] == [
        ("/posts/linear.html", "线性注意力"), ("/posts/rope.html", "旋转位置编码")]


_RECO_TITLES = ["线性注意力的推导", "旋转位置编码的外推", "梯度裁剪的几何意义", "采样温度与熵的关系",
                "谱范数的快速估计", "混合专家的负载均衡"]


def _reco_site(folder):
    """Six posts of a vuepress-theme-reco site (``dist/blogs/pI.html``), whose pages'
    ``<title>`` ends with the site's name and whose ``<h1>`` is the post's title."""
    (folder / "blogs").mkdir(parents=True)
    for i, title in enumerate(_RECO_TITLES):
        (folder / "blogs" / f"p{i}.html").write_text(
            _reco_page(title, PROSE, day=f"2024/2/{i + 1}"), encoding="utf-8")


def test_a_home_page_whose_title_alone_is_the_sites_name_is_no_post(tmp_path):
    """reco titles its posts' pages ``X | 测试博客`` and its home page ``测试博客``; both
    are read by their ``<h1>``, so the site's name is known from the ``<title>``s."""
    _reco_site(tmp_path)
    (tmp_path / "index.html").write_text(
        "<html><head><title>测试博客</title></head><body><div id='app'><main class='page'>"
        "<div class='hero'><h1>测试博客</h1><p>一个用来测试的博客，这里记录读论文和做实验的笔记，"
        "欢迎常来看看。</p></div></main></div></body></html>", encoding="utf-8")
    r = read_paths([tmp_path])
    assert sorted(p.title for p in r.posts) == sorted(_RECO_TITLES)
    assert any(f.path.endswith("/index.html") and "site's name alone" in f.reason
               for f in r.fragments)


def _timeline(lines):
    return ("<html><head><title>Timeline | 测试博客</title></head><body><div id='app'><main "
            "class='page'><ul class='timeline-wrapper'>" + "".join(
                f"<li><span class='date'>2-{day}</span><span class='title'>{title}</span></li>"
                for day, title in lines) + "</ul></main></div></body></html>")


def test_an_undated_page_made_of_other_posts_titles_is_a_list(tmp_path):
    """reco's ``/timeline/`` lists every post's title and day without a link (its
    script navigates): a list, whatever its markup. A post naming a few posts among
    its own sentences stays a post, and so does a dated page. (A dated post at the top
    here: a page above all the posts is no post anyway.)"""
    _reco_site(tmp_path)
    (tmp_path / "top.html").write_text(_reco_page("放在顶层的一篇", PROSE), encoding="utf-8")
    (tmp_path / "timeline").mkdir()
    (tmp_path / "timeline" / "index.html").write_text(
        _timeline([(i + 1, t) for i, t in enumerate(_RECO_TITLES)]), encoding="utf-8")
    mentions = ("<p>这一篇回顾了几个月来的笔记：" + "、".join(_RECO_TITLES[:5]) + "。它们各有各的出发点，"
                "但归根到底都在问同一个问题：一个模型在训练时到底学到了什么，又为什么能推广到没见过"
                "的数据上，这里把它们放在一起重新梳理一遍，并补上当时没有写完的推导与实验。</p>")
    (tmp_path / "blogs" / "review.html").write_text(
        "<html><head><title>回顾 | 测试博客</title></head><body><main><article><h1>回顾</h1>"
        f"{mentions}</article></main></body></html>", encoding="utf-8")
    r = read_paths([tmp_path])
    assert sorted(p.title for p in r.posts) == sorted(_RECO_TITLES + ["回顾", "放在顶层的一篇"])
    (aside,) = [f for f in r.fragments if f.path.endswith("timeline/index.html")
                and "list of its site's posts" in f.reason]
    assert "6 other pages' titles" in aside.reason and not [
        f for f in r.fragments if "above all" in f.reason]
    (tmp_path / "timeline" / "index.html").write_text(
        _timeline([(i + 1, t) for i, t in enumerate(_RECO_TITLES)]).replace(
            "<main class='page'>", "<main class='page'><time datetime='2024-03-01'>2024-03-01"
                                   "</time>"), encoding="utf-8")
    assert "Timeline" in {p.title for p in read_paths([tmp_path]).posts}


def test_the_titles_that_make_a_list_are_a_parameter():
    """``min_titles`` and ``min_share`` decide which undated page is a list."""
    def page(title, text, day=None):
        return Post(key=f"post:{title}", title=title, label=title, date=day, text=text,
                    sources=(Source(path=f"dist/{title}.html", line=1, format="html"),))
    posts = [page(t, PROSE, "2024-02-01") for t in _RECO_TITLES]
    listing = page("Timeline", " ".join(f"2-{i} {t}" for i, t in enumerate(_RECO_TITLES[:4])))
    kept, aside = title_lists_aside(posts + [listing])
    assert listing in kept and not aside
    kept, aside = title_lists_aside(posts + [listing], min_titles=4)
    assert listing not in kept and len(aside) == 1
    kept, aside = title_lists_aside(posts + [listing], min_titles=4, min_share=0.95)
    assert listing in kept
    assert title_lists_aside(posts) == (posts, [])


def test_an_undated_page_above_all_the_posts_is_no_post(tmp_path):
    """reco's and hope's about page sits at the site's top (``/about.html``), above the
    folder of every dated post (``/blogs/…``), and no feed leaves it out (they write
    none by default). An undated page among the posts stays a post, and nothing is set
    aside once a dated page is at the top too (WordPress' ``/%postname%/``)."""
    _reco_site(tmp_path)
    about = ("<html><head><title>关于 | 测试博客</title></head><body><main><article><h1>关于"
             f"</h1>{PROSE}<p>欢迎先读<a href='/blogs/p0.html'>这一篇</a>。</p></article></main>"
             "</body></html>")
    (tmp_path / "about.html").write_text(about, encoding="utf-8")
    (tmp_path / "blogs" / "undated.html").write_text(about.replace("关于", "未注日期的一篇"),
                                                     encoding="utf-8")
    r = read_paths([tmp_path])
    assert sorted(p.title for p in r.posts) == sorted(_RECO_TITLES + ["未注日期的一篇"])
    assert any(f.path.endswith("/about.html") and "above all 6 of its dated pages" in f.reason
               for f in r.fragments)
    (tmp_path / "top.html").write_text(_reco_page("放在顶层的一篇", PROSE), encoding="utf-8")
    assert "关于" in {p.title for p in read_paths([tmp_path]).posts}


def test_a_page_without_an_address_is_of_its_folders_site(tmp_path):
    """hope writes ``og:url`` on its pages; a static page the author placed in the site
    has none, and is still of that site: titled by the site's name alone, it is no
    post."""
    (tmp_path / "blogs").mkdir()
    for i, title in enumerate(_RECO_TITLES[:4]):
        (tmp_path / "blogs" / f"p{i}.html").write_text(
            _page(f"{title} | 测试博客", PROSE, head=_og(url=f"https://b.example/blogs/p{i}.html"))
            .replace(f"<h1>{title} | 测试博客</h1>", f"<h1>{title}</h1>"), encoding="utf-8")
    (tmp_path / "demo.html").write_text(
        "<html><head><title>测试博客</title></head><body><p>见<a href='/blogs/p0.html'>这一篇"
        "</a>，这里演示一个独立的静态页面，它也放在网站里。</p></body></html>", encoding="utf-8")
    r = read_paths([tmp_path])
    assert sorted(p.title for p in r.posts) == sorted(_RECO_TITLES[:4])
    assert any(f.path.endswith("demo.html") and "site's name alone" in f.reason
               for f in r.fragments)


PELICAN = "https://pel.example"


def _pelican_page(title, inner, *, day=None):
    """A page as Pelican's default theme lays it out: the site's name in the banner's
    ``<h1>`` linking the site by its whole address, a menu of whole addresses, no
    canonical link; a post's date in its ``post-info``, a page's none."""
    banner = (f"<header id='banner'><h1><a href='{PELICAN}/'>小林的笔记</a></h1><nav><ul>"
              f"<li><a href='{PELICAN}/pages/about.html'>About</a></li><li><a href="
              f"'{PELICAN}/category/misc.html'>misc</a></li></ul></nav></header>")
    heading = f"<h1 class='entry-title'>{title}</h1>"
    if day is None:
        main = f"<section id='content'>{heading}{inner}</section>"
    else:
        main = (f"<section id='content'><article><header>{heading}</header><div class="
                f"'entry-content'><footer class='post-info'><abbr class='published' title="
                f"'{day}T10:00:00+00:00'>{day}</abbr></footer>{inner}</div></article>"
                "</section>")
    return f"<html><head><title>{title}</title></head><body>{banner}{main}</body></html>"


def test_a_pelican_site_its_pages_drafts_and_feed(tmp_path):
    """Pelican writes its pages without a canonical link and names its own site by
    whole addresses: the banner's ``<h1>`` linking ``https://host/`` is the site's
    name, not the about page's title; the about page its menu links is no post (its
    feed, of the latest five, leaves out posts too), nor the draft it writes to
    ``drafts/``; and a post's page and its entry in the feed are one post: the same
    line ("相关阅读") of three posts linking one post is theirs, not boilerplate of
    five sightings."""
    site = tmp_path / "output"
    (site / "pages").mkdir(parents=True)
    (site / "drafts").mkdir()
    (site / "feeds").mkdir()
    see = f"<p>相关阅读: <a href='{PELICAN}/p0.html'>第0篇</a></p>"
    entries = []
    for n in range(7):
        inner = (f"<p>第{n}篇讨论位置编码的第{n}种外推，并把旧的推导整理成更一般的形式，"
                 f"顺带回顾第{n}种做法的长处。</p>" + (see if n in (1, 2, 3) else ""))
        day = f"2021-0{n + 1}-1{n}"
        (site / f"p{n}.html").write_text(_pelican_page(f"第{n}篇", inner, day=day),
                                         encoding="utf-8")
        entries += [] if n < 2 else [
                       f"<entry><title>第{n}篇</title><link href='{PELICAN}/p{n}.html'/>"
                       f"<id>{PELICAN}/p{n}.html</id><published>{day}T10:00:00+00:00"
                       f"</published><content type='html'>{html.escape(inner)}</content>"
                       "</entry>"]                  # (the feed: the latest five)
    (site / "feeds" / "all.atom.xml").write_text(
        "<feed xmlns='http://www.w3.org/2005/Atom'><title>小林的笔记</title>"
        f"<link href='{PELICAN}/'/>{''.join(entries)}</feed>", encoding="utf-8")
    (site / "pages" / "about.html").write_text(_pelican_page(
        "About", f"<p>这里记录注意力的笔记，可以从<a href='{PELICAN}/p0.html'>第0篇</a>读起，"
                 "再读后面的几篇。</p>"), encoding="utf-8")
    (site / "drafts" / "unfinished.html").write_text(_pelican_page(
        "未完成", f"<p>还没有写完的一篇草稿，先链接<a href='{PELICAN}/p0.html'>第0篇</a>，"
                "以后再补充。</p>", day="2021-09-01"), encoding="utf-8")
    r = read_paths([tmp_path])
    assert sorted(p.title for p in r.posts) == [f"第{n}篇" for n in range(7)]
    reasons = " ".join(f.reason for f in r.fragments if not f.path.endswith(".xml"))
    assert "linked by the site's menu" in reasons and "a draft" in reasons
    edges, _, _ = relate(r.posts, options=BuildOptions(layers=("cites",)))
    title = {p.key: p.title for p in r.posts}
    assert sorted((title[e.source], title[e.target]) for e in edges) == [
        ("第1篇", "第0篇"), ("第2篇", "第0篇"), ("第3篇", "第0篇")]


def test_an_archive_of_one_excerpt_is_a_list_page():
    """Material for MkDocs' blog renders a year's archive with one post as one
    ``<article class="md-post md-post--excerpt">`` under the year: a list page, not a
    post dated by its one entry; a post whose class names no excerpt stays a post."""
    entry = ("<article class='md-post md-post--excerpt'><header class='md-post__header'>"
             "<time datetime='2017-12-27 00:00:00+00:00'>December 27, 2017</time></header>"
             "<div class='md-post__content'><h2><a href='../../2017/12/27/rope/'>旋转位置编码"
             f"</a></h2>{PROSE}</div></article>")
    page = (f"<html><head><title>2017 - 笔记</title></head><body><main><div class="
            f"'md-content'><header><h1>2017</h1></header>{entry}</div></main></body></html>")
    posts, frags = read_html(page, "site/blog/archive/2017/index.html")
    assert posts == [] and any("summaries" in f.reason for f in frags)
    posts, _ = read_html(page.replace("md-post--excerpt", "md-post--full"),
                         "site/blog/archive/2017/index.html")
    assert len(posts) == 1


def test_an_undated_page_that_no_list_page_names_is_no_post(tmp_path):
    """hexo-theme-keep's about page: undated, beside posts at the top of the site
    (``/pI.html``), linked by no menu (the theme's is home and archives) and no feed.
    The site's list pages (its home page, its archive) name every dated post and not
    it. A list missing one dated post (a blog saved without its older list pages) is no
    evidence; nor is a list that names the page."""
    def write(base="", listed=range(5), about=False):
        for i in range(5):
            (tmp_path / f"p{i}.html").write_text(
                f"<html><head><title>第{i}篇</title></head><body><article><h1>第{i}篇</h1>"
                f"<time datetime='2021-03-0{i + 1}'>3月</time>{PROSE}<p>接着读<a href="
                f"'{base}/p{(i + 1) % 5}.html'>下一篇</a>。</p></article></body></html>",
                encoding="utf-8")
        rows = "".join(f"<li><time>2021-03-0{i + 1}</time> <a href='{base}/p{i}.html'>第{i}篇"
                       f"</a></li>" for i in listed)
        rows += f"<li><a href='{base}/about/'>关于本站</a></li>" if about else ""
        (tmp_path / "archives").mkdir(exist_ok=True)
        (tmp_path / "archives" / "index.html").write_text(
            f"<html><head><title>归档</title></head><body><main><ul>{rows}</ul></main>"
            "</body></html>", encoding="utf-8")
        (tmp_path / "about").mkdir(exist_ok=True)
        (tmp_path / "about" / "index.html").write_text(
            f"<html><head><title>关于</title></head><body><article><h1>关于</h1>{PROSE}"
            f"<p>欢迎先读<a href='{base}/p1.html'>第1篇</a>。</p></article></body></html>",
            encoding="utf-8")
        return read_paths([tmp_path])

    r = write()
    assert sorted(p.title for p in r.posts) == [f"第{i}篇" for i in range(5)]
    (why,) = [f.reason for f in r.fragments if f.path.endswith("about/index.html")
              and "list pages" in f.reason]
    assert "name all 5 of its dated pages" in why
    # a site built for /blog/, read from its folder: its links name /blog/pI.html
    assert "关于" not in {p.title for p in write(base="/blog").posts}
    assert "关于" in {p.title for p in write(listed=range(4)).posts}
    assert "关于" in {p.title for p in write(about=True).posts}


def test_each_link_of_one_anchor_text_holds_its_own_sentence():
    """A paragraph citing two posts under one anchor ("这里"): each link's evidence is
    the sentence it sits in; the second took the first's, the anchor being looked for
    from the paragraph's start (which also made a block of many links quadratic)."""
    (post,), _ = read_html(_page("笔记", "<p>位置编码的推导见<a href='/a/'>这里</a>。"
                                 "线性注意力的实验见<a href='/b/'>这里</a>。</p>"), "n.html")
    assert [(link.url, link.sentence) for link in post.links] == [
        ("/a/", "位置编码的推导见这里。"), ("/b/", "线性注意力的实验见这里。")]
