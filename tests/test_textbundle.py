"""TextBundles (Bear, Ulysses, Craft, Zettlr, FSNotes): a note's text, metadata and images
in a folder of its own (tests/fixtures/zoo/bear/ and small bundles written here)."""

from __future__ import annotations

import json
import zipfile

from conftest import FIXTURES, read_cites, write_files

from graphkit.readers import read_paths
from graphkit.readers.frontmatter import read_textbundle_info
from graphkit.sites import bear_link, file_slug, path_aliases, textbundle_document

BEAR = FIXTURES / "zoo" / "bear"
ROPE_ID = "3F0E5C1A-7B2D-4C9E-8A61-52D0B7E1A003-4100-0000016C1A2B3C03"


def _info(**bear) -> str:
    return json.dumps({"version": 2, "type": "net.daringfireball.markdown",
                       "creatorIdentifier": "net.shinyfrog.bear", "net.shinyfrog.bear": bear})


def test_a_bundles_text_is_named_by_its_bundle():
    assert textbundle_document("notes/旋转位置编码.textbundle/text.markdown") == "notes/旋转位置编码"
    assert textbundle_document("v1.2 notes.textpack/text.md") == "v1.2 notes"
    assert textbundle_document("notes/x.textbundle/assets/a.md") is None
    assert textbundle_document("notes/text.md") is None
    assert file_slug("notes/Rotary embeddings.textbundle/text.md")[0] == "Rotary embeddings"
    aliases = path_aliases("notes/Rotary embeddings.textbundle/text.md")
    assert {"rotary-embeddings", "rotary embeddings.textbundle",
            "notes/rotary embeddings.textbundle/text"} <= aliases
    assert "text" not in aliases             # (every bundle's text file is named so)


def test_the_zoo_notes_take_their_dates_from_info_json():
    r = read_paths([BEAR])
    dates = {p.title: p.date for p in r.posts}
    assert dates["旋转位置编码的直观理解"] == "2020-03-04"
    assert dates["随手记下的一个想法"] == "2021-09-10"
    assert all(dates.values())
    (trash,) = [f for f in r.fragments if "status: trash" in f.reason]
    assert trash.path.endswith("废弃的草稿.textbundle/text.markdown")
    assert "info.json" in trash.reason
    # the bundles' info.json files are read with their notes, not reported as data
    assert not any(f.path.endswith("info.json") for f in r.fragments)
    assert {x.format for x in r.files if x.path.endswith("info.json")} == {"textbundle-info"}


def test_info_json_of_other_apps_and_none_at_all(tmp_path):
    write_files(tmp_path, {
        # FSNotes: its own keys at the top, seconds since 1970
        "fs.textbundle/text.md": "# 一篇笔记\n\n正文见[[另一篇笔记]]。\n",
        "fs.textbundle/info.json": json.dumps({"version": 2, "type": "net.daringfireball."
                                               "markdown", "created": 1583312400}),
        # Ulysses and the specification's minimum: nothing dates the note
        "ul.textbundle/text.md": "# 另一篇笔记\n\n回到[一篇笔记](../fs.textbundle/text.md)。\n",
        "ul.textbundle/info.json": '{"version": 2, "type": "net.daringfireball.markdown"}',
        # a bundle whose text was left behind
        "lost.textbundle/info.json": _info(creationDate="2020-01-01T00:00:00Z"),
    })
    r, cites = read_cites(tmp_path)
    dates = {p.title: p.date for p in r.posts}
    assert dates == {"一篇笔记": "2020-03-04", "另一篇笔记": None}
    assert cites == {("一篇笔记", "另一篇笔记"), ("另一篇笔记", "一篇笔记")}
    (lost,) = [f for f in r.fragments if f.path.endswith("lost.textbundle/info.json")]
    assert "text file" in lost.reason and "not read" in lost.reason


def test_a_broken_info_json_is_reported_not_read_as_metadata(tmp_path):
    assert read_textbundle_info('{"version": 2') is None
    assert read_textbundle_info("[" * 100_000) is None
    assert read_textbundle_info("[1, 2]") is None
    assert dict(read_textbundle_info(_info(creationDate="2020-03-04T09:00:00+0000",
                                           trashed=1, uniqueIdentifier="AB-1"))) == {
        "created": "2020-03-04T09:00:00+0000", "status": "trash", "aliases": "bear:ab-1"}
    write_files(tmp_path, {"a.textbundle/text.md": "# 甲\n\n正文。\n",
                           "a.textbundle/info.json": '{"version": 2,'})
    r = read_paths([tmp_path])
    assert [p.title for p in r.posts] == ["甲"]
    (info,) = [x for x in r.files if x.path.endswith("info.json")]
    assert info.format != "textbundle-info" and info.posts == 0


def test_bear_links_name_a_note_by_identifier_or_title(tmp_path):
    assert bear_link(f"bear://x-callback-url/open-note?id={ROPE_ID}") == (
        f"site-ref:bear:{ROPE_ID.lower()}")
    assert bear_link("bear://x-callback-url/open-note?title=%E7%94%B2&new_window=yes") == (
        "site-ref:%E7%94%B2")
    assert bear_link("bear://x-callback-url/create?title=x") is None
    assert bear_link("bear://x-callback-url/open-note?show_window=yes") is None
    write_files(tmp_path, {
        "a.textbundle/text.md": "# 甲\n\n见[乙](bear://x-callback-url/open-note?id=B-2)和"
                                "[丢失的](bear://x-callback-url/open-note?id=C-3)。\n",
        "a.textbundle/info.json": _info(uniqueIdentifier="A-1"),
        "b.textbundle/text.md": "# 乙\n\n回到[甲](bear://x-callback-url/open-note?title=%E7%94%B2)。\n",
        "b.textbundle/info.json": _info(uniqueIdentifier="B-2"),
    })
    assert read_cites(tmp_path)[1] == {("甲", "乙"), ("乙", "甲")}


def test_bears_line_separators_are_line_breaks(tmp_path):
    """Bear separates lines with U+2028: a code block so written holds no citation and a
    heading after one is a heading."""
    sep = "\u2028"
    write_files(tmp_path, {
        "a.textbundle/text.md": sep.join(["# 甲", "", "正文。", "```", "[[乙]]", "```", "",
                                          "见[[丙]]。"]),
        "b.textbundle/text.md": "# 乙\n\n乙的正文。\n",
        "c.textbundle/text.md": "# 丙\n\n丙的正文。\n",
    })
    r, cites = read_cites(tmp_path)
    assert cites == {("甲", "丙")}
    assert next(p for p in r.posts if p.title == "甲").text.startswith("正文。")


def test_a_bear_backup_and_a_textpack_are_read_as_folders(tmp_path):
    backup = tmp_path / "notes.bear2bk"
    with zipfile.ZipFile(backup, "w") as z:
        for f in sorted(BEAR.rglob("*")):
            if f.is_file() and f.name != "truth.json":
                z.write(f, f"Bear Notes/{f.relative_to(BEAR)}")
    r_zip, cites_zip = read_cites(backup)
    r_dir, cites_dir = read_cites(BEAR)
    assert sorted(p.title for p in r_zip.posts) == sorted(p.title for p in r_dir.posts)
    assert len(r_zip.posts) == 6 and cites_zip == cites_dir
    pack = tmp_path / "single" / "旋转位置编码.textpack"
    pack.parent.mkdir()
    with zipfile.ZipFile(pack, "w") as z:        # (the bundle's files at the pack's root)
        z.writestr("text.md", "# 旋转位置编码\n\n一段正文。\n")
        z.writestr("info.json", _info(creationDate="2020-03-04T09:00:00Z"))
    (post,) = read_paths([pack]).posts
    assert (post.title, post.date, post.slug) == ("旋转位置编码", "2020-03-04", None)
    assert "旋转位置编码" in post.aliases
