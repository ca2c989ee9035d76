"""Docusaurus and MkDocs (Material's blog plugin) sites, and what an author's Markdown or
MDX source holds that renders as nothing (the zoo's ``docusaurus/`` and ``mkdocs/`` blogs
test the whole path; these test one edge each)."""

from __future__ import annotations

import pytest

from graphkit.errors import InputError
from graphkit.readers import read_paths, read_text
from graphkit.readers.exports import detect
from graphkit.readers.markdown import markdown_to_text
from graphkit.sites import docusaurus_path, js_string_properties, read_site_config


def _write(folder, name, text):
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# ---------------------------------------------------------------- source Markdown, MDX

def test_html_comments_hold_no_text_and_no_link_in_a_source_file():
    lines = ["正文<!-- 旧的[链接](/old) -->继续。", "", "<!--", "[注释里的](/hidden)", "-->",
             "用 `<!--more-->` 分隔摘要，[见此](/p/more)。"]
    text, links = markdown_to_text(lines, source=True)
    assert text == "正文继续。\n用 `<!--more-->` 分隔摘要，见此。"
    assert [x.url for x in links] == ["/p/more"]
    # Markdown converted from a rendered page keeps what the page showed
    _, links = markdown_to_text(lines)
    assert [x.url for x in links] == ["/old", "/hidden", "/p/more"]


def test_raw_html_tags_are_markup_but_math_is_not_a_tag():
    text, links = markdown_to_text(
        ['<div align="center">居中</div> <a href="/p/x">链接</a>', "$a<b$ 与 $c>d$，x < y。"],
        source=True)
    assert text == "居中 链接\n$a<b$ 与 $c>d$，x < y。"
    assert [(x.url, x.anchor) for x in links] == [("/p/x", "链接")]


def test_mdx_imports_exports_and_expression_comments_are_not_text():
    lines = ["import Tabs from '@theme/Tabs';", "import {", "  A,", "} from 'x';", "",
             "这是笔记。", "{/* truncate */}", "", "<Tabs>",
             '  <TabItem value="a" label="公式" attr={1}>缩放点积。</TabItem>', "</Tabs>", "",
             "export const meta = {a: 1};", "", "段落接着", "import 在段中是文字。"]
    text, _ = markdown_to_text(lines, source=True, mdx=True)
    assert text == "这是笔记。\n缩放点积。\n段落接着 import 在段中是文字。"   # (one paragraph)
    # the same lines in a .md file: import lines are prose
    assert "import Tabs" in markdown_to_text(lines, source=True)[0]


def test_admonition_markers_are_markup_their_titles_text():
    text, _ = markdown_to_text([":::tip 提示", "内容", ":::", '!!! note "要点"', "",
                                '??? tip "折叠"', "", "    缩进内容"], source=True)
    assert text == "提示\n内容\n要点\n折叠\n缩进内容"


def test_a_directive_label_is_the_title_without_its_brackets():
    """remark-directive's ``:::name[label]{attributes}`` (Docusaurus 3, Starlight)."""
    text, _ = markdown_to_text([":::note[关于旋转位置编码]{#rope .wide}", "内容", ":::", "",
                                ":::danger[注意]", "小心", ":::", "", "[方括号] 在正文里"],
                               source=True)
    assert text == "关于旋转位置编码\n内容\n注意\n小心\n[方括号] 在正文里"


def test_a_text_file_opening_with_feed_is_not_a_feed():
    # found by the property test of listings: "<feed" then a listing line
    assert detect("<feed\nBy 苏剑林 | 2021-01-10 | 0位读者 | 引用", "a.txt") is None
    assert detect('<feed xmlns="http://www.w3.org/2005/Atom"><entry/></feed>', "a.txt") == "feed"
    assert detect('<rss version="2.0"><channel/></rss>', "a.txt") == "feed"
    assert detect("<?xml version='1.0'?>\n<feed>", "a.txt") == "feed"


# ---------------------------------------------------------------- Docusaurus

DOCUSAURUS_TS = """
import type {Config} from '@docusaurus/types';
// url: 'https://commented.example'
const config: Config = {
  title: 'Notes',
  url: 'https://site.example',
  baseUrl: '/notes/',
  themeConfig: {footer: {links: [{label: 'GitHub', url: 'https://github.com/x'}]}},
  presets: [['classic', {docs: {routeBasePath: '/'}, blog: false}]],
  plugins: [
    ['@docusaurus/plugin-content-blog', {id: 'a', path: './weekly', routeBasePath: 'weekly'}],
    ['@docusaurus/plugin-content-blog', {id: 'b', path: 'news'}],
  ],
};
export default config satisfies Config;
"""


def test_docusaurus_config_is_tokenized_not_run():
    assert read_site_config(DOCUSAURUS_TS, "site/docusaurus.config.ts") == (
        ("generator", "docusaurus"), ("url", "https://site.example/notes"),
        ("blog:weekly", "weekly"), ("blog:news", "blog"), ("title", "Notes"))
    props = js_string_properties("x = {a: 'one', b: 'two' + c, t: `t${x}`, d: {e: \"f\"}}")
    assert [(ctx, k, v) for _, ctx, k, v in props] == [(("",), "a", "one"),
                                                      (("", "d"), "e", "f")]


def test_a_quote_never_closed_ends_with_its_line():
    """(A regular expression's quote, a planted file: the next line is read as before;
    ``'\\`` 50,000 times is in benchmarks/run.py, hostile.)"""
    props = js_string_properties("const q = /'/g;\nmodule.exports = {\n  site: 'https://x'\n}\n")
    assert [(k, v) for _, _, k, v in props] == [("site", "https://x")]
    assert js_string_properties("x = {a: 'one\\'}\ny = {b: 'two'}") == [
        (2, ("",), "b", "two")]


def test_docusaurus_post_paths():
    conf = {"blog:blog": "blog", "blog:news": "/"}
    assert docusaurus_path("blog/2021-08-26-welcome/index.md", None, conf) == "/blog/2021/08/26/welcome"
    assert docusaurus_path("blog/2021/08/26/hello.mdx", None, conf) == "/blog/2021/08/26/hello"
    assert docusaurus_path("blog/notes/plain.md", None, conf) == "/blog/notes/plain"
    assert docusaurus_path("blog/2019-05-28-first.md", "/first-post", conf) == "/blog/first-post"
    assert docusaurus_path("news/a.md", None, conf) == "/a"
    assert docusaurus_path("docs/intro.md", None, conf) is None


# ---------------------------------------------------------------- MkDocs

MKDOCS_YML = """site_name: 笔记
site_url: https://mk.example/sub/
docs_dir: src
markdown_extensions:
  - pymdownx.emoji:
      emoji_index: !!python/name:material.extensions.emoji.twemoji
plugins:
  - search
  - material/blog:
      blog_dir: .
      post_url_format: "{categories}/{slug}"
extra:
  analytics: !ENV [GOOGLE_ANALYTICS_KEY, 'none']
"""


def test_mkdocs_config_with_python_tags_is_read_without_running_them(tmp_path):
    _write(tmp_path, "mkdocs.yml", MKDOCS_YML)
    _write(tmp_path, "src/posts/a.md", "---\ndate:\n  created: 2023-12-31\n  updated: 2024-01-02\n"
                                       "categories: [Hello World]\n---\n# Hello\n\n正文见[另一篇](b.md)。\n")
    _write(tmp_path, "src/posts/b.md", "---\ndate: 2024-01-05\n---\n# Ünïcode Title 中文\n\n正文。\n")
    _write(tmp_path, "src/about.md", "# 关于\n\n关于本站。\n")
    r = read_paths([tmp_path])
    (conf,) = [f for f in r.files if f.path.endswith("mkdocs.yml")]
    assert dict(conf.site)["post_slugify"] == "ascii" and dict(conf.site)["post_dir"] == "posts"
    posts = {p.title: p for p in r.posts}
    assert set(posts) == {"Hello", "Ünïcode Title 中文"}
    assert posts["Hello"].date == "2023-12-31"            # date.created
    assert posts["Hello"].url == "https://mk.example/sub/hello-world/hello/"
    # Python-Markdown's default slugify keeps ASCII only
    assert posts["Ünïcode Title 中文"].url == "https://mk.example/sub/unicode-title/"
    (page,) = [f for f in r.fragments if f.path.endswith("about.md")]
    assert page.reason.startswith("a page of the site, not a post of its blog")


def test_mkdocs_without_a_blog_addresses_every_page(tmp_path):
    _write(tmp_path, "mkdocs.yml", "site_name: x\nsite_url: https://wiki.example/\n")
    _write(tmp_path, "docs/index.md", "# 首页\n\n见[注意力](https://wiki.example/ml/attention/)。\n")
    _write(tmp_path, "docs/ml/attention.md", "# 注意力\n\n正文。\n")
    r = read_paths([tmp_path])
    urls = {p.title: p.url for p in r.posts}
    assert urls == {"首页": "https://wiki.example/", "注意力": "https://wiki.example/ml/attention/"}


def test_a_site_whose_only_pages_are_outside_its_blog_reads_no_post(tmp_path):
    _write(tmp_path, "mkdocs.yml", "site_name: x\nplugins:\n  - blog\n")
    _write(tmp_path, "docs/index.md", "# 首页\n\n欢迎。\n")
    with pytest.raises(InputError, match="outside its site's blog"):
        read_paths([tmp_path])


def test_mdx_post_read_through_the_front_matter_reader():
    layout, (post,), _ = read_text("---\ntitle: 甲\n---\n\nimport X from 'x';\n\n正文<X />。\n",
                                   "blog/a.mdx")
    assert layout == "front-matter" and post.text == "正文。"


# ---------------------------------------------------------------- h-entry pages, Medium

def test_medium_addresses_name_one_post_by_its_id():
    from graphkit.sites import medium_post_id

    for url in ("https://medium.com/@zhang/rope-5555cccc6666?source=x",
                "https://zhang.medium.com/rope-5555cccc6666/", "https://medium.com/p/5555cccc6666",
                "https://medium.com/some-publication/rope-5555cccc6666#part"):
        assert medium_post_id(url) == "5555cccc6666", url
    assert medium_post_id("https://example.com/rope-5555cccc6666") is None
    assert medium_post_id("https://medium.com/@zhang") is None


def test_an_h_entry_page_is_read_by_its_microformats():
    page = ("<html><body><nav><a href='/'>首页</a></nav><div class='h-entry'>"
            "<h2 class='p-name'>微格式的文章</h2><a class='u-url' href='https://indie.example/p/1/'>#</a>"
            "<time class='dt-published' datetime='2022-02-03T10:00:00+08:00'>二月</time>"
            "<a class='p-category' href='/t/x'>标签甲</a>"
            "<div class='e-content'><p>正文见<a href='/p/0/'>前文</a>。</p></div>"
            "<footer class='h-card'><span class='p-name'>作者</span></footer></div></body></html>")
    layout, (post,), _ = read_text(page, "site/p/1/index.html")
    assert (post.title, post.date, post.url, post.tags, post.text) == (
        "微格式的文章", "2022-02-03", "https://indie.example/p/1/", ("标签甲",), "正文见前文。")
    profile = ("<html><body><article class='h-card'><h1 class='p-name'>作者</h1>"
               "<p>简介</p></article></body></html>")
    _, posts, frags = read_text(profile, "profile/profile.html")
    assert posts == [] and frags[0].reason.startswith("a profile page")


# ---------------------------------------------------------------- Contentlayer (Next.js)

_POST = "---\ntitle: {title}\n{field}: 2020-03-04\n---\n\n{body}\n"


def test_contentlayer_documents_of_a_dated_type_are_posts(tmp_path):
    """Contentlayer's documents are under ``contentDirPath``; a dated type's are posts
    (its date field named as the author likes), an undated type's are not, and a post is
    at its flattened path (an ``index`` file at its folder's)."""
    _write(tmp_path, "contentlayer.config.js", """
        import { defineDocumentType, makeSource } from 'contentlayer/source-files'
        export const Post = defineDocumentType(() => ({
          name: "Post", filePathPattern: `./posts/**/*.mdx`, contentType: "mdx",
          fields: { title: { type: "string", required: true },
                    publishedAt: { type: "date", required: true } },
        }))
        const Page = defineDocumentType(() => ({ name: 'Page', filePathPattern: 'pages/*.md',
          fields: { title: { type: 'string' } } }))
        export default makeSource({ contentDirPath: './content', documentTypes: [Post, Page] })
        """)
    _write(tmp_path, "content/posts/a/index.mdx", _POST.format(
        title="甲", field="publishedAt", body="见[乙](/posts/b)。"))
    _write(tmp_path, "content/posts/b.mdx", _POST.format(
        title="乙", field="publishedAt", body="见[关于](/about)。"))
    _write(tmp_path, "content/pages/about.md", _POST.format(
        title="关于", field="date", body="本站的[甲](/posts/a)。"))
    _write(tmp_path, "content/drafts/c.mdx", _POST.format(title="丙", field="date", body="丙"))
    _write(tmp_path, "notes/todo.md", _POST.format(title="待办", field="date", body="写甲"))
    _write(tmp_path, "data/siteMetadata.js", "module.exports = { siteUrl: 'https://x.example' }")
    r = read_paths([tmp_path])
    assert sorted((p.title, p.url) for p in r.posts) == [
        ("乙", "https://x.example/posts/b"), ("甲", "https://x.example/posts/a")]
    why = {f.path.split("/", 1)[1]: f.reason for f in r.fragments
           if "Contentlayer" in f.reason}
    assert why == {
        "content/pages/about.md": "a Contentlayer document of type Page (no date field: "
                                  "not a post)",
        "content/drafts/c.mdx": "no Contentlayer document type's filePathPattern names "
                                "this file: not a post",
        "notes/todo.md": "outside the Contentlayer site's documents (content/, its "
                         "contentDirPath), not a post"}


def test_contentlayer_without_a_dated_type_sets_no_document_aside(tmp_path):
    """A documentation site's types have no date: its documents are all read."""
    _write(tmp_path, "contentlayer.config.ts", "defineDocumentType(() => ({ name: 'Doc', "
           "filePathPattern: `docs/**/*.mdx`, fields: { title: { type: 'string' } } }))\n"
           "makeSource({ contentDirPath: 'content', documentTypes: [Doc] })\n")
    _write(tmp_path, "content/docs/a.mdx", _POST.format(title="甲", field="date", body="甲"))
    _write(tmp_path, "content/guide.mdx", _POST.format(title="乙", field="date", body="乙"))
    assert sorted(p.title for p in read_paths([tmp_path]).posts) == ["乙", "甲"]


def test_the_starter_blogs_site_metadata_is_its_configuration(tmp_path):
    """``data/siteMetadata.js`` (the Tailwind Next.js Starter Blog) gives the site's
    address and name; elsewhere a file of that name is code."""
    text = ("const siteMetadata = {\n  title: '小林的博客',\n  siteUrl: "
            "'https://xiaolin.example',\n  analytics: { umamiAnalytics: { src: 'x' } },\n}\n"
            "module.exports = siteMetadata\n")
    assert read_site_config(text, "blog/data/siteMetadata.js") == (
        ("generator", "contentlayer"), ("url", "https://xiaolin.example"),
        ("title", "小林的博客"))
    assert read_text(text, "blog/src/siteMetadata.js")[0] == "code"
