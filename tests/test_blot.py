"""A Blot blog's folder (the zoo's ``blot/`` tests the whole path; these test one edge
each): metadata without a title, ``.txt`` posts, ``Link:`` addresses, dates read month
first or from the path, and what Blot does not publish."""

from __future__ import annotations

from conftest import FIXTURES

from graphkit.readers import read_paths
from graphkit.readers.blot import blot_roots, path_date

BLOT = FIXTURES / "zoo" / "blot"


def _write(folder, name, text):
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_posts_are_dated_and_addressed_as_blot_does():
    r = read_paths([BLOT])
    by = {p.title: p for p in r.posts}
    assert {t: (p.date, p.url) for t, p in by.items()} == {
        "关于本站的常见问题": ("2018-01-01", "/faq"),                 # Link: faq
        "《Attention is All You Need》浅读": ("2019-01-02", "/attention-reading"),
        "旋转位置编码的直观理解": ("2020-03-04", "/rope"),            # 03/04/2020: month first
        "线性注意力的简单推导": ("2020-05-06", "/posts/linear"),      # its path 2020/5/6/
        "位置编码的外推实验": ("2021-07-08", "/extrapolation"),       # 7.8.2021
        "随手记下的一个想法": ("2021-09-10", "/idea")}
    assert by["旋转位置编码的直观理解"].tags == ("位置编码",)         # its folder [位置编码]
    assert by["位置编码的外推实验"].tags == ("实验", "位置编码")
    assert not [f for f in r.fragments if f.reason.startswith("the date (")]
    # the metadata lines are no text; the heading is the title
    assert "Link:" not in by["随手记下的一个想法"].text and by["随手记下的一个想法"].title_only


def test_drafts_pages_and_ignored_files_are_no_posts():
    r = read_paths([BLOT])
    why = {f.path.removeprefix("blot/"): f.reason for f in r.fragments
           if not f.reason.startswith(("boilerplate", "HTML outside"))}
    assert why["Drafts/draft.txt"].startswith("a draft (Blot")
    assert why["Drafts/draft.txt.html"].startswith("a draft (Blot")      # its preview
    assert why["Pages/about.txt"].startswith("a page of the site (Blot's Pages/")
    assert why["_templates/notes.md"].startswith("ignored by Blot")


def test_a_folder_is_blots_only_with_two_of_its_folders(tmp_path):
    assert blot_roots(["b/Posts/a.txt", "b/Drafts/c.txt", "x/Pages/d.md"]) == {"b"}
    assert blot_roots(["notes/Pages/a.md", "notes/pages/b.md"]) == set()
    _write(tmp_path, "Pages/about.md", "# About\n\nA page of my notes.\n")
    _write(tmp_path, "drafts/x.md", "# Draft\n\nText.\n")
    r = read_paths([tmp_path])
    assert sorted(p.title for p in r.posts) == ["About", "Draft"]      # not a Blot folder


def test_a_text_file_is_a_post_only_with_its_metadata(tmp_path):
    _write(tmp_path, "post.txt", "Date: 2021-01-05\nTags: a, b\n\n# A post\n\nIts text.\n")
    _write(tmp_path, "notes.txt", "# Shopping\n\nmilk, eggs\n")
    _write(tmp_path, "robots.txt", "User-agent: *\nDisallow: /private\n")
    r = read_paths([tmp_path])
    assert [(p.title, p.date, p.tags) for p in r.posts] == [("A post", "2021-01-05",
                                                            ("a", "b"))]
    assert {f.path.rsplit("/", 1)[-1] for f in r.fragments
            if f.reason.startswith("unknown layout")} == {"notes.txt", "robots.txt"}


def test_dates_in_a_posts_path():
    assert path_date("Posts/2016/2/23/post.txt") == "2016-02-23"
    assert path_date("2023-09-29 Portrait.txt") == "2023-09-29"
    assert path_date("2016_02_23_00:00_post.txt") == "2016-02-23"
    assert path_date("Posts/2016/13/40/post.txt") is None
    assert path_date("Posts/20161/2/3/x.txt") is None


def test_an_uploaded_blot_folder_keeps_its_tag_folders():
    """A folder's upload writes [位置编码] as ［位置编码］ (no name of an upload holds a
    square bracket): still a tag folder, not a name starting with _ that Blot ignores."""
    from graphkit.readers import read_uploads

    files = [(f"blot/{f.relative_to(BLOT).as_posix()}", f.read_bytes())
             for f in sorted(BLOT.rglob("*")) if f.is_file() and f.name != "truth.json"]
    r = read_uploads(files)
    by = {p.title: p for p in r.posts}
    assert len(by) == 6 and by["旋转位置编码的直观理解"].tags == ("位置编码",)
    assert by["旋转位置编码的直观理解"].sources[0].path == "blot/Posts/［位置编码］/rope.txt"
