"""Every input format, read from small fixtures of our own (tests/fixtures/)."""

from __future__ import annotations

import os

import pytest
from conftest import FIXTURES

from graphkit.options import BuildOptions
from graphkit.pipeline import relate
from graphkit.readers import decode, read_paths, read_text
from graphkit.errors import InputError

FORMATS = FIXTURES / "formats"
BAD = FIXTURES / "bad"


@pytest.fixture(scope="module")
def formats():
    return read_paths([FORMATS])


def _post(result, title):
    return next(p for p in result.posts if p.title == title)


def test_each_format_is_recognised(formats):
    got = {f.path.split("/")[-1]: f.format for f in formats.files}
    assert got == {"hugo-rope-notes.md": "front-matter", "hugo-sinusoidal-notes.md": "front-matter",
                   "jekyll-follow-up.md": "front-matter", "kexue-page-capture.md": "kexue-page",
                   "kexue-saved-page.html": "html", "posts.csv": "csv", "posts.jsonl": "jsonl"}


def test_front_matter_fields(formats):
    yaml_post = _post(formats, "旋转位置编码的测试笔记")
    assert yaml_post.date == "2024-05-06"
    assert yaml_post.tags == ("RoPE", "位置编码") and yaml_post.categories == ("信息时代",)
    assert {"rope-notes", "old/rope-notes"} <= set(yaml_post.aliases)
    toml_post = _post(formats, "正弦位置编码的测试笔记")
    assert toml_post.date == "2023-01-02" and "sinusoidal-notes" in toml_post.aliases
    jekyll = _post(formats, "位置编码测试笔记的后续")
    assert jekyll.tags == ("位置编码", "外推")
    assert "为什么要写这篇" in yaml_post.text and "---" not in yaml_post.text


def test_saved_html_page(formats):
    p = _post(formats, "测试用的旋转位置编码笔记")
    assert (p.archive_id, p.date, p.readers) == (90001, "2024-05-06", 1234)
    assert p.url == "https://kexue.fm/archives/90001"
    assert [link.url for link in p.links] == ["https://kexue.fm/archives/90002", "/archives/90003"]
    assert "评论" not in p.text and "随机文章" not in p.text
    assert p.text.count("列表里的一段文字") == 1


def test_page_capture_keeps_body_related_list_and_taxonomy(formats):
    p = _post(formats, "页面抓取格式的测试文章")
    assert (p.archive_id, p.date, p.readers) == (90005, "2024-07-08", 4321)
    assert p.related == (90002, 90003)
    assert p.categories == ("信息时代",) and p.tags == ("测试", "抓取")
    assert "$x_1$" in p.text and "第二节" in p.text and "#" not in p.text
    assert "侧栏" not in p.text and "评论区" not in p.text
    assert [link.url for link in p.links] == ["https://kexue.fm/archives/90003"]


def test_table_rows_and_their_bad_lines(formats):
    j = _post(formats, "用表格导出的一篇测试文章")
    assert j.archive_id == 90002 and j.tags == ("测试", "导出")  # spaces.ac.cn is kexue.fm
    assert _post(formats, "没有网址的测试文章").tags == ("测试", "表格")
    assert _post(formats, "用CSV导出的测试文章").archive_id == 90003
    reasons = {(f.path.split("/")[-1], f.line): f.reason for f in formats.fragments}
    assert reasons[("posts.jsonl", 3)] == "row has neither a title nor a url"
    assert reasons[("posts.jsonl", 4)].startswith("invalid JSON")
    assert reasons[("posts.jsonl", 5)] == "JSON line is not an object"
    assert reasons[("posts.csv", 3)] == "row has neither a title nor a url"


def test_links_resolve_by_url_path_slug_id_and_title(formats):
    edges, extra, _ = relate(formats.posts)
    cites = {(e.source, e.target, v) for e in edges if e.kind == "cites"
             for v in e.via.split("+")}
    key = {p.title: p.key for p in formats.posts}
    rope, sin = key["旋转位置编码的测试笔记"], key["正弦位置编码的测试笔记"]
    follow = key["位置编码测试笔记的后续"]
    assert (rope, sin, "link") in cites                        # URL path
    assert (sin, rope, "link") in cites                        # relative path
    assert (follow, rope, "link") in cites                     # alias
    assert (follow, sin, "title") in cites                     # 《title》
    assert ("post:90002", rope, "title") in cites
    assert ("post:90003", "post:90002", "title") in cites
    assert ("post:90005", "post:90003", "link") in cites
    assert ("post:90005", "post:90003", "title") in cites      # the link's text, one edge
    assert len([e for e in edges if (e.source, e.target) == ("post:90005", "post:90003")]) == 1
    assert ("post:90005", rope, "title") in cites
    assert ("post:90001", "post:90002", "link") in cites
    assert ("post:90001", "post:90003", "link") in cites
    # related-posts list, sidebar and comment links are not citations
    assert not any(t in ("post:90006", "post:90009") for _, t, _ in cites)
    assert {x.title for x in extra} == {"Attention is All You Need"}


def test_bad_inputs_are_reported_and_the_rest_is_read():
    r = read_paths([BAD])
    files = {f.path.split("/")[-1]: f for f in r.files}
    assert files["binary.dat"].format == "unreadable" and "binary" in files["binary.dat"].error
    assert files["latin1-garbage.txt"].format == "unreadable"
    assert files["empty.txt"].error == "empty file"
    assert files["unknown-layout.txt"].format == "unknown"
    assert files["gbk-listing.txt"].posts == 1
    assert files["utf16-listing.txt"].posts == 1 and files["utf16le-nobom-listing.txt"].posts == 1
    titles = {p.title for p in r.posts}
    assert {"用GBK编码保存的测试文章", "用UTF-16保存的测试文章", "用UTF-16LE保存的测试文章",
            "前置元数据坏了的测试文章", "被截断的页面"} <= titles
    frag = {(f.path.split("/")[-1]): f for f in r.fragments}
    assert frag["broken-front-matter.md"].line == 3 and "broken front matter" in frag[
        "broken-front-matter.md"].reason
    assert "never closed" in frag["unclosed-front-matter.md"].reason
    assert frag["unknown-layout.txt"].reason.startswith("unknown layout")
    assert any(f.reason.startswith("truncated HTML") for f in r.fragments)


def test_decode_names_the_file_and_line():
    with pytest.raises(InputError, match=r"x\.txt:2: not UTF-8"):
        decode("第一行\n".encode() + b"\x80\x81\xfe\xff" * 40, "x.txt")
    assert decode("中文".encode("gb18030"), "g.txt") == ("中文", "gb18030")


def test_symlink_loop_and_limits(tmp_path):
    (tmp_path / "posts").mkdir()
    (tmp_path / "posts" / "a.jsonl").write_text('{"title": "甲"}\n', encoding="utf-8")
    os.symlink(tmp_path / "posts", tmp_path / "posts" / "loop")
    r = read_paths([tmp_path / "posts"])
    assert [p.title for p in r.posts] == ["甲"]
    assert any(f.error == "link to a folder, not followed" for f in r.files)
    big = tmp_path / "big.jsonl"
    big.write_text('{"title": "乙"}\n' * 100, encoding="utf-8")
    r = read_paths([tmp_path / "posts", big], max_file_bytes=200)
    assert any(f.format == "unreadable" and "max_file_bytes" in f.error for f in r.files)
    with pytest.raises(InputError, match="max_files"):
        read_paths([tmp_path / "posts", big], max_files=1)


def test_nothing_readable_is_an_error(tmp_path):
    (tmp_path / "note.txt").write_text("随便一段话", encoding="utf-8")
    with pytest.raises(InputError, match="no post could be read"):
        read_paths([tmp_path])


def test_progress_is_reported_per_file():
    calls = []
    read_paths([FORMATS], progress=lambda done, total, path: calls.append((done, total)))
    assert calls == [(i, 7) for i in range(1, 8)]


def test_read_text_of_a_body_only_capture():
    """A body-only capture: id, title and date come from its citation block."""
    marker = "转载到" + "请包括本文地址"   # kept apart: our fixtures copy nothing from the site
    text = "\n".join([" 正文第一段，提到《另一篇测试文章》。 ", " 正文第二段。 ", "",
                      f" {marker}： https://kexue.fm/archives/90007 ",
                      " 苏剑林. (Mar. 07, 2024). 《只有正文的测试文章 》[Blog post]. ",
                      " @online{kexuefm-90007, ", " title={只有正文的测试文章}, ", "}"])
    layout, posts, frags = read_text(text, "90007.txt")
    assert layout == "kexue-body"
    (p,) = posts
    assert (p.archive_id, p.title, p.date) == (90007, "只有正文的测试文章", "2024-03-07")
    assert p.text == "正文第一段，提到《另一篇测试文章》。\n正文第二段。"
    assert frags[0].reason == "reprint notice and citation block"


def test_post_limit_per_file_is_reported(tmp_path):
    f = tmp_path / "many.jsonl"
    f.write_text("".join(f'{{"title": "文章{i}"}}\n' for i in range(10)), encoding="utf-8")
    r = read_paths([f], max_posts_per_file=4)
    assert len(r.posts) == 4
    (frag,) = r.fragments
    assert (frag.line, frag.end_line) == (5, 10) and "6 more posts not read" in frag.reason


def test_a_folder_of_thousands_of_files_and_unreadable_ones(tmp_path):
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(3000):
        (folder / f"{i:04d}.jsonl").write_text(f'{{"title": "第{i}篇"}}\n', encoding="utf-8")
    os.symlink(tmp_path / "missing.md", folder / "dangling.md")     # unreadable: no target
    calls = []
    r = read_paths([folder], progress=lambda done, total, path: calls.append(done))
    assert len(r.posts) == 3000 and calls[-1] == 3000
    # the dangling link is listed while walking the folder, never opened
    bad = [f for f in r.files if f.format in ("unreadable", "skipped")]
    assert [f.path for f in bad] == ["many/dangling.md"] and "No such file" in bad[0].error


def test_blank_link_text_at_the_end_of_a_line():
    """Found by fuzzing (fuzz/fuzz_readers.py): a link whose text is blank, at a line's end."""
    from graphkit.readers.markdown import markdown_to_text

    text, links = markdown_to_text(["abc [ ](https://kexue.fm/archives/1)"])
    assert text == "abc" and links[0].url == "https://kexue.fm/archives/1"
    assert links[0].sentence == "abc"


@pytest.mark.parametrize("line, url", [
    ("See [my note](<My Note.md>) here.", "My Note.md"),          # spaces: angle brackets
    ("See [wiki](https://w.example/wiki/Transformer_(model)) here.",
     "https://w.example/wiki/Transformer_(model)"),               # balanced parentheses
    ("See [a](/posts/a/ 'A') here.", "/posts/a/"),                 # the three title forms
    ("See [a](/posts/a/ (A)) here.", "/posts/a/"),
    ('See [a](</posts/a/> "A") here.', "/posts/a/")])
def test_link_destinations_as_commonmark_writes_them(line, url):
    from graphkit.readers.markdown import markdown_to_text

    text, links = markdown_to_text([line])
    assert [x.url for x in links] == [url] and text.endswith(" here.") and "](" not in text


@pytest.mark.parametrize("workers", [1, 3])
def test_worker_processes_read_exactly_what_one_process_reads(workers):
    """Every post, report entry and fragment, in the same order, whatever the workers."""
    paths = [FORMATS, BAD, FIXTURES / "hostile"]
    serial_calls, parallel_calls, waits = [], [], []
    serial = read_paths(paths, workers=0, progress=lambda d, t, p: serial_calls.append((d, p)),
                        while_reading=lambda: waits.append("serial"))
    parallel = read_paths(paths, workers=workers,
                          progress=lambda d, t, p: parallel_calls.append((d, p)),
                          while_reading=lambda: waits.append("parallel"))
    assert parallel == serial
    assert len(serial.files) == 22 and any(f.format == "unreadable" for f in parallel.files)
    assert parallel_calls == serial_calls  # one call per file, in file order
    assert waits == ["serial", "parallel"]  # called once, in this process


def test_a_json_list_of_posts_is_read_and_other_json_is_not(tmp_path):
    """A dump of WordPress' REST API (a list), a Hashnode-style export (``{"posts": …}``);
    not a blogroll ({title, url} only), not ``package.json``."""
    import json

    (tmp_path / "posts.json").write_text(json.dumps([
        {"id": 101, "date": "2021-06-02T09:30:00", "slug": "rope", "status": "publish",
         "link": "https://wp.example/2021/06/rope/", "title": {"rendered": "RoPE &#8211; why"},
         "content": {"rendered": '<p>See <a href="https://wp.example/2020/05/linear/">it</a>.</p>'},
         "tags": [12, 15]},
        {"id": 102, "date": "2020-05-03T08:00:00", "slug": "linear", "status": "publish",
         "link": "https://wp.example/2020/05/linear/", "title": {"rendered": "Linear"},
         "content": {"rendered": '<p>Back to <a href="https://wp.example/?p=101">rope</a>.</p>'}},
        {"id": 103, "status": "draft", "link": "https://wp.example/?p=103",
         "title": {"rendered": "Draft"}, "content": {"rendered": "<p>x</p>"}}], indent=1))
    (tmp_path / "export.json").write_text(json.dumps({"posts": [
        {"title": "Elsewhere", "slug": "elsewhere", "dateAdded": "2022-03-04T10:00:00Z",
         "contentMarkdown": "See [linear](https://wp.example/2020/05/linear/)."}]}))
    (tmp_path / "articles.json").write_text(json.dumps([   # DEV's export: path and tag_list
        {"title": "On DEV", "published": True, "published_at": "2021-07-08T01:00:00Z",
         "path": "/zhang/on-dev-3k2j", "canonical_url": "https://zhang.example/on-dev/",
         "body_markdown": "Cites [rope](https://wp.example/2021/06/rope/).", "tag_list": ["ml"]},
        {"title": "Also on DEV", "published": True, "published_at": "2021-08-01T01:00:00Z",
         "body_markdown": "As [before](https://dev.to/zhang/on-dev-3k2j), "
                          "and [that](/zhang/on-dev-3k2j)."}]))
    (tmp_path / "blogroll.json").write_text(
        json.dumps([{"title": "GitHub", "url": "https://github.com/"}]))
    (tmp_path / "package.json").write_text(json.dumps({"name": "blog", "version": "1.0.0"}))
    r = read_paths([tmp_path])
    formats = {f.path.rsplit("/", 1)[-1]: f.format for f in r.files}
    assert formats == {"posts.json": "json", "export.json": "json", "articles.json": "json",
                       "blogroll.json": "data", "package.json": "data"}
    by_title = {p.title: p for p in r.posts}
    assert sorted(by_title) == ["Also on DEV", "Elsewhere", "Linear", "On DEV", "RoPE – why"]
    assert by_title["On DEV"].tags == ("ml",)
    assert by_title["RoPE – why"].tags == () and by_title["Elsewhere"].date == "2022-03-04"
    draft = next(f for f in r.fragments if "draft" in f.reason)
    lines = (tmp_path / "posts.json").read_text().splitlines()
    assert draft.path.endswith("/posts.json") and lines[draft.line - 1].strip() == "{"
    assert lines[draft.line].strip() == '"id": 103,'       # the draft's own object
    edges, _, _ = relate(r.posts, options=BuildOptions(layers=("cites",)))
    title = {p.key: p.title for p in r.posts}
    assert sorted((title[e.source], title[e.target]) for e in edges) == [
        ("Also on DEV", "On DEV"), ("Elsewhere", "Linear"), ("Linear", "RoPE – why"),
        ("On DEV", "RoPE – why"), ("RoPE – why", "Linear")]


def test_dev_link_tags_are_links(tmp_path):
    """DEV (Forem) draws a post's card for ``{% link user/slug %}`` or ``{% post URL %}``
    standing alone in the text; Jekyll's ``{% link %}`` inside a link's target stays the
    target."""
    import json

    def row(title, slug, body):
        return {"title": title, "slug": slug, "path": f"/zhang/{slug}",    # (no url)
                "published_at": "2021-07-08T01:00:00Z", "body_markdown": body,
                "cached_tag_list": "ml, python"}

    (tmp_path / "articles.json").write_text(json.dumps([
        row("Rotary", "rotary-1be", "Builds on:\n\n{% link zhang/linear-2cd %}\n"),
        row("Linear", "linear-2cd", "Later: {% post https://dev.to/zhang/kernels-3ef %}."),
        row("Kernels", "kernels-3ef", "See [rotary]({% link zhang/rotary-1be %}) too.")]))
    r = read_paths([tmp_path])
    edges, _, _ = relate(r.posts, options=BuildOptions(layers=("cites",)))
    title = {p.key: p.title for p in r.posts}
    assert sorted((title[e.source], title[e.target]) for e in edges) == [
        ("Kernels", "Rotary"), ("Linear", "Kernels"), ("Rotary", "Linear")]
    assert {p.tags for p in r.posts} == {("ml", "python")}
    card = next(p for p in r.posts if p.title == "Rotary").links[0]
    assert (card.url, card.anchor) == ("site-ref:zhang/linear-2cd", "zhang/linear-2cd")


def test_a_rows_tags_under_the_names_exports_give_them(tmp_path):
    """Blogger's API lists a post's tags as ``labels``; failing any tag column, a row's
    ``topics`` or ``keywords`` are its tags, as in front matter, and never outrank the
    tags of its text's front matter."""
    import json

    (tmp_path / "posts.json").write_text(json.dumps({"kind": "blogger#postList", "items": [
        {"kind": "blogger#post", "id": "7", "published": "2021-03-04T10:00:00-08:00",
         "url": "http://jane.blogspot.com/2021/03/graphs.html", "title": "Graphs",
         "content": "<p>Nodes and edges.</p>", "labels": ["math", "graphs"]}]}),
        encoding="utf-8")
    (tmp_path / "rows.jsonl").write_text("\n".join(json.dumps(row) for row in [
        {"title": "Flows", "text": "Flow on graphs.", "keywords": "flow, graphs"},
        {"title": "Walks", "text": "Random walks.", "topics": ["walks"], "tags": ["markov"]},
        {"title": "Cuts", "keywords": "seo words",
         "content": "---\ntitle: Cuts\ntags: [cuts, graphs]\n---\nMinimum cuts."},
    ]) + "\n", encoding="utf-8")
    tags = {p.title: p.tags for p in read_paths([tmp_path]).posts}
    assert tags == {"Graphs": ("math", "graphs"), "Flows": ("flow", "graphs"),
                    "Walks": ("markov",), "Cuts": ("cuts", "graphs")}


def test_a_sites_search_index_is_read_as_its_posts(tmp_path):
    """Hugo themes write a search index (``index.json``) of every page: its text under
    ``contents`` or ``plain``, its address under ``permalink``."""
    import json

    (tmp_path / "index.json").write_text(json.dumps([
        {"title": "Graphs", "permalink": "https://x.org/posts/graphs/", "date": "2021-03-04",
         "contents": "Nodes and edges.", "tags": ["math"]},
        {"title": "Flows", "permalink": "https://x.org/posts/flows/", "date": "2021-03-09",
         "plain": "Flows, after graphs: https://x.org/posts/graphs/ ."}]), encoding="utf-8")
    r = read_paths([tmp_path])
    edges, _, _ = relate(r.posts, options=BuildOptions(layers=("cites",)))
    title = {p.key: p.title for p in r.posts}
    assert {p.title: p.text for p in r.posts} == {
        "Graphs": "Nodes and edges.", "Flows": "Flows, after graphs: https://x.org/posts/graphs/ ."}
    assert [(title[e.source], title[e.target]) for e in edges] == [("Flows", "Graphs")]


def test_front_matter_at_the_head_of_a_rows_text(tmp_path):
    """DEV's export keeps an article's front matter in ``body_markdown``: it is no text
    (the title it repeats cites nothing), and its keys fill what the row lacks (series,
    tags); a JSON Lines dump of Markdown files gets its titles and dates from theirs; a
    broken block is reported at its row's line."""
    import json

    fm = "---\ntitle: 《Attention》 notes\npublished: true\nseries: Reading papers\n"
    (tmp_path / "articles.json").write_text(json.dumps([
        {"title": "《Attention》 notes", "published": True, "slug": "attn-1a2",
         "path": "/zhang/attn-1a2", "published_at": "2021-07-08T01:00:00Z",
         "body_markdown": fm + "tags: ml, nlp\n---\n\nA first reading.\n"},
        {"title": "Kernels", "published": True, "slug": "kernels-3ef",
         "path": "/zhang/kernels-3ef", "published_at": "2021-08-01T01:00:00Z",
         "tag_list": ["math"],
         "body_markdown": "---\ntitle: Kernels\ntags: ml\n---\nAfter [that](/zhang/attn-1a2)."},
    ]), encoding="utf-8")
    (tmp_path / "files.jsonl").write_text("\n".join(json.dumps(row, ensure_ascii=False) for row in [
        {"path": "content/posts/rope.md",
         "content": "---\ntitle: RoPE\ndate: 2020-03-04\n---\nSee [kernels](/zhang/kernels-3ef)."},
        {"path": "content/posts/bad.md", "content": "---\ntitle: [broken\n---\nText."},
    ]) + "\n", encoding="utf-8")
    r = read_paths([tmp_path])
    by_title = {p.title: p for p in r.posts}
    assert sorted(by_title) == sorted(["RoPE", "Kernels", "《Attention》 notes"])
    attn = by_title["《Attention》 notes"]
    assert attn.text == "A first reading." and attn.tags == ("ml", "nlp")
    assert dict(attn.fields) == {"series": "Reading papers"}
    assert by_title["Kernels"].tags == ("math",)          # the row's own column wins
    assert by_title["RoPE"].date == "2020-03-04" and "---" not in by_title["RoPE"].text
    (bad,) = [f for f in r.fragments if "front matter" in f.reason]
    assert bad.path.endswith("files.jsonl") and bad.line == 2, bad
    assert "content column" in bad.reason
    edges, extra, _ = relate(r.posts, options=BuildOptions(layers=("cites",)))
    title = {p.key: p.title for p in r.posts}
    assert sorted((title[e.source], title.get(e.target, e.target)) for e in edges) == [
        ("Kernels", "《Attention》 notes"), ("RoPE", "Kernels")]
    assert extra == []


def test_posts_that_share_a_title_stay_apart(tmp_path):
    """A blog's "Weekly notes" of every week: three Markdown files, three posts, each
    reached by its own link; a feed item at one of their addresses is that post."""
    blog = tmp_path / "blog"
    blog.mkdir()
    for day in ("01", "08", "15"):
        (blog / f"2021-03-{day}-weekly.md").write_text(
            f"---\ntitle: Weekly notes\ndate: 2021-03-{day}\n"
            f"url: https://b.example/weekly/{day}/\n---\n\nNotes of the week {day}.\n",
            encoding="utf-8")
    (blog / "index-post.md").write_text(
        "---\ntitle: What I read\n---\n\nSee [the second week](2021-03-08-weekly.md) and "
        "[the third](https://b.example/weekly/15/).\n", encoding="utf-8")
    (tmp_path / "feed.xml").write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>B</title>'
        "<link>https://b.example/</link><item><title>Weekly notes</title>"
        "<link>https://b.example/weekly/08/</link><pubDate>Mon, 08 Mar 2021 10:00:00 GMT"
        "</pubDate><description>Notes of the week 08.</description></item></channel></rss>",
        encoding="utf-8")
    r = read_paths([blog, tmp_path / "feed.xml"])
    weekly = sorted((p.key, p.date, len(p.sources)) for p in r.posts if p.title == "Weekly notes")
    assert weekly == [("post:title:weeklynotes@b.example/weekly/01", "2021-03-01", 1),
                      ("post:title:weeklynotes@b.example/weekly/08", "2021-03-08", 2),
                      ("post:title:weeklynotes@b.example/weekly/15", "2021-03-15", 1)]
    edges, _, _ = relate(r.posts, options=BuildOptions(layers=("cites",)))
    assert sorted(e.target for e in edges) == [
        "post:title:weeklynotes@b.example/weekly/08",
        "post:title:weeklynotes@b.example/weekly/15"]


def _page(title: str, canonical: str, body: str) -> str:
    return (f'<html><head><title>{title}</title><link rel="canonical" href="{canonical}">'
            f"</head><body><article><h1>{title}</h1><p>{body}</p></article></body></html>")


def test_saved_pages_and_feed_items_that_share_a_title_stay_apart(tmp_path):
    """Saved pages of one site titled alike at two canonical addresses are two posts, as
    are two items of a feed; a WordPress comment page of one (an address under its path)
    is that post. A title given once on each of two hosts is one post cross-posted."""
    site = tmp_path / "saved"
    site.mkdir()
    pages = {"w1": ("https://b.example/weekly-1/", "First week: RoPE."),
             "w1c": ("https://b.example/weekly-1/comment-page-2/", "First week: RoPE."),
             "w2": ("https://b.example/weekly-2/",
                    'Second week, after <a href="https://b.example/weekly-1/">the first</a>.'),
             "rope": ("https://b.example/rope/", "RoPE."),
             "cross": ("https://mirror.example/p/rope/", "RoPE.")}
    for name, (address, body) in pages.items():
        title = "RoPE explained" if name in ("rope", "cross") else "Weekly notes"
        (site / f"{name}.html").write_text(_page(title, address, body), encoding="utf-8")
    (tmp_path / "feed.xml").write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>C</title>'
        "<link>https://c.example/</link>" + "".join(
            f"<item><title>Links</title><link>https://c.example/links-{n}/</link>"
            f"<description>Links of week {n}.</description></item>" for n in (1, 2))
        + "</channel></rss>", encoding="utf-8")
    r = read_paths([site, tmp_path / "feed.xml"])
    nodes = sorted((p.key, sorted(s.path.rsplit("/", 1)[-1] for s in p.sources))
                   for p in r.posts)
    assert nodes == [
        ("post:title:links@c.example/links-1", ["feed.xml"]),
        ("post:title:links@c.example/links-2", ["feed.xml"]),
        ("post:title:ropeexplained", ["cross.html", "rope.html"]),
        ("post:title:weeklynotes@b.example/weekly-1", ["w1.html", "w1c.html"]),
        ("post:title:weeklynotes@b.example/weekly-2", ["w2.html"])]
    edges, _, _ = relate(r.posts, options=BuildOptions(layers=("cites",)))
    assert [(e.source, e.target) for e in edges] == [
        ("post:title:weeklynotes@b.example/weekly-2", "post:title:weeklynotes@b.example/weekly-1")]


def test_one_post_in_a_source_file_and_a_feed_is_still_one_node(tmp_path):
    (tmp_path / "a.md").write_text("---\ntitle: Weekly notes\n---\n\nNotes.\n", encoding="utf-8")
    (tmp_path / "b.jsonl").write_text('{"title": "Weekly notes", "text": "Notes."}\n',
                                      encoding="utf-8")
    r = read_paths([tmp_path])
    assert [(p.key, len(p.sources)) for p in r.posts] == [("post:title:weeklynotes", 2)]


def test_no_two_posts_share_a_node_id(tmp_path):
    """Four Markdown files naming the blog's home page as their address (which then
    merges nothing), two of them titled alike: four nodes, four ids."""
    for name, title in (("a", "Weekly notes"), ("b", "Weekly notes"), ("c", "Other"),
                        ("d", "Another")):
        (tmp_path / f"{name}.md").write_text(
            f"---\ntitle: {title}\nurl: https://b.example/\n---\n\nText {name}.\n",
            encoding="utf-8")
    keys = [p.key for p in read_paths([tmp_path]).posts]
    assert len(keys) == len(set(keys)) == 4
    assert [k for k in keys if "weekly" in k] == ["post:title:weeklynotes@b.example",
                                                  "post:title:weeklynotes@b.example#2"]


def test_a_movable_type_export(tmp_path):
    """Movable Type's (and TypePad's) export format: entries parted by eight dashes,
    sections by five; the month first in DATE; text as CONVERT BREAKS says (HTML,
    Markdown, or plain text with line breaks); the default address /YYYY/MM/BASENAME.html."""
    export = """AUTHOR: Lin
TITLE: Rotary embeddings
BASENAME: rotary_embeddings
STATUS: Publish
CONVERT BREAKS: markdown
PRIMARY CATEGORY: Notes
CATEGORY: Notes
CATEGORY: ML
DATE: 01/02/2002 03:31:05 PM
TAGS: "Movable Type",attention,"rope, rotary"
-----
BODY:
Builds on [linear attention](https://lin.example/2001/12/linear_attention.html).
-----
EXTENDED BODY:
More in [the log](/2002/03/a_log.html).
-----
KEYWORDS:
rotary, position
-----
--------
TITLE: Linear attention
BASENAME: linear_attention
CONVERT BREAKS: __default__
DATE: 12/13/2001 09:00:00
-----
BODY:
Kernels replace softmax,
see <a href="https://lin.example/2002/01/rotary_embeddings.html">rotary</a>.

A second paragraph.
-----
--------
TITLE: A log
BASENAME: a_log
DATE: 03/04/2002 09:00:00
CONVERT BREAKS: 0
-----
BODY:
<p>Back to <a href="https://lin.example/2002/01/rotary_embeddings.html">rotary</a>.</p>
-----
SIDEBAR:
<p>Not a section of the format.</p>
-----
--------
NO ENTRY: 1
TITLE: Linear attention
-----
COMMENT:
AUTHOR: a reader
Nice, see <a href="https://lin.example/2002/03/a_log.html">the log</a>.
-----
--------
"""
    (tmp_path / "export.txt").write_text(export, encoding="utf-8")
    r = read_paths([tmp_path])
    assert {f.format for f in r.files} == {"movable-type"}
    by_title = {p.title: p for p in r.posts}
    assert sorted(by_title) == ["A log", "Linear attention", "Rotary embeddings"]
    rope = by_title["Rotary embeddings"]
    assert (rope.date, rope.categories, rope.tags) == (
        "2002-01-02", ("Notes", "ML"), ("Movable Type", "attention", "rope, rotary"))
    assert rope.text == ("Builds on linear attention.\nMore in the log.")
    assert by_title["Linear attention"].date == "2001-12-13"
    assert by_title["Linear attention"].text == (
        "Kernels replace softmax, see rotary.\nA second paragraph.")
    reasons = sorted((f.line, f.reason) for f in r.fragments)
    assert reasons == [
        (18, "1 keyword fields of the entries: summaries beside the posts' text, not read"),
        (42, "1 × a section named 'SIDEBAR', which the format does not have: not read"),
        (46, "Movable Type entry with only comments for an entry (NO ENTRY: 1): not a "
             "published post"),
        (49, "1 readers' comments of the entries: not the posts' text")]
    edges, _, _ = relate(r.posts, options=BuildOptions(layers=("cites",)))
    title = {p.key: p.title for p in r.posts}
    assert sorted((title[e.source], title[e.target]) for e in edges) == [
        ("A log", "Rotary embeddings"), ("Linear attention", "Rotary embeddings"),
        ("Rotary embeddings", "A log"), ("Rotary embeddings", "Linear attention")]


def test_a_spreadsheet_export_with_spaced_column_names():
    """Bear Blog's ``post_export.csv``: "published date", "all tags" written as a Python
    list, "publish" and "is page"; a page is reported, not read as a post."""
    r = read_paths([FIXTURES / "zoo" / "bearblog"])
    rope = next(p for p in r.posts if p.slug == "rope")
    assert (rope.date, rope.tags) == ("2021-03-05", ("位置编码", "attention"))
    assert all(p.date for p in r.posts)
    reasons = sorted(f.reason for f in r.fragments if f.reason.startswith("row"))
    assert reasons == ["row: a page of the site, not a post (is page: true)",
                       "row: not published (publish: false)"]


@pytest.mark.parametrize("kind, suffix, want", [
    ("DATE", "", "https://h.example/2021/02/b"),
    ("DAY", ".html", "https://h.example/2021/02/01/b.html"),
    ("YEAR", "", "https://h.example/2021/b"), ("ID_SLUG", "", "https://h.example/notes/2"),
    ("ID", "", "https://h.example/?p=2")])
def test_halos_permalink_types(kind, suffix, want):
    """Halo 1.x's export: the post's address by ``post_permalink_type``,
    ``archives_prefix`` and ``path_suffix``; a link by any of them, and by ``/?p=ID``,
    reaches the post."""
    import json

    def post(i, title, slug, html):
        return {"id": i, "title": title, "slug": slug, "status": "PUBLISHED",
                "createTime": 1612144800000, "formatContent": html}

    doc = {"version": "1.5.4", "posts": [
        post(1, "甲", "a", f'<p>见<a href="{want}">乙</a>。</p>'),
        post(2, "乙", "b", '<p>回看<a href="/?p=1">甲</a>。</p>')],
        "post_categories": [], "post_tags": [], "tags": [], "categories": [], "sheets": [],
        "options": [{"key": "blog_url", "value": "https://h.example/"},
                    {"key": "post_permalink_type", "value": kind},
                    {"key": "archives_prefix", "value": "notes"},
                    {"key": "path_suffix", "value": suffix}]}
    layout, posts, frags = read_text(json.dumps(doc), "halo-data-export.json")
    assert layout == "halo-json" and frags == []
    assert [(p.title, p.date) for p in posts] == [("甲", "2021-02-01"), ("乙", "2021-02-01")]
    assert posts[1].url == want
    edges, _, _ = relate(posts, options=BuildOptions(layers=("cites",)))
    assert sorted((e.source, e.target) for e in edges) == sorted(
        [(posts[0].key, posts[1].key), (posts[1].key, posts[0].key)])


def test_rows_that_list_other_rows_by_id(tmp_path):
    """A JSON Lines or JSON dump of posts may list what each post links to by the other
    rows' ids (``"links_to": [2]``, ``"references": ["p1"]``) rather than by address:
    each reaches the row of that id in the same file, and in no other file, where the
    same ids name other posts. A listed value that is no id of the file is an address
    as before, or, with neither ``/`` nor a scheme, a post's slug or whole title (as a
    wikilink names a note); a count (``"citations": 3``) lists nothing."""
    import json

    def dump(rows):
        return "\n".join(json.dumps(r) for r in rows) + "\n"

    (tmp_path / "a.jsonl").write_text(dump([
        {"id": 1, "title": "Rotary", "text": "Rotation by position.", "citations": 3},
        {"id": 2, "title": "Linear", "text": "Kernels.", "links_to": [1]},
        {"id": "p3", "title": "Reading", "text": "Notes.", "references": ["2", 1],
         "url": "https://rows.example/reading/"},
    ]), encoding="utf-8")
    (tmp_path / "b.json").write_text(json.dumps({"posts": [
        {"id": 1, "title": "Elsewhere", "text": "Another file's row 1.", "date": "2021-01-01"},
        {"id": 2, "title": "Later", "text": "Its own row 1.", "date": "2021-02-01",
         "cites": [1, "https://rows.example/reading/", "Linear"]},
    ]}), encoding="utf-8")
    r = read_paths([tmp_path])
    edges, _, _ = relate(r.posts, options=BuildOptions(layers=("cites",)))
    title = {p.key: p.title for p in r.posts}
    assert sorted((title[e.source], title[e.target]) for e in edges) == [
        ("Later", "Elsewhere"), ("Later", "Linear"), ("Later", "Reading"), ("Linear", "Rotary"),
        ("Reading", "Linear"), ("Reading", "Rotary")]
    (e,) = [e for e in edges if title[e.source] == "Linear"]
    assert e.evidence == "(listed in the links_to column)"


def test_a_graphql_response_of_posts(tmp_path):
    """A blog's posts fetched from a GraphQL API (Hashnode's, a headless CMS's) come
    wrapped in the query's fields and a Relay connection: ``data`` → ``publication`` →
    ``posts`` → ``edges``, each edge's ``node`` a post, or ``nodes`` directly. Each post
    is read at the line its object opens; a response listing menu entries (titles and
    addresses, no text, no date) holds no post."""
    import json

    def node(title, slug, day, text):
        return {"title": title, "url": f"https://h.example/{slug}", "publishedAt": day,
                "content": {"markdown": text}}

    (tmp_path / "edges.json").write_text(json.dumps({"data": {"publication": {
        "title": "H", "posts": {"totalDocuments": 2, "edges": [
            {"cursor": "a", "node": node("Rotary", "rotary", "2020-03-04", "Rotation.")},
            {"cursor": "b", "node": node("Linear", "linear", "2020-05-06",
                                         "See [rotary](https://h.example/rotary).")}]}}}},
        indent=2), encoding="utf-8")
    (tmp_path / "nodes.json").write_text(json.dumps({"data": {"user": {"posts": {"nodes": [
        node("Later", "later", "2021-01-01", "After [linear](https://h.example/linear).")]}}}}),
        encoding="utf-8")
    (tmp_path / "menu.json").write_text(json.dumps({"data": {"site": {"menu": {"nodes": [
        {"title": "Home", "url": "/"}, {"title": "About", "url": "/about/"}]}}}}),
        encoding="utf-8")
    r = read_paths([tmp_path])
    assert {p.title: (p.date, p.sources[0].line) for p in r.posts} == {
        "Rotary": ("2020-03-04", 10), "Linear": ("2020-05-06", 21), "Later": ("2021-01-01", 1)}
    edges, _, _ = relate(r.posts, options=BuildOptions(layers=("cites",)))
    title = {p.key: p.title for p in r.posts}
    assert sorted((title[e.source], title[e.target]) for e in edges) == [
        ("Later", "Linear"), ("Linear", "Rotary")]
    assert not any(p.sources[0].path.endswith("menu.json") for p in r.posts)
    assert any(f.path.endswith("menu.json") for f in r.fragments)     # (reported)
    # Strapi 4's REST response: each entry's fields under attributes, its id beside them
    (tmp_path / "strapi.json").write_text(json.dumps({"data": [
        {"id": 7, "attributes": {"title": "Kernels", "publishedAt": "2021-02-02T00:00:00Z",
                                 "content": "After [linear](https://h.example/linear)."}}],
        "meta": {"pagination": {"page": 1}}}), encoding="utf-8")
    r = read_paths([tmp_path / "strapi.json"])
    assert [(p.title, p.date, p.links[0].url) for p in r.posts] == [
        ("Kernels", "2021-02-02", "https://h.example/linear")]


def test_a_ghost_5_export_links_by_the_sites_placeholder(tmp_path):
    """Ghost 4 and later store the site's own address in a post as ``__GHOST_URL__``:
    ``__GHOST_URL__/rope/`` is the site's ``/rope/``, never a path of its own."""
    import json

    def post(pid, slug, title, html):
        return {"id": pid, "slug": slug, "title": title, "html": html, "type": "post",
                "status": "published", "published_at": "2023-01-0%dT00:00:00.000Z" % pid}

    (tmp_path / "blog.ghost.2023-06-01.json").write_text(json.dumps({"db": [{"meta": {
        "version": "5.40.0"}, "data": {"posts": [
            post(1, "rope", "Rotary", "<p>Rotation by position.</p>"),
            post(2, "linear", "Linear", '<p>See <a href="__GHOST_URL__/rope/">rotary</a> and '
                                        '<img src="__GHOST_URL__/content/images/x.png">.</p>')],
        "tags": [], "posts_tags": []}}]}), encoding="utf-8")
    r = read_paths([tmp_path])
    (linear,) = [p for p in r.posts if p.title == "Linear"]
    assert [x.url for x in linear.links] == ["/rope/"]
    edges, _, _ = relate(r.posts, options=BuildOptions(layers=("cites",)))
    title = {p.key: p.title for p in r.posts}
    assert [(title[e.source], title[e.target]) for e in edges] == [("Linear", "Rotary")]


def _sanity_block(key, *spans, defs=()):
    return {"_type": "block", "_key": key, "style": "normal", "markDefs": list(defs),
            "children": [{"_type": "span", "_key": f"{key}{i}", "text": t, "marks": list(m)}
                         for i, (t, m) in enumerate(spans)]}


def test_a_sanity_export_of_portable_text(tmp_path):
    """Sanity's export (``data.ndjson`` in a ``.tar.gz``): posts whose text is Portable
    Text, a list of blocks. A span marked by a ``link`` definition links its ``href``, one
    marked by a reference (``internalLink`` → ``_ref``) links the document of that
    ``_id``; a link over spans of two styles is one link. Drafts (``drafts.…``), the
    CMS's own documents (``sanity.imageAsset``) and typed documents with neither text
    nor date (a category, an author) are reported, not read as posts, and a post's
    references to categories are their titles."""
    import io
    import json
    import tarfile

    docs = [
        {"_id": "post-rope", "_type": "post", "title": "Rotary", "slug": {"_type": "slug",
         "current": "rope"}, "publishedAt": "2020-03-04T00:00:00Z",
         "categories": [{"_type": "reference", "_ref": "cat-ml"}, {"_ref": "cat-gone"}],
         "body": [_sanity_block("a", ("Rotation by position.", []))]},
        {"_id": "post-linear", "_type": "post", "title": "Linear",
         "slug": {"_type": "slug", "current": "linear"}, "publishedAt": "2020-05-06T00:00:00Z",
         "body": [_sanity_block("b", ("See ", []), ("rotary ", ["m1"]),
                                ("embeddings", ["strong", "m1"]), (" and ", []),
                                ("kernels", ["m2"]), (".", []),
                                defs=[{"_type": "internalLink", "_key": "m1", "reference": {
                                          "_type": "reference", "_ref": "post-rope"}},
                                      {"_type": "link", "_key": "m2",
                                       "href": "https://example.org/kernels"}]),
                  {"_type": "image", "_key": "img", "asset": {"_ref": "image-abc-png"}},
                  _sanity_block("c", ("Second paragraph.", []))]},
        {"_id": "post-later", "_type": "post", "title": "Later", "publishedAt": "2021-01-01",
         "body": [_sanity_block("d", ("After ", []), ("linear", ["m3"]), (".", []),
                                defs=[{"_type": "link", "_key": "m3", "href": "/posts/linear"}])]},
        {"_id": "drafts.post-later", "_type": "post", "title": "Later (draft)",
         "body": [_sanity_block("e", ("Unpublished.", []))]},
        {"_id": "cat-ml", "_type": "category", "title": "Machine learning"},
        {"_id": "author-lin", "_type": "author", "name": "Lin"},
        {"_id": "image-abc-png", "_type": "sanity.imageAsset",
         "url": "https://cdn.example/a.png", "title": "a.png"},
    ]
    data = "\n".join(json.dumps(d) for d in docs).encode("utf-8") + b"\n"
    with tarfile.open(tmp_path / "production.tar.gz", "w:gz") as tar:
        info = tarfile.TarInfo("production-export/data.ndjson")
        info.size = len(data)
        tar.addfile(info, io.BytesIO(data))
    r = read_paths([tmp_path])
    by_title = {p.title: p for p in r.posts}
    assert sorted(by_title) == ["Later", "Linear", "Rotary"]
    linear = by_title["Linear"]
    assert linear.text == "See rotary embeddings and kernels.\nSecond paragraph."
    assert [(x.anchor, x.sentence) for x in linear.links] == [
        ("rotary embeddings", "See rotary embeddings and kernels."),
        ("kernels", "See rotary embeddings and kernels.")]
    assert linear.date == "2020-05-06"
    # a reference to a category is its title; one to no document of the file, nothing
    assert by_title["Rotary"].categories == ("Machine learning",)
    edges, _, _ = relate(r.posts, options=BuildOptions(layers=("cites",)))
    title = {p.key: p.title for p in r.posts}
    assert sorted((title[e.source], title[e.target]) for e in edges) == [
        ("Later", "Linear"), ("Linear", "Rotary")]
    reasons = [f.reason for f in r.fragments if "document" in f.reason]
    assert len(reasons) == 3 and any("draft" in x for x in reasons), reasons


def _rich(*paragraphs):
    def text(v):
        return {"nodeType": "text", "value": v, "marks": [], "data": {}}

    def para(parts):
        content = [text(x) if isinstance(x, str) else x for x in parts]
        return {"nodeType": "paragraph", "data": {}, "content": content}

    return {"nodeType": "document", "data": {}, "content": [para(p) for p in paragraphs]}


def test_a_contentful_space_export(tmp_path):
    """Contentful's space export: entries with their fields in each locale (read in the
    space's default one) and Rich Text bodies. A ``hyperlink`` links its ``uri``, an
    ``entry-hyperlink`` the entry of that id, an embedded entry too; a never-published
    entry is a draft; authors and categories (entries with neither text nor date) are
    reported, and the export is read even when they outnumber the posts."""
    import json

    def entry(eid, kind, fields, published=True):
        sys = {"id": eid, "type": "Entry", "contentType": {"sys": {"id": kind}}}
        if published:
            sys.update(publishedVersion=3, firstPublishedAt="2021-0%d-01T00:00:00Z" % len(eid))
        return {"metadata": {"tags": []}, "sys": sys,
                "fields": {k: {"de-DE": f"DE {v}" if isinstance(v, str) else v, "en-US": v}
                           for k, v in fields.items()}}

    link = {"nodeType": "entry-hyperlink", "data": {"target": {"sys": {
        "id": "rope", "type": "Link", "linkType": "Entry"}}}, "content": [
        {"nodeType": "text", "value": "rotary", "marks": [], "data": {}}]}
    web = {"nodeType": "hyperlink", "data": {"uri": "https://example.org/k"}, "content": [
        {"nodeType": "text", "value": "kernels", "marks": [], "data": {}}]}
    card = {"nodeType": "embedded-entry-block", "data": {"target": {"sys": {"id": "linear"}}},
            "content": []}
    doc = {"locales": [{"code": "en-US", "default": True}, {"code": "de-DE", "default": False}],
           "contentTypes": [], "assets": [], "entries": [
               entry("rope", "blogPost", {"title": "Rotary", "slug": "rope",
                                          "body": _rich(["Rotation by position."]),
                                          "tags": [{"sys": {"id": "cat1", "type": "Link"}}]}),
               entry("linear", "blogPost", {"title": "Linear", "slug": "linear",
                                            "body": _rich(["See ", link, " and ", web, "."])}),
               {**entry("later", "blogPost", {"title": "Later", "slug": "later",
                                              "body": _rich(["Then:"])}),
                "fields": {"title": {"en-US": "Later"}, "body": {"en-US": {
                    **_rich(["Then:"]), "content": [*_rich(["Then:"])["content"], card]}}}},
               entry("draft1", "blogPost", {"title": "Unfinished", "body": _rich(["x"])},
                     published=False),
               entry("auth1", "person", {"name": "Lin"}),
               entry("cat1", "category", {"title": "ML"}),
               entry("cat2", "category", {"title": "Math"}),
               entry("cat3", "category", {"title": "Physics"})]}
    (tmp_path / "contentful-export-space-master-2021.json").write_text(json.dumps(doc),
                                                                       encoding="utf-8")
    r = read_paths([tmp_path])
    by_title = {p.title: p for p in r.posts}
    assert sorted(by_title) == ["Later", "Linear", "Rotary"]
    linear = by_title["Linear"]
    assert (linear.text, linear.date) == ("See rotary and kernels.", "2021-06-01")
    assert by_title["Rotary"].tags == ("ML",)           # a link to the category entry
    assert [(x.anchor, x.sentence) for x in linear.links] == [
        ("rotary", "See rotary and kernels."), ("kernels", "See rotary and kernels.")]
    edges, _, _ = relate(r.posts, options=BuildOptions(layers=("cites",)))
    title = {p.key: p.title for p in r.posts}
    assert sorted((title[e.source], title[e.target]) for e in edges) == [
        ("Later", "Linear"), ("Linear", "Rotary")]
    reasons = [f.reason for f in r.fragments if f.path.endswith(".json")]
    assert sum("draft" in x for x in reasons) == 1
    assert sum("category document" in x for x in reasons) == 3


def test_tags_given_as_objects_are_their_names(tmp_path):
    """The APIs of Ghost and Hashnode give a post's tags as objects (``{"name": "ML",
    "slug": "ml"}``): each is its name, never the object written out as text."""
    import json

    (tmp_path / "posts.json").write_text(json.dumps({"posts": [
        {"title": "A", "published_at": "2021-01-01", "html": "<p>x</p>",
         "tags": [{"id": "1", "name": "Machine learning", "slug": "ml"}, {"slug": "rope"}, {}]},
    ]}), encoding="utf-8")
    (post,) = read_paths([tmp_path]).posts
    assert post.tags == ("Machine learning", "rope")


def test_rich_text_trees_of_other_editors(tmp_path):
    """A row whose text is an editor's JSON tree is read as its prose and links, never
    as the tree written out as text: Strapi 5's blocks (``link`` nodes with ``url``),
    Lexical's ``root`` (Payload; a link's ``fields.url``), ProseMirror's and TipTap's
    ``doc`` (a text's ``link`` mark with ``attrs.href``); code blocks are no prose."""
    import json

    def text(t, **extra):
        return {"type": "text", "text": t, **extra}

    strapi = [{"type": "paragraph", "children": [
                  text("See "), {"type": "link", "url": "/posts/rope",
                                 "children": [text("rotary")]}, text(".")]},
              {"type": "code", "children": [text("print(1)")]}]
    lexical = {"root": {"type": "root", "children": [{"type": "paragraph", "children": [
        text("As in "), {"type": "link", "fields": {"url": "/posts/strapi"},
                         "children": [text("the Strapi post")]}, text(".")]}]}}
    prosemirror = {"type": "doc", "content": [{"type": "paragraph", "content": [
        text("Back to "), text("Lexical", marks=[{"type": "link",
                                                  "attrs": {"href": "/posts/lexical"}}])]}]}
    rows = [{"title": "Rope", "slug": "rope", "date": "2021-01-01", "content": [
                {"type": "paragraph", "children": [text("Rotation.")]}]},
            {"title": "Strapi", "slug": "strapi", "date": "2021-02-01", "content": strapi},
            {"title": "Lexical", "slug": "lexical", "date": "2021-03-01", "content": lexical},
            {"title": "ProseMirror", "date": "2021-04-01", "content": prosemirror}]
    (tmp_path / "posts.jsonl").write_text("\n".join(json.dumps(r) for r in rows) + "\n",
                                          encoding="utf-8")
    r = read_paths([tmp_path])
    texts = {p.title: p.text for p in r.posts}
    assert texts == {"Rope": "Rotation.", "Strapi": "See rotary.",
                     "Lexical": "As in the Strapi post.", "ProseMirror": "Back to Lexical"}
    edges, _, _ = relate(r.posts, options=BuildOptions(layers=("cites",)))
    title = {p.key: p.title for p in r.posts}
    assert sorted((title[e.source], title[e.target]) for e in edges) == [
        ("Lexical", "Strapi"), ("ProseMirror", "Lexical"), ("Strapi", "Rope")]


def test_a_text_of_paragraphs_or_of_an_unknown_json_shape(tmp_path):
    """A row's text given as a list of paragraphs is those paragraphs (its Markdown links
    read); a text of JSON of a shape graphkit does not know is reported with its line,
    never read as the JSON written out."""
    import json

    rows = [{"title": "A", "date": "2021-01-01",
             "content": ["First paragraph, see [b](/b).", "Second."]},
            {"title": "B", "date": "2021-01-02", "content": [{"weird": 1}, {"shape": [2]}]}]
    (tmp_path / "p.jsonl").write_text("\n".join(json.dumps(r) for r in rows) + "\n",
                                      encoding="utf-8")
    r = read_paths([tmp_path])
    assert {p.title: (p.text, [x.url for x in p.links]) for p in r.posts} == {
        "A": ("First paragraph, see b.\nSecond.", ["/b"]), "B": ("", [])}
    (frag,) = [f for f in r.fragments if "shape not known" in f.reason]
    assert frag.line == 2
