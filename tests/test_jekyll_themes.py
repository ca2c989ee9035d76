"""What Jekyll themes add to a post's source: front matter opening with a comment,
pages made of a collection (Chirpy's ``_tabs/``), kramdown's attribute lists. The zoo's
``jekyll-chirpy/`` blog tests the whole path."""

import pytest
from conftest import read_cites, write_file

from graphkit.readers import read_text
from graphkit.readers.markdown import markdown_to_text


@pytest.mark.parametrize("head", [
    "---\n# the default layout is 'page'\ntitle: 关于\norder: 4\n---\n",
    "---\n# a comment\n\n# and another\ntitle: 关于\n---\n",
    "+++\n# TOML has comments too\ntitle = \"关于\"\n+++\n",
])
def test_front_matter_may_open_with_comments(head):
    layout, (post,), frags = read_text(head + "\n正文。\n", "about.md")
    assert (layout, post.title, post.text, frags) == ("front-matter", "关于", "正文。", [])


def test_a_rule_then_headings_is_no_front_matter():
    layout, (post,), _ = read_text("---\n# 标题\n\ntext: 不是键\n", "note.md")
    assert layout != "front-matter" and post.title == "标题"


def test_a_collection_in_the_page_layout_holds_pages_not_posts(tmp_path):
    write_file(tmp_path, "_config.yml", "url: https://lin.example\ncollections:\n"
               "  tabs:\n    output: true\n  notes:\n    output: true\ndefaults:\n"
               "  - scope:\n      path: ''\n      type: tabs\n    values:\n"
               "      layout: page\n      permalink: /:title/\n")
    write_file(tmp_path, "_posts/2020-01-02-rope.md", "---\ntitle: RoPE\n---\n\n旋转。\n")
    write_file(tmp_path, "_tabs/about.md", "---\n# the default layout is 'page'\norder: 4\n"
               "---\n\n读[RoPE](/2020/01/02/rope.html)。\n")
    write_file(tmp_path, "_notes/linear.md",
               "---\ntitle: Linear\n---\n\n见[RoPE](/2020/01/02/rope.html)。\n")
    write_file(tmp_path, "_notes/faq.md", "---\ntitle: FAQ\nlayout: page\n---\n\n"
               "见[RoPE](/2020/01/02/rope.html)。\n")
    r, cites = read_cites(tmp_path)
    assert sorted(p.title for p in r.posts) == ["Linear", "RoPE"]
    assert cites == {("Linear", "RoPE")}
    aside = {f.path.rsplit("/", 2)[-2] + "/" + f.path.rsplit("/", 1)[-1]: f.reason
             for f in r.fragments if "page layout" in f.reason}
    assert sorted(aside) == ["_notes/faq.md", "_tabs/about.md"]
    assert aside["_tabs/about.md"].startswith("a page of the site (a document of its tabs")


def test_kramdown_attribute_lists_are_no_text():
    text, links = markdown_to_text([
        "多头注意力把表示拆成子空间。", "{: .prompt-tip }", "",
        '看[这篇](/posts/a/){:target="_blank"}和![图](/a.png){: width="700" data-x="{y}" }',
        "{:note: .box}", "```", "{: kept in code }", "```"], source=True)
    assert text == "多头注意力把表示拆成子空间。\n看这篇和\n{: kept in code }"
    assert [link.url for link in links] == ["/posts/a/"]
