"""A blog's source folder as kept in a repository: only its posts are posts.

Drafts, unpublished posts, pages, templates, themes (with their demonstration posts) and
the built site are reported with their reason, and cite nothing.
"""

from pathlib import Path

import pytest

from graphkit.pipeline import build
from graphkit.readers import read_paths
from graphkit.readers.frontmatter import unpublished

SOURCES = Path(__file__).parent / "fixtures" / "site-sources"

# file → the words its fragment's reason must hold
SET_ASIDE = {
    "jekyll-repo": {"_drafts/ding.md": "_drafts/", "_posts/2021-03-01-bing.md": "published: false",
                    "_layouts/post.html": "template", "_includes/footer.html": "template",
                    "_site/2021/02/01/yi/index.html": "built (_site/)",
                    "about.md": "a page of the site", "404.html": "a page of the site"},
    "hugo-repo": {"content/posts/bing.md": "draft: true", "content/about.md": "top of the site's content (content/)",
                  "content/now/index.md": "top of the site's content (content/)",
                  # (beside the demonstration site's own hugo.toml)
                  "themes/paper/exampleSite/content/posts/markdown-syntax.md": "(themes/)",
                  "archetypes/default.md": "(archetypes/)",
                  "layouts/_default/single.html": "(layouts/)",
                  "public/posts/yi/index.html": "built (public/)"},
    "hexo-repo": {"source/_drafts/bing.md": "_drafts/", "source/about/index.md": "a page",
                  # (the theme's own _config.yml configures no site of the blog)
                  "themes/landscape/docs/usage.md": "(themes/)"},
    "pelican-repo": {"content/bing.md": "status: draft", "content/pages/about.md": "pages/",
                     "output/yi.html": "built (output/)"},
    "docusaurus-repo": {"docs/intro.md": "not a post of its blog",
                        "src/pages/index.md": "not a post of its blog",
                        "build/blog/yi/index.html": "built (build/)"},
}


@pytest.mark.parametrize("site", sorted(SET_ASIDE))
def test_only_the_blogs_posts_are_posts(site):
    r = read_paths([SOURCES / site])
    assert sorted(p.title for p in r.posts) == ["乙", "甲"]
    for path, words in SET_ASIDE[site].items():
        reasons = [f.reason for f in r.fragments if f.path == f"{site}/{path}"]
        assert any(words in why for why in reasons), (path, reasons)


@pytest.mark.parametrize("site", sorted(SET_ASIDE))
def test_the_one_citation_is_between_the_two_posts(site):
    result = build([SOURCES / site])
    g = result.graph
    cites = [(g.nodes[u]["title"], g.nodes[v].get("title")) for u, v, d in g.edges(data=True)
             if d["kind"] == "cites"]
    assert cites == [("乙", "甲")]          # the draft's and the page's citations are gone


@pytest.mark.parametrize("meta, path, words", [
    ({"draft": True}, "content/posts/a.md", "draft: true"),
    ({"draft": "yes"}, "blog/a.md", "draft: true"),
    ({"published": False}, "_posts/2020-01-01-a.md", "published: false"),
    ({"status": "Draft"}, "content/a.md", "status: draft"),
    ({"status": "private"}, "wp.jsonl", "status: private"),   # WordPress' REST API
    ({"hugo_draft": "true"}, "notes/a.org", "hugo_draft"),
    ({}, "source/_drafts/a.md", "_drafts/"),
])
def test_what_a_generator_does_not_publish(meta, path, words):
    assert words in unpublished(meta, path)


@pytest.mark.parametrize("meta, path", [
    ({"draft": False}, "content/posts/a.md"), ({"published": True}, "_posts/a.md"),
    ({"published": "2021-05-06"}, "posts/a.md"),       # a date named published
    ({"status": "published"}, "content/a.md"), ({}, "drafts-of-life/a.md"),
])
def test_what_a_generator_publishes(meta, path):
    assert unpublished(meta, path) is None


def test_without_a_site_configuration_nothing_is_set_aside(tmp_path):
    """A folder of Markdown notes has no pages, templates or built site to tell apart."""
    (tmp_path / "layouts").mkdir()
    (tmp_path / "layouts" / "a.md").write_text("---\ntitle: 一\n---\n正文一。\n", encoding="utf-8")
    (tmp_path / "about.md").write_text("---\ntitle: 二\n---\n正文二。\n", encoding="utf-8")
    assert sorted(p.title for p in read_paths([tmp_path]).posts) == ["一", "二"]


def test_rows_that_are_not_published_are_reported(tmp_path):
    rows = tmp_path / "wp.jsonl"
    rows.write_text('{"title": "甲", "status": "publish", "text": "正文甲。"}\n'
                    '{"title": "乙", "status": "draft", "text": "正文乙。"}\n'
                    '{"title": "丙", "draft": true, "text": "正文丙。"}\n', encoding="utf-8")
    r = read_paths([rows])
    assert [p.title for p in r.posts] == ["甲"]
    assert [(f.line, f.reason) for f in r.fragments] == [
        (2, "row: not published (status: draft)"), (3, "row: a draft (draft: true), not published")]


def test_a_repositorys_documents_are_no_posts(tmp_path):
    docs = {"LICENSE.md": "MIT License\n\nPermission is hereby granted, free of charge.\n",
            "CONTRIBUTING.md": "# Contributing\n\nSee [the license](LICENSE.md).\n",
            "docs/CODE_OF_CONDUCT.zh-CN.md": "# 行为准则\n\n请友善。\n",
            "README_CN.md": "# 我的笔记\n\n这里是[甲](jia.md)。\n",
            "jia.md": "# 甲\n\n见[历史](history.md)。\n",
            "history.md": "# 历史\n\n一篇讲历史的笔记，名字像仓库的文件，却是一篇笔记。\n"}
    for name, text in docs.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    r = read_paths([tmp_path])
    assert sorted(p.title for p in r.posts) == ["历史", "甲"]
    assert sum("a repository's license" in f.reason for f in r.fragments) == 3
