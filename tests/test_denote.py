"""Denote's notes (Emacs): identifiers in file names, denote: links in Org, Markdown and text
(tests/fixtures/zoo/denote/ and small folders of notes)."""

from __future__ import annotations

import datetime as dt

from conftest import FIXTURES, read_cites, write_files

from graphkit.readers import read_paths
from graphkit.sites import denote_link, denote_name, file_slug, path_aliases

NOTES = FIXTURES / "zoo" / "denote"


def test_the_file_name_gives_identifier_title_and_day():
    assert denote_name("20200304T090000==1a--旋转位置编码__位置编码") == (
        "20200304t090000", "旋转位置编码", dt.date(2020, 3, 4))
    assert denote_name("20200304T090000") == ("20200304t090000", "", dt.date(2020, 3, 4))
    assert denote_name("20201304T090000--a") is None          # (no thirteenth month)
    assert denote_name("20200304-rope") is None
    assert file_slug("notes/20200304T090000--rope__ml.org") == ("rope", dt.date(2020, 3, 4))
    assert "denote:20200304t090000" in path_aliases("notes/20200304T090000--rope__ml.org")


def test_denote_links_name_the_note():
    assert denote_link("denote:20200304T090000") == "site-ref:denote:20200304t090000"
    assert denote_link("denote:20200304T090000::#intro") == "site-ref:denote:20200304t090000"
    assert denote_link("denote:rope") is None and denote_link("https://a.example/") is None


def test_the_zoo_notes_are_read_with_their_dates_and_tags():
    r = read_paths([NOTES])
    by = {p.title: p for p in r.posts}
    assert by["旋转位置编码的直观理解"].date == "2020-03-04"
    assert by["旋转位置编码的直观理解"].tags == ("位置编码",)
    assert by["关于本站的常见问题"].tags == ("meta",)             # (TOML front matter)
    idea = by["随手记下的一个想法"]                                # the text file type
    assert idea.date == "2021-09-10" and idea.title_only and idea.text == ""
    assert not any(f.reason.startswith("unknown layout") for f in r.fragments)


def test_every_link_form_reaches_the_note(tmp_path):
    root = write_files(tmp_path / "notes", {
        "20240101T080000--alpha__ml.md": "---\ntitle: Alpha\n---\n\n"
                                         "See [beta](denote:20240102T080000) first.\n",
        "20240102T080000--beta.md": "---\ntitle: Beta\n---\n\n"
                                    "Back to [[denote:20240101T080000]] and on.\n",
        "20240103T080000--gamma.org": "#+title: Gamma\n\n"
                                      "Both [[denote:20240101T080000::#x][alpha]] and "
                                      "[[denote:20240102T080000]].\n",
        "20240104T080000--delta.txt": "title:      Delta\ndate:       2024-01-04\n"
                                      "tags:       ml\nidentifier: 20240104T080000\n"
                                      "---------------------------\n\n"
                                      "As in <denote:20240103T080000>, more.\n",
        # a note renamed without its identifier: its front matter still names it
        "epsilon.md": "---\ntitle: Epsilon\nidentifier: \"20240105T080000\"\n---\n\nText.\n",
        "20240106T080000--zeta.md": "---\ntitle: Zeta\n---\n\n"
                                    "Cites [e](denote:20240105T080000).\n",
    })
    r, cites = read_cites(root)
    assert cites == {("Alpha", "Beta"), ("Beta", "Alpha"), ("Gamma", "Alpha"),
                               ("Gamma", "Beta"), ("Delta", "Gamma"), ("Zeta", "Epsilon")}
    delta = next(p for p in r.posts if p.title == "Delta")
    assert "---" not in delta.text and delta.tags == ("ml",)
