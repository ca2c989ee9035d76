"""Substack's export (tests/fixtures/zoo/substack): posts.csv joined with posts/ID.slug.html.

The zoo's own tests check the citations; these check the join, what is set aside, and
that links by Substack's app addresses reach their posts.
"""

from __future__ import annotations

import shutil

import pytest
from conftest import FIXTURES

from graphkit.options import BuildOptions
from graphkit.pipeline import relate
from graphkit.readers import read_paths, read_text
from graphkit.readers.substack import body_file, join_bodies, row_aliases
from graphkit.sites import substack_address, substack_post_id

EXPORT = FIXTURES / "zoo" / "substack"


@pytest.fixture(scope="module")
def export():
    return read_paths([EXPORT])


def test_each_row_and_its_body_are_one_post(export):
    for p in export.posts:
        paths = sorted(s.path.rsplit("/", 1)[-1] for s in p.sources)
        assert len(paths) == 2 and paths[1] == "posts.csv", paths
        assert paths[0].endswith(".html") and not p.untitled and p.date
    rope = next(p for p in export.posts if p.title == "旋转位置编码的直观理解")
    assert rope.date == "2021-06-02"                  # posts.csv's post_date
    assert "substack/101000003" in rope.aliases and "p/rope" in rope.aliases
    assert "相位" in rope.text                          # the body file's text


def test_drafts_and_pages_are_reported_with_their_bodies(export):
    reasons = {(f.path.rsplit("/", 1)[-1], f.reason) for f in export.fragments}
    assert ("posts.csv", "row: not published (is_published: false)") in reasons
    assert ("posts.csv", "row: a Substack page (type: page), not a post") in reasons
    aside = sorted(f.path.rsplit("/", 1)[-1] for f in export.fragments
                   if "lists as no published post" in f.reason)
    assert aside == ["101000007.long-draft.html", "101000008.about.html"]
    assert not any(p.title in ("长文本的草稿", "关于作者") for p in export.posts)


def test_the_subscribers_and_statistics_are_one_entry_each_and_never_shown(export):
    tables = [f for f in export.fragments if f.path.endswith(".csv")
              and f.reason.startswith("CSV header has no title or url column")]
    assert sorted(f.path.rsplit("/", 1)[-1] for f in tables) == [
        "101000002.attention-is-all-you-need.delivers.csv",
        "101000002.attention-is-all-you-need.opens.csv", "email_list.zhang.csv"]
    assert all(f.line == 1 and f.end_line == 3 for f in tables)   # the whole file
    assert not any("@example.com" in f.text for f in export.fragments)


def test_links_by_the_apps_addresses_reach_their_posts(export):
    edges, _, _ = relate(export.posts, options=BuildOptions(layers=("cites",)))
    title = {p.key: p.title for p in export.posts}
    pairs = {(title[e.source], title.get(e.target)) for e in edges}
    # substack.com/home/post/p-ID: by the post's number, on Substack's own host
    assert ("旋转位置编码的直观理解", "随手记下的一个想法") in pairs
    # open.substack.com/pub/zhang/p/rope: the publication's own address
    assert ("线性注意力的简单推导", "旋转位置编码的直观理解") in pairs
    # an embedded post card (a link wrapping <div>s, in no paragraph)
    assert ("位置编码的外推实验", "旋转位置编码的直观理解") in pairs


def test_substack_addresses():
    assert substack_post_id("https://substack.com/@zhang/p-42") == "42"
    assert substack_post_id("https://substack.com/inbox/post/42") == "42"
    assert substack_post_id("https://example.com/home/post/p-42") is None   # not Substack
    assert substack_address("https://open.substack.com/pub/Zhang/p/rope") == \
        "https://zhang.substack.com/p/rope"
    assert substack_address("https://zhang.substack.com/p/rope") == \
        "https://zhang.substack.com/p/rope"


def test_body_files_are_named_by_number_under_posts():
    assert body_file("x/posts/7.a.b.html") == ("x", "7")
    assert body_file("x/notes/7.a.html") == ("x/notes", "7")   # beside its posts.csv
    assert body_file("x/posts/draft.html") is None
    assert row_aliases({"post_id": "7"}) == ("substack/7",)  # a number alone (older exports)
    assert row_aliases({"post_id": "seven"}) == ()


def test_a_number_alone_still_joins_and_the_folder_matters(tmp_path):
    root = tmp_path / "export"
    (root / "posts").mkdir(parents=True)
    (root / "posts.csv").write_text(
        "post_id,post_date,is_published,type,title\n"
        "7,2022-01-02T00:00:00.000Z,true,newsletter,Seven\n", encoding="utf-8")
    (root / "posts" / "7.seven.html").write_text("<p>Body of seven.</p>", encoding="utf-8")
    other = tmp_path / "other" / "posts"
    other.mkdir(parents=True)
    (other / "7.seven.html").write_text("<p>Another export's body.</p>", encoding="utf-8")
    r = read_paths([tmp_path])
    seven = next(p for p in r.posts if p.title == "Seven")
    assert seven.text == "Body of seven." and len(seven.sources) == 2
    # the other folder has no posts.csv: its body stays a post of its own, untitled
    assert [p.text for p in r.posts if p.untitled] == ["Another export's body."]


def test_without_posts_csv_the_bodies_are_read_as_they_are(tmp_path):
    shutil.copytree(EXPORT / "posts", tmp_path / "posts")
    r = read_paths([tmp_path])
    assert len(r.posts) == 8 and all(p.untitled for p in r.posts)
    assert not any("lists as no published post" in f.reason for f in r.fragments)


def test_join_leaves_its_input_alone():
    sightings = []
    for name in ("posts.csv", "posts/101000003.rope.html"):
        _, posts, _ = read_text((EXPORT / name).read_text(encoding="utf-8"), f"substack/{name}")
        sightings += posts
    before = list(sightings)
    joined, aside = join_bodies(sightings)
    assert sightings == before and len(joined) == len(sightings) - 1 and aside == []
    rope = next(p for p in joined if p.title == "旋转位置编码的直观理解")
    assert [s.path for s in rope.sources] == ["substack/posts.csv",
                                              "substack/posts/101000003.rope.html"]


def test_an_export_uploaded_file_by_file_is_joined_too():
    """Files picked one by one are sent by name only: the bodies sit beside posts.csv."""
    from graphkit.readers import read_uploads

    names = ["posts.csv", "posts/101000003.rope.html", "posts/101000007.long-draft.html"]
    r = read_uploads([(name.rsplit("/", 1)[-1], (EXPORT / name).read_bytes())
                      for name in names])
    sources = {p.title: len(p.sources) for p in r.posts}
    assert len(sources) == 6 and sources.pop("旋转位置编码的直观理解") == 2
    assert set(sources.values()) == {1}          # the rows whose bodies were not uploaded
    assert any(f.path == "101000007.long-draft.html" and "no published post" in f.reason
               for f in r.fragments)
