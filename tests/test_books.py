"""Books with a table of contents (GitBook, HonKit, mdBook): a chapter's README is a page,
the book's introduction is not, and a configured book's unlisted pages are set aside.
The zoo's ``gitbook/`` and ``mdbook/`` test the whole path; these test one edge each."""

from __future__ import annotations

import json

from conftest import FIXTURES

from graphkit.readers import read_paths
from graphkit.readers.books import ASIDE, INTRODUCTION, summary_pages
from graphkit.sites import read_site_config

ZOO = FIXTURES / "zoo"
TOC = ("# Summary\n\n* [前言](README.md)\n* [第一章](part1/README.md)\n"
       "    * [甲](part1/a.md)\n")


def _write(folder, name, text):
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def _book(folder, *, config=None):
    _write(folder, "SUMMARY.md", TOC)
    _write(folder, "README.md", "# 前言\n\n从[第一章](part1/README.md)读起。\n")
    _write(folder, "part1/README.md", "# 第一章\n\n本章先讲[甲](a.md)。\n")
    _write(folder, "part1/a.md", "# 甲\n\n回到[第一章](README.md)。\n")
    _write(folder, "notes/b.md", "# 乙\n\n见[甲](../part1/a.md)。\n")
    if config:
        _write(folder, *config)


def test_the_zoo_book_s_chapters_introduction_and_pages_set_aside():
    r = read_paths([ZOO / "gitbook"])
    files = {f.path.split("gitbook/", 1)[1]: f for f in r.files}
    assert files["docs/attention/README.md"].posts == 1
    assert files["docs/attention/README.md"].format == "markdown"
    reasons = {f.path.split("gitbook/", 1)[1]: f.reason for f in r.fragments}
    assert reasons["docs/README.md"] == INTRODUCTION
    assert files["docs/README.md"].posts == 0
    aside = ASIDE.format(book="gitbook/docs")
    assert reasons["docs/GLOSSARY.md"] == aside and reasons["docs/drafts/rope-v2.md"] == aside
    assert reasons["README.md"].startswith("a README")      # the repository's, outside docs/
    reading = next(p for p in r.posts if p.title.endswith("浅读"))
    assert reading.url == "https://xiaolin.example.io/notes/attention/index.html"


def test_without_a_configuration_a_chapter_is_read_and_nothing_is_set_aside(tmp_path):
    _book(tmp_path)
    r = read_paths([tmp_path])
    assert sorted(p.title for p in r.posts) == ["乙", "甲", "第一章"]
    reasons = {f.path.rsplit("/", 1)[1] if "part1" not in f.path else "part1": f.reason
               for f in r.fragments}
    assert reasons["README.md"] == INTRODUCTION


def test_a_configured_book_sets_its_unlisted_pages_aside(tmp_path):
    _book(tmp_path, config=("book.toml", '[book]\ntitle = "书"\nsrc = "."\n'))
    r = read_paths([tmp_path])
    assert sorted(p.title for p in r.posts) == ["甲", "第一章"]
    b, = [f for f in r.fragments if f.path.endswith("notes/b.md")]
    assert b.reason == ASIDE.format(book=tmp_path.name)


def test_a_summary_of_files_not_there_makes_no_book(tmp_path):
    _write(tmp_path, "SUMMARY.md", "* [甲](a.md)\n* [乙](b.md)\n* [丙](c.md)\n* [丁](d.md)\n")
    _write(tmp_path, "a.md", "# 甲\n\n正文。\n")
    _write(tmp_path, "sub/README.md", "# 子目录\n\n说明。\n")
    r = read_paths([tmp_path])
    assert [p.title for p in r.posts] == ["甲"]
    assert any(f.path.endswith("sub/README.md") and f.reason.startswith("a README")
               for f in r.fragments)


def test_an_mdbook_chapter_readme_is_its_folder_s_index_page(tmp_path):
    _write(tmp_path, "book.toml", '[book]\ntitle = "书"\n[output.html]\ncname = "b.example"\n')
    _book(tmp_path / "src")
    r = read_paths([tmp_path])
    urls = {p.title: p.url for p in r.posts}
    assert urls == {"第一章": "https://b.example/part1/index.html",
                    "甲": "https://b.example/part1/a.html"}
    assert any(f.path.endswith("src/notes/b.md") and f.reason.startswith("not in the book's")
               for f in r.fragments)


def test_the_table_of_contents_lists_local_files_only():
    text = ("* [甲](a.md#x)\n* [乙](<sub/b c.md>)\n* [丙](https://x.example/c.md)\n"
            "* [丁](/abs.md)\n* [戊](../../out.md)\n* [己](sub/%E5%B7%B1.md?v=1 \"题\")\n")
    assert summary_pages(text, "book/src/SUMMARY.md") == (
        ("page", "book/src/a.md"), ("page", "book/src/sub/b c.md"), ("page", "out.md"),
        ("page", "book/src/sub/己.md"))
    assert summary_pages("* [戊](../out.md)", "SUMMARY.md") == ()     # (above what is read)


def test_book_json_is_read_only_when_it_is_a_book_s():
    conf = {"root": "./docs", "title": "书", "plugins": ["sitemap"],
            "pluginsConfig": {"sitemap": {"hostname": "https://b.example/notes/"}}}
    site = dict(read_site_config(json.dumps(conf), "book.json"))
    assert site == {"generator": "gitbook", "input": "docs", "output": "_book",
                    "url": "https://b.example/notes", "base": "/notes", "title": "书"}
    # a record of a book in a catalogue, and text that is not JSON
    assert read_site_config('{"title": "书", "isbn": "978-7"}', "book.json") is None
    assert read_site_config("not json", "book.json") is None


def test_book_js_is_read_by_tokens_and_only_when_it_exports_a_book_s_settings():
    text = ("module.exports = {\n  root: './docs',\n  title: '书',\n  gitbook: '3.2.0',\n"
            "  pluginsConfig: { sitemap: { hostname: 'https://b.example' } }\n};\n")
    assert dict(read_site_config(text, "book.js"))["url"] == "https://b.example"
    model = "class Book { constructor(title) { this.title = title; } }\nmodule.exports = Book;\n"
    assert read_site_config(model, "models/book.js") is None
