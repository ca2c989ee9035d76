"""Hostile and unlucky input: each case a few lines, the clear report and the good post kept."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from conftest import DATA, FIXTURES, ROOT

from graphkit.display import BIDI_CONTROLS, markdown_literal, plotly_text, visible_controls
from graphkit.errors import InputError
from graphkit.readers import decode_report, read_paths, read_uploads, upload_name
from graphkit.readers.html import read_html
from graphkit.readers.table import read_csv, read_jsonl

GOOD = '{"title": "留下来的好文章", "text": "正文讲矩阵分解与优化。"}\n'


def _reasons(result):
    return {f.path.split("/")[-1]: f.error for f in result.files if f.error}


def test_fifo_and_device_links_are_listed_not_opened(tmp_path):
    (tmp_path / "good.jsonl").write_text(GOOD, encoding="utf-8")
    os.mkfifo(tmp_path / "pipe.jsonl")                 # opening it would block forever
    os.symlink("/dev/zero", tmp_path / "zero.jsonl")  # reading it would never end
    r = read_paths([tmp_path], workers=0)
    assert [p.title for p in r.posts] == ["留下来的好文章"]
    reasons = _reasons(r)
    assert reasons["pipe.jsonl"] == "a FIFO (named pipe), not read"
    assert reasons["zero.jsonl"] == "a character device (through a link), not read"


def test_the_cli_does_not_hang_on_a_fifo(tmp_path):
    blog = tmp_path / "blog"
    blog.mkdir()
    (blog / "good.jsonl").write_text(GOOD, encoding="utf-8")
    os.mkfifo(blog / "pipe.txt")
    proc = subprocess.run([sys.executable, "-m", "graphkit", "build", str(blog), "--out",
                           str(tmp_path / "out"), "--quiet"], cwd=ROOT, capture_output=True,
                          text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    report = json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))
    assert {"path": "blog/pipe.txt", "format": "skipped", "posts": 0, "size": 0,
            "error": "a FIFO (named pipe), not read"} in report["reading"]["files"]


@pytest.fixture()
def deep_tree(tmp_path):
    """blog/d/d/…/d (1,000 levels) made and removed one level at a time: ``mkdir(parents=True)``
    and ``shutil.rmtree`` (pytest's own clean-up of old temporary folders) recurse."""
    deep = tmp_path / "blog"
    deep.mkdir()
    for _ in range(1000):
        deep = deep / "d"
        deep.mkdir()
    yield tmp_path / "blog", deep
    while deep != tmp_path:
        for f in deep.iterdir():
            if not f.is_dir():
                f.unlink()
        deep.rmdir()
        deep = deep.parent


def test_a_thousand_nested_folders(deep_tree, tmp_path):
    blog, deep = deep_tree
    (deep / "deep.jsonl").write_text('{"title": "最深处的文章"}\n', encoding="utf-8")
    (blog / "top.jsonl").write_text(GOOD, encoding="utf-8")
    r = read_paths([tmp_path / "blog"])
    assert [p.title for p in r.posts] == ["留下来的好文章"]
    (skipped,) = [f for f in r.files if f.format == "skipped"]
    assert skipped.path.count("/d") == 65 and "max_depth" in skipped.error
    r = read_paths([tmp_path / "blog"], max_depth=5000)   # no RecursionError either way
    assert sorted(p.title for p in r.posts) == ["最深处的文章", "留下来的好文章"]


def test_deeply_nested_json_line_loses_only_itself():
    text = '{"title": "x", "a": ' + "[" * 1000 + "]" * 1000 + "}\n" + GOOD
    posts, frags = read_jsonl(text, "deep.jsonl")
    assert [p.title for p in posts] == ["留下来的好文章"]
    assert frags[0].line == 1 and "nested 1001 levels deep" in frags[0].reason


def test_a_post_without_usable_words_builds_a_map_without_topic_edges(tmp_path):
    from graphkit import build

    (tmp_path / "one.jsonl").write_text('{"title": "a"}\n', encoding="utf-8")
    (tmp_path / "two.csv").write_text("title,url\nx,https://x.example/1\n", encoding="utf-8")
    for f in ("one.jsonl", "two.csv"):
        result = build([tmp_path / f])
        assert result.terms.terms == ()
        assert not [e for e in result.graph.edges(data=True) if e[2]["kind"] == "topic"]
        from graphkit.pipeline import report

        assert "no topic edges" in report(result)["keywords"]["message"]


def test_yaml_alias_bomb_is_refused_and_the_body_kept(tmp_path):
    bomb = ["---", 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    bomb += [f"{chr(98 + i)}: &{chr(98 + i)} [" + ",".join([f"*{chr(97 + i)}"] * 9) + "]"
             for i in range(8)]
    bomb += ["title: *i", "---", "# 炸弹之后的正文", "", "正文仍然可以读。"]
    f = tmp_path / "bomb.md"
    f.write_text("\n".join(bomb) + "\n", encoding="utf-8")
    r = read_paths([f])
    (post,) = r.posts
    assert post.title == "炸弹之后的正文" and "正文仍然可以读" in post.text
    (frag,) = r.fragments
    assert "aliases" in frag.reason and frag.line == 3    # the first alias, `[*a, …`


def test_deep_html_nesting_is_read(tmp_path):
    page = ("<html><body><article>" + "<div>" * 8000 + "<p>深处的一段话。</p>"
            + "</div>" * 8000 + "</article></body></html>")
    posts, _ = read_html(page, "deep.html")
    assert posts[0].text == "深处的一段话。"


def test_a_web_archive_nested_50000_deep_is_reported(tmp_path):
    """A binary property list of 50,000 arrays each holding the next (Safari's web archive
    format, crafted): reported as no web archive; the good post beside it is kept."""
    import struct

    n = 50_000
    objects = b"".join(b"\xa1" + struct.pack(">I", i + 1) for i in range(n)) + b"\xa0"
    offsets = b"".join(struct.pack(">I", 8 + 5 * i) for i in range(n + 1))
    trailer = struct.pack(">6xBBQQQ", 4, 4, n + 1, 0, 8 + len(objects))
    (tmp_path / "deep.webarchive").write_bytes(b"bplist00" + objects + offsets + trailer)
    (tmp_path / "good.jsonl").write_text(GOOD, encoding="utf-8")
    r = read_paths([tmp_path])
    assert [p.title for p in r.posts] == ["留下来的好文章"]
    (frag,) = [f for f in r.fragments if f.path.endswith("deep.webarchive")]
    assert "not a web archive" in frag.reason


def test_csv_field_longer_than_the_csv_module_limit(tmp_path):
    long_text = "长" * 200_000
    text = f'title,text\n第一篇,"{long_text}"\n第二篇,短\n'
    posts, frags = read_csv(text, "long.csv")
    assert [p.title for p in posts] == ["第一篇", "第二篇"] and len(posts[0].text) == 200_000
    assert frags == []


def test_csv_unclosed_quote_is_reported_with_its_lines():
    text = 'title,text\n第一篇,好\n"第二篇,引号没有关上\n第三篇,丢了吗\n第四篇,也丢了\n'
    posts, frags = read_csv(text, "open.csv")
    assert [p.title for p in posts] == ["第一篇"]
    (frag,) = frags
    assert (frag.line, frag.end_line) == (3, 5) and "broken CSV" in frag.reason


@pytest.mark.parametrize("text", ["TITLE", "title,url\n", "title,url\r\n\r\n"])
def test_a_table_with_its_header_and_no_row_is_reported(text):
    """(Found by test_read_text_never_crashes: the file was neither read nor reported.)"""
    posts, frags = read_csv(text, "empty.csv")
    assert posts == [] and [(f.line, f.reason) for f in frags] == [
        (1, "a table of posts with its header and no row")]


def test_one_bad_byte_in_a_utf8_file_costs_one_character(tmp_path):
    data = ('{"title": "坏字节之前"}\n{"title": "坏字节所在的一行', '"}\n' + GOOD)
    raw = data[0].encode() + b"\xff" + data[1].encode()
    text, encoding, frags = decode_report(raw, "bad.jsonl")
    assert encoding == "utf-8+replace" and "\ufffd" in text
    assert [(f.line, f.reason) for f in frags] == [
        (2, "bytes that are not UTF-8 replaced by U+FFFD")]
    f = FIXTURES / "bad" / "latin1-garbage.txt"      # a whole file of another encoding: still refused
    with pytest.raises(InputError):
        decode_report(f.read_bytes(), "latin1-garbage.txt")


def test_a_file_that_is_no_post_never_shows_its_content():
    r = read_paths([FIXTURES / "hostile"])
    env = next(f for f in r.files if f.path.endswith("settings.env"))
    assert env.posts == 0 and env.format == "unknown"
    assert all("hunter2" not in (f.text + f.reason) for f in r.fragments)
    assert all(f.text == "" for f in r.fragments if f.path.endswith("settings.env"))


def test_allowed_roots_confine_reading(tmp_path):
    root = tmp_path / "blogs"
    (root / "mine").mkdir(parents=True)
    (root / "mine" / "good.jsonl").write_text(GOOD, encoding="utf-8")
    secret = tmp_path / "secret.jsonl"
    secret.write_text('{"title": "不该被读到的秘密"}\n', encoding="utf-8")
    os.symlink(secret, root / "mine" / "escape.jsonl")
    r = read_paths([root / "mine"], allowed_roots=[root])
    assert [p.title for p in r.posts] == ["留下来的好文章"]
    assert _reasons(r)["escape.jsonl"] == "a link that leads outside the allowed folders, not read"
    with pytest.raises(InputError, match="outside the folders this server allows"):
        read_paths([tmp_path], allowed_roots=[root])
    with pytest.raises(InputError, match="outside the folders this server allows"):
        read_paths([root / "mine" / ".." / ".."], allowed_roots=[root])


def test_uploads_are_read_in_memory_under_safe_names():
    # (a folder's upload keeps its paths, without any way out: see test_archives.py)
    assert [upload_name(n, i) for i, n in enumerate([".", "..", "", "a/../b.jsonl",
                                                      "C:\\x\\y.csv", "../../etc/passwd"])] == [
        "upload-1", "upload-2", "upload-3", "a/b.jsonl", "x/y.csv", "etc/passwd"]
    r = read_uploads([("..", GOOD.encode()), ("posts.jsonl", GOOD.encode()),
                      ("no-words.csv", b"title,url\nx,https://x.example/1\n")])
    assert sorted(p.title for p in r.posts) == ["x", "留下来的好文章"]
    assert [f.path for f in r.files] == ["upload-1", "posts.jsonl", "no-words.csv"]


def test_the_output_folder_inside_the_input_is_never_read(tmp_path):
    blog = tmp_path / "blog"
    blog.mkdir()
    for f in DATA.glob("*.txt"):
        (blog / f.name).write_bytes(f.read_bytes())
    cmd = [sys.executable, "-m", "graphkit", "build", str(blog), "--out", str(blog / "out"),
           "--quiet"]
    for _ in range(2):
        proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=300)
        assert proc.returncode == 0, proc.stderr
    report = json.loads((blog / "out" / "report.json").read_text(encoding="utf-8"))
    assert report["reading"]["posts"] == 39
    assert {"path": "blog/out", "format": "skipped", "posts": 0, "size": 0,
            "error": "the output folder, not read"} in report["reading"]["files"]
    same = subprocess.run(cmd[:5] + ["--out", str(blog)], cwd=ROOT, capture_output=True,
                          text=True, timeout=300)
    assert same.returncode == 1 and "is the output folder" in same.stderr


def test_outputs_are_replaced_whole_or_not_at_all(data_build, tmp_path, monkeypatch):
    from graphkit import pipeline

    out = tmp_path / "out"
    pipeline.write_outputs(data_build, out)
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    real_fsync, calls = os.fsync, []

    def full_disk(fd):
        calls.append(fd)
        if len(calls) == 2:  # the second file hits a full disk
            raise OSError(27, "File too large")
        real_fsync(fd)

    monkeypatch.setattr(pipeline.os, "fsync", full_disk)
    with pytest.raises(InputError, match=r"graph\.json: cannot write: File too large"):
        pipeline.write_outputs(data_build, out)
    monkeypatch.undo()
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before   # no temp file left


def test_two_builds_cannot_write_one_folder(data_build, tmp_path):
    import fcntl

    from graphkit.pipeline import LOCK_NAME, OutputBusyError, write_outputs

    out = tmp_path / "out"
    out.mkdir()
    with open(out / LOCK_NAME, "w") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        with pytest.raises(OutputBusyError, match="another build is writing"):
            write_outputs(data_build, out)
    assert sorted(p.name for p in out.iterdir()) == [LOCK_NAME]
    write_outputs(data_build, out)   # the lock released, the build writes


@pytest.mark.parametrize("text", [
    "访问 https://evil.example/\">evil</a 的文章", "www.evil.example", "admin@evil.example",
    "<a href=\"https://evil.example/phish\">点击领奖</a>", "[链接](javascript:alert(1))",
    "下载 \u202egnp.exe 的说明"])
def test_display_text_is_literal_for_its_renderer(text):
    md = markdown_literal(text)
    assert "://" not in md and "www." not in md and "@" not in md.replace("\\@", "")
    assert "](" not in md and not set(md) & BIDI_CONTROLS
    assert "<" not in plotly_text(text) and not set(plotly_text(text)) & BIDI_CONTROLS
    assert visible_controls("\u202egnp.exe") == "[U+202E]gnp.exe"


def test_an_impossible_yaml_timestamp_is_reported(tmp_path):
    """Found by fuzzing: PyYAML raises ValueError for hour 25 while it builds the value."""
    f = tmp_path / "bad-date.md"
    f.write_text("---\ntitle: 时间不对\ndate: 2024-05-06 25:00:00\n---\n正文还在。\n",
                 encoding="utf-8")
    r = read_paths([f])
    (post,) = r.posts
    assert post.text == "正文还在。"
    (frag,) = r.fragments
    assert "a value cannot be read (hour must be in 0..23)" in frag.reason


def test_an_integer_longer_than_python_converts_costs_no_post(tmp_path):
    # json.loads and tomllib raise a bare ValueError on an integer of more than 4,300
    # digits (Python's int_max_str_digits), which stopped the JSONL reader and lost a
    # whole JSON export; the number is kept as text, the post read
    big = "9" * 5000
    posts, frags = read_jsonl('{"title": "大数", "text": "正文。", "id": %s}\n' % big + GOOD,
                              "big.jsonl")
    assert [p.title for p in posts] == ["大数", "留下来的好文章"] and frags == []
    (tmp_path / "export.json").write_text(
        '[{"title": "导出的文章", "text": "正文讲矩阵。", "n": %s}]' % big, encoding="utf-8")
    (tmp_path / "toml.md").write_text(
        '+++\ntitle = "T"\nweight = %s\n+++\n正文讲优化。\n' % big, encoding="utf-8")
    read = read_paths([tmp_path])
    assert len(read.posts) == 2
    assert {p.title for p in read.posts} >= {"导出的文章"}
    assert any("正文讲优化" in p.text for p in read.posts)
    toml = [f for f in read.fragments if f.path.endswith("toml.md")]
    assert toml and "a value cannot be read" in toml[0].reason


def test_an_archive_link_of_5000_digits_is_no_archive_id(tmp_path):
    # int() of the id raised ValueError and stopped the build
    from graphkit.options import BuildOptions
    from graphkit.pipeline import relate

    (tmp_path / "a.md").write_text(
        "---\ntitle: A\n---\n见 [x](https://kexue.fm/archives/" + "9" * 5000 + ") 与《B》。\n",
        encoding="utf-8")
    (tmp_path / "b.md").write_text("---\ntitle: B\n---\n正文。\n", encoding="utf-8")
    posts = read_paths([tmp_path]).posts
    edges = relate(posts, options=BuildOptions(layers=("cites",)))[0]
    title = {p.key: p.title for p in posts}
    assert [(title[e.source], title.get(e.target)) for e in edges] == [("A", "B")]


def test_series_titles_padded_with_spaces_keep_their_stem_and_number():
    # the patterns were cubic in a run of spaces (60 s for 3,000); now linear
    # (benchmarks: series_title_100000_spaces_s) and still read the same
    from graphkit.relate import series_of

    assert series_of("变分自编码器" + " " * 3000 + "（二）：x") == ("变分自编码器", 2)
    assert series_of("让人惊叹的引理" + " " * 3000 + "：应用篇") == ("让人惊叹的引理", 2)
    assert series_of("不是系列" + " " * 3000 + "b") is None
    # a part after a dash (the first version was quadratic: 6 s for 100,000 spaces)
    assert series_of("Rust入门" + " " * 3000 + "- 3. 所有权") == ("rust入门", 3)
    assert series_of("Rust入门" + " " * 3000 + "-") is None


def test_sequel_titles_padded_with_spaces_keep_their_stem():
    # the first version was quadratic in a run of spaces before a title's end (75 s for
    # 200,000); now linear (benchmarks: sequel_title_100000_spaces_s)
    from graphkit.relate import sequel_of

    assert sequel_of("变分推断入门" + " " * 3000 + "（续）") == ("变分推断入门", 2)
    assert sequel_of("变分推断入门" + " \t" * 3000 + "续篇x") is None


def test_malformed_cms_rich_text_costs_no_post(tmp_path):
    """Sanity's Portable Text and Contentful's Rich Text of the wrong shapes (mark keys
    that are lists, children that are a string, a link target that is a string, a
    content type that is no object) are read as far as they go: no exception, the good
    post kept, the rich text's prose kept."""
    rows = [json.loads(GOOD),
            {"_id": "p1", "_type": "post", "title": "Odd blocks", "publishedAt": "2021-01-01",
             "body": [{"_type": "block", "markDefs": [{"_key": [1]}, "x", {"_key": "m"}],
                       "children": "abc"},
                      {"_type": "block", "markDefs": {"a": 1},
                       "children": [{"text": "kept", "marks": ["m", ["x"]]}, {"text": 3}]}]}]
    (tmp_path / "data.ndjson").write_text("\n".join(json.dumps(r, ensure_ascii=False)
                                                    for r in rows) + "\n", encoding="utf-8")
    (tmp_path / "export.json").write_text(json.dumps({"entries": [
        {"sys": {"id": "e1", "contentType": "post", "publishedVersion": 1},
         "fields": {"title": {"en-US": "Odd rich text"}, "body": {"en-US": {
             "nodeType": "document", "content": [
                 {"nodeType": "entry-hyperlink", "data": {"target": "x"},
                  "content": [{"nodeType": "text", "value": "also kept"}]},
                 {"nodeType": "hyperlink", "data": "oops"}, 5, None]}}}}]}),
        encoding="utf-8")
    r = read_paths([tmp_path], workers=0)
    texts = {p.title: p.text for p in r.posts}
    assert texts == {"留下来的好文章": "正文讲矩阵分解与优化。", "Odd blocks": "kept",
                     "Odd rich text": "also kept"}
