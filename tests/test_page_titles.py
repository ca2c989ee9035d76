"""A saved page's title is the post's, not the site's; a map names the blog it maps."""

import re
from pathlib import Path

import pytest

from graphkit.readers import blog_name, read, read_paths
from graphkit.sites import read_site_config

FIXTURES = Path(__file__).parent / "fixtures"


def test_each_saved_page_is_its_own_post_under_its_own_title():
    r = read_paths([FIXTURES / "page-titles"])
    pages = sorted((FIXTURES / "page-titles").glob("*.html"))
    assert len(r.posts) == len(pages) == 5        # before: three pages merged as 小林的笔记
    for p in r.posts:
        said = re.search(r"应读出标题“([^”]+)”", p.text).group(1)   # each page says it
        assert p.title == said, p.sources[0].path
    assert all("小林的笔记" not in p.title for p in r.posts)


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
