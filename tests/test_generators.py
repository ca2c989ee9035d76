"""Quarto, Astro, Eleventy, Gatsby, VuePress and VitePress blogs (tests/fixtures/zoo/),
Jupyter notebooks, dates as generators write them, and the files of a site that are
code, not posts.

The zoo's own tests (tests/test_zoo.py) ask each blog for its six posts and eight
citations; these ask what each generator's configuration gives and why every other file
is set aside.
"""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest
from conftest import FIXTURES, read_cites
from hypothesis import given, strategies as st

from graphkit.dates import parse_date
from graphkit.options import BuildOptions
from graphkit.pipeline import relate
from graphkit.readers import blog_name, read_paths, read_text
from graphkit.readers.frontmatter import listing_page
from graphkit.readers.lektor import lektor_fields
from graphkit.sites import ASTRO_KINDS, config_kind, file_route, read_site_config

ZOO = FIXTURES / "zoo"

# blog → (configuration values, a post's title → its address)
SITES = {
    "quarto": ({"generator": "quarto", "url": "https://quarto.example", "output": "_site",
                "title": "注意力笔记"},
               {"旋转位置编码的直观理解": "https://quarto.example/posts/2020-03-04-rope/",
                "位置编码的外推实验": "https://quarto.example/posts/2021-07-08-extra.html"}),
    "astro": ({"generator": "astro", "url": "https://astro.example"},
              {"线性注意力的简单推导": "https://astro.example/blog/linear/"}),
    "eleventy": ({"generator": "eleventy", "input": "content", "includes": "../_includes",
                  "data": "../_data", "output": "_site"}, {}),
    "gatsby": ({"generator": "gatsby", "url": "https://gatsby.example", "title": "注意力笔记"},
               {"旋转位置编码的直观理解": "https://gatsby.example/rope/"}),
    "vuepress": ({"generator": "vuepress", "url": "https://vp.example/my-blog",
                  "base": "/my-blog", "title": "测试"},
                 {"线性注意力的简单推导": "https://vp.example/my-blog/blogs/ml/linear/",
                  "位置编码的外推实验": "https://vp.example/my-blog/blogs/ml/extra.html",
                  "随手记下的一个想法": "https://vp.example/my-blog/post/idea-note"}),
    "vitepress": ({"generator": "vitepress", "url": "https://vt.example/notes",
                   "base": "/notes", "input": "src", "clean_urls": "true", "title": "测试笔记"},
                  {"旋转位置编码的直观理解": "https://vt.example/notes/posts/rope",
                   "线性注意力的简单推导": "https://vt.example/notes/posts/linear/"}),
}

# blog → file → words its fragment's reason holds
SET_ASIDE = {
    "quarto": {"index.qmd": "a listing page", "about.qmd": "top of the site's content",
               "posts/2022-01-01-draft/index.qmd": "draft: true",
               "_site/posts/2020-03-04-rope/index.html": "built (_site/)",
               "posts/2020-05-06-linear/index.ipynb": "1 code or raw cell"},
    "astro": {"src/pages/about.md": "a page of the site (src/pages/)",
              "src/pages/index.astro": "a template (Astro)",
              "src/layouts/BlogPost.astro": "a template (Astro)",
              "src/consts.ts": "source code (TypeScript)",
              "src/content/blog/draft.md": "draft: true",
              "dist/blog/rope/index.html": "built (dist/)"},
    "eleventy": {"content/about.md": "top of the site's content (content/)",
                 "content/404.md": "top of the site's content (content/)",
                 "content/index.njk": "a template (Nunjucks)",
                 "_includes/layouts/notes.md": "(_includes/)",
                 "content/blog/blog.11tydata.js": "source code (JavaScript)",
                 "_site/blog/rope/index.html": "built (_site/)"},
    "gatsby": {"src/pages/about.md": "a page of the site (src/pages/)",
               "src/pages/index.js": "source code (JavaScript)",
               "public/rope/index.html": "built (public/)"},
    "vuepress": {"docs/README.md": "the site's home page (front matter home: true",
                 "docs/about.md": "top of the site's content",
                 "docs/blogs/notes/draft.md": "not published (publish: false)"},
    "vitepress": {"README.md": "a README without front matter",
                  "src/index.md": "layout: home",
                  "src/archive.md": "top of the site's content (src/)"},
}


@pytest.fixture(scope="module", params=sorted(SITES))
def site(request):
    return request.param, read_paths([ZOO / request.param])


def test_the_configuration_is_read(site):
    name, r = site
    (conf,) = [f for f in r.files if f.format == "site-config"
               and config_kind(f.path) not in ASTRO_KINDS]    # (not its routes' files)
    assert conf.error is None and dict(conf.site) == SITES[name][0]
    urls = {p.title: p.url for p in r.posts}
    for title, url in SITES[name][1].items():
        assert urls[title] == url


def test_the_blog_is_named_by_its_configuration(site):
    """Its title; Astro's config has none (the host of its addresses names it); Eleventy's
    is in ``_data/metadata.js``, a program graphkit does not run, and no post has an
    address."""
    name, r = site
    assert blog_name(r) == {"quarto": "注意力笔记", "gatsby": "注意力笔记",
                            "astro": "astro.example", "eleventy": None,
                            "vuepress": "测试", "vitepress": "测试笔记"}[name]


def test_every_other_file_is_set_aside_with_its_reason(site):
    name, r = site
    for path, words in SET_ASIDE[name].items():
        reasons = [f.reason for f in r.fragments if f.path == f"{name}/{path}"]
        assert any(words in why for why in reasons), (path, reasons)


def test_every_post_has_its_date(site):
    _, r = site
    dates = {p.title: p.date for p in r.posts}
    assert dates["旋转位置编码的直观理解"] == "2020-03-04"
    assert dates["随手记下的一个想法"] == "2021-09-10"
    assert all(dates.values())


def test_the_notebook_post_is_its_markdown_cells():
    r = read_paths([ZOO / "quarto"])
    post = next(p for p in r.posts if p.title == "线性注意力的简单推导")
    assert post.sources[0].format == "notebook" and post.categories == ("注意力",)
    assert "可以结合" in post.text and "论文原文见" in post.text
    assert "print(" not in post.text and "extra" not in " ".join(l.url for l in post.links)
    text = (ZOO / "quarto/posts/2020-05-06-linear/index.ipynb").read_text(encoding="utf-8")
    (code,) = [f for f in r.fragments if f.path.endswith("index.ipynb")]
    assert '"cell_type": "code"' in text.splitlines()[code.line - 1]


@pytest.mark.parametrize("text, words", [
    ("{not json", "broken JSON"),
    ('{"worksheets": [{"cells": []}], "nbformat": 3}', "nbformat 3"),
    ('{"cells": [{"cell_type": "code", "source": "x = 1", "outputs": []}], "nbformat": 4}',
     "without Markdown text"),
])
def test_what_is_not_a_notebook_post_is_reported(text, words):
    layout, posts, frags = read_text(text, "blog/x.ipynb")
    assert layout == "notebook" and posts == []
    assert any(words in f.reason for f in frags), [f.reason for f in frags]


def test_a_notebook_without_front_matter_takes_its_heading():
    nb = {"cells": [{"cell_type": "markdown", "source": ["# 梯度下降\n", "\n", "见[上一篇](/posts/a/)。"]}],
          "nbformat": 4, "nbformat_minor": 5}
    _, posts, _ = read_text(json.dumps(nb, ensure_ascii=False), "blog/2020-01-02-gd.ipynb")
    (post,) = posts
    assert post.title == "梯度下降" and post.date == "2020-01-02"
    assert [link.url for link in post.links] == ["/posts/a/"]


def test_a_hidden_generator_settings_file_is_read(tmp_path):
    """Eleventy's classic ``.eleventy.js``: hidden, but the site's configuration."""
    (tmp_path / ".eleventy.js").write_text(
        'module.exports = function(c) { return { dir: { input: "src" } }; };', encoding="utf-8")
    (tmp_path / ".hidden.md").write_text("---\ntitle: 隐藏\n---\n正文。\n", encoding="utf-8")
    (tmp_path / "src" / "posts").mkdir(parents=True)
    (tmp_path / "src" / "about.md").write_text("---\ntitle: 关于\n---\n关于。\n", encoding="utf-8")
    (tmp_path / "src" / "posts" / "a.md").write_text("---\ntitle: 甲\n---\n正文。\n",
                                                     encoding="utf-8")
    r = read_paths([tmp_path])
    assert [f.site for f in r.files if f.format == "site-config"] == [
        (("generator", "eleventy"), ("input", "src"))]
    assert [p.title for p in r.posts] == ["甲"]


@pytest.mark.parametrize("meta, listed", [
    ({"listing": {"contents": "posts"}}, True), ({"listing": "default"}, True),
    ({"listing": [{"id": "a"}]}, True), ({"pagination": {"enabled": True}}, True),
    ({"listing": False}, False), ({"listing": "some words"}, False),
    ({"pagination": {"enabled": False}}, False), ({"title": "x"}, False),
    ({"home": True}, True), ({"layout": "home"}, True), ({"layout": "post"}, False),
    ({"home": "yes"}, False),
])
def test_a_listing_page_is_not_a_post(meta, listed):
    assert (listing_page(meta) is not None) == listed


@pytest.mark.parametrize("name, suffix, words", [
    ("x.njk", "{% for p in collections.posts %}<a href='{{ p.url }}'>{% endfor %}", "Nunjucks"),
    ("x.liquid", "{{ content }}", "Liquid"), ("Post.svelte", "<h1>{title}</h1>", "Svelte"),
    ("site.js", "const a = '[x](/posts/a/)';", "JavaScript"),
    ("theme.scss", "a { color: red }", "stylesheet"),
])
def test_templates_and_code_are_not_posts(name, suffix, words):
    layout, posts, frags = read_text("---\ntitle: 模板\n---\n" + suffix, f"site/{name}")
    assert posts == [] and len(frags) == 1 and words in frags[0].reason


@pytest.mark.parametrize("generator, inside, slug, conf, path", [
    ("quarto", "posts/a/index.qmd", None, {}, "/posts/a/"),
    ("quarto", "posts/b.ipynb", None, {}, "/posts/b.html"),
    ("eleventy", "content/blog/a.md", None, {"input": "content"}, "/blog/a/"),
    ("eleventy", "content/blog/a/index.md", None, {"input": "content"}, "/blog/a/"),
    ("eleventy", "notes/a.md", None, {"input": "content"}, None),
    ("astro", "src/content/blog/Hello.mdx", None, {}, "/blog/hello/"),
    ("astro", "src/data/posts/x/index.md", None, {}, "/posts/x/"),
    ("astro", "src/content/blog/a.md", "own-slug", {}, "/blog/own-slug/"),
    ("astro", "src/pages/about.md", None, {}, None),
    ("gatsby", "content/blog/a/index.md", None, {}, "/a/"),
    ("gatsby", "src/pages/about.md", None, {}, None),
    ("vuepress", "blogs/ml/rope.md", None, {}, "/blogs/ml/rope.html"),
    ("vuepress", "blogs/ml/linear/README.md", None, {}, "/blogs/ml/linear/"),
    ("vuepress", "README.md", None, {}, "/"),
    ("vitepress", "src/posts/rope.md", None, {"input": "src", "clean_urls": "true"}, "/posts/rope"),
    ("vitepress", "src/posts/a/index.md", None, {"input": "src"}, "/posts/a/"),
    ("vitepress", "posts/README.md", None, {}, "/posts/README.html"),
    ("vitepress", "other/x.md", None, {"input": "src"}, None),
    ("lektor", "content/blog/first-post/contents.lr", None, {}, "/blog/first-post/"),
    ("lektor", "content/blog/first-post/contents.lr", "hello", {}, "/blog/hello/"),
    ("lektor", "content/contents.lr", None, {}, "/"),
    ("lektor", "content/blog/a/contents+de.lr", None, {}, None),
    ("jbake", "content/blog/2013/first.md", None, {"input": "content"}, "/blog/2013/first.html"),
    ("jbake", "content/blog/a.adoc", None, {"input": "content", "no_extension": "/blog/"},
     "/blog/a/"),
    ("jbake", "content/about.md", None, {"input": "content", "no_extension": "/blog/"},
     "/about.html"),
    ("jbake", "src/a.md", None, {"input": "content"}, None),
])
def test_file_routes(generator, inside, slug, conf, path):
    assert file_route(generator, inside, slug, conf) == path


def test_a_hidden_settings_folder_gives_its_settings_file_only():
    """``.vuepress/`` and ``.vitepress/`` hold the configuration, and also the theme's
    components, static files and the built site: none of those is read."""
    for blog, hidden in (("vuepress", "docs/.vuepress/"), ("vitepress", ".vitepress/")):
        r = read_paths([ZOO / blog])
        inside = [f.path for f in r.files if f.path.startswith(f"{blog}/{hidden}")]
        assert inside == [f"{blog}/{hidden}config." + ("js" if blog == "vuepress" else "mts")]
        assert (ZOO / blog / hidden / ("components" if blog == "vuepress" else "dist")).is_dir()


def test_the_built_page_beside_the_sources_is_the_same_post():
    """VuePress built into ``public/`` beside its ``docs/``: the page's ``<title>`` ends
    with the site's name, which ``.vuepress/config.js`` gives; without it, it is the
    source post's title, and the two are one post."""
    r = read_paths([ZOO / "vuepress"])
    (rope,) = [p for p in r.posts if p.title == "旋转位置编码的直观理解"]
    assert sorted(s.path for s in rope.sources) == ["vuepress/docs/blogs/ml/rope.md",
                                                    "vuepress/public/blogs/ml/rope.html"]
    assert not any("|" in p.title for p in r.posts)


@pytest.mark.parametrize("name, text", [
    ("d/.vuepress/config.yml",
     "base: /b/\ntitle: 甲\nthemeConfig:\n  hostname: https://y.example\n"),
    ("d/.vuepress/config.toml",
     'base = "/b/"\ntitle = "甲"\n[themeConfig]\nhostname = "https://y.example"\n'),
    ("d/.vuepress/config.ts", "export default defineUserConfig({ base: '/b/', title: '甲',\n"
                              "  plugins: [sitemapPlugin({ hostname: 'https://y.example' })] })"),
])
def test_vuepress_settings_in_each_of_their_forms(name, text):
    assert read_site_config(text, name) == (
        ("generator", "vuepress"), ("url", "https://y.example/b"), ("base", "/b"),
        ("title", "甲"))


@pytest.mark.parametrize("name, text, folder", [
    ("_config.yml", "title: 甲\ndestination: ./docs\n", "docs"),               # Jekyll
    ("_config.yml", "title: 甲\npermalink: :year/:title/\npublic_dir: site/\n", "site"),  # Hexo
    ("hugo.toml", 'title = "甲"\npublishDir = "docs"\n', "docs"),
    ("config.yaml", "title: 甲\npublishdir: ../public\n", None),       # outside the site
    ("astro.config.mjs", "export default defineConfig({ site: 'https://a.example', "
                         "outDir: './build' })", "build"),
    ("d/.vitepress/config.mts", "export default { srcDir: 'src', outDir: 'site' }", "site"),
])
def test_the_folder_a_site_is_built_into_is_read(name, text, folder):
    """Each generator's own name for its build folder (the pages there are the site as
    built, reported, not posts); a folder outside the site's is none of its files."""
    assert dict(read_site_config(text, name)).get("output") == folder


def test_a_readme_is_a_post_only_under_front_matter(tmp_path):
    """VuePress' ``README.md`` is its folder's page, and has front matter; a repository's
    README describes the repository: it is listed, not read as a post."""
    (tmp_path / "notes" / "b").mkdir(parents=True)
    (tmp_path / "README.md").write_text("# 我的博客\n\n见 [甲](notes/a.md)。\n", encoding="utf-8")
    (tmp_path / "notes" / "a.md").write_text("---\ntitle: 甲\n---\n见[乙](b/)。\n",
                                             encoding="utf-8")
    (tmp_path / "notes" / "b" / "README.md").write_text(
        "---\ntitle: 乙\n---\n见[甲](../a.md)。\n", encoding="utf-8")
    r = read_paths([tmp_path])
    assert sorted(p.title for p in r.posts) == ["乙", "甲"]
    (readme,) = [f for f in r.files if f.format == "readme"]
    assert readme.path.endswith("/README.md") and readme.posts == 0
    assert [f.reason for f in r.fragments if f.path == readme.path] == [
        "a README without front matter: the description of a folder or repository, not a post"]
    edges, _, _ = relate(r.posts, options=BuildOptions(layers=("cites",)))
    title = {p.key: p.title for p in r.posts}
    assert sorted((title[e.source], title[e.target]) for e in edges) == [("乙", "甲"), ("甲", "乙")]


def test_a_docsify_site_navigation_and_hash_routes(tmp_path):
    """A Docsify site: its ``index.html`` is an empty shell its script fills, its
    ``_sidebar.md`` and ``_navbar.md`` the menu around every page (their links are no
    citations), and its pages link each other by path or by hash route (``#/ml/b``)."""
    docs = tmp_path / "docs"
    (docs / "ml").mkdir(parents=True)
    (docs / "index.html").write_text(
        "<!DOCTYPE html><html><head><title>小林的笔记</title></head><body><div id=\"app\">"
        "</div><script>window.$docsify = { name: '小林的笔记', loadSidebar: true }</script>"
        "</body></html>", encoding="utf-8")
    (docs / "_sidebar.md").write_text("- [甲](ml/a.md)\n- [乙](ml/b.md)\n- [丙](ml/c.md)\n",
                                      encoding="utf-8")
    (docs / "_navbar.md").write_text("- [乙](ml/b.md)\n", encoding="utf-8")
    (docs / "ml" / "a.md").write_text("# 甲\n\n甲建立在[乙](#/ml/b?id=推导)之上。\n",
                                      encoding="utf-8")
    (docs / "ml" / "b.md").write_text("# 乙\n\n乙是基础。\n", encoding="utf-8")
    (docs / "ml" / "c.md").write_text("# 丙\n\n丙接着[甲](/ml/a)。\n", encoding="utf-8")
    r = read_paths([tmp_path])
    assert sorted(p.title for p in r.posts) == ["丙", "乙", "甲"]
    reasons = {f.path.rsplit("/", 1)[-1]: f.reason for f in r.fragments}
    assert reasons["_sidebar.md"].startswith("a site's navigation (_sidebar.md")
    assert reasons["_navbar.md"].startswith("a site's navigation (_navbar.md")
    assert reasons["index.html"].startswith("a page its scripts draw")
    edges, _, _ = relate(r.posts, options=BuildOptions(layers=("cites",)))
    title = {p.key: p.title for p in r.posts}
    assert sorted((title[e.source], title[e.target]) for e in edges) == [("丙", "甲"), ("甲", "乙")]


@pytest.mark.parametrize("text, toc", [
    ("# Summary\n\n[Introduction](README.md)\n\n- [甲](a.md)\n  - [乙](a/b.md)\n---\n"
     "# Part II\n- [丙](c.md)\n", True),                       # mdBook's, GitBook's
    ("# Summary\n\nThis week I read [甲](a.md) and liked it.\n\nMore thoughts follow here.\n"
     "And here.\n", False),                                    # a note called Summary
    ("---\ntitle: Summary\n---\n- [甲](a.md)\n", False),     # a page under front matter
])
def test_summary_md_is_a_table_of_contents_only_when_it_is_one(text, toc):
    layout, posts, frags = read_text(text, "book/SUMMARY.md")
    assert (layout == "navigation") == toc
    assert bool(posts) != toc
    if toc:
        assert frags[0].reason.startswith("a book's table of contents")


def test_a_script_is_no_text_of_a_page():
    page = ("<html><head><title>甲</title></head><body><article><p>正文一句。<script>var ad = "
            "'很长很长的一段脚本文字';</script>后半句。</p></article></body></html>")
    _, (post,), _ = read_text(page, "a.html")
    assert post.text == "正文一句。后半句。"
    photo = "<html><head><title>照片</title></head><body><img src='a.jpg'></body></html>"
    assert [p.title for p in read_text(photo, "b.html")[1]] == ["照片"]   # media: a post


@pytest.mark.parametrize("meta, why", [
    ({"publish": False}, "not published (publish: false)"),
    ({"article": False}, "a page, not an article (article: false)"),
    ({"publish": True, "article": True}, None),
])
def test_vuepress_themes_pages_that_are_not_posts(meta, why):
    from graphkit.readers.frontmatter import unpublished

    assert unpublished(meta, "docs/x.md") == why


def test_javascript_settings_are_read_without_running_them():
    astro = "export default defineConfig({ site: 'https://x.example', base: '/docs' });"
    assert read_site_config(astro, "b/astro.config.mjs") == (
        ("generator", "astro"), ("url", "https://x.example/docs"))
    gatsby = "module.exports = { siteMetadata: { title: `A ${x}`, siteUrl: url } }"
    assert read_site_config(gatsby, "b/gatsby-config.js") == (("generator", "gatsby"),)


# ------------------------------------------------------------------ dates

@pytest.mark.parametrize("value, date", [
    ("Jul 08 2022", "2022-07-08"), ("July 8, 2022", "2022-07-08"),
    ("Sat, 08 Jul 2022 10:00:00 +0800", "2022-07-08"), ("8 July 2022", "2022-07-08"),
    ("2015-05-01T22:12:03.284Z", "2015-05-01"), ("2022/7/8", "2022-07-08"),
    ("2022年7月8日", "2022-07-08"), ("2021-07-08 Thu", "2021-07-08"),
    (dt.date(2020, 1, 2), "2020-01-02"), (dt.datetime(2020, 1, 2, 23, 59), "2020-01-02"),
    ("2022", None), ("July 2022", None), ("May 3", None), ("last-modified", None),
    ("2022/13/40", None), ("jun 31 2022", None), (True, None), (None, None), ("", None),
    ("13/08/2022", "2022-08-13"), ("08/13/2022", "2022-08-13"), ("31.12.2021", "2021-12-31"),
    ("07/08/2022", None), ("13/14/2022", None), ("31/02/2022", None),
    ("14:14 05/19/2016", "2016-05-19"), ("12:19 17-07-2018", "2018-07-17"),
    ("3:05 pm 08/13/2020", "2020-08-13"), ("10:00 12/01/2020", None),
    # other languages' months, and dotted numbers (the day first wherever dots are used)
    ("5. März 2024", "2024-03-05"), ("Montag, 5. Februar 2024", "2024-02-05"),
    ("le 14 juillet 2020 à 10h30", "2020-07-14"), ("1er août 2023", "2023-08-01"),
    ("5 de marzo de 2024", "2024-03-05"), ("14 de julho de 2020", "2020-07-14"),
    ("3 maggio 2021", "2021-05-03"), ("3 mei 2021", "2021-05-03"),
    ("5 marca 2024", "2024-03-05"), ("5 марта 2024 г.", "2024-03-05"),
    ("5 Mart 2024", "2024-03-05"), ("17 Agustus 2023", "2023-08-17"),
    ("05.03.2024", "2024-03-05"), ("mai 2024", None), ("März", None),
])
def test_dates_as_generators_write_them(value, date):
    assert parse_date(value) == date


@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)),
       st.sampled_from(["%m/%d/%Y", "%d-%m-%Y", "%d.%m.%Y", "%H:%M %m/%d/%Y",
                        "%H:%M %d-%m-%Y", "%m/%d/%Y %H:%M", "%Y-%m-%d %H:%M"]))
def test_phps_rule_reads_every_day_whatever_its_numbers(day, form):
    """PHP's ``strtotime`` (Grav's dates): slashes put the month first, dashes and dots
    the day, so ``04/03/2018`` and ``04-03-2018`` are two days, both read."""
    written = dt.datetime.combine(day, dt.time(14, 14)).strftime(form)
    assert parse_date(written, php=True) == day.isoformat()


@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)),
       st.sampled_from(["%b %d %Y", "%B %d, %Y", "%d %B %Y", "%a, %d %b %Y 10:00:00 +0000",
                        "%Y-%m-%d", "%Y/%m/%d", "%Y年%m月%d日", "%Y-%m-%dT%H:%M:%SZ"]))
def test_a_written_date_reads_back_as_itself(day, form):
    assert parse_date(day.strftime(form)) == day.isoformat()


@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)).filter(
    lambda d: d.day > 12), st.sampled_from(["%d/%m/%Y", "%m/%d/%Y", "%d.%m.%Y", "%m-%d-%Y"]))
def test_a_day_over_12_tells_which_number_is_the_day(day, form):
    assert parse_date(day.strftime(form)) == day.isoformat()


@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)))
def test_dotted_numbers_name_the_day_first(day):
    """``05.03.2024`` is 5 March: the countries that write dates with dots write the day
    first (Germany's DIN 5008, Russia's GOST R 7.0.97); slashes stay undecided."""
    assert parse_date(day.strftime("%d.%m.%Y")) == day.isoformat()


@given(st.datetimes(min_value=dt.datetime(1974, 1, 1), max_value=dt.datetime(2099, 12, 30)))
def test_unix_time_and_the_basic_format_read_as_their_day(moment):
    """Seconds and milliseconds since the epoch (as YAML gives them: numbers) name their
    day in UTC; ``YYYYMMDD`` its day."""
    utc = moment.replace(tzinfo=dt.timezone.utc)
    seconds = int(utc.timestamp())
    day = dt.datetime.fromtimestamp(seconds, tz=dt.timezone.utc).date().isoformat()
    assert parse_date(seconds) == parse_date(seconds * 1000 + 999) == day
    assert parse_date(moment.strftime("%Y%m%d")) == moment.date().isoformat()


@pytest.mark.parametrize("number", [12345678, 20211332, 99999999, 2022, "12345678901",
                                    4200000000, 99999999999999])
def test_a_number_that_is_no_day_of_these_years_is_none(number):
    """An id, a count or a time outside 1970–2100 names no date."""
    assert parse_date(number) is None


def test_a_notes_created_time_in_milliseconds_dates_it():
    _, (post,), frags = read_text("---\ntitle: 甲\ncreated: 1608254542044\n---\n\n正文。\n",
                                  "notes/ml.rope.md")
    assert post.date == "2020-12-18" and frags == []


def test_a_hashnode_backup_is_dated_by_date_published():
    """Hashnode's GitHub backup writes JavaScript's ``Date.toString()`` under
    ``datePublished`` and its tags as one comma-separated string."""
    text = ("---\ntitle: \"Rotary embeddings\"\ndatePublished: Wed Mar 01 2023 10:00:00 "
            "GMT+0000 (Coordinated Universal Time)\ncuid: clex1abcd000208l5f0h1e2g3\n"
            "slug: rotary-embeddings\ntags: machine-learning, transformers\n\n---\n\n正文。\n")
    _, (post,), frags = read_text(text, "rotary-embeddings.md")
    assert (post.date, post.tags) == ("2023-03-01", ("machine-learning", "transformers"))
    assert frags == []


def test_a_date_that_cannot_be_read_is_reported_not_dropped():
    _, (post,), frags = read_text("---\ntitle: 甲\ndate: 07/08/2022\n---\n\n正文。\n", "a.md")
    assert post.date is None
    assert [(f.line, f.text) for f in frags if "the post is undated" in f.reason] == [
        (1, "07/08/2022")]
    _, (post,), frags = read_text("---\ntitle: 甲\npublished: 'true'\n---\n\n正文。\n", "b.md")
    assert post.date is None and frags == []             # a flag, not a date


@pytest.mark.parametrize("name, meta, date", [
    ("a.md", "lastmod: 2023-10-19T00:40:04-07:00", "2023-10-19"),      # Hugo's own fallback
    ("a.md", "updated_at: '2023-06-01T12:00:00+09:00'\nprivate: false", "2023-06-01"),
    ("a.md", "date: 2019-01-02\nupdated: 2023-06-01", "2019-01-02"),
    ("2020-02-03-a.md", "last_modified_at: 2024-01-01", "2020-02-03"),  # the file's day first
    ("a.md", "modified: someday", None),
])
def test_the_day_a_post_last_changed_dates_it_only_when_nothing_else_does(name, meta, date):
    _, (post,), _ = read_text(f"---\ntitle: 甲\n{meta}\n---\n\n正文。\n", name)
    assert post.date == date


def test_a_date_unread_beside_the_day_it_last_changed_is_reported(tmp_path):
    (tmp_path / "a.md").write_text("---\ntitle: 甲\ndate: soon\nupdated: 2022-05-06\n---\n\n"
                                   "正文。\n", encoding="utf-8")
    result = read_paths([tmp_path])
    assert [p.date for p in result.posts] == ["2022-05-06"]
    assert [(f.line, f.text, f.reason.rsplit(": ", 1)[1]) for f in result.fragments] == [
        (1, "soon", "the post is dated by the day it last changed, 2022-05-06")]


@given(st.text(max_size=40).filter(lambda t: not any(c.isdigit() for c in t)))
def test_text_without_a_number_names_no_date(text):
    assert parse_date(text) is None


# ------------------------------------------------------------------ HTML under front matter

def test_an_html_post_under_front_matter_is_a_generators_source(tmp_path):
    """Jekyll's posts imported from WordPress (jekyll-import) are ``.html`` files under
    YAML front matter: the title, date and categories are the front matter's, the text
    and links the HTML's (Liquid tags in an ``href`` too), never the code's."""
    (tmp_path / "_config.yml").write_text("url: https://old.example\n", encoding="utf-8")
    posts = tmp_path / "_posts"
    posts.mkdir()
    (posts / "2009-01-03-second.md").write_text("---\ntitle: 第二篇\n---\n正文。\n",
                                                encoding="utf-8")
    (posts / "2010-03-04-migrated.html").write_text(
        "---\nlayout: post\ntitle: 从 WordPress 迁来\ndate: 2010-03-04 10:00:00 +08:00\n"
        "categories:\n- 随笔\nstatus: publish\n---\n"
        '<p>迁移过来的文章 &amp; 引用了<a href="{{ site.baseurl }}{% post_url 2009-01-03-second %}">'
        "第二篇</a>。</p>\n<pre><code>&lt;a href=\"/not/a/link\"&gt;</code></pre>\n"
        "<script>var x = \"<a href='/nope/'>\";</script>\n", encoding="utf-8")
    r = read_paths([tmp_path])
    post = next(p for p in r.posts if p.date == "2010-03-04")
    assert (post.title, post.categories) == ("从 WordPress 迁来", ("随笔",))
    assert post.sources[0].format == "front-matter"
    assert "&amp;" not in post.text and "var x" not in post.text and "layout:" not in post.text
    edges, _, _ = relate(r.posts, options=BuildOptions(layers=("cites",)))
    title = {p.key: p.title for p in r.posts}
    assert [(title[e.source], title[e.target]) for e in edges] == [("从 WordPress 迁来", "第二篇")]


def test_blogdown_source_and_its_rendering_are_one_post(tmp_path):
    """blogdown writes ``x.html`` (front matter over HTML) beside ``x.Rmd`` in Hugo's
    content folder: one post, whose citation is counted once."""
    (tmp_path / "config.toml").write_text(
        'baseurl = "https://bd.example/"\n[permalinks]\n  post = "/:year/:month/:day/:slug/"\n',
        encoding="utf-8")
    folder = tmp_path / "content" / "post"
    folder.mkdir(parents=True)
    front = "---\ntitle: \"{}\"\ndate: {}\nslug: {}\n---\n\n"
    for name, (title, day, slug, body) in {
            "2020-01-01-first": ("First model", "2020-01-01", "first", "We fit a linear model."),
            "2020-02-01-second": ("Second model", "2020-02-01", "second",
                                  "Following [the first](/2020/01/01/first/), a GLM.")}.items():
        (folder / f"{name}.Rmd").write_text(front.format(title, day, slug) + body,
                                            encoding="utf-8")
        html = re.sub(r"\[([^]]*)\]\(([^)]*)\)", r'<a href="\2">\1</a>', body)
        (folder / f"{name}.html").write_text(front.format(title, day, slug) + f"<p>{html}</p>\n",
                                             encoding="utf-8")
    r = read_paths([tmp_path])
    assert sorted(p.title for p in r.posts) == ["First model", "Second model"]
    assert all(len(p.sources) == 2 for p in r.posts)
    edges, _, _ = relate(r.posts, options=BuildOptions(layers=("cites",)))
    assert len(edges) == 1


# ------------------------------------------------ JSON front matter, titles from names
HUGO_JSON = """{
  "title": "Rotary embeddings",
  "date": "2021-07-08T10:00:00+08:00",
  "tags": ["transformer", "position"],
  "params": {"math": true}
}

Rotary embeddings rotate queries and keys; see [attention]({{< ref "attention.md" >}}).
"""


def test_hugo_json_front_matter_is_read_as_front_matter():
    layout, posts, frags = read_text(HUGO_JSON, "content/posts/rotary.md")
    assert layout == "front-matter" and frags == []
    post = posts[0]
    assert (post.title, post.date, post.tags) == ("Rotary embeddings", "2021-07-08",
                                                   ("transformer", "position"))
    assert post.text.startswith("Rotary embeddings rotate") and '"title"' not in post.text
    assert [link.url for link in post.links] == ["site-ref:attention.md"]


def test_broken_json_front_matter_names_its_line():
    broken = HUGO_JSON.replace('"tags": [', '"tags": [,', 1)
    _, posts, frags = read_text("\n" + broken, "content/posts/rotary.md")
    bad = [f for f in frags if f.reason.startswith("broken front matter")]
    assert len(bad) == 1 and bad[0].line == 5           # the file's line of "tags"
    assert posts and posts[0].text.startswith("Rotary embeddings rotate")


def test_json_front_matter_never_closed_is_reported():
    _, posts, frags = read_text('{\n  "title": "x",\n\nText.\n', "content/posts/x.md")
    assert posts == [] and frags[0].reason == "front matter opened with '{' is never closed"


def test_a_json_data_file_is_no_post():
    layout, posts, _ = read_text('{\n  "title": "My site",\n  "lang": "en"\n}\n', "data/site.json")
    assert layout == "data" and posts == []


@pytest.mark.parametrize("path, text", [
    ("_data/authors.yml", "zhang:\n  name: 张三\n"),            # Jekyll's data
    ("content/1.blog/_dir.yml", "title: 博客\nicon: book\n"),   # Nuxt Content's folder
    ("data/menu.toml", "[[main]]\nname = 'Home'\n"),           # Hugo's data
])
def test_a_data_file_is_reported_as_data_not_an_unknown_layout(path, text):
    layout, posts, (frag,) = read_text(text, path)
    assert (layout, posts) == ("data", [])
    assert frag.reason.startswith("a data file") and (frag.line, frag.end_line) == (1, 2)


@pytest.mark.parametrize("path, title", [
    ("_posts/2021-07-08-rotary-embeddings.md", "Rotary Embeddings"),   # Jekyll
    ("blog/_posts/2021-07-08-GPT-2-notes.markdown", "Gpt 2 Notes"),      # (capitalised)
    ("source/_posts/hello-world.md", "hello-world"),                    # Hexo
    ("content/posts/rotary.md", ""),                                    # Hugo: untitled
])
def test_a_post_without_a_title_is_named_as_its_generator_names_it(path, title):
    _, posts, _ = read_text("---\nlayout: post\n---\nRotary embeddings rotate vectors.\n", path)
    assert posts[0].title == title
    assert posts[0].untitled == (not title)


@pytest.mark.parametrize("key", ["redirect_from", "aliases", "alias"])
def test_a_former_address_still_reaches_the_post(tmp_path, key):
    """jekyll-redirect-from's ``redirect_from``, Hugo's ``aliases``, hexo-generator-alias'
    ``alias``: a link written before the post moved reaches it."""
    posts = tmp_path / "_posts"
    posts.mkdir()
    (posts / "2020-01-01-moved.md").write_text(
        f"---\ntitle: Moved\n{key}:\n  - /old/notes/moved-post.html\n---\nText.\n",
        encoding="utf-8")
    (posts / "2021-01-01-later.md").write_text(
        "---\ntitle: Later\n---\nAs in [the old post](/old/notes/moved-post.html).\n",
        encoding="utf-8")
    r = read_paths([tmp_path])
    edges, _, _ = relate(r.posts, options=BuildOptions(layers=("cites",)))
    title = {p.key: p.title for p in r.posts}
    assert [(title[e.source], title[e.target]) for e in edges] == [("Later", "Moved")]


def test_hexo_fills_a_permalinks_other_placeholders_from_front_matter(tmp_path):
    """hexo-abbrlink's ``permalink: posts/:abbrlink/``: the value is in each post's front
    matter. A post without one gets no address, never one holding ``:abbrlink``."""
    (tmp_path / "_config.yml").write_text(
        "url: https://h.example\npermalink: posts/:abbrlink.html\n", encoding="utf-8")
    posts = tmp_path / "source" / "_posts"
    posts.mkdir(parents=True)
    (posts / "a.md").write_text(
        "---\ntitle: 甲\nabbrlink: 3a5b1c2d\n---\n见[乙](/posts/9f0e1d2c.html)。\n", encoding="utf-8")
    (posts / "b.md").write_text("---\ntitle: 乙\nabbrlink: 9f0e1d2c\n---\n见[甲](https://h.example/"
                                "posts/3a5b1c2d.html)。\n", encoding="utf-8")
    (posts / "c.md").write_text("---\ntitle: 丙\n---\n没有链接。\n", encoding="utf-8")
    r = read_paths([tmp_path])
    assert {p.title: p.url for p in r.posts} == {
        "甲": "https://h.example/posts/3a5b1c2d.html",
        "乙": "https://h.example/posts/9f0e1d2c.html", "丙": None}
    edges, _, _ = relate(r.posts, options=BuildOptions(layers=("cites",)))
    title = {p.key: p.title for p in r.posts}
    assert sorted((title[e.source], title[e.target]) for e in edges) == [("乙", "甲"), ("甲", "乙")]


def test_a_posts_own_permalink_or_gatsby_path_is_its_address(tmp_path):
    """A Hexo post's own ``permalink: custom/a/`` (no leading ``/``, as Hexo writes it)
    is ``/custom/a/`` of the site, not an address relative to nothing; a Gatsby page's
    front matter ``slug`` or older ``path`` that is a whole path is its route, as
    Gatsby's guide to Markdown pages makes it (a ``slug`` that is a name is not)."""
    hexo = tmp_path / "hexo"
    (hexo / "source" / "_posts").mkdir(parents=True)
    (hexo / "_config.yml").write_text("url: https://h.example\npermalink: :year/:title/\n",
                                      encoding="utf-8")
    (hexo / "source/_posts/a.md").write_text(
        "---\ntitle: 甲\ndate: 2020-01-02\npermalink: custom/a-post/\n---\n正文。\n",
        encoding="utf-8")
    gatsby = tmp_path / "gatsby"
    for name, front in (("one", 'path: "/posts/first-one"'), ("two", 'slug: "/blog/my-second"'),
                        ("three", "slug: third")):
        (gatsby / "content/blog" / name).mkdir(parents=True)
        (gatsby / "content/blog" / name / "index.md").write_text(
            f"---\ntitle: {name}\ndate: 2020-01-02\n{front}\n---\nText of {name}.\n",
            encoding="utf-8")
    (gatsby / "gatsby-config.js").write_text(
        'module.exports = { siteMetadata: { siteUrl: "https://g.example" } }\n', encoding="utf-8")
    r = read_paths([hexo, gatsby])
    assert {p.title: p.url for p in r.posts} == {
        "甲": "https://h.example/custom/a-post/", "one": "https://g.example/posts/first-one",
        "two": "https://g.example/blog/my-second", "three": "https://g.example/three/"}


@pytest.mark.parametrize("pattern, fields, path", [
    ("/posts/:abbrlink/", {"abbrlink": "3a5b"}, "/posts/3a5b/"),
    ("/posts/:abbrlink/", {}, None),
    ("/:year/:title:output_ext", {}, "/2020/t.html"),
])
def test_permalink_placeholders(pattern, fields, path):
    from graphkit.sites import permalink_path

    assert permalink_path(pattern, slug="s", title_slug="t", filename="f", date="2020-03-04",
                          fields=fields) == path


@pytest.mark.parametrize("extra", [
    "defaults:\n  - scope:\n      path: \"\"\n      type: posts\n    values:\n"
    "      layout: single\n      permalink: /blog/:year/:title/\n",
    "collections:\n  posts:\n    output: true\n    permalink: /blog/:year/:title/\n",
])
def test_jekylls_posts_permalink_from_defaults_or_the_collection(extra):
    """Minimal Mistakes and others set the posts' permalink as a front matter default or
    on the posts collection, over the site's ``permalink``."""
    conf = read_site_config("url: https://j.example\npermalink: /:title/\n" + extra,
                            "b/_config.yml")
    assert ("permalink", "/blog/:year/:title/") in conf and ("permalink", "/:title/") not in conf


def test_hugos_configuration_directory(tmp_path):
    """``config/_default/`` (one file per root key: ``permalinks.toml`` is the
    ``[permalinks]`` table) under ``config/production/``, which ``hugo`` builds with;
    the other settings files are configuration, not unknown files."""
    conf = tmp_path / "config"
    (conf / "_default").mkdir(parents=True)
    (conf / "production").mkdir()
    (conf / "_default" / "hugo.toml").write_text(
        'baseURL = "http://localhost:1313/"\ntitle = "笔记"\n', encoding="utf-8")
    (conf / "production" / "hugo.toml").write_text('baseURL = "https://h.example/"\n',
                                                   encoding="utf-8")
    (conf / "_default" / "permalinks.toml").write_text('posts = "/:year/:slug/"\n',
                                                       encoding="utf-8")
    (conf / "_default" / "params.toml").write_text('[author]\nname = "甲"\n', encoding="utf-8")
    (tmp_path / "content" / "posts").mkdir(parents=True)
    (tmp_path / "content" / "posts" / "a.md").write_text(
        "+++\ntitle = '甲'\ndate = 2020-03-04\nslug = 'a-slug'\n+++\n正文。\n", encoding="utf-8")
    r = read_paths([tmp_path])
    assert [p.url for p in r.posts] == ["https://h.example/2020/a-slug/"]
    assert blog_name(r) == "笔记"
    assert sorted(f.path.split("/", 1)[1] for f in r.files if f.format == "site-config") == [
        "config/_default/hugo.toml", "config/_default/params.toml",
        "config/_default/permalinks.toml", "config/production/hugo.toml"]


def test_hugos_permalinks_by_page_kind():
    """Hugo 0.120's ``[permalinks.page]`` table names the pages' patterns by section."""
    conf = read_site_config('[permalinks.page]\nposts = "/p/:slug/"\n[permalinks.section]\n'
                            'posts = "/p/"\n', "b/hugo.toml")
    assert conf == (("permalink:posts", "/p/:slug/"),)


def _cites(folder):
    return sorted(read_cites(folder)[1])


def test_a_site_whose_addresses_are_not_its_files_paths(tmp_path):
    """Gridea keeps ``posts/SLUG.md`` and publishes ``/post/SLUG/``; no file says so.
    Its own links of that shape name posts, so its host is the site's own; another
    site's links of one shape that also name things that are no post here are not."""
    posts = tmp_path / "posts"
    posts.mkdir()
    head = "---\ntitle: '{}'\ndate: 2021-0{}-01 10:00:00\npublished: true\nhideInList: false\n---\n"
    (posts / "attention.md").write_text(
        head.format("注意力", 1) + "下一篇 [RoPE](https://mei.github.io/post/rope/)。\n"
        "代码在 [attention](https://github.com/mei/attention) 与 "
        "[tools](https://github.com/mei/tools)。\n", encoding="utf-8")
    (posts / "rope.md").write_text(
        head.format("旋转位置编码", 2) + "基于 [注意力](https://mei.github.io/post/attention)。\n"
        "代码在 [rope](https://github.com/mei/rope) 与 [notes](https://github.com/mei/notes)。"
        "\n本文地址 https://mei.github.io/post/rope/\n", encoding="utf-8")
    (posts / "adam.md").write_text(
        head.format("Adam", 3) + "见 [注意力](https://mei.github.io/post/attention/) 与 "
        "[编码](https://mei.github.io/post/rope/)，[标签](https://mei.github.io/tag/ml/)。\n"
        "实现 [attention](https://github.com/mei/attention)。\n", encoding="utf-8")
    assert _cites(tmp_path) == [("Adam", "旋转位置编码"), ("Adam", "注意力"),
                                ("旋转位置编码", "注意力"), ("注意力", "旋转位置编码")]


def test_lektor_fields_escapes_and_stray_lines():
    """A field is ``key: value`` or ``key:`` and a block up to the next ``---``; a line
    of dashes one longer is the block's own (the format's escape); a line that no
    ``key:`` opens is stray."""
    lines = ["title: 甲", "---", "body:", "", "一", "----", "-----", "二", "---",
             "此行无名", "---", "tags: a, b", "---", "title: 又一个"]
    fields, stray = lektor_fields(lines)
    assert fields["title"] == (0, ["甲"])                 # the first of a repeated field
    assert fields["body"] == (4, ["一", "---", "----", "二"])
    assert fields["tags"] == (11, ["a, b"])
    assert stray == [9]


def test_a_lektor_project(tmp_path):
    """The project file's ``url``, pages addressed by folder and ``_slug``, a hidden
    page and the blog's index (no text field) reported, a stray line reported."""
    (tmp_path / "blog.lektorproject").write_text(
        "[project]\nname = 笔记\nurl = https://l.example/\n", encoding="utf-8")
    blog = tmp_path / "content" / "blog"
    for name, text in [
            ("", "_model: blog\n---\ntitle: 博客\n"),
            ("a", "title: 甲\n---\n_slug: first\n---\npub_date: 2020-03-04\n---\nbody:\n\n"
                  "见[乙](/blog/b/)。\n"),
            ("b", "title: 乙\n---\npub_date: 2020-04-05\n---\n无名之行\n---\nbody:\n\n"
                  "见[甲](../first/)。\n"),
            ("c", "title: 丙\n---\n_hidden: yes\n---\nbody:\n\n见[甲](/blog/first/)。\n")]:
        (blog / name).mkdir(parents=True, exist_ok=True)
        (blog / name / "contents.lr").write_text(text, encoding="utf-8")
    r = read_paths([tmp_path])
    assert sorted((p.title, p.url, p.date) for p in r.posts) == [
        ("乙", "https://l.example/blog/b/", "2020-04-05"),
        ("甲", "https://l.example/blog/first/", "2020-03-04")]
    assert blog_name(r) == "笔记"
    reasons = sorted((f.path.split("/", 1)[1], f.line, f.reason.split(" (")[0].split(":")[0])
                     for f in r.fragments)
    assert reasons == [("content/blog/b/contents.lr", 5, "a line outside any Lektor field"),
                       ("content/blog/c/contents.lr", 1, "a hidden page"),
                       ("content/blog/contents.lr", 1, "a Lektor page without a text field")]
    assert _cites(tmp_path) == [("乙", "甲"), ("甲", "乙")]


def test_hugos_slug_or_file_name(tmp_path):
    """Hugo's ``:slugorcontentbasename`` (``:slugorfilename`` before 0.144) is the
    front matter's slug, else the file's name, never the title (which ``:slug`` falls
    back to)."""
    (tmp_path / "hugo.toml").write_text(
        'baseURL = "https://h.example/"\n[permalinks]\nposts = "/p/:slugorcontentbasename/"\n'
        'notes = "/n/:slug/"\n', encoding="utf-8")
    for section, name, slug in [("posts", "a", "own"), ("posts", "b", ""), ("notes", "c", "")]:
        (tmp_path / "content" / section).mkdir(parents=True, exist_ok=True)
        (tmp_path / "content" / section / f"{name}.md").write_text(
            f"---\ntitle: Title {name}\nslug: {slug}\n---\n正文。\n", encoding="utf-8")
    assert sorted(p.url for p in read_paths([tmp_path]).posts) == [
        "https://h.example/n/title-c/", "https://h.example/p/b/", "https://h.example/p/own/"]


def test_a_middleman_blog_in_the_older_placeholders(tmp_path):
    """middleman-blog 3's ``:year`` placeholders, articles under ``posts/`` of its
    prefix, no directory indexes: ``x.html`` addresses; the date from the file name."""
    (tmp_path / "config.rb").write_text(
        "activate :blog do |blog|\n  blog.prefix = 'notes/'\n"
        "  blog.permalink = ':year/:month/:day/:title.html'\n"
        "  blog.sources = 'posts/:year-:month-:day-:title.html'\nend\n"
        "set :site_url, \"https://m.example/\"\n", encoding="utf-8")
    posts = tmp_path / "source" / "notes" / "posts"
    posts.mkdir(parents=True)
    (posts / "2020-03-04-first.html.markdown").write_text(
        "---\ntitle: 甲\n---\n见[乙](/notes/2020/05/06/second.html)。\n", encoding="utf-8")
    (posts / "2020-05-06-second.html.md").write_text(
        "---\ntitle: 乙\n---\n承接[甲](https://m.example/notes/2020/03/04/first.html)。\n",
        encoding="utf-8")
    r = read_paths([tmp_path])
    assert sorted((p.title, p.url, p.date) for p in r.posts) == [
        ("乙", "https://m.example/notes/2020/05/06/second.html", "2020-05-06"),
        ("甲", "https://m.example/notes/2020/03/04/first.html", "2020-03-04")]
    assert _cites(tmp_path) == [("乙", "甲"), ("甲", "乙")]


def test_a_config_rb_without_a_blog_is_code():
    """Compass' and a plain Middleman site's ``config.rb``: no blog to read."""
    assert read_site_config("css_dir = 'stylesheets'\nactivate :livereload\n",
                            "site/config.rb") is None
    conf = dict(read_site_config("activate :blog\n# blog.prefix = 'x'\n", "config.rb"))
    assert (conf["permalink"], conf["sources"]) == ("/:year/:month/:day/:title.html",
                                                     ":year-:month-:day-:title.html")


def test_a_jbake_header_needs_its_tildes():
    """``key=value`` lines are JBake's header only when six tildes end them; a Markdown
    note that opens with ``a=b`` is a note."""
    from graphkit.readers.frontmatter import jbake_header

    assert jbake_header(["title=甲", "status=draft", "~~~~~~", "正文"]) == (
        {"title": "甲", "status": "draft"}, 2)
    assert jbake_header(["x=1", "", "正文，没有波浪线。"]) is None
    assert jbake_header(["~~~~~~", "正文"]) is None
    layout, posts, frags = read_text("title=甲\nstatus=draft\n~~~~~~\n见[乙](/b/)。\n", "a.md")
    assert (layout, posts, frags[0].reason) == ("jbake", [], "not published (status: draft)")
    layout, (post,), _ = read_text("title=乙\ndate=2013-02-01\ntags=a, b\n~~~~~~\n"
                                   "<p>见<a href='/a.html'>甲</a>。</p>\n", "b.html")
    assert (post.title, post.date, post.tags, post.links[0].url) == (
        "乙", "2013-02-01", ("a", "b"), "/a.html")


@pytest.mark.parametrize("raw, want", [
    ("content:\n    items: @self.children\n", {"content": {"items": "@self.children"}}),
    ("metadata:\n    'twitter:site' : @me\n", {"metadata": {"twitter:site": "@me"}}),
    ("tags:\n  - @home\n  - `quoted it's`\n", {"tags": ["@home", "`quoted it's`"]}),
    ("note: |\n  @kept as written\nuser: @me\n", {"note": "@kept as written\n",
                                                   "user": "@me"}),
])
def test_a_value_starting_with_a_reserved_indicator_is_text(raw, want):
    """``@`` and ````` cannot start a plain YAML value; Symfony's YAML parser (PHP
    generators: Grav) reads one as text, and so does graphkit."""
    from graphkit.readers.frontmatter import parse_front_matter

    assert parse_front_matter(raw) == want


def test_broken_yaml_is_still_reported_at_its_line():
    from graphkit.readers.frontmatter import FrontMatterError, parse_front_matter

    with pytest.raises(FrontMatterError) as err:
        parse_front_matter("title: a\nuser: @me\nbad: [1, 2\n")
    assert err.value.lineno == 4


def _grav_page(root, folder, text, name="item.md"):
    (root / "pages" / folder).mkdir(parents=True, exist_ok=True)
    (root / "pages" / folder / name).write_text(text, encoding="utf-8")


def test_a_whole_grav_install(tmp_path):
    """Grav's defaults in ``system/config/`` make the install's folder the site's: what
    is outside ``user/pages/`` (the changelog, ``vendor/``, the 404 page) is no post.
    ``user/config/system.yaml`` hides the home page's folder in addresses, sets the
    address and a second language; a page's folder keeps its case when told to; a
    page's former address (``routes: aliases:``) still reaches it."""
    (tmp_path / "system" / "config").mkdir(parents=True)
    (tmp_path / "system" / "config" / "system.yaml").write_text(
        "home:\n  alias: '/home'\npages:\n  theme: quark\n", encoding="utf-8")
    _grav_page(tmp_path / "system", "", "---\ntitle: Page not Found\n---\n\n见[甲](/a)。\n",
               name="notfound.md")
    (tmp_path / "vendor" / "x").mkdir(parents=True)
    (tmp_path / "vendor" / "x" / "CHANGELOG.md").write_text("# 1.0\n\n见[甲](/a)。\n")
    (tmp_path / "CHANGELOG.md").write_text("# v1.7.48\n## 10/28/2024\n\n* fixed\n")
    user = tmp_path / "user"
    (user / "config").mkdir(parents=True)
    (user / "config" / "system.yaml").write_text(
        "custom_base_url: 'https://g.example/'\nforce_lowercase_urls: false\nhome:\n"
        "  alias: '/home'\n  hide_in_urls: true\nlanguages:\n  supported: [zh, en]\n",
        encoding="utf-8")
    _grav_page(user, "01.home/Alpha", "---\ntitle: 甲\ndate: 04/03/2018\n---\n\n"
                                      "见[乙](../02.beta/item.md)与[丙](/gamma)。\n")
    _grav_page(user, "01.home/02.beta", "---\ntitle: 乙\ndate: 04-03-2018\n---\n\n"
                                        "见[甲](../Alpha)。\n")
    _grav_page(user, "01.home/02.beta", "---\ntitle: Beta\n---\n\nSee [甲](../Alpha).\n",
               name="item.en.md")
    _grav_page(user, "02.gamma", "---\ntitle: 丙\nroutes:\n  aliases: ['/old/gamma']\n---\n\n"
                                 "见[乙](/beta#x)。\n", name="post.md")
    _grav_page(user, "03.delta", "---\ntitle: 丁\n---\n\n旧址[丙](/old/gamma)。\n",
               name="post.md")
    r = read_paths([tmp_path])
    assert sorted((p.title, p.url, p.date) for p in r.posts) == [
        ("Beta", "https://g.example/en/beta", None),
        ("丁", "https://g.example/delta", None), ("丙", "https://g.example/gamma", None),
        ("乙", "https://g.example/beta", "2018-03-04"),
        ("甲", "https://g.example/Alpha", "2018-04-03")]
    aside = sorted(f.path.split("/", 1)[1] for f in r.fragments
                   if f.reason.startswith("not a page of the Grav site"))
    assert aside == ["system/pages/notfound.md"]
    changes = sorted(f.path.split("/", 1)[1] for f in r.fragments     # (a repository's)
                     if "changelog" in f.reason)
    assert changes == ["CHANGELOG.md", "vendor/x/CHANGELOG.md"]
    assert not any(f.reason.startswith("the date (") for f in r.fragments)
    assert _cites(tmp_path) == [("Beta", "甲"), ("丁", "丙"), ("丙", "乙"), ("乙", "甲"),
                                ("甲", "丙"), ("甲", "乙")]


def test_settings_named_as_gravs_that_are_not_grav():
    """A ``config/site.yaml`` or ``config/system.yaml`` of another program is no site."""
    assert read_site_config("name: shop\nport: 8080\n", "app/config/site.yaml") is None
    assert read_site_config("debug: true\n", "app/config/system.yaml") is None
    assert dict(read_site_config("title: 站\ntaxonomies: [tag]\n", "user/config/site.yaml")
                ) == {"generator": "grav", "title": "站"}


@pytest.mark.parametrize("link, want", [
    ("../rope", "/blog/rope"), ("../rope/", "/blog/rope/"), ("child", "/blog/linear/child"),
    ("../03.rope/item.md#推导", "/02.blog/03.rope/item.md#推导"),
    ("../../01.home", "/01.home"), ("../x?y=1", "/blog/x?y=1"),
    ("/blog/rope", "/blog/rope"), ("#推导", "#推导"),
    ("https://a.example/x", "https://a.example/x"),
    ("../../../../x", "/x"),
])
def test_grav_reads_a_relative_link_against_the_page_or_its_folder(link, want):
    from graphkit.model import Link
    from graphkit.sites import grav_links

    (got,) = grav_links((Link(link, "a", "a"),), "pages/02.blog/04.linear/item.md",
                        "/blog/linear")
    assert got.url == want


def test_kirby_fields_escapes_and_stray_lines():
    """Fields part at ``----``; ``\\----`` in a value is four dashes; a line before any
    ``Name:`` is stray; a repeated name keeps its first value."""
    from graphkit.readers.kirby import content_fields

    fields, stray = content_fields(["Title: 甲", "", "----", "Text:", "", "一", "\\----", "二",
                                    "----", "无名之行", "----", "Title: 又一个"])
    assert fields == {"title": (0, "甲"), "text": (3, "一\n----\n二")}
    assert stray == [9]


def test_kirbytags_and_blocks():
    """``(link: notes/x text: …)`` names the page from the site's root; an image is no
    text; blocks are read by type, hidden ones and code left out, a layout's columns
    read; ``page://`` and ``/@/page/`` links name a page by its ``Uuid``."""
    from graphkit.readers.kirby import body_text, read_kirby

    text, links, _ = body_text("见(link: notes/rope text: 旋转 title: 提示)与"
                               "(link: https://a.example/x)。"
                               "(image: a.png alt: 图)(email: a@b.example text: 写信)")
    assert text == "见旋转与https://a.example/x。写信"
    assert [(x.anchor, x.url) for x in links] == [("旋转", "/notes/rope"),
                                                  ("https://a.example/x", "https://a.example/x")]
    layout = ('[{"attrs": {}, "columns": [{"width": "1/2", "blocks": ['
              '{"type": "text", "content": {"text": "<p>见<a href=\\"page://AbC123\\">甲</a>。</p>"}},'
              '{"type": "code", "content": {"code": "<a href=\\"/x\\">x</a>"}},'
              '{"type": "text", "isHidden": true, "content": {"text": "<p>藏</p>"}},'
              '{"type": "heading", "content": {"level": "h2", "text": "小节"}},'
              '{"type": "markdown", "content": {"text": "又见(link: notes/b text: 乙)"}}]}]}]')
    (post,), _ = read_kirby(["Title: 丙", "----", "Text: " + layout, "----", "Uuid: Xy9"],
                            "site/content/2_notes/20200102_c/note.txt")
    assert (post.text, post.date) == ("见甲。\n小节\n又见乙", "2020-01-02")
    assert [x.url for x in post.links] == ["site-ref:uuid:abc123", "/notes/b"]
    assert {"notes/c", "uuid:xy9"} <= set(post.aliases)


def test_a_kirby_2_site_without_its_settings(tmp_path):
    """Kirby 2's ``1-notes`` numbers; no ``site/config/config.php``: pages are named
    by their addresses, undated ones dated by nothing; a draft folder and a file's
    metadata reported."""
    for folder, text in [("1-notes/1-a", "Title: 甲\n----\nText: 见(link: notes/b text: 乙)。\n"),
                         ("1-notes/2-b", "Title: 乙\n----\nDate: 2014-05-06\n----\n"
                                         "Text: 回看[甲](/notes/a)。\n")]:
        (tmp_path / "content" / folder).mkdir(parents=True)
        (tmp_path / "content" / folder / "article.txt").write_text(text, encoding="utf-8")
    (tmp_path / "content" / "1-notes" / "2-b" / "p.jpg.txt").write_text("Caption: 图\n")
    r = read_paths([tmp_path])
    assert sorted((p.title, p.date, p.url) for p in r.posts) == [("乙", "2014-05-06", None),
                                                                 ("甲", None, None)]
    assert _cites(tmp_path) == [("乙", "甲"), ("甲", "乙")]
    assert [f.reason for f in r.fragments] == ["the metadata of a file (p.jpg), not a page"]
