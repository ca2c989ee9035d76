"""WriteFreely's (and Write.as's) exports: the account's JSON and the posts' CSV. The zoo's
``writefreely/`` and ``writefreely-csv/`` test the whole path; these test one edge each."""

from __future__ import annotations

import csv
import io
import json

from conftest import FIXTURES, read_cites

from graphkit.readers import read_paths, read_text
from graphkit.readers.writefreely import title_and_text

ZOO = FIXTURES / "zoo"


def _export(posts, *, url="https://wf.example/xiaolin/", drafts=()):
    blog = {"alias": "xiaolin", "title": "笔记", "public": True, "total_posts": len(posts),
            "posts": [{"id": f"id{i:08d}", "slug": slug, "created": "2021-03-05T02:00:00Z",
                       "title": title, "body": body, "tags": []}
                      for i, (slug, title, body) in enumerate(posts)]}
    if url is not None:
        blog["url"] = url
    return json.dumps({"username": "xiaolin", "has_pass": True, "created":
                       "2020-01-01T00:00:00Z", "collections": [blog], "posts": list(drafts)},
                      ensure_ascii=False, indent=2)


def test_each_post_and_draft_is_named_by_the_line_its_object_opens():
    path = next((ZOO / "writefreely").glob("*.json"))
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    layout, posts, frags = read_text(text, "x.json")
    assert layout == "writefreely-json" and len(posts) == 6
    for p in posts:
        n = p.sources[0].line
        assert lines[n - 1].strip() == "{" and p.url.rsplit("/", 1)[1] in lines[n + 1]
    draft, = [f for f in frags if "in no blog" in f.reason]
    assert lines[draft.line - 1].strip() == "{" and "e1f2g3h4i5" in lines[draft.line]
    assert draft.text == "还没写完的草稿"


def test_a_heading_opening_the_text_is_the_title_and_leaves_the_text():
    r = read_paths([ZOO / "writefreely"])
    rope = next(p for p in r.posts if p.slug == "rope")
    assert rope.title == "旋转位置编码的直观理解"
    assert not rope.text.lstrip().startswith("#")
    assert "旋转位置编码的直观理解" not in rope.text
    idea = next(p for p in r.posts if p.slug == "idea")
    assert idea.title_only and idea.title == "随手记下的一个想法"
    assert rope.tags == ("位置编码",) and rope.date == "2021-03-05"


def test_the_csv_text_has_its_line_breaks_and_its_hashtags_as_tags():
    r = read_paths([ZOO / "writefreely-csv"])
    rope = next(p for p in r.posts if p.slug == "rope")
    assert "\\n" not in rope.text and rope.title == "旋转位置编码的直观理解"
    assert rope.tags == ("位置编码",)
    extra = next(p for p in r.posts if p.slug == "extrapolation")
    assert extra.tags == ("位置编码", "注意力")
    draft, = [f for f in r.fragments if "in no blog" in f.reason]
    assert draft.line == 8          # (the header is line 1, each row one line)


def test_a_title_made_from_a_plain_first_line_is_cut_and_the_line_stays():
    title, text = title_and_text("", "\n  " + "长" * 100 + "\n第二行")
    assert title == "长" * 80 and text.startswith("\n  " + "长" * 100)
    assert title_and_text("", "## 小节 ##\n正文") == ("小节", "正文")
    assert title_and_text("", "# C#\n正文") == ("C#", "正文")      # (C# is no closing #)


def test_a_blog_without_url_is_found_by_the_host_its_posts_link(tmp_path):
    (tmp_path / "x.json").write_text(_export([
        ("a", "甲文", "见[乙文](https://wf.example/xiaolin/b)。"),
        ("b", "乙文", "见[甲文](https://wf.example/xiaolin/a?x=1)。")], url=None),
        encoding="utf-8")
    r, cites = read_cites(tmp_path)
    assert {p.url for p in r.posts} == {None}
    assert cites == {("甲文", "乙文"), ("乙文", "甲文")}


def test_a_single_user_blog_and_a_link_by_the_post_id(tmp_path):
    (tmp_path / "x.json").write_text(_export([
        ("a", "甲文", "见[乙文](https://blog.example/b)。"),
        ("b", "乙文", "见[旧地址](https://blog.example/id00000000)。")],
        url="https://blog.example/"), encoding="utf-8")
    r, cites = read_cites(tmp_path)
    assert sorted(p.url for p in r.posts) == ["https://blog.example/a", "https://blog.example/b"]
    assert cites == {("甲文", "乙文"), ("乙文", "甲文")}


def test_an_account_without_a_blog_has_drafts_only():
    text = json.dumps({"username": "x", "collections": None,
                       "posts": [{"id": "q", "title": "", "body": "# 草稿\n\n正文"}]})
    layout, posts, frags = read_text(text, "x.json")
    assert layout == "writefreely-json" and posts == []
    assert [(f.text, "in no blog" in f.reason) for f in frags] == [("草稿", True)]


def test_a_broken_export_is_reported_whole():
    text = _export([("a", "甲文", "正文")])[:-40]
    layout, posts, frags = read_text(text, "x.json")
    assert layout == "writefreely-json" and posts == []
    assert frags[0].reason.startswith("not a WriteFreely export (JSONDecodeError")


def test_other_json_is_not_taken_for_the_export():
    # a user record with no blogs' list, and a list of collections not opened by a user
    row = {"title": "甲", "body": "正文", "date": "2021-01-01"}
    for doc in ({"username": "x", "posts": [row]},
                {"collections": [], "username": "x"}):
        layout, _, _ = read_text(json.dumps(doc), "x.json")
        assert layout != "writefreely-json"


def test_only_the_export_header_makes_a_csv_writefreely_s(tmp_path):
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(["id", "slug", "url", "created", "title", "body"])       # no blog column
    w.writerow(["x1", "a", "https://b.example/a", "2021-01-01", "", "# 标题\\n正文"])
    _, posts, _ = read_text(buf.getvalue(), "x.csv")
    assert posts[0].title == "" and "\\n" in posts[0].text
