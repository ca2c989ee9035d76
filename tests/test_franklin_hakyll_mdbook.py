"""Franklin.jl, Hakyll and mdBook: sites whose settings are code (Julia, Haskell) or a
book's TOML. The zoo's ``franklin/``, ``hakyll/`` and ``mdbook/`` test the whole path;
these test one edge each."""

from __future__ import annotations

import time

import pytest
from conftest import FIXTURES

from graphkit.readers import read_paths, read_text
from graphkit.readers.franklin import julia_block, julia_value, site_variables
from graphkit.sites import read_site_config

ZOO = FIXTURES / "zoo"


def _write(folder, name, text):
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


# ---------------------------------------------------------------- Franklin.jl

@pytest.mark.parametrize("text, value", [
    ('"旋转 \\"位置\\" 编码"', '旋转 "位置" 编码'),
    ("Date(2021, 3, 5)", "2021-03-05"),
    ("Date(2021,03,05)", "2021-03-05"),
    ('Date("2021-03-20")', "2021-03-20"),
    ("DateTime(2021, 3, 5, 10, 30)", "2021-03-05"),
    ('["a", "b"]  # tags', ["a", "b"]),
    ('["a" "b"]', ["a", "b"]),              # (a row vector)
    ("[1, [2, 3]]", ["1", ["2", "3"]]),
    ("true", True),
    ('get(ENV, "URL", "https://x.example/")', "https://x.example/"),
    ('"""two\n    lines"""', "two\n    lines"),
])
def test_julia_literals_are_read(text, value):
    assert julia_value(text) == value


@pytest.mark.parametrize("text", ["render_rss(title)", "date", '"a" * "b"', "[1, 2",
                                  '"unclosed', "Date(2021)", "x -> x", "[" * 100])
def test_julia_code_is_not_a_value(text):
    with pytest.raises(ValueError):
        julia_value(text)


def test_a_block_is_julia_only_when_every_line_is_an_assignment():
    assert julia_block('using Dates\ntitle = "x"\n# note\nrss = f(title)') == (
        {"title": "x"}, ["rss"])
    assert julia_block("title = Foo bar baz\n[params]\nx = 1") is None   # (TOML's error)
    assert julia_block("just text") is None


def test_a_block_that_is_no_toml_is_read_as_franklin_s():
    _, (post,), frags = read_text(
        '+++\ntitle = "甲"\ndate = Date(2021, 3, 5)\ntags = ["a",\n  "b"]\n'
        'rss = render_rss(title)\n+++\n\n正文，作者 {{fill author}}。\n\n\\toc\n', "posts/x.md")
    assert (post.title, post.date, post.tags) == ("甲", "2021-03-05", ("a", "b"))
    assert post.text == "正文，作者 。" and post.sources[0].format == "franklin"
    assert [f.reason for f in frags] == [
        "page variables not read (Julia code, not a value): rss"]


def test_broken_toml_stays_broken():
    """A Hugo post whose TOML is broken is no Julia either: its error is reported."""
    _, (post,), frags = read_text('+++\ntitle = 甲乙\n+++\n\n正文。\n', "content/x.md")
    assert post.sources[0].format == "front-matter"
    assert frags[0].reason.startswith("broken front matter") and frags[0].line == 2


def test_def_lines_anywhere_are_variables_not_text():
    _, (post,), frags = read_text(
        '@def title = "乙"\n@def tags = ["a",\n    "b"]\n\n正文。\n\n@def rss_pubdate = '
        'Date(2020, 12, 1)\n\n@@note\n提示。\n@@\n', "posts/y.md")
    assert (post.title, post.tags, post.date) == ("乙", ("a", "b"), "2020-12-01")
    assert post.text == "正文。\n提示。" and not frags


def test_config_md_configures_only_a_franklin_site(tmp_path):
    assert site_variables('@def website_url = "https://x.example/"\n') == {
        "website_url": "https://x.example/"}
    assert site_variables('+++\ntitle = "配置 Hugo"\n+++\n正文。') is None
    assert read_site_config('@def prepath = "blog"\n@def website_url = "x.example"\n',
                            "config.md") == (("generator", "franklin"),
                                             ("url", "https://x.example"))
    # a post about configuration named config.md is a post
    _write(tmp_path, "content/posts/config.md", '+++\ntitle = "配置 Hugo"\n+++\n\n正文。\n')
    (post,) = read_paths([tmp_path]).posts
    assert post.title == "配置 Hugo"


def test_franklin_pages_are_at_their_folders_and_folder_pages_are_not_posts():
    r = read_paths([ZOO / "franklin"])
    urls = {p.title: p.url for p in r.posts}
    assert urls["旋转位置编码的直观理解"] == "https://xiaolin.example.jl/posts/rope/"
    assert {p.title: p.date for p in r.posts}["关于本站的常见问题"] == "2020-12-01"  # rss_pubdate
    aside = {f.path.split("/", 1)[1]: f.reason for f in r.fragments
             if "not a post" in f.reason or "as built" in f.reason}
    assert aside["posts/index.md"].startswith("the page of the folder posts/")
    assert {"index.md", "about.md", "__site/posts/rope/index.html"} <= aside.keys()
    assert all("{{" not in p.text and "\\toc" not in p.text for p in r.posts)


# ---------------------------------------------------------------- Hakyll

SITE_HS = '''import Hakyll
config = defaultConfiguration { providerDirectory = "src", destinationDirectory = "docs" }
feed = FeedConfiguration { feedTitle = "笔记", feedRoot = "https://h.example" }
main = hakyllWith config $ do
    match "blogposts/*.md" $ do
        route $ setExtension "html"
'''


def test_site_hs_is_read_not_run():
    assert read_site_config(SITE_HS, "site.hs") == (
        ("generator", "hakyll"), ("url", "https://h.example"), ("title", "笔记"),
        ("posts", "src/blogposts"), ("input", "src"), ("output", "docs"))
    # a Haskell program that is no Hakyll site
    assert read_site_config("main = putStrLn \"site\"\n", "site.hs") is None


def test_hakyll_posts_pages_and_provider_directory(tmp_path):
    _write(tmp_path, "site.hs", SITE_HS)
    _write(tmp_path, "src/blogposts/2021-03-05-rope.md",
           "---\ntitle: 旋转\n---\n\n见[线性](/blogposts/2021-02-01-linear.html)。\n")
    _write(tmp_path, "src/blogposts/2021-02-01-linear.md", "---\ntitle: 线性\n---\n\n正文。\n")
    _write(tmp_path, "src/about.md",
           "---\ntitle: 关于\n---\n\n见[旋转](/blogposts/2021-03-05-rope.html)。\n")
    _write(tmp_path, "src/templates/post.html", "<h1>$title$</h1>$body$\n")
    _write(tmp_path, "docs/blogposts/2021-03-05-rope.html", "<html><h1>旋转</h1></html>\n")
    r = read_paths([tmp_path])
    assert sorted((p.title, p.date, p.url) for p in r.posts) == [
        ("旋转", "2021-03-05", "https://h.example/blogposts/2021-03-05-rope.html"),
        ("线性", "2021-02-01", "https://h.example/blogposts/2021-02-01-linear.html")]
    reasons = {f.path.split("/", 1)[1]: f.reason for f in r.fragments}
    assert "posts are under src/blogposts/" in reasons["src/about.md"]
    assert reasons["src/templates/post.html"].startswith("a template")
    assert reasons["docs/blogposts/2021-03-05-rope.html"].startswith("the site as built")


def test_a_yaml_block_above_restructuredtext_is_its_metadata():
    _, (post,), frags = read_text("---\ntitle: 浅读\ndate: 2021-01-10\ntags: [a]\n---\n\n"
                                  "正文。\n\n.. nosuch:: x\n", "posts/2021-01-10-reading.rst")
    assert (post.title, post.date, post.tags, post.text) == ("浅读", "2021-01-10", ("a",), "正文。")
    assert [f.line for f in frags] == [9]            # (the file's line, past the block)


# ---------------------------------------------------------------- mdBook

def test_book_toml_gives_the_book_s_address():
    conf = dict(read_site_config('[book]\ntitle = "笔记"\n[output.html]\n'
                                 'site-url = "/notes/"\ncname = "b.example"\n', "book.toml"))
    assert conf == {"generator": "mdbook", "input": "src", "output": "book",
                    "url": "https://b.example/notes", "base": "/notes", "title": "笔记"}
    assert dict(read_site_config("[book]\nsrc = 'content'\n", "book.toml"))["input"] == "content"
    with pytest.raises(ValueError):
        read_site_config("[book\n", "book.toml")


def test_mdbook_chapters_outside_the_source_folder_are_not_posts():
    r = read_paths([ZOO / "mdbook"])
    urls = {p.title: p.url for p in r.posts}
    assert urls["旋转位置编码的直观理解"] == "https://xiaolin.example.rs/notes/attention/rope.html"
    reasons = {f.path.split("/", 1)[1]: f.reason for f in r.fragments}
    assert reasons["README.md"].startswith(("outside the book", "a README"))
    assert reasons["book/attention/rope.html"].startswith("the site as built")


# ---------------------------------------------------------------- hostile input

def test_hostile_variables_are_read_in_bounded_time():
    cases = ["@def x = [" + "[" * 100_000, "@def x = " + '"' * 100_000,
             "@def t = 1\n" + "    more\n" * 100_000, "+++\n" + "x = [\n" * 50_000 + "+++\n",
             "@def x = " + "Date(" * 50_000, "+++\n" + 'x = get(ENV, "a", ' * 30_000 + "\n+++\n"]
    for text in cases:
        start = time.perf_counter()
        read_text(text, "posts/h.md")
        assert time.perf_counter() - start < 5, text[:20]
    start = time.perf_counter()
    read_site_config("import Hakyll\n" + 'match "' + "post" * 50_000 + "\n" +
                     "feedRoot = " * 50_000, "site.hs")
    assert time.perf_counter() - start < 5


# ---------------------------------------------------------------- Bridgetown

def test_bridgetown_config_is_jekyll_s_in_its_own_styles():
    conf = dict(read_site_config("url: https://b.example/\n", "bridgetown.config.yml"))
    assert conf == {"generator": "bridgetown", "url": "https://b.example",
                    "permalink": "/:categories/:year/:month/:day/:slug/", "source": "src",
                    "output": "output"}
    conf = dict(read_site_config("permalink: simple\nsource: site\n", "bridgetown.config.yml"))
    assert (conf["permalink"], conf["source"]) == ("/:categories/:slug/", "site")


def test_erb_helpers_are_the_links_they_make():
    from graphkit.sites import expand_site_links

    assert expand_site_links('[a](<%= relative_url "/x/" %>) 与 <%= link_to "乙", '
                             "'/y/', class: \"c\" %>，<%= url_for('/z/') -%>") == (
        "[a](/x/) 与 [乙](/y/)，/z/")
    assert expand_site_links("<%= post.relative_url %>") == "<%= post.relative_url %>"


def test_bridgetown_posts_are_at_their_pretty_addresses():
    r = read_paths([ZOO / "bridgetown"])
    urls = {p.title: p.url for p in r.posts}
    assert urls["线性注意力的简单推导"] == "https://xiaolin.example.rb/ml/2021/02/01/linear/"
    assert urls["随手记下的一个想法"] == "https://xiaolin.example.rb/2021/03/20/idea/"
    reasons = {f.path.split("/", 1)[1]: f.reason for f in r.fragments}
    assert reasons["src/_pages/about.md"].startswith("a page of the site")
    assert reasons["output/2021/03/05/rope/index.html"].startswith("the site as built")
