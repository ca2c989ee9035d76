"""A site saved as HTML (``wget --mirror``, "save page"): which pages are posts, and the
addresses they are linked by (the zoo's ``mirror/`` blog tests the whole path)."""

from __future__ import annotations

from graphkit.readers.html import read_html

POST = ("<html><head><title>{t}</title>{og}</head><body><article><h1>{t}</h1>{body}"
        "</article></body></html>")


def _page(title, body, og=""):
    return POST.format(t=title, body=body, og=og)


def test_a_post_keeps_its_file_path_and_host_folder_as_names():
    (post,), _ = read_html(_page("甲", "<p>正文<a href='../b/'>乙</a>。</p>"
                                       "<a href='/tags/x/' rel='tag'>x</a>"),
                           "saved/blog.example/posts/a/index.html")
    assert post.url == "https://blog.example/posts/a/"
    assert {"posts/a", "a"} <= set(post.aliases)
    assert post.tags == ("x",)


def test_list_pages_are_reported_not_read():
    summaries = "".join(f"<article><h2><a href='/p/{i}/'>第{i}篇</a></h2><p>摘要</p></article>"
                        for i in range(3))
    page = f"<html><head><title>首页</title></head><body><main>{summaries}</main></body></html>"
    posts, frags = read_html(page, "site/index2.html")
    assert posts == [] and "3 <article> summaries" in frags[-1].reason
    posts, frags = read_html(_page("标签 x", "<p>带 x 标签的文章如下，按时间排列。</p>"),
                             "site/tags/x/index.html")
    assert posts == [] and "under /tags/" in frags[-1].reason
    links = "".join(f"<li><a href='/p/{i}/'>一篇文章的标题{i}</a></li>" for i in range(3))
    posts, frags = read_html(_page("归档", f"<ul>{links}</ul>",
                                   og="<meta property='og:type' content='website'>"),
                             "site/all-posts/index.html")
    assert posts == [] and "link text" in frags[-1].reason
    posts, _ = read_html("<html><body><p>x</p></body></html>", "saved/blog.example/index.html")
    assert posts == []                                      # the home page of a mirror


def test_a_post_with_a_few_links_or_under_archives_stays_a_post():
    body = ("<p>这一篇讨论位置编码，并回顾了两篇旧文：<a href='/archives/1'>第一篇</a>与"
            "<a href='/archives/2'>第二篇</a>，它们的推导在这里被重新整理并推广到长序列。</p>")
    (post,), _ = read_html(_page("位置编码再探", body), "site/archives/3/index.html")
    assert post.title == "位置编码再探" and len(post.links) == 2
    three = "".join(f"<li><a href='/p/{i}/'>第{i}部分</a></li>" for i in range(3))
    (hub,), _ = read_html(_page("系列目录", f"<p>本系列共三篇。</p><ul>{three}</ul>"),
                          "site/p/index/index.html")
    assert len(hub.links) == 3                      # an article page, og:type not "website"
