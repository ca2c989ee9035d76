"""Notes written in a note app rather than a blog generator: Logseq's page properties,
file names and block references, and daily notes (the zoo's ``logseq/`` graph tests the
whole path; these test one edge each)."""

from __future__ import annotations

from graphkit.options import BuildOptions
from graphkit.pipeline import relate
from graphkit.readers import read_paths, read_text
from graphkit.readers.frontmatter import block_ids, note_name, note_properties


def _write(folder, name, text):
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def _cites(posts):
    edges, _, _ = relate(posts, options=BuildOptions(layers=("cites",)))
    title = {p.key: p.title for p in posts}
    return sorted((title[e.source], title[e.target]) for e in edges)


def test_page_properties_are_metadata_not_a_pelican_header():
    """``title:: x`` is Logseq's property, not Pelican's ``Title: : x``."""
    _, (post,), _ = read_text("title:: 注意力/浅读\ntags:: [[机器学习]], 注意力\nalias:: 浅读\n"
                              "date:: 2020-01-02\n\n- 正文一句。\n", "pages/x.md")
    assert (post.title, post.tags, post.date, post.text) == (
        "注意力/浅读", ("机器学习", "注意力"), "2020-01-02", "正文一句。")
    assert {"注意力/浅读", "浅读"} <= set(post.aliases)   # the names links reach it by


def test_properties_only_at_the_top_and_never_code():
    meta, start = note_properties(["std::cout << x;", "title:: 甲"])
    assert (meta, start) == ({}, 0)
    lines, ids = block_ids(["- 甲", "  id:: 6F1C2A3B-4D5E-4F60-8A7B-9C0D1E2F3A4B",
                            "  collapsed:: true", "std::cout << x;", "- rating:: 9"])
    assert ids == ["6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b"]
    assert lines == ["- 甲", "", "", "std::cout << x;", "- rating:: 9"]   # the author's


def test_namespaced_file_names_are_page_names():
    assert note_name("机器学习___注意力") == "机器学习/注意力"
    assert note_name("机器学习%2F注意力") == "机器学习/注意力"
    assert note_name("a_b") == "a_b"


def test_links_by_page_name_alias_and_block_reference(tmp_path):
    _write(tmp_path, "logseq/config.edn", "{:file/name-format :triple-lowbar}\n")
    _write(tmp_path, "pages/机器学习___注意力.md",
           "- 注意力的要点。\n  id:: 6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b\n")
    _write(tmp_path, "pages/位置编码.md", "alias:: RoPE\ndate:: [[2024_01_04]]\n\n"
                                          "- 见 [[机器学习/注意力]]。\n")
    _write(tmp_path, "pages/外推.md", "- 比较 [[rope]] 与 ((6F1C2A3B-4D5E-4F60-8A7B-9C0D1E2F3A4B))"
                                      "，又见[那一段]([[位置编码]])。\n")
    _write(tmp_path, "journals/2024_01_05.md", "- 今天读了 [[外推]]。\n")
    r = read_paths([tmp_path])
    dated = {p.title: p.date for p in r.posts}
    assert dated == {"机器学习/注意力": None, "位置编码": "2024-01-04", "外推": None,
                     "Jan 5th, 2024": "2024-01-05"}     # a daily note is dated by its name
    assert _cites(r.posts) == [("Jan 5th, 2024", "外推"), ("位置编码", "机器学习/注意力"),
                               ("外推", "位置编码"), ("外推", "机器学习/注意力")]
    assert not any("id::" in p.text for p in r.posts)


def test_journal_pages_are_titled_and_linked_as_the_graph_titles_them(tmp_path):
    """Logseq names a journal page by its ``:journal/page-title-format`` (default ``MMM
    do, yyyy``): links write that name. A journal with a ``title::`` keeps it; a page
    outside the journals folder named like a day is not retitled."""
    _write(tmp_path, "default/logseq/config.edn", "{:meta/version 1}\n")
    _write(tmp_path, "default/journals/2024_01_05.md", "- 读了旋转位置编码。\n")
    _write(tmp_path, "default/journals/2024_01_06.md", "title:: 周六笔记\n\n- 休息。\n")
    _write(tmp_path, "default/pages/2024_01_07.md", "- 一页。\n")
    _write(tmp_path, "default/pages/rope.md", "- 见 [[Jan 5th, 2024]] 与 [[周六笔记]]。\n")
    own = '{:journal/page-title-format "yyyy年MM月dd日 EEEE"\n :journals-directory "daily"}\n'
    _write(tmp_path, "own/logseq/config.edn", own)
    _write(tmp_path, "own/daily/2024_03_22.md", "- 一天。\n")
    _write(tmp_path, "own/pages/b.md", "- 见 [[2024年03月22日 Friday]]。\n")
    r = read_paths([tmp_path])
    assert {p.title for p in r.posts} == {"Jan 5th, 2024", "周六笔记", "2024_01_07", "rope",
                                          "2024年03月22日 Friday", "b"}
    assert _cites(r.posts) == [("b", "2024年03月22日 Friday"), ("rope", "Jan 5th, 2024"),
                               ("rope", "周六笔记")]
    assert {p.title: p.date for p in r.posts}["Jan 5th, 2024"] == "2024-01-05"
