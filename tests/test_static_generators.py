"""Pelican, Zola, Nikola and Sphinx sources: metadata blocks, reStructuredText, section
pages and settings files (the zoo's ``pelican/`` and ``zola/`` blogs test the whole path;
these test one edge each)."""

from __future__ import annotations

import pytest
from conftest import by_title, write_posts

from graphkit.options import BuildOptions
from graphkit.pipeline import relate
from graphkit.readers import read_paths, read_text
from graphkit.readers.frontmatter import metadata_header
from graphkit.readers.markdown import markdown_to_text
from graphkit.readers.rest import MAX_TABLE_COLUMNS, read_rst
from graphkit.sites import (_inner_folder, hugo_urlize, jekyll_collection, read_site_config,
                            site_link_url)


def _write(folder, name, text):
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_a_metadata_block_needs_a_title_or_a_date_and_a_blank_line_after_it():
    assert metadata_header(["Title: 甲", "Date: 2020-01-02", "", "正文"]) == (
        {"title": "甲", "date": "2020-01-02"}, 2)
    assert metadata_header(["Note: 只是一句话", "", "正文"]) is None      # one line, no title
    # no title: Blot's and MultiMarkdown's keys alone, a date or link among them
    untitled = ["Date: 2020-01-02", "Tags: a", "", "x"]
    assert metadata_header(untitled) == ({"date": "2020-01-02", "tags": "a"}, 2)
    assert metadata_header(["Link: /rope", "", "# 旋转位置编码"]) == ({"link": "/rope"}, 1)
    assert metadata_header(["Tags: a", "Author: b", "", "x"]) is None      # names no post
    assert metadata_header(["Date: 2020-01-02", "Mood: 好", "", "x"]) is None   # not metadata
    assert metadata_header(["Date:2020-01-02", "", "x"]) is None   # (Blot: a space after :)
    assert metadata_header(["Update: 2020-01-02", "", "x"]) is None
    assert metadata_header(["Date: 2020-01-02"]) is None            # nothing after it
    assert metadata_header(["Title: 甲", "Date: 2020", "正文没有空行"]) is None
    meta, end = metadata_header(["Title: 一个很长的", "    标题续行", "Tags: a, b"])
    assert meta["title"] == "一个很长的 标题续行" and end == 3


def test_pelican_markdown_fields():
    text = ("Title: 旋转位置编码\nDate: 2020-03-04 10:20\nCategory: 理论\nTags: 位置编码, 注意力\n"
            "Slug: rope-slug\nSave_as: posts/rope/index.html\n\n正文见[另一篇]({filename}/b.md)。\n")
    layout, (post,), _ = read_text(text, "content/a.md")
    assert layout == "metadata-header"
    assert (post.title, post.date, post.categories, post.tags) == (
        "旋转位置编码", "2020-03-04", ("理论",), ("位置编码", "注意力"))
    assert {"rope-slug", "posts/rope"} <= set(post.aliases)
    assert post.text == "正文见另一篇。"
    assert [link.url for link in post.links] == ["site-ref:/b.md"]


def test_generator_file_links_become_site_references():
    assert site_link_url("@/blog/x.md#y") == "site-ref:blog/x.md#y"
    assert site_link_url("{filename}../x.rst") == "site-ref:../x.rst"
    assert site_link_url("|filename|/x.md") == "site-ref:/x.md"
    for other in ("{static}/img.png", "{tag}数学", "{index}", "https://a.example/@/x", "@x"):
        assert site_link_url(other) == other


def test_section_pages_are_reported_not_read_as_posts(tmp_path):
    _write(tmp_path, "content/blog/_index.md", "+++\ntitle = \"全部文章\"\n+++\n\n列表页。\n")
    _write(tmp_path, "content/blog/a.md", "+++\ntitle = \"甲\"\n+++\n\n正文。\n")
    r = read_paths([tmp_path])
    assert [p.title for p in r.posts] == ["甲"]
    (section,) = [f for f in r.files if f.path.endswith("_index.md")]
    assert section.format == "section-page"
    assert any("section's list page" in f.reason for f in r.fragments)


def test_taxonomies_and_singular_category_are_read():
    _, (zola,), _ = read_text('+++\ntitle = "甲"\n[taxonomies]\ntags = ["a", "b"]\n'
                              'categories = ["c"]\n+++\n\n正文。\n', "content/a.md")
    assert (zola.tags, zola.categories) == (("a", "b"), ("c",))
    _, (jekyll,), _ = read_text("---\ntitle: 乙\ncategory: 随笔\n---\n\n正文。\n", "_posts/b.md")
    assert jekyll.categories == ("随笔",)


def test_zola_addresses_follow_sections_slugs_and_date_prefixes(tmp_path):
    _write(tmp_path, "config.toml", 'base_url = "https://z.example/"\n')
    _write(tmp_path, "content/notes/ml/2020-01-02_first-note.md",
           '+++\ntitle = "甲"\n+++\n\n正文。\n')
    _write(tmp_path, "content/notes/bundle/index.md", '+++\ntitle = "乙"\nslug = "b2"\n+++\n\n正文。\n')
    # a page's own path, over its sections and slug (a leading / is dropped, as Zola does)
    _write(tmp_path, "content/notes/c.md", '+++\ntitle = "丙"\nslug = "c3"\npath = "/ideas/first"\n'
           '+++\n\n正文，见[甲](@/notes/ml/2020-01-02_first-note.md)。\n')
    _write(tmp_path, "content/notes/d.md", '+++\ntitle = "丁"\n+++\n\n见[丙](/ideas/first/)。\n')
    r = read_paths([tmp_path])
    urls = {p.title: p.url for p in r.posts}
    assert urls == {"甲": "https://z.example/notes/ml/first-note/",
                    "乙": "https://z.example/notes/b2/", "丙": "https://z.example/ideas/first/",
                    "丁": "https://z.example/notes/d/"}
    edges, _, _ = relate(r.posts, options=BuildOptions(layers=("cites",)))
    title = {p.key: p.title for p in r.posts}
    assert sorted((title[e.source], title[e.target]) for e in edges) == [("丁", "丙"), ("丙", "甲")]
    assert {p.title: p.date for p in r.posts}["甲"] == "2020-01-02"


def test_pelican_settings_are_read_never_run(tmp_path):
    marker = tmp_path / "ran"
    _write(tmp_path, "pelicanconf.py",
           f"open({str(marker)!r}, 'w').close()\nSITEURL = ''\n"
           "ARTICLE_URL = 'posts/{date:%Y}/{slug}/'\nTIMEZONE = 'UTC'\n")
    _write(tmp_path, "publishconf.py", "from pelicanconf import *\nSITEURL = 'https://p.example'\n"
                                      "FEED = SITEURL + '/feed'\n")
    _write(tmp_path, "content/a.md", "Title: 甲\nDate: 2021-05-06\nSlug: s-a\n\n正文。\n")
    r = read_paths([tmp_path])
    assert not marker.exists()
    assert [p.url for p in r.posts] == ["https://p.example/posts/2021/s-a/"]
    assert read_site_config("SITEURL = 'https://q.example/'\n", "pelicanconf.py") == (
        ("generator", "pelican"), ("folder_categories", "content"),
        ("default_category", "misc"), ("url", "https://q.example"))


def test_a_broken_settings_file_is_reported(tmp_path):
    _write(tmp_path, "pelicanconf.py", "SITEURL = (\n")
    _write(tmp_path, "content/a.md", "Title: 甲\nDate: 2021-05-06\n\n正文。\n")
    r = read_paths([tmp_path])
    (conf,) = [f for f in r.files if f.path.endswith("pelicanconf.py")]
    assert conf.error and "site configuration not read" in conf.error
    assert [p.title for p in r.posts] == ["甲"]


RST = """\
位置编码的外推实验
==================

:date: 2021-07-08 10:20
:tags: 位置编码, 外推
:category: 实验
:slug: extra-slug

比较了 `旋转位置编码 <{filename}/rope.md>`_ 与 `线性注意力`_ 的长度泛化，见\\ :doc:`推导 </notes/derivation>`\\ 。

- 列表里的 https://other.example/page 也是链接。

.. code-block:: python

    print("https://code.example/not-a-link")

.. include:: /etc/passwd

.. raw:: html

   <script>alert(1)</script>

.. mystery:: 未知指令

.. _线性注意力: https://blog.example/linear/
"""


def test_restructuredtext_post_fields_text_and_links():
    (post,), frags = read_rst(RST, "content/extra.rst")
    assert (post.title, post.date, post.tags, post.categories) == (
        "位置编码的外推实验", "2021-07-08", ("位置编码", "外推"), ("实验",))
    assert "extra-slug" in post.aliases
    assert [(link.url, link.anchor) for link in post.links] == [
        ("site-ref:/rope.md", "旋转位置编码"), ("https://blog.example/linear/", "线性注意力"),
        ("site-ref:/notes/derivation", "推导"),
        ("https://other.example/page", "https://other.example/page")]
    assert post.links[0].sentence.startswith("比较了 旋转位置编码 与 线性注意力")
    assert "not-a-link" not in post.text and "alert" not in post.text
    reasons = {f.line: f.reason for f in frags}
    assert "include" in reasons[17] and "raw" in reasons[19] and "mystery" in reasons[23]


def test_restructuredtext_nikola_metadata_comments():
    text = ".. title: 乙文\n.. slug: yi\n.. date: 2019-02-03 10:00:00 UTC+08:00\n.. tags: a, b\n\n正文。\n"
    (post,), _ = read_rst(text, "posts/yi.rst")
    assert (post.title, post.date, post.tags) == ("乙文", "2019-02-03", ("a", "b"))


def test_restructuredtext_too_wide_or_failing_is_reported_whole():
    wide = "标题\n====\n\n" + "+" + "-+" * (MAX_TABLE_COLUMNS + 1) + "\n"
    posts, (frag,) = read_rst(wide, "wide.rst")
    assert posts == [] and "columns at line 4" in frag.reason
    chain = "\n".join(f"|a{i}| x" for i in range(3)) + "\n\n" + "\n".join(
        f".. |a{i}| replace:: |a{i + 1}|" for i in range(3))
    posts, (frag,) = read_rst(chain, "chain.rst")     # docutils raises a KeyError on it
    assert posts == [] and frag.reason.startswith("reStructuredText not read: docutils failed")


def test_restructuredtext_nested_too_deeply_is_reported(tmp_path):
    _write(tmp_path, "deep.rst", "\n".join(" " * (2 * i) + "- x" for i in range(400)))
    _write(tmp_path, "ok.rst", "甲\n==\n\n正文。\n")
    r = read_paths([tmp_path])
    (deep,) = [f for f in r.files if f.path.endswith("deep.rst")]
    assert "nested too deeply" in deep.error
    assert [p.title for p in r.posts] == ["甲"]


def test_hugo_pages_without_a_permalink_pattern_get_their_default_address(tmp_path):
    _write(tmp_path, "hugo.toml", 'baseURL = "https://h.example/"\n')
    _write(tmp_path, "content/posts/a.md", '---\ntitle: 甲\nslug: first\n---\n\n'
                                          "见[乙](https://h.example/posts/bundle/)。\n")
    _write(tmp_path, "content/posts/bundle/index.md", "---\ntitle: 乙\n---\n\n"
                                                      "见[甲](https://h.example/posts/first/)。\n")
    r = read_paths([tmp_path])
    assert {p.title: p.url for p in r.posts} == {"甲": "https://h.example/posts/first/",
                                                 "乙": "https://h.example/posts/bundle/"}
    edges, _, _ = relate(r.posts, options=BuildOptions(layers=("cites",)))
    title = {p.key: p.title for p in r.posts}
    assert sorted((title[e.source], title[e.target]) for e in edges) == [("乙", "甲"), ("甲", "乙")]


def test_hugo_default_addresses_are_lower_case_and_hyphenated_as_hugo_makes_them(tmp_path):
    """A file ``content/Notes/My First Post.md`` is served at ``/notes/my-first-post/``
    (Hugo sanitizes and lower-cases the whole path); ``disablePathToLower`` keeps the case."""
    _write(tmp_path, "hugo.toml", 'baseURL = "https://h.example/"\n')
    _write(tmp_path, "content/Notes/My First Post.md", "---\ntitle: One\n---\n\nHello.\n")
    _write(tmp_path, "content/Notes/Second_Post/index.md", "---\ntitle: Two\n---\n\n"
                                                           "See [one](/notes/my-first-post/).\n")
    r = read_paths([tmp_path])
    assert {p.title: p.url for p in r.posts} == {"One": "https://h.example/notes/my-first-post/",
                                                 "Two": "https://h.example/notes/second_post/"}
    assert _cites(r.posts) == [("Two", "One")]
    _write(tmp_path, "hugo.toml", 'baseURL = "https://h.example/"\ndisablePathToLower = true\n')
    assert {p.url for p in read_paths([tmp_path]).posts} == {
        "https://h.example/Notes/My-First-Post/", "https://h.example/Notes/Second_Post/"}


def test_jekyll_folders_above_posts_are_categories_and_part_of_the_address(tmp_path):
    """Two posts of one name in two category folders: each link finds its own."""
    _write(tmp_path, "_config.yml", "url: https://j.example\n")
    _write(tmp_path, "blog/_posts/2020-01-01-intro.md",
           "---\ntitle: 甲\ncategories: [Deep Learning]\n---\n\n"
           "见[乙](/notes/2020/01/01/intro.html)。\n")
    _write(tmp_path, "notes/_posts/2020-01-01-intro.md",
           "---\ntitle: 乙\n---\n\n见[甲](/blog/deep%20learning/2020/01/01/intro.html)。\n")
    _write(tmp_path, "_posts/archive/2020-01-02-old.md", "---\ntitle: 丙\n---\n\n正文。\n")
    r = read_paths([tmp_path])
    assert {p.title: (p.url, p.categories) for p in r.posts} == {
        "甲": ("https://j.example/blog/deep%20learning/2020/01/01/intro.html",
               ("blog", "Deep Learning")),       # (Jekyll's :categories: names, in lower case)
        "乙": ("https://j.example/notes/2020/01/01/intro.html", ("notes",)),
        "丙": ("https://j.example/2020/01/02/old.html", ())}    # (a folder inside _posts)
    edges, _, _ = relate(r.posts, options=BuildOptions(layers=("cites",)))
    title = {p.key: p.title for p in r.posts}
    assert sorted((title[e.source], title[e.target]) for e in edges) == [("乙", "甲"), ("甲", "乙")]


def test_jekyll_reads_a_plural_keys_string_as_words(tmp_path):
    """``categories: ml nlp`` is two categories (and two folders of the address), as
    Jekyll reads it; the singular key's string, and Hexo's plural one, stay whole."""
    _write(tmp_path, "_config.yml", "url: https://j.example\npermalink: /:categories/:title/\n")
    _write(tmp_path, "_posts/2020-01-01-a.md", "---\ntitle: 甲\ncategories: ML nlp\n"
                                               "tags: attention transformers\n---\n\n"
                                               "见[乙](/deep%20learning/b/)。\n")
    _write(tmp_path, "_posts/2020-01-02-b.md", "---\ntitle: 乙\ncategory: Deep Learning\n"
                                               "tags: [a b]\n---\n\n见[甲](/ml/nlp/a/)。\n")
    r = read_paths([tmp_path])
    assert {p.title: (p.url, p.categories, p.tags) for p in r.posts} == {
        "甲": ("https://j.example/ml/nlp/a/", ("ML", "nlp"), ("attention", "transformers")),
        "乙": ("https://j.example/deep%20learning/b/", ("Deep Learning",), ("a b",))}
    assert _cites(r.posts) == [("乙", "甲"), ("甲", "乙")]
    hexo = tmp_path / "hexo"
    _write(hexo, "_config.yml", "url: https://x.example\npermalink: :category/:title/\n")
    _write(hexo, "source/_posts/c.md", "---\ntitle: 丙\ndate: 2020-01-01\n"
                                        "categories: Deep Learning\n---\n\n正文。\n")
    (post,) = read_paths([hexo]).posts
    assert (post.url, post.categories) == ("https://x.example/deep-learning/c/", ("Deep Learning",))


@pytest.mark.parametrize("permalink, address", [
    (":year/:month/:title/", "/2020/01/ml/foo/"),      # the path inside _posts
    (":year/:name.html", "/2020/foo.html"),            # the file's name
    ("posts/:post_title/", "/posts/attention-is-all/")])  # the title's slug
def test_hexo_title_name_and_post_title(tmp_path, permalink, address):
    _write(tmp_path, "_config.yml", f"url: https://h.example\npermalink: {permalink}\n"
                                    "new_post_name: :title.md\n")
    _write(tmp_path, "source/_posts/ml/foo.md", "---\ntitle: Attention is all\n"
                                                "date: 2020-01-01\n---\n\n正文。\n")
    _write(tmp_path, "source/_posts/bar.md", "---\ntitle: 乙\ndate: 2020-02-01\n---\n\n"
                                             f"见[甲]({address})。\n")
    r = read_paths([tmp_path])
    assert by_title(r.posts, "Attention is all").url == "https://h.example" + address
    assert _cites(r.posts) == [("乙", "Attention is all")]


def test_jekyll_liquid_that_makes_an_address(tmp_path):
    """relative_url, absolute_url and the older ``prepend: site.baseurl`` give the site
    path they are passed; {{ site.url }}{{ site.baseurl }} and post_url too."""
    _write(tmp_path, "_config.yml", "url: https://j.example\nbaseurl: /blog\n")
    bodies = {
        "01-a": ("甲", "正文。"),
        "02-b": ("乙", '见[甲]({{ "/2020/01/01/a.html" | relative_url }})。'),
        "03-c": ("丙", "见[甲]({{ '/2020/01/01/a.html' | absolute_url }})、"
                       '[乙]({{ "/2020/01/02/b.html" | prepend: site.baseurl }})'
                       "与[丁]({{site.url}}{{site.baseurl}}/2020/01/04/d.html)。"),
        "04-d": ("丁", "见[乙]({{ site.baseurl }}{% post_url 2020-01-02-b %})"
                       '与[X]({{ "/2020/01/01/a.html" | prepend: "/old" }})。')}
    for name, (title, body) in bodies.items():
        _write(tmp_path, f"_posts/2020-01-{name}.md", f"---\ntitle: {title}\n---\n\n{body}\n")
    assert _cites(read_paths([tmp_path]).posts) == [
        ("丁", "乙"), ("丙", "丁"), ("丙", "乙"), ("丙", "甲"), ("乙", "甲")]


def test_octopress_root_url_and_github_pages_url_make_site_paths(tmp_path):
    """Octopress writes {{ root_url }} before a site path (in a reference definition too,
    where the spaces of the Liquid tag would end the address); GitHub Pages'
    {{ site.github.url }} is the site's address."""
    _write(tmp_path, "_config.yml", "url: https://o.example\nroot: /\n"
                                    "permalink: /blog/:year/:month/:day/:title/\n")
    bodies = {
        "01-first": ("First", "Hello."),
        "02-second": ("Second", "See [first][f].\n\n[f]: {{ root_url }}/blog/2013/01/01/first/"),
        "03-third": ("Third", "See [second]({{ site.github.url }}/blog/2013/01/02/second/).")}
    for name, (title, body) in bodies.items():
        _write(tmp_path, f"source/_posts/2013-01-{name}.markdown",
               f"---\ntitle: {title}\n---\n\n{body}\n")
    assert _cites(read_paths([tmp_path]).posts) == [("Second", "First"), ("Third", "Second")]


def test_jekyll_permalink_patterns_in_a_posts_front_matter_and_a_collections_defaults(
        tmp_path):
    _write(tmp_path, "_config.yml",
           "url: https://fm.example\ncollections:\n  notes:\n    output: true\n"
           "defaults:\n  - scope:\n      path: _notes\n    values:\n"
           "      permalink: /n/:name/\n")
    _write(tmp_path, "_posts/2020-01-01-alpha.md",
           "---\ntitle: Alpha\npermalink: /special/:year/:title/\n---\n\nText.\n")
    _write(tmp_path, "_notes/kernel.md", "---\ntitle: Kernel\n---\n\nText.\n")
    urls = {p.title: p.url for p in read_paths([tmp_path]).posts}
    assert urls == {"Alpha": "https://fm.example/special/2020/alpha/",
                    "Kernel": "https://fm.example/n/kernel/"}


def test_hexo_source_folder_is_no_category(tmp_path):
    _write(tmp_path, "_config.yml", "url: https://x.example\nsource_dir: src\n"
                                    "permalink: :category/:title/\n")
    _write(tmp_path, "src/_posts/intro.md", "---\ntitle: 甲\ndate: 2020-01-01\ncategories: ml\n"
                                            "---\n\n正文。\n")
    (post,) = read_paths([tmp_path]).posts
    assert (post.url, post.categories) == ("https://x.example/ml/intro/", ("ml",))


_posts = write_posts


def _cites(posts):
    edges, _, _ = relate(posts, options=BuildOptions(layers=("cites",)))
    title = {p.key: p.title for p in posts}
    return sorted((title[e.source], title[e.target]) for e in edges)


def test_a_hugo_sites_own_content_and_publish_folders(tmp_path):
    """``contentDir`` holds the posts, read as ``content/`` is; ``publishDir = "docs"`` (as
    GitHub Pages serves it) is the site as built, reported, not read again; a page at the
    top of the content folder is no post."""
    _write(tmp_path, "hugo.toml", 'baseURL = "https://h.example/"\ncontentDir = "src"\n'
                                  'publishDir = "./docs/"\n[permalinks]\n'
                                  'posts = "/:year/:filename/"\n')
    _posts(tmp_path, {"src/posts/a.md": ("甲", "见[乙](/2021/b/)。"),
                      "src/posts/b.md": ("乙", '见[甲]({{< ref "a" >}})。'),
                      "src/about.md": ("关于", "关于本站，见[甲](/2021/a/)。")})
    for name in ("a.md", "b.md"):
        path = tmp_path / "src" / "posts" / name
        path.write_text(path.read_text().replace("---\n\n", "date: 2021-05-06\n---\n\n"))
    _write(tmp_path, "docs/2021/a/index.html",
           '<html><head><title>甲</title></head><body><article><h1>甲</h1><p>见<a href='
           '"/2021/b/">乙</a>。</p></article></body></html>')
    r = read_paths([tmp_path])
    assert {p.title: p.url for p in r.posts} == {"甲": "https://h.example/2021/a/",
                                                 "乙": "https://h.example/2021/b/"}
    assert [len(p.sources) for p in r.posts] == [1, 1]
    assert _cites(r.posts) == [("乙", "甲"), ("甲", "乙")]
    why = {f.path.split("/", 1)[1]: f.reason for f in r.fragments}
    assert "the site as built (docs/)" in why["docs/2021/a/index.html"]
    assert "top of the site's content (src/)" in why["src/about.md"]


@pytest.mark.parametrize("value, folder", [("docs", "docs"), ("./public/", "public"),
                                           ("../public", None), (".", None), ("", None),
                                           ("site\\out", "site/out"), (3, None)])
def test_a_configured_folder_is_a_folder_inside_the_site(value, folder):
    assert _inner_folder(value) == folder


def _two_languages(folder, posts, *, permalinks=""):
    """A Hugo site in Chinese (its default) and English, with ``posts`` written in it."""
    _write(folder, "hugo.toml", 'baseURL = "https://h.example/"\ndefaultContentLanguage = "zh"\n'
                                f"{permalinks}[languages.zh]\nweight = 1\n"
                                "[languages.en]\nweight = 2\n")
    _posts(folder, posts)
    return read_paths([folder])


def test_hugo_translations_by_file_name_live_under_their_language(tmp_path):
    r = _two_languages(tmp_path, {
        "content/posts/a.md": ("甲", "见[乙](/posts/b/)。"),
        "content/posts/a.en.md": ("A", "See [B](/en/posts/b/)."),
        # Hugo's ref reaches the page of that name in the page's own language
        "content/posts/c.md": ("丙", '见[乙]({{< ref "posts/b" >}})。'),
        "content/posts/c.en.md": ("C", 'See [B]({{< ref "b" >}}).'),
        "content/posts/b/index.md": ("乙", "见[甲](../a/)。"),
        "content/posts/b/index.en.md": ("B", "See [A](../a/)."),
        "content/posts/_index.en.md": ("Posts", "All posts.")})
    assert {p.title: p.url for p in r.posts} == {
        "甲": "https://h.example/posts/a/", "乙": "https://h.example/posts/b/",
        "A": "https://h.example/en/posts/a/", "B": "https://h.example/en/posts/b/",
        "丙": "https://h.example/posts/c/", "C": "https://h.example/en/posts/c/"}
    assert any("section's list page" in f.reason for f in r.fragments
               if f.path.endswith("_index.en.md"))
    # each language cites its own translation; a relative link is read from its page
    assert _cites(r.posts) == [("A", "B"), ("B", "A"), ("C", "B"), ("丙", "乙"), ("乙", "甲"),
                               ("甲", "乙")]


def test_hugo_translations_under_a_permalink_pattern(tmp_path):
    """Sections' patterns (``/p/:filename/``, ``/n/:filename/``) give each translation
    its address under its language, and ``ref`` still reaches the page of that path (two
    pages are named ``x``) in the page's own language."""
    r = _two_languages(tmp_path, {
        "content/posts/x.md": ("甲", '见[乙]({{< ref "notes/x" >}})。'),
        "content/posts/x.en.md": ("A", 'See [B]({{< ref "notes/x" >}}).'),
        "content/notes/x.md": ("乙", "见[甲](/p/x/)。"),
        "content/notes/x.en.md": ("B", "See [A](/en/p/x/).")},
        permalinks="[permalinks]\nposts = '/p/:filename/'\nnotes = '/n/:filename/'\n")
    assert {p.title: p.url for p in r.posts} == {
        "甲": "https://h.example/p/x/", "乙": "https://h.example/n/x/",
        "A": "https://h.example/en/p/x/", "B": "https://h.example/en/n/x/"}
    assert _cites(r.posts) == [("A", "B"), ("B", "A"), ("乙", "甲"), ("甲", "乙")]


def test_hugo_translations_by_content_directory(tmp_path):
    """Hugo's configuration directory, one file per key; every language in a subfolder."""
    _write(tmp_path, "config/_default/hugo.toml", 'baseURL = "https://h.example/"\n'
           'defaultContentLanguage = "zh"\ndefaultContentLanguageInSubdir = true\n')
    _write(tmp_path, "config/_default/languages.toml",
           '[zh]\ncontentDir = "content/zh"\n[en]\ncontentDir = "content/en"\n')
    _posts(tmp_path, {"content/zh/posts/a.md": ("甲", "见[乙](../b/)。"),
                      "content/en/posts/a.md": ("A", "See [B](../b/)."),
                      "content/zh/posts/b.md": ("乙", "正文。"),
                      "content/en/posts/b.md": ("B", "Text.")})
    r = read_paths([tmp_path])
    assert {p.title: p.url for p in r.posts} == {
        "甲": "https://h.example/zh/posts/a/", "乙": "https://h.example/zh/posts/b/",
        "A": "https://h.example/en/posts/a/", "B": "https://h.example/en/posts/b/"}
    assert _cites(r.posts) == [("A", "B"), ("甲", "乙")]


def test_org_files_title_tags_ids_and_blocks():
    from graphkit.readers.org import read_org
    lines = [":PROPERTIES:", ":ID: abc-123", ":END:", "#+FILETAGS: :a:b:", "#+HUGO_TAGS: c",
             "* 第一个标题", "正文见 [[id:def-456][另一篇]] 和 [[https://x.example/p][外链]]。",
             "#+begin_src python", "print('[[file:no.org][不算]]')"]
    (post,), (frag,) = read_org(lines, "notes/one.org")
    assert (post.title, post.tags) == ("第一个标题", ("a", "b", "c"))
    assert "id:abc-123" in post.aliases
    assert [link.url for link in post.links] == ["site-ref:id:def-456", "https://x.example/p"]
    assert post.text == "正文见 另一篇 和 外链。"
    assert frag.line == 8 and "never closed" in frag.reason


def test_org_roam_title_links_reach_the_note_of_that_title(tmp_path):
    """``[[roam:Title]]`` (org-roam's link by title, before it is replaced by an ``id:``
    link) reaches the note titled so, whatever its file is named."""
    _write(tmp_path, "20210101-rotary.org", "#+TITLE: Rotary Embedding\n\nSee "
                                           "[[roam:Linear Attention][the linear post]].\n")
    _write(tmp_path, "20210102-linear.org", "#+TITLE: Linear Attention\n\nBack to "
                                           "[[roam:Rotary Embedding]].\n")
    assert _cites(read_paths([tmp_path]).posts) == [("Linear Attention", "Rotary Embedding"),
                                                   ("Rotary Embedding", "Linear Attention")]


def test_org_filled_paragraphs_are_read_whole():
    """Emacs fills an Org paragraph at a fixed width: a link whose description runs onto
    the next line is one link, its sentence the whole one; a list item continued on an
    indented line is one item; a heading, a block or a new item ends a paragraph."""
    from graphkit.readers.org import read_org
    lines = ["#+TITLE: Rotary notes", "", "As I derived in [[file:b.org][the post on linear",
             "attention]], the embedding is relative; 推导见[[id:c-1][线性注意力的",
             "简单推导]]。", "- an item citing [[https://o.example/a/][another", "  post]]",
             "1. a second item", "#+begin_src python", "x = 1", "#+end_src", "after the block",
             "* A heading", "under it"]
    (post,), _ = read_org(lines, "notes/a.org")
    assert post.text.split("\n") == [
        "As I derived in the post on linear attention, the embedding is relative; "
        "推导见线性注意力的简单推导。", "an item citing another post", "a second item",
        "after the block", "A heading", "under it"]
    assert [(x.url, x.anchor, x.sentence[:16]) for x in post.links] == [
        ("site-ref:b.org", "the post on linear attention", "As I derived in "),
        ("site-ref:id:c-1", "线性注意力的简单推导", "推导见线性注意力的简单推导。"),
        ("https://o.example/a/", "another post", "an item citing a")]


def test_a_wrapped_markdown_source_joins_paragraphs_not_table_rows_or_headings():
    from graphkit.readers.markdown import markdown_to_text
    text, links = markdown_to_text(
        ["## A heading", "Wrapped [text of", "a link](/x/) here.", "a | b", "--|--", "c | d",
         "e | f", "Math line", "$$", "x = 1", "$$"], source=True)
    assert text.split("\n") == ["A heading", "Wrapped text of a link here.", "a | b", "--|--",
                                 "c | d", "e | f", "Math line", "$$", "x = 1", "$$"]
    assert [(x.url, x.anchor) for x in links] == [("/x/", "text of a link")]


def test_indented_code_holds_no_link_but_an_items_indented_paragraph_does():
    """Four columns past the margin or past a list item's content after a blank line is
    code (a tab counts to the next multiple of 4); an item's own paragraph, a nested
    item, an admonition's or footnote's content and a lazy continuation are text."""
    from graphkit.readers.markdown import markdown_to_text
    text, links = markdown_to_text(
        ["Run:", "", "    curl [no](/a/)", "", "\tpython [no](/b/)", "", "1. one", "",
         "   see [c](/c/)", "    - nested [d](/d/)", "", "          code [no](/e/)", "",
         '!!! note "Aside"', "", "    see [f](/f/)", "", "Text", "    lazy [g](/g/)", "",
         "* * *", "", "    code [no](/h/)", "", "[^1]: a note", "", "    more [i](/i/)"],
        source=True)
    assert [x.url for x in links] == ["/c/", "/d/", "/f/", "/g/", "/i/"]
    assert "    curl [no](/a/)" in text.split("\n") and "Text lazy g" in text


def test_a_nikola_conf_py_is_read_and_a_sphinx_conf_py_is_code(tmp_path):
    """Nikola's settings give the site's address and its POSTS and PAGES folders; a
    ``conf.py`` that sets none of them (Sphinx's) is source code, not a configuration."""
    conf = dict(read_site_config(
        'import time\nSITE_URL = "https://n.example/"\nBLOG_TITLE = "N"\nPRETTY_URLS = False\n'
        'POSTS = (("posts/*.md", "blog", "post.tmpl"), ("notes/2020/*.rst", "n", "p.tmpl"))\n'
        'FOOTER = "{}".format(time.time())\n', "conf.py"))
    assert conf == {"generator": "nikola", "url": "https://n.example", "posts:posts": "blog",
                    "posts:notes/2020": "n", "pages:pages": "pages", "pretty_urls": "false",
                    "title": "N"}
    assert read_site_config('project = "lib"\nextensions = ["sphinx.ext.autodoc"]\n',
                            "docs/conf.py") is None
    _write(tmp_path, "docs/conf.py", 'project = "lib"\n')
    _write(tmp_path, "docs/a.md", "# 甲\n\n见[乙](b.md)。\n")
    (report,) = [f for f in read_paths([tmp_path]).files if f.path.endswith("conf.py")]
    assert report.format == "code"


def test_nikola_posts_pages_and_two_file_posts(tmp_path):
    """A ``.meta`` file gives its post's title, slug and date; one marking a draft
    leaves the post out; one without a post is reported; a ``.txt`` post opening with
    Nikola's metadata is reST; a file outside POSTS is no post; addresses follow
    PRETTY_URLS off."""
    _write(tmp_path, "conf.py", 'SITE_URL = "https://n.example/"\nPRETTY_URLS = False\n')
    _write(tmp_path, "posts/a.rst", "见 `乙 <link://slug/b-slug>`_ 。\n")
    _write(tmp_path, "posts/a.meta", ".. title: 甲\n.. slug: a-slug\n.. date: 2020-01-02 08:00\n")
    _write(tmp_path, "posts/sub/b.txt", ".. title: 乙\n.. slug: b-slug\n\n见 `甲 <link://filename/"
                                        "posts/a.rst>`_ 和 `丁 <link://slug/d>`_ 。\n")
    _write(tmp_path, "posts/c.md", "见[甲](/posts/a-slug.html)。\n")
    _write(tmp_path, "posts/c.meta", ".. title: 丙\n.. status: draft\n")
    _write(tmp_path, "posts/gone.meta", ".. title: 戊\n.. slug: gone\n")
    _write(tmp_path, "drafts/d.md",
           "<!--\n.. title: 丁\n.. slug: d\n-->\n\n见[甲](link://slug/a-slug)。\n")
    r = read_paths([tmp_path])
    assert {p.title: (p.url, p.date) for p in r.posts} == {
        "甲": ("https://n.example/posts/a-slug.html", "2020-01-02"),
        "乙": ("https://n.example/posts/sub/b-slug.html", None)}
    assert _cites(r.posts) == [("乙", "甲"), ("甲", "乙")]
    why = {f.path.rsplit("/", 1)[-1]: f.reason for f in r.fragments}
    assert "status: draft" in why["c.md"] and "c.meta" in why["c.md"]
    assert "whose post file was not read" in why["gone.meta"]
    assert "POSTS" in why["d.md"]


def test_an_ablog_site_posts_by_pattern_and_labels(tmp_path):
    """A Sphinx site with ABlog: documents matching ``blog_post_pattern`` are posts
    without a directive, others are pages; ``:ref:`` and MyST's ``{ref}`` reach the
    document defining the label (reST ``.. _x:``, MyST ``(x)=``), in any case."""
    _write(tmp_path, "conf.py", 'extensions = ["ablog"]\nblog_baseurl = "https://s.example"\n'
                                'blog_post_pattern = ["notes/*"]\n')
    _write(tmp_path, "notes/a.rst", ".. _Rotary:\n\n甲\n==\n\n推导见 :ref:`这里 <derive>` 。\n")
    _write(tmp_path, "notes/b.md", "# 乙\n\n(derive)=\n## 推导\n\n见{ref}`甲 <rotary>`。\n")
    _write(tmp_path, "guide/c.rst", "丙\n==\n\n见 :ref:`rotary` 。\n")
    r = read_paths([tmp_path])
    assert {p.title: p.url for p in r.posts} == {"甲": "https://s.example/notes/a.html",
                                                 "乙": "https://s.example/notes/b.html"}
    assert _cites(r.posts) == [("乙", "甲"), ("甲", "乙")]
    assert "(derive)=" not in next(p.text for p in r.posts if p.title == "乙")
    assert any("not a post of its blog" in f.reason for f in r.fragments
               if f.path.endswith("guide/c.rst"))


def test_jekyll_collections_are_read_with_their_addresses():
    """Each collection but the posts; a list of names; ``output`` not true gives no
    address; no ``permalink`` gives ``/:collection/:path`` ended as the site's style."""
    conf = dict(read_site_config(
        "permalink: pretty\ncollections_dir: kinds\ncollections:\n  posts:\n    output: true\n"
        "  notes:\n    output: true\n    permalink: /n/:title/\n  til:\n    output: true\n"
        "  drafts_box:\n    output: false\n", "_config.yml"))
    assert {k: v for k, v in conf.items() if k.startswith("collection")} == {
        "collections_dir": "kinds", "collection:notes": "/n/:title/",
        "collection:til": "/:collection/:path/", "collection:drafts_box": ""}
    listed = dict(read_site_config("collections: [notes]\n", "_config.yml"))
    assert listed == {"collection:notes": ""}
    dated = dict(read_site_config("collections:\n  til:\n    output: true\n", "_config.yml"))
    assert dated == {"collection:til": "/:collection/:path:output_ext"}
    assert jekyll_collection("kinds/_til/py/a.md", conf) == ("til", "py/a")
    assert jekyll_collection("_til/a.md", conf) is None          # (not in collections_dir)
    assert jekyll_collection("kinds/_other/a.md", conf) is None


def test_a_collections_documents_are_posts_and_its_pages_are_not(tmp_path):
    """A blog with ``_posts`` and a ``til`` collection: both are posts, at their own
    addresses; a folder Jekyll does not render as a collection (``_pages``) holds pages."""
    _write(tmp_path, "_config.yml", "url: https://j.example\ninclude: [_pages]\n"
                                    "collections:\n  til:\n    output: true\n")
    _posts(tmp_path, {"_posts/2021-01-02-a.md": ("甲", "见[乙](/til/py/b.html)。"),
                      "_til/py/b.md": ("乙", "见[甲](/2021/01/02/a.html)。"),
                      "_pages/about.md": ("关于", "见[乙](/til/py/b.html)。")})
    r = read_paths([tmp_path])
    assert {p.title: p.url for p in r.posts} == {"甲": "https://j.example/2021/01/02/a.html",
                                                 "乙": "https://j.example/til/py/b.html"}
    assert _cites(r.posts) == [("乙", "甲"), ("甲", "乙")]
    assert any("a page of the site" in f.reason for f in r.fragments
               if f.path.endswith("_pages/about.md"))


def test_a_wikilink_naming_no_file_reaches_the_post_of_that_title(tmp_path):
    """``[[线性注意力]]`` reaches the post titled so, though no file has that name;
    ``[[b]]`` reaches the file; a part of a title (``[[线性]]``) reaches nothing."""
    _posts(tmp_path, {"a.md": ("线性注意力", "正文。"), "b.md": ("乙", "正文。"),
                      "x.md": ("引用者", "见 [[线性注意力]]、[[b]] 与 [[线性]]。")})
    r = read_paths([tmp_path])
    (x,) = [p for p in r.posts if p.title == "引用者"]
    assert len(x.links) == 3
    assert _cites(r.posts) == [("引用者", "乙"), ("引用者", "线性注意力")]


def test_template_tags_of_a_source_are_no_text_and_keep_the_links_they_make():
    """Hugo's shortcodes, Liquid's tags and mdBook's directives render as something
    else: their names and arguments (figure, src, png, include) are not the post's words;
    a ref shortcode is still the link it makes, a paired shortcode's text stays."""
    lines = ['前文{{< figure src="a.png" caption="图一" >}}，{% include note.html %}'
             '与{{#include ../code/a.rs:main}}。见[乙]({{< relref "b" >}})。',
             "", "{{% notice tip %}}", "提示的文字。", "{{% /notice %}}", "",
             "正文 {% raw %}{{ x }}{% endraw %}。"]
    text, links = markdown_to_text(lines, site_links=True, source=True)
    assert text == "前文，与。见乙。\n提示的文字。\n正文 {{ x }}。"
    assert [(link.url, link.anchor) for link in links] == [("site-ref:b", "乙")]
    # in an export's text field (not a source), braces are the author's text
    assert "{% include note.html %}" in markdown_to_text(lines[:1])[0]


def test_a_hugo_ref_standing_alone_is_the_link_linkify_makes_of_it(tmp_path):
    """Standing alone, ``ref`` writes the post's absolute address, which Goldmark's
    linkify makes a link; ``relref`` writes a site path, which stays text."""
    lines = ['详见 {{< ref "posts/rope.md" >}} 这篇，以及 {{< relref "linear" >}}。'
             '[甲]({{< ref "a.md" >}}#b)。']
    text, links = markdown_to_text(lines, site_links=True, source=True)
    assert text == "详见 posts/rope.md 这篇，以及 linear。甲。"   # before: site-ref:posts/…
    assert [(link.url, link.anchor) for link in links] == [
        ("site-ref:posts/rope.md", "posts/rope.md"), ("site-ref:a.md#b", "甲")]
    _, links = markdown_to_text(['<{{< ref "c.md" >}}>'], site_links=True, source=True)
    assert [link.url for link in links] == ["site-ref:c.md"]      # an autolink's target
    for name, title, body in (("rope", "旋转", "正文。"), ("b", "乙", "见 {{< ref \"rope\" >}}。")):
        _write(tmp_path / "content" / "posts", f"{name}.md",
               f"---\ntitle: {title}\ndate: 2021-03-05\n---\n\n{body}\n")
    (tmp_path / "hugo.toml").write_text('baseURL = "https://b.example/"\n', encoding="utf-8")
    assert _cites(read_paths([tmp_path]).posts) == [("乙", "旋转")]


def test_hugo_ref_with_named_arguments(tmp_path):
    """``path=`` names the page wherever it stands; ``lang=`` and an output format
    beside it are not the page."""
    for name, title, body in (
            ("rope", "旋转", "正文。"),
            ("b", "乙", '见[甲]({{< relref path="rope.md" lang="zh" >}})。'),
            ("c", "丙", '见[甲]({{% ref lang="zh" path="/posts/rope" %}})与'
                        '[乙]({{< relref "b.md" "amp" >}})。')):
        _write(tmp_path / "content" / "posts", f"{name}.md",
               f"---\ntitle: {title}\ndate: 2021-03-05\n---\n\n{body}\n")
    (tmp_path / "hugo.toml").write_text('baseURL = "https://b.example/"\n', encoding="utf-8")
    assert _cites(read_paths([tmp_path]).posts) == [("丙", "乙"), ("丙", "旋转"), ("乙", "旋转")]


@pytest.mark.parametrize("text, want", [
    ("What's new: Hugo 0.120", "whats-new-hugo-0.120"),
    ("第二篇：位置编码", "第二篇位置编码"),        # (punctuation dropped, not a hyphen)
    ("C++ 入门  -  笔记", "c++-入门-笔记"),
    ("50% off, 100%2F", "50-off-100%2f")])
def test_hugo_urlize(text, want):
    assert hugo_urlize(text) == want


def test_hugo_permalink_placeholders_are_urlized_as_hugo_does(tmp_path):
    """``:slug`` of a post without a slug is its title as Hugo makes it a path
    (``第二篇：位置编码`` → ``第二篇位置编码``, ``What's new`` → ``whats-new``), and
    ``disablePathToLower`` keeps its case."""
    _write(tmp_path, "hugo.yaml", "baseURL: https://h.example/\n"
                                  "permalinks:\n  posts: /:year/:slug/\n  notes: /n/:title/\n")
    _write(tmp_path, "content/posts/a.md", "---\ntitle: 第二篇：位置编码\ndate: 2021-02-06\n---\n"
                                           "\n见[乙](https://h.example/n/whats-new-c++/)。\n")
    _write(tmp_path, "content/notes/b.md", "---\ntitle: \"What's new: C++\"\ndate: 2021-03-01\n"
                                           "---\n\n见[甲](/2021/第二篇位置编码/)。\n")
    r = read_paths([tmp_path])
    assert {p.title: p.url for p in r.posts} == {
        "第二篇：位置编码": "https://h.example/2021/第二篇位置编码/",
        "What's new: C++": "https://h.example/n/whats-new-c++/"}
    assert _cites(r.posts) == [("What's new: C++", "第二篇：位置编码"),
                               ("第二篇：位置编码", "What's new: C++")]
    _write(tmp_path, "hugo.yaml", "baseURL: https://h.example/\ndisablePathToLower: true\n"
                                  "permalinks:\n  notes: /n/:title/\n")
    assert {p.url for p in read_paths([tmp_path]).posts} >= {"https://h.example/n/Whats-new-C++/"}


def test_jekyll_and_hexo_code_tags_are_code_blocks():
    lines = ["见下面的代码：", "", "{% highlight python linenos %}",
             "def f(x): return [softmax](x)", "{% endhighlight %}", "",
             "{% codeblock 推导 lang:python %}", "y = [a](b)", "{% endcodeblock %}", "", "完。"]
    text, links = markdown_to_text(lines, site_links=True, source=True)
    assert text == "见下面的代码：\ndef f(x): return [softmax](x)\ny = [a](b)\n完。"
    assert links == []          # (code holds no link)


def test_a_fence_and_a_code_tag_do_not_end_each_other():
    """A fence documenting Jekyll holds highlight tags; a highlight block holds a fence:
    neither ends the other, and the text after both is prose again."""
    lines = ["```liquid", "{% highlight ruby %}", "puts 1", "{% endhighlight %}", "```",
             "见[甲](/a/)。", "{% highlight md %}", "```", "[乙](/b/)", "{% endhighlight %}",
             "见[丙](/c/)。"]
    text, links = markdown_to_text(lines, site_links=True, source=True)
    assert [link.url for link in links] == ["/a/", "/c/"]
    assert text.splitlines()[-1] == "见丙。" and "puts 1" in text
