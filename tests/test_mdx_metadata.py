"""MDX posts that say their title and date in JavaScript (``export const metadata``,
Next.js' Metadata API; ``export const meta``), and the ``publishedAt`` of Next.js'
portfolio starter kit. The export is read, never run: literals only."""
import pytest

from conftest import by_title, read_cites, write_file
from graphkit.readers.frontmatter import mdx_metadata
from graphkit.sites import exported_metadata


def test_literal_values_are_read_and_expressions_left_out():
    text = ("import type { Metadata } from 'next'\n\n"
            "export const metadata: Metadata = {\n"
            "  title: { absolute: \"Rotary embeddings\", template: `%s | Blog` },\n"
            "  description: 'phase ' + suffix,   // an expression: no literal\n"
            "  keywords: ['rope', \"position\", tag],\n"
            "  ...shared,\n"
            "  openGraph: { publishedTime: '2021-03-23T10:00:00Z', authors: ['Su'] },\n"
            "  image: cover,\n"
            "}\n\n# Rotary embeddings\n")
    assert exported_metadata(text) == {
        "title": {"absolute": "Rotary embeddings", "template": "%s | Blog"},
        "keywords": ["rope", "position"],
        "openGraph": {"publishedTime": "2021-03-23T10:00:00Z", "authors": ["Su"]}}
    assert mdx_metadata(text) == {"keywords": ["rope", "position"], "title": "Rotary embeddings",
                                  "date": "2021-03-23T10:00:00Z"}


@pytest.mark.parametrize("text", [
    "export const metadata = {",                       # never closed
    "export const meta = " + "{a: " * 50_000,          # nested past any depth
    "export const meta = {" + "'\\" * 30_000,          # quotes never closed
    "export const meta = {title: `a ${b}`}",           # a template with a value in it
    "export default {title: 'a layout, not metadata'}",
    "Text first.\nexport const meta = {title: 'not at a paragraph start'}",
])
def test_broken_or_other_exports_give_no_title(text):
    assert "title" not in mdx_metadata(text)


def test_a_post_titled_and_dated_only_by_its_export_is_cited_by_that_title(tmp_path):
    write_file(tmp_path, "app/blog/rope/page.mdx",
               "export const metadata = {\n  title: '旋转位置编码的直观理解',\n"
               "  openGraph: { publishedTime: '2021-03-23' },\n  keywords: ['位置编码'],\n}\n\n"
               "旋转位置编码把位置写进了相位里。\n")
    write_file(tmp_path, "app/blog/linear/page.mdx",
               "export const meta = {\n  title: '线性注意力的简单推导',\n"
               "  date: new Date('2020-07-04'),\n}\n\n推导之后，见《旋转位置编码的直观理解》。\n")
    write_file(tmp_path, "app/blog/idea/page.mdx",
               "---\ntitle: 一个想法\ndate: 2019-01-02\n---\n"
               "export const metadata = { title: '被前言覆盖', openGraph: { publishedTime: "
               "'2030-01-01' } }\n\n想法见[推导](/blog/linear)。\n")
    r, cites = read_cites(tmp_path)
    rope = by_title(r.posts, "旋转位置编码的直观理解")
    assert rope.date == "2021-03-23" and "位置编码" in rope.tags
    assert by_title(r.posts, "线性注意力的简单推导").date == "2020-07-04"
    assert by_title(r.posts, "一个想法").date == "2019-01-02"       # front matter comes first
    assert cites == {("线性注意力的简单推导", "旋转位置编码的直观理解"),
                     ("一个想法", "线性注意力的简单推导")}


def test_an_export_in_plain_markdown_is_text_not_metadata(tmp_path):
    write_file(tmp_path, "notes/js.md", "# Exports in JavaScript\n\n"
               "export const meta = {title: 'shown as written'}\n")
    r, _ = read_cites(tmp_path)
    assert [p.title for p in r.posts] == ["Exports in JavaScript"]


def test_published_at_dates_a_post(tmp_path):
    write_file(tmp_path, "app/blog/posts/vim.mdx",
               "---\ntitle: 'Vim'\npublishedAt: '2024-04-09'\nsummary: 'Why vim'\n---\n\nText.\n")
    r, _ = read_cites(tmp_path)
    assert by_title(r.posts, "Vim").date == "2024-04-09"


def test_link_components_are_links(tmp_path):
    """MDX's and Vue's link components (Next.js' and Gatsby's ``<Link>``, Docusaurus'
    ``to``, ``<RouterLink>`` in VitePress), JSX string expressions as values
    (``href={"/x/"}``), a tag Prettier broke across lines and a link element standing as
    a block; in plain Markdown of a rendered page the same tag is shown text."""
    for name, title in (("b", "乙文"), ("c", "丙文"), ("d", "丁文"), ("e", "戊文"),
                        ("f", "己文"), ("g", "庚文")):
        write_file(tmp_path, f"src/content/blog/{name}.md",
                   f"---\ntitle: {title}\ndate: 2021-01-02\n---\n\n正文。\n")
    write_file(tmp_path, "src/content/blog/a.mdx", (
        "---\ntitle: 甲文\ndate: 2021-01-01\n---\n"
        "import Link from 'next/link'\n\n"
        "见<Link href=\"/blog/b\">乙的<em>全文</em></Link>和<Link to='/blog/c/'>丙</Link>，"
        "还有<a href={\"/blog/d/\"}>丁</a>与<RouterLink to={`/blog/g`}>庚</RouterLink>。\n\n"
        "<Link\n  className=\"card\"\n  href=\"/blog/e\"\n>戊</Link>\n\n"
        "<NextLink href=\"/blog/f\">\n  己文的卡片\n</NextLink>\n\n"
        "<Link href={`/blog/${slug}`}>模板</Link>，"
        "<Link data-to=\"/blog/b\">不是地址</Link>\n\n"
        "if a <b\n# 一个标题\n"))
    r, cites = read_cites(tmp_path)
    assert cites == {("甲文", t) for t in ("乙文", "丙文", "丁文", "戊文", "己文", "庚文")}
    a = by_title(r.posts, "甲文")
    assert a.text.splitlines() == ["见乙的全文和丙，还有丁与庚。", "戊", "己文的卡片",
                                   "模板，不是地址", "if a <b", "一个标题"]
    assert [link.anchor for link in a.links] == ["乙的全文", "丙", "丁", "庚", "戊",
                                                 "己文的卡片"]
    from graphkit.readers.markdown import markdown_to_text

    shown = markdown_to_text(['Write <Link href="/blog/b">b</Link> in JSX.'])
    assert shown == ('Write <Link href="/blog/b">b</Link> in JSX.', [])
