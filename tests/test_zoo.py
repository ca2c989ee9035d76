"""Blogs graphkit was not built against: one per generator and format (tests/fixtures/zoo/).

Each blog's ``truth.json`` lists every true citation between its posts (and to the two
works they cite); the tests ask for precision 1.0 and recall 1.0 on each.
"""

from __future__ import annotations

import json

import pytest
from conftest import FIXTURES

from graphkit.pipeline import relate
from graphkit.options import BuildOptions
from graphkit.readers import read_paths

ZOO = FIXTURES / "zoo"
BLOGS = sorted(d.name for d in ZOO.iterdir() if d.is_dir())


def _truth(blog: str) -> dict:
    return json.loads((ZOO / blog / "truth.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module", params=BLOGS)
def blog(request):
    name = request.param
    r = read_paths([ZOO / name])
    edges, extra, _ = relate(r.posts, options=BuildOptions(layers=("cites",)))
    return name, r, edges, extra


def test_the_six_posts_are_read_once_each(blog):
    name, r, _, _ = blog
    titles = sorted(p.title for p in r.posts)
    assert len(titles) == 6 and len(set(titles)) == 6, titles


def test_every_citation_is_found_and_nothing_else(blog):
    """Precision and recall 1.0 against the blog's own true edge list."""
    name, r, edges, _ = blog
    title = {p.key: p.title for p in r.posts}
    got = {(title[e.source], title.get(e.target, e.target)) for e in edges}
    want = {tuple(row) for row in _truth(name)["cites"]}
    assert got - want == set(), "false citations"
    assert want - got == set(), "missed citations"


def test_the_repeated_footer_is_boilerplate(blog):
    name, r, _, _ = blog
    footer = _truth(name)["footer"]
    # (and what the platform adds to every post: Substack's subscribe box)
    also = _truth(name).get("also_boilerplate", [])
    found = sorted(f.text for f in r.fragments if f.reason.startswith("boilerplate"))
    assert len(found) == 1 + len(also)
    assert all(any(t.startswith(x) for t in found) for x in [footer, *also]), found
    assert not any(x in p.text for p in r.posts for x in [footer, *also])


def test_the_title_only_post(blog):
    name, r, _, _ = blog
    assert [p.title for p in r.posts if p.title_only] == _truth(name)["title_only"]


def test_the_paper_is_not_the_post_about_it(blog):
    _, r, edges, extra = blog
    kinds = {x.key: x.kind for x in extra}
    assert kinds["paper:attentionisallyouneed"] == "paper"
    about = next(p.key for p in r.posts if p.title.endswith("浅读"))
    citing = {e.source for e in edges if e.target == about}
    assert [p.title for p in r.posts if p.key in citing] == ["位置编码的外推实验"]


def test_site_configuration_is_read_not_reported_as_unknown():
    r = read_paths([ZOO / "jekyll"])
    (conf,) = [f for f in r.files if f.path.endswith("_config.yml")]
    assert conf.format == "site-config" and conf.error is None
    assert dict(conf.site) == {"url": "https://jekyll.example",
                               "permalink": "/:year/:month/:day/:title/", "title": "测试博客"}
    post = next(p for p in r.posts if p.title == "旋转位置编码的直观理解")
    assert post.url == "https://jekyll.example/2020/03/04/rope-post/"
    assert post.date == "2020-03-04"                   # from the file name


def test_scraped_copies_take_their_archive_id_from_their_address():
    r = read_paths([ZOO / "scraped"])
    assert sorted(p.archive_id for p in r.posts) == list(range(80001, 80007))
    assert all(p.url.startswith("https://kexue.fm/archives/") for p in r.posts)
    leads = [f for f in r.fragments if f.reason.startswith("the original address")]
    assert len(leads) == 5 and all("原文链接" not in p.text for p in r.posts)


def test_posts_merge_by_address_before_title(tmp_path):
    """One post in two exports under two titles: its address makes it one node."""
    (tmp_path / "a.jsonl").write_text(
        '{"title": "旧标题", "url": "https://blog.example/2020/01/x/", "text": "正文"}\n',
        encoding="utf-8")
    (tmp_path / "b.md").write_text(
        "---\ntitle: 新标题\ncanonical_url: http://www.blog.example/2020/01/x\n---\n正文更长一些。\n",
        encoding="utf-8")
    r = read_paths([tmp_path])
    assert len(r.posts) == 1 and len(r.posts[0].sources) == 2
