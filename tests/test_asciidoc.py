"""AsciiDoc posts (graphkit/readers/asciidoc.py): Hugo's, jekyll-asciidoc's and plain
Asciidoctor documents. The whole blog is tests/fixtures/zoo/asciidoc/."""

from __future__ import annotations

import time

from hypothesis import given, settings, strategies as st

from graphkit.options import BuildOptions
from graphkit.pipeline import relate
from graphkit.readers import read_paths
from graphkit.readers.asciidoc import MAX_ATTRIBUTE_CHARS, read_asciidoc


def _read(text: str, path: str = "posts/a.adoc"):
    return read_asciidoc(text.split("\n"), path)


def test_the_document_header_gives_title_date_and_tags():
    """No front matter: ``= Title``, the author line, the revision line's date, and
    attributes with a generator's prefix (jekyll-asciidoc's ``page-``)."""
    (post,), frags = _read("// a comment first\n= 线性注意力\n小林 <x@example.org>\n"
                           "v1.2, 2021-02-01: 改了推导\n:page-tags: 注意力, 线性\n:toc:\n\n"
                           "正文第一段，\n接着写。\n")
    assert (post.title, post.date, post.tags) == ("线性注意力", "2021-02-01", ("注意力", "线性"))
    assert post.text == "正文第一段，接着写。" and frags == []


def test_revdate_and_front_matter_order():
    """Front matter first; the header's attributes fill only what it leaves out."""
    (post,), _ = _read("---\ntitle: 甲\n---\n= 乙\n:revdate: 2020-03-04\n:tags: [a, b]\n\n正文。")
    assert (post.title, post.date, post.tags) == ("甲", "2020-03-04", ("a", "b"))


def test_verbatim_blocks_comments_and_literal_paragraphs_hold_no_links():
    text = ("见 https://x.example/a[甲]。\n\n"
            "----\nhttps://x.example/listing\n----\n\n"
            "....\nhttps://x.example/literal\n....\n\n"
            "////\nhttps://x.example/comment-block\n////\n\n"
            "// https://x.example/comment-line\n\n"
            "```python\nurl = 'https://x.example/fenced'\n```\n\n"
            "++++\n<a href=\"https://x.example/raw\">raw</a>\n++++\n\n"
            "  https://x.example/indented\n\n"
            "用 +https://x.example/passthrough+ 和 pass:[https://x.example/pass] 举例。\n\n"
            "====\n示例里的 https://x.example/example[乙]\n====\n")
    (post,), _ = _read(text)
    assert [link.url for link in post.links] == ["https://x.example/a",
                                                 "https://x.example/example"]
    assert "https://x.example/passthrough" in post.text and "listing" not in post.text


def test_cross_references_name_documents_not_ids():
    (post,), _ = _read("见 xref:b.adoc[乙]、xref:b.adoc#sec[乙的一节]、<<c.adoc#,丙>>、<<d#x,丁>>、"
                       "xref:guide:e.adoc[戊]、<<sec>>、<<sec,本节>> 与 xref:sec[本节]。")
    assert [(link.url, link.anchor) for link in post.links] == [
        ("site-ref:b.adoc", "乙"), ("site-ref:b.adoc", "乙的一节"), ("site-ref:c.adoc", "丙"),
        ("site-ref:d", "丁"), ("site-ref:e.adoc", "戊")]
    assert post.text == "见 乙、乙的一节、丙、丁、戊、sec、本节 与 本节。"


def test_link_texts_lose_their_attributes():
    (post,), _ = _read('见 https://x.example/a[甲^] 与 link:/b/["乙, 丙",window=_blank] 与 '
                       'link:++/c d/++[丁, 戊] 与 https://x.example/e[]。')
    assert [(link.url, link.anchor) for link in post.links] == [
        ("https://x.example/a", "甲"), ("/b/", "乙, 丙"), ("/c d/", "丁, 戊"),
        ("https://x.example/e", "https://x.example/e")]


def test_attribute_references_are_replaced_before_links_are_read():
    """An attribute may hold an address or a whole link macro; ``\\{x}`` stays text."""
    (post,), _ = _read(":base: https://x.example\n:ref-b: {base}/b/[乙]\n\n"
                       "见 {base}/a/[甲] 与 {ref-b}，写作 \\{base}，{unknown} 不变。")
    assert [(link.url, link.anchor) for link in post.links] == [
        ("https://x.example/a/", "甲"), ("https://x.example/b/", "乙")]
    assert post.text.endswith("写作 {base}，{unknown} 不变。")


def test_an_attribute_bomb_is_bounded_and_reported():
    """Each attribute referring ten times to the one before it would multiply the text
    tenfold per line; values past the limit are not defined, and the post still reads."""
    lines = [":a0: xxxxxxxxxx"] + [f":a{i}: " + f"{{a{i - 1}}}" * 10 for i in range(1, 12)]
    start = time.perf_counter()
    (post,), frags = _read("\n".join(lines) + "\n\n{a11} 见 https://x.example/a[甲]。")
    assert time.perf_counter() - start < 1
    assert len(post.text) < 10 * MAX_ATTRIBUTE_CHARS and post.links[0].anchor == "甲"
    assert [f.line for f in frags] == [4, 8, 12]            # (a3, a7 and a11: not defined)
    assert all("longer than" in f.reason for f in frags)
    (post,), (frag,) = _read(":big: " + "x" * 4000 + "\n\n" + "{big}" * 6)
    assert post.text.count("x") == 16000 and post.text.endswith("{big}{big}")
    assert (frag.line, "more than 16384 characters" in frag.reason) == (3, True)


def test_an_unclosed_listing_block_is_reported_with_its_line():
    (post,), (frag,) = _read("正文。\n\n[source,sh]\n----\ncurl https://x.example/a\n")
    assert (frag.line, post.text, post.links) == (4, "正文。", ())
    assert "never closed" in frag.reason


def test_lists_tables_sections_and_admonitions_are_text():
    (post,), _ = _read("== 第一节\n\n* 一项 https://x.example/a[甲]\n* 二项\n\nCPU:: 中央处理器\n\n"
                       "|===\n|方法 |长度\n\na|旋转 |4096\n|===\n\nNOTE: 注意这里。\n\n.图题\n"
                       "image::fig.png[图]\n\n'''\n")
    assert post.text.split("\n") == ["第一节", "一项 甲", "二项", "CPU 中央处理器", "方法 长度",
                                     "旋转 4096", "注意这里。", "图题"]


def test_a_draft_by_attribute_is_reported():
    """jekyll-asciidoc's ``:page-published: false`` and Hugo's ``draft: true``."""
    ([], (frag,)) = _read("= 草稿\n:page-published: false\n\n见 xref:b.adoc[乙]。")
    assert "not published" in frag.reason


def test_a_hugo_ref_shortcode_inside_a_link_macro():
    (post,), _ = _read('见 link:{{< ref "posts/b.adoc" >}}[乙] 与 link:{{< relref "c" >}}#x[丙]。')
    assert [link.url for link in post.links] == ["site-ref:posts/b.adoc", "site-ref:c#x"]


def test_a_jekyll_asciidoc_blog(tmp_path):
    """``_posts/DATE-SLUG.adoc`` under Jekyll's permalink, linked by the built address
    and by a cross reference; a README.adoc without front matter is no post."""
    (tmp_path / "_config.yml").write_text("url: https://j.example\npermalink: /:year/:title/\n"
                                          "plugins: [jekyll-asciidoc]\n", encoding="utf-8")
    (tmp_path / "README.adoc").write_text("= 我的博客\n\n源码见 https://j.example/2020/b/[乙]。\n",
                                          encoding="utf-8")
    posts = tmp_path / "_posts"
    posts.mkdir()
    (posts / "2020-03-04-a.adoc").write_text(
        "= 甲\n:page-tags: x\n\n见 https://j.example/2020/b/[乙]。\n", encoding="utf-8")
    (posts / "2020-05-06-b.adoc").write_text(
        "---\nlayout: post\n---\n= 乙\n\n承接 <<2020-03-04-a.adoc#,甲>>。\n", encoding="utf-8")
    r = read_paths([tmp_path])
    assert sorted((p.title, p.url, p.date) for p in r.posts) == [
        ("乙", "https://j.example/2020/b/", "2020-05-06"),
        ("甲", "https://j.example/2020/a/", "2020-03-04")]
    edges, _, _ = relate(r.posts, options=BuildOptions(layers=("cites",)))
    title = {p.key: p.title for p in r.posts}
    assert sorted((title[e.source], title[e.target]) for e in edges) == [("乙", "甲"),
                                                                         ("甲", "乙")]
    assert any(f.path.endswith("README.adoc") and "README" in f.reason for f in r.fragments)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(alphabet="ab=:*_`#+-./<>[]{}|\\ \t,x甲https", max_size=40),
                max_size=30))
def test_any_text_reads_without_error_and_links_sit_in_their_sentence(lines):
    posts, frags = read_asciidoc(lines, "p.adoc")
    for post in posts:
        assert all(link.anchor in link.sentence for link in post.links if link.anchor.strip())
    assert all(1 <= f.line <= max(len(lines), 1) for f in frags)
