"""R Markdown websites and Distill blogs: ``_site.yml``, articles as folders under
``_posts/``, dates written month first, knitr chunks that show no code, and the HTML a
source is rendered to beside it (the zoo's ``distill/`` blog tests the whole path; these
test one edge each)."""

from __future__ import annotations

from conftest import FIXTURES

from graphkit.options import BuildOptions
from graphkit.pipeline import relate
from graphkit.readers import read_paths
from graphkit.readers.frontmatter import listing_page
from graphkit.readers.markdown import markdown_to_text
from graphkit.sites import (file_slug, named_by_folder, path_aliases, read_site_config,
                            rmarkdown_route)

DISTILL = FIXTURES / "zoo" / "distill"


def _write(folder, name, text):
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _cites(r):
    edges, _, _ = relate(r.posts, options=BuildOptions(layers=("cites",)))
    title = {p.key: p.title for p in r.posts}
    return sorted((title[e.source], title.get(e.target, e.target)) for e in edges)


def test_site_yml_gives_the_address_the_output_folder_and_the_collections():
    site = dict(read_site_config((DISTILL / "_site.yml").read_text(encoding="utf-8"),
                                 "distill/_site.yml"))
    assert site == {"generator": "rmarkdown", "url": "https://distill.example",
                    "output": "docs", "title": "注意力笔记"}
    talks = read_site_config("name: s\ncollections:\n  posts: {}\n  talks:\n    share: []\n",
                             "_site.yml")
    assert ("collection:talks", "") in talks and ("output", "_site") in talks
    # a _site.yml of another program: its data, not a site's configuration
    assert read_site_config("hosts: [a, b]\nport: 8080\n", "_site.yml") is None


def test_distill_articles_are_their_folders_and_their_dates_are_month_first():
    r = read_paths([DISTILL])
    by = {p.title: p for p in r.posts}
    rope = by["旋转位置编码的直观理解"]
    assert rope.url == "https://distill.example/posts/2020-03-04-rope/"
    assert rope.date == "2020-03-04"                       # date: 03-04-2020
    assert by["《Attention is All You Need》浅读"].date == "2019-01-02"   # 01-02-2019
    # undated (extrapolation.Rmd in 2021-07-08-extra/): the folder's date, its address
    extra = by["位置编码的外推实验"]
    assert (extra.date, extra.url) == ("2021-07-08",
                                       "https://distill.example/posts/2021-07-08-extra/")
    assert not [f for f in r.fragments if f.reason.startswith("the date (")]


def test_pages_listings_drafts_and_the_built_site_are_no_posts():
    r = read_paths([DISTILL])
    why = {f.path.removeprefix("distill/"): f.reason for f in r.fragments}
    assert why["about.Rmd"].startswith("a page of the site, not a post (a Distill blog's")
    assert why["index.Rmd"].startswith("a listing page")          # listing: posts
    assert why["_posts/2022-01-01-draft/draft.Rmd"].startswith("a draft")
    assert why["docs/posts/posts.json"].startswith("the site as built (docs/)")
    assert len(r.posts) == 6


def test_the_html_rendered_beside_its_source_is_the_same_post():
    """rope.html (titled "注意力笔记: …", no address of its own) beside rope.Rmd."""
    r = read_paths([DISTILL])
    (rope,) = [p for p in r.posts if "rope" in p.url]
    assert sorted(s.path.rsplit("/", 1)[-1] for s in rope.sources) == ["rope.Rmd", "rope.html"]
    assert rope.title == "旋转位置编码的直观理解"


def test_a_rendering_beside_its_source_merges_without_any_site(tmp_path):
    _write(tmp_path, "a/note.Rmd", "---\ntitle: 笔记\n---\n\n见[另一篇](../b/other.html)。\n")
    _write(tmp_path, "a/note.html", "<html><head><title>我的站点 | 笔记</title></head><body>"
           "<article><p>见<a href='../b/other.html'>另一篇</a>。</p></article></body></html>")
    _write(tmp_path, "b/other.Rmd", "---\ntitle: 另一篇\n---\n\n正文。\n")
    r = read_paths([tmp_path])
    assert sorted(p.title for p in r.posts) == ["另一篇", "笔记"]
    assert _cites(r) == [("笔记", "另一篇")]


def test_two_sources_of_one_title_in_two_folders_stay_two_posts(tmp_path):
    """Only a file's own rendering merges with it: the same title in two folders (a blog's
    "Weekly notes" of two weeks) names two posts still."""
    for week in ("w1", "w2"):
        _write(tmp_path, f"{week}/notes.md", f"---\ntitle: Weekly notes\n---\n\n{week} text.\n")
    _write(tmp_path, "w1/notes.html", "<html><head><title>Weekly notes</title></head><body>"
           "<article><p>w1 text.</p></article></body></html>")
    r = read_paths([tmp_path])
    assert len(r.posts) == 2
    assert sorted(len(p.sources) for p in r.posts) == [1, 2]


def test_a_posts_folder_alone_links_by_folder_names_and_dates_by_them(tmp_path):
    """Distill's _posts/ read without its site: ../DATE-SLUG/ names the article in it."""
    posts = tmp_path / "_posts"
    _write(posts, "2021-01-10-tidy/tidy.Rmd",
           "---\ntitle: Tidy data\ndate: 01-10-2021\n---\n\nOne row per observation.\n")
    _write(posts, "2021-02-03-pivot/pivot.Rmd",
           "---\ntitle: Pivoting\ndate: 02-03-2021\n---\n\nSee [tidy data](../2021-01-10-tidy/).\n")
    r = read_paths([posts])
    assert {p.title: p.date for p in r.posts} == {"Tidy data": "2021-01-10",
                                                  "Pivoting": "2021-02-03"}
    assert _cites(r) == [("Pivoting", "Tidy data")]


def test_a_file_named_as_its_folder_is_the_folders_page():
    assert named_by_folder("_posts/2021-01-10-tidy/tidy.Rmd")
    assert named_by_folder("docs/guides/Guides.md")
    assert not named_by_folder("posts/rope/notes.md") and not named_by_folder("tidy.md")
    assert file_slug("_posts/2021-01-10-tidy/tidy.Rmd")[1].isoformat() == "2021-01-10"
    assert {"_posts/2021-01-10-tidy", "2021-01-10-tidy"} <= path_aliases(
        "_posts/2021-01-10-tidy/tidy.Rmd")
    assert "rope" not in path_aliases("posts/rope/notes.md")


def test_knitr_and_quarto_chunks_that_hide_their_code_are_no_text():
    body = ["Before.", "", "```{r setup, include=FALSE}", "knitr::opts_chunk$set(echo = F)",
            "```", "", "```{r plot, echo = FALSE}", "plot(cars)  # see https://a.example/x/",
            "```", "", "```{python}", "#| label: fig", "#| echo: false", "import numpy", "```",
            "", "```{r}", "shown <- 1", "```", "", "```r", "plain <- 2", "```", "", "After."]
    text, links = markdown_to_text(body, source=True)
    assert text.split("\n") == ["Before.", "shown <- 1", "plain <- 2", "After."]
    assert links == []
    # not a source (an export's text): chunks stay as they are
    assert "knitr::opts_chunk$set(echo = F)" in markdown_to_text(body)[0]


def test_a_listing_naming_a_collection_is_a_listing_page():
    assert listing_page({"listing": "posts"}) is not None
    assert listing_page({"listing": {"collection": "posts"}}) is not None
    assert listing_page({"listing": "A list of my favourite things"}) is None
    assert listing_page({"listing": False}) is None


def test_render_site_routes():
    conf = {"collection:talks": ""}
    assert rmarkdown_route("about.Rmd", conf) == "/about.html"
    assert rmarkdown_route("index.Rmd", conf) == "/"
    assert rmarkdown_route("_footer.Rmd", conf) is None          # (an include: not rendered)
    assert rmarkdown_route("_posts/group/2021-01-10-tidy/tidy.Rmd", conf) == (
        "/posts/group/2021-01-10-tidy/")
    assert rmarkdown_route("_talks/2022-05-01-user/index.Rmd", conf) == "/talks/2022-05-01-user/"
    assert rmarkdown_route("_notes/a/a.Rmd", conf) is None       # (no such collection)
    assert rmarkdown_route("R/helpers.Rmd", conf) is None
