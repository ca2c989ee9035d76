"""Notion's Markdown & CSV export (tests/fixtures/zoo/notion/) and its addresses.

The zoo tests check the citations; these check what a Notion export adds: page ids in
file names and addresses, the property lines of a database row's page, the database's
own page and its CSV table.
"""

from __future__ import annotations

import pytest
from conftest import FIXTURES

from graphkit.readers import read_paths, read_text
from graphkit.readers.notion import properties
from graphkit.readers.table import read_csv
from graphkit.relate import TitleIndex
from graphkit.sites import notion_page_id, path_aliases

NOTION = FIXTURES / "zoo" / "notion"
ID = "0123456789abcdef0123456789abcdef"


@pytest.fixture(scope="module")
def export():
    return read_paths([NOTION])


@pytest.mark.parametrize("address", [
    f"https://www.notion.so/Attention-notes-{ID}?pvs=21",
    f"https://www.notion.so/myspace/{ID}",
    f"https://myspace.notion.site/Attention-notes-{ID}#heading",
    f"Attention%20notes%20{ID}.md",
    f"../Blog%20{'f' * 32}/Attention notes {ID}.html",
    f"Posts {ID}_all.csv",
])
def test_a_notion_page_id_is_read_from_every_address_form(address):
    assert notion_page_id(address) == ID


@pytest.mark.parametrize("address", [
    f"https://example.com/Attention-notes-{ID}",        # another host
    f"mailto:{ID}@example.com",
    f"https://www.notion.so/Attention-notes-{ID}0",      # 33 digits
    f"https://www.notion.so/Attention-notes-{ID.upper()}",
    "https://www.notion.so/",
    "short",
])
def test_other_addresses_name_no_notion_page(address):
    assert notion_page_id(address) is None


def test_an_exported_file_is_named_by_its_page_id():
    assert f"notion/{ID}" in path_aliases(f"Blog/Attention notes {ID}.md")
    assert not any(a.startswith("notion/") for a in path_aliases("blog/attention-notes.md"))


def test_a_link_to_the_page_id_resolves_whatever_its_title_says():
    """A page renamed after the link was written keeps its id: the link still resolves."""
    _, posts, _ = read_text("# Attention notes\n\nSoftmax attention.\n", f"Attention notes {ID}.md")
    r = TitleIndex(posts)
    key = posts[0].key
    assert r.resolve_url(f"https://www.notion.so/Old-title-{ID}?pvs=21") == key
    assert r.resolve_url(f"Old%20title%20{ID}.md") == key
    assert r.resolve_url(f"https://www.notion.so/Old-title-{'e' * 32}") is None


def test_the_export_gives_the_properties_as_dates_and_tags(export):
    post = {p.title: p for p in export.posts}
    assert post["线性注意力的简单推导"].date == "2021-05-01"      # a range: its start
    assert post["线性注意力的简单推导"].tags == ("注意力", "推导")
    assert post["位置编码的外推实验"].date == "2021-07-08"
    assert all(p.date for p in export.posts)


def test_the_property_lines_are_reported_with_their_lines(export):
    found = [f for f in export.fragments if f.reason.startswith("the page's Notion properties")]
    assert len(found) == 6
    reading = next(f for f in found if "浅读" in f.path)
    assert (reading.line, reading.end_line) == (3, 6)
    assert reading.text.startswith("Created: March 1, 2021")


def test_a_url_property_is_neither_the_address_nor_a_citation(export):
    reading = next(p for p in export.posts if p.title.endswith("浅读"))
    assert reading.url is None
    assert not any("arxiv" in link.url for link in reading.links)


def test_a_draft_and_the_database_page_are_set_aside(export):
    why = {f.path.rsplit("/", 1)[-1].split(" ")[0]: f.reason for f in export.fragments
           if f.line == 1 or f.reason.startswith("row:")}
    assert why["长文本的草稿"] == "not published (status: draft)"
    assert why["博客"].startswith("a Notion database's own page")
    rows = [f for f in export.fragments if f.reason.startswith("row: not published")]
    assert len(rows) == 2 and all(f.line == 8 for f in rows)     # .csv and _all.csv


def test_the_database_table_names_its_posts_in_the_first_column():
    header = "Name,Created,Tags\n"
    posts, frags = read_csv(header + 'Rope,"July 8, 2021",a\n', f"Posts {ID}.csv")
    assert [(p.title, p.date, p.tags) for p in posts] == [("Rope", "2021-07-08", ("a",))]
    assert frags == []
    posts, frags = read_csv(header + 'Rope,"July 8, 2021",a\n', "people.csv")
    assert posts == [] and frags[-1].reason.startswith("CSV header has no title or url column")


def test_a_table_row_and_its_page_are_one_post(export):
    post = next(p for p in export.posts if p.title == "位置编码的外推实验")
    assert sorted(s.format for s in post.sources) == ["notion-page", "table", "table"]


def test_a_first_paragraph_of_sentences_is_not_read_as_properties():
    lines = ["# Attention notes", "", "Note: softmax attention is read below.", "",
             "More text."]
    assert properties(lines, 1) is None
    _, posts, frags = read_text("\n".join(lines), f"Attention notes {ID}.md")
    assert "Note: softmax attention" in posts[0].text
    assert not any("properties" in f.reason for f in frags)


def test_property_lines_outside_a_notion_export_stay_text():
    text = "# Attention notes\n\nTags: softmax, scaling\n\nMore text.\n"
    layout, posts, _ = read_text(text, "notes/attention.md")
    assert layout == "markdown" and "Tags: softmax" in posts[0].text


def test_a_time_element_without_datetime_dates_a_saved_page():
    page = ("<html><head><title>Rope</title></head><body><article><h1>Rope</h1>"
            "<time>@July 8, 2021 3:00 PM</time><p>Rotary position embeddings rotate "
            "queries and keys.</p></article></body></html>")
    _, posts, _ = read_text(page, f"Rope {ID}.html")
    assert posts[0].date == "2021-07-08"
    assert f"notion/{ID}" in posts[0].aliases
