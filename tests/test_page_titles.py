"""A saved page's title is the post's, not the site's; a map names the blog it maps; the
theme's furniture inside a post's element (previous and next, related posts, comments) is
not the post's."""

import re
from pathlib import Path

import pytest

from graphkit.options import BuildOptions
from graphkit.pipeline import relate
from graphkit.readers import blog_name, read, read_paths
from graphkit.readers.html import read_html
from graphkit.sites import read_site_config

FIXTURES = Path(__file__).parent / "fixtures"


def test_each_saved_page_is_its_own_post_under_its_own_title():
    r = read_paths([FIXTURES / "page-titles"])
    pages = sorted((FIXTURES / "page-titles").glob("*.html"))
    assert len(r.posts) == len(pages) == 7        # before: three pages merged as 小林的笔记
    for p in r.posts:
        said = re.search(r"应读出标题“([^”]+)”", p.text).group(1)   # each page says it
        assert p.title == said, p.sources[0].path
    assert all("小林的笔记" not in p.title for p in r.posts)


def _site_named_page(text: str) -> str:
    return ("<html><head><title>小林的笔记</title></head><body><h1>小林的笔记</h1>"
            f"<article><p>{text}</p></article></body></html>")


def test_pages_titled_only_by_the_sites_name_stay_apart_unless_their_text_is_one(tmp_path):
    texts = ["谱范数不超过 Frobenius 范数。", "截断奇异值分解给出最优的低秩近似。", "随机矩阵的半圆律。"]
    for i, text in enumerate(texts):
        (tmp_path / f"p{i}.html").write_text(_site_named_page(text), encoding="utf-8")
    (tmp_path / "p0-again.html").write_text(_site_named_page(texts[0]), encoding="utf-8")
    posts = read_paths([tmp_path]).posts
    assert sorted(p.text for p in posts) == sorted(texts)   # before: one post of four pages
    again, = [p for p in posts if p.text == texts[0]]
    assert len(again.sources) == 2                          # the same page saved twice: one


def test_a_title_without_any_site_name_is_kept_whole(tmp_path):
    (tmp_path / "a.html").write_text(
        "<html><head><title>Notes - part 2</title></head><body><div>"
        "<p>A body long enough to be a post, about the second part of the notes.</p>"
        "</div></body></html>", encoding="utf-8")
    (post,) = read_paths([tmp_path]).posts
    assert post.title == "Notes - part 2"   # a separator alone names no site


@pytest.mark.parametrize("blog, name", [
    ("jekyll", "测试博客"), ("kramdown", "测试笔记本"), ("hugo", "测试"), ("zola", "测试"),
    ("hexo", "测试"), ("pelican", "测试"), ("docusaurus", "注意力笔记"),
    ("mkdocs", "注意力笔记"),                       # configuration titles
    ("wordpress", "wp.example"), ("feed", "feed.example"), ("mirror", "mirror.example"),
    ("blogger", "zoo-test.blogspot.com"),         # the host of the posts' addresses
    ("obsidian", None), ("org", None),           # notes with no address: no name
])
def test_the_blog_is_named_by_its_configuration_else_its_host(blog, name):
    assert blog_name(read([FIXTURES / "zoo" / blog])) == name


def test_the_embedded_data_is_named_by_its_site():
    assert blog_name(read()) == "科学空间"     # listing pages of the one site that writes them


def test_docusaurus_title_is_the_outermost_one():
    text = ("export default { title: 'Outer', themeConfig: { navbar: { title: 'Inner' } },"
            " url: 'https://d.example' };")
    assert ("title", "Outer") in read_site_config(text, "docusaurus.config.js")


def test_the_map_page_and_its_heading_name_the_blog(tmp_path):
    from graphkit.pipeline import build, write_outputs

    write_outputs(build([FIXTURES / "zoo" / "jekyll"]), tmp_path)
    page = (tmp_path / "graph.html").read_text(encoding="utf-8")
    assert "<title>graphkit · 测试博客</title>" in page and "<h1>graphkit · 测试博客</h1>" in page
    write_outputs(build([FIXTURES / "zoo" / "obsidian"]), tmp_path / "notes")
    assert "<title>graphkit map</title>" in (tmp_path / "notes" / "graph.html").read_text(
        encoding="utf-8")


# ---------------------------------------------------------------- page furniture
FURNITURE = FIXTURES / "page-furniture"
# each page's own citations; the theme's links (previous and next post, related posts,
# comments) are not among them
OWN_LINKS = {
    "wordpress-nav-and-comments.html": ["https://blog.example/2021/03/01/attention-notes/"],
    "hugo-paginav.html": [],
    "jekyll-related-and-next.html": [],
    "ghost-disqus.html": ["https://blog.example/2021/07/08/rotary/"],
}


@pytest.mark.parametrize("name", sorted(OWN_LINKS))
def test_only_the_authors_links_are_read_from_a_themed_page(name):
    text = (FURNITURE / name).read_text(encoding="utf-8")
    posts, frags = read_html(text, name)
    links = [link.url for link in posts[0].links if "/tag" not in link.url]
    assert links == OWN_LINKS[name]
    removed = [f for f in frags if f.reason.startswith("inside the post's element but not")]
    assert len(removed) == 1, [f.reason for f in frags]


def test_the_furniture_is_named_in_the_report():
    text = (FURNITURE / "wordpress-nav-and-comments.html").read_text(encoding="utf-8")
    _, frags = read_html(text, "w.html")
    removed = next(f for f in frags if f.reason.startswith("inside the post's element"))
    assert "nav.pagination-single" in removed.reason and "div.comments-wrapper" in removed.reason
    assert "Great post!" in removed.text and "Linear attention" in removed.text


def test_the_authors_sentences_about_related_work_stay():
    text = (FURNITURE / "ghost-disqus.html").read_text(encoding="utf-8")
    posts, _ = read_html(text, "g.html")
    assert "Related work is listed in the paper's appendix." in posts[0].text
    assert "A reader wrote" not in posts[0].text


def test_the_furniture_costs_no_citation_in_a_folder_of_pages():
    r = read_paths([FURNITURE])
    edges, _, _ = relate(r.posts, options=BuildOptions(layers=("cites",)))
    title = {p.key: p.title for p in r.posts}
    assert sorted((title[e.source], title[e.target]) for e in edges) == [
        ("Rotary embeddings", "Attention notes"), ("Some idea", "Rotary embeddings")]


def test_a_post_element_named_like_furniture_is_still_read():
    page = ('<html><body><article class="post-navigation-demo"><h1>Nav</h1><p>A post about '
            'site navigation links <a href="/b/">here</a>.</p><nav><a href="/c/">next</a>'
            '</nav></article></body></html>')
    posts, _ = read_html(page, "n.html")
    assert "site navigation links" in posts[0].text
    assert [link.url for link in posts[0].links] == ["/b/"]


def test_a_page_dated_only_by_its_json_ld_takes_that_date():
    """SEO plugins and themes (Yoast, Ghost, PaperMod) date a page in schema.org JSON-LD;
    a site's WebSite node or a broken block dates nothing."""
    from graphkit.readers.html import read_html

    page = ('<html><head><script type="application/ld+json">{broken</script>'
            '<script type="application/ld+json">{"@context": "https://schema.org", "@graph": ['
            '{"@type": "WebSite", "datePublished": "2001-01-01"},'
            '{"@type": ["BlogPosting"], "datePublished": "2021-03-01T00:30:00+08:00"}]}'
            '</script></head><body><article><h1>T</h1><p>Body.</p></article></body></html>')
    (post,), _ = read_html(page, "t.html")
    assert post.date == "2021-03-01"
    (post,), _ = read_html(page.replace("BlogPosting", "WebPage"), "t.html")
    assert post.date is None
