"""Gemini capsules: gemlog posts in gemtext (tests/fixtures/zoo/gemini/ and small capsules)."""

from __future__ import annotations

from conftest import FIXTURES, read_cites, write_files

from graphkit.readers import read_paths
from graphkit.readers.gemtext import capsule_address, read_gemtext

CAPSULE = FIXTURES / "zoo" / "gemini"


def test_the_index_and_the_menu_are_reported_not_posts():
    r = read_paths([CAPSULE])
    reasons = {f.path.split("gemini/", 1)[1]: f.reason for f in r.fragments}
    assert reasons["gem.example/gemlog/index.gmi"].startswith("a gemlog's index (5 link lines")
    assert reasons["gem.example/index.gmi"].startswith("a page of links with no text")
    assert {p.title for p in r.posts} >= {"关于本站的常见问题", "随手记下的一个想法"}


def test_titles_dates_and_addresses():
    r = read_paths([CAPSULE])
    by = {p.title: p for p in r.posts}
    assert by["随手记下的一个想法"].date == "2021-09-10"          # its "Posted:" line
    assert by["随手记下的一个想法"].title_only                   # (a date line is no text)
    assert by["线性注意力的简单推导"].date == "2020-05-06"
    assert by["关于本站的常见问题"].url == "gemini://gem.example/faq.gmi"
    assert by["旋转位置编码的直观理解"].url == \
        "gemini://gem.example/gemlog/2020-03-04-rope.gmi"
    # the Atom feed's entries are the same posts, read from two files each
    assert sorted(len(p.sources) for p in r.posts) == [1, 2, 2, 2, 2, 2]


def test_a_link_line_is_cited_with_its_label_and_a_preformatted_one_is_not():
    lines = ["# Notes", "", "Some text.", "=> other.gmi The other post", "```",
             "=> hidden.gmi inside a block", "```", "=> pic.png A picture",
             "## Later", "* an item", "> a quotation"]
    (post,), frags = read_gemtext(lines, "cap/gemlog/notes.gmi")
    assert [(x.url, x.anchor, x.sentence) for x in post.links] == [
        ("site-ref:other.gmi", "The other post", "The other post")]
    assert post.text.split("\n") == ["Some text.", "The other post", "Later", "an item",
                                     "a quotation"]
    assert frags == []


def test_a_block_left_open_is_reported():
    (post,), frags = read_gemtext(["# T", "text", "```", "=> x.gmi x", "more"], "c/a.gmi")
    assert post.links == () and post.text == "text"
    assert frags[0].line == 3 and "never closed" in frags[0].reason


def test_a_date_line_after_the_text_is_text():
    (post,), _ = read_gemtext(["# T", "A sentence.", "2021-09-10"], "c/a.gmi")
    assert post.date is None and post.text == "A sentence.\n2021-09-10"
    (post,), _ = read_gemtext(["# T", "Published on 2021-09-10", "A sentence."], "c/a.gmi")
    assert post.date == "2021-09-10" and post.text == "A sentence."


def test_links_of_every_form_resolve_and_another_capsule_does_not(tmp_path):
    footer = "=> /about.gmi about"
    root = write_files(tmp_path / "capsule", {
        "gemlog/2021-01-01-a.gmi": "# A\n\nFirst.\n=> 2021-02-01-b.gmi next\n" + footer,
        "gemlog/2021-02-01-b.gmi": "# B\n\nSecond.\n=> ../gemlog/2021-01-01-a.gmi back\n"
                                   "=> gemini://other.example/gemlog/2021-03-01-c.gmi "
                                   "someone else's C\n",
        "gemlog/2021-03-01-c.gmi": "# C\n\nThird.\n=> /gemlog/2021-02-01-b.gmi B\n"
                                   "=> ./2021-01-01-a.gmi A\n",
    })
    r, cites = read_cites(root)
    assert cites == {("A", "B"), ("B", "A"), ("C", "B"), ("C", "A")}


def test_the_capsule_host_is_learnt_from_links_that_reach_its_posts(tmp_path):
    # no host folder: the posts have no address; their absolute links name the capsule
    root = write_files(tmp_path / "capsule", {
        "2021-01-01-a.gmi": "# A\n\nFirst.\n=> gemini://me.example/2021-02-01-b.gmi B\n",
        "2021-02-01-b.gmi": "# B\n\nSecond.\n=> gemini://me.example/2021-01-01-a.gmi A\n",
        "2021-03-01-c.gmi": "# C\n\nThird.\n=> gemini://you.example/2021-01-01-x.gmi X\n",
    })
    r, cites = read_cites(root)
    assert {p.url for p in r.posts} == {None}
    assert cites == {("A", "B"), ("B", "A")}


def test_capsule_address():
    assert capsule_address("srv/gem.example/gemlog/x.gmi") == "gemini://gem.example/gemlog/x.gmi"
    assert capsule_address("srv/gem.example/index.gmi") == "gemini://gem.example/"
    assert capsule_address("capsule/gemlog/x.gmi") is None


def test_hostile_lines_stay_linear():
    # (a lazy heading pattern took 27 s on one such line of 100,000 spaces)
    lines = ["# a" + " " * 200_000 + "b", "=> u a" + " " * 200_000 + "x", "=>" + " " * 200_000,
             "text"]
    (post,), _ = read_gemtext(lines, "c/a.gmi")
    assert post.title.startswith("a ") and len(post.links) == 1


def test_two_files_of_one_title_are_two_posts(tmp_path):
    root = write_files(tmp_path / "capsule", {
        "2021-01-01-weekly.gmi": "# Weekly notes\n\nRead a paper on attention.\n",
        "2021-01-08-weekly.gmi": "# Weekly notes\n\nWrote a parser for gemtext.\n",
    })
    r = read_paths([root])
    assert sorted(p.date for p in r.posts) == ["2021-01-01", "2021-01-08"]
