"""Saved pages of blog themes. Text an editor writes outside paragraphs, inside a page's
post element: Blogger's compose editor (``text<br />``, a ``<div>`` per line;
tests/fixtures/zoo/blogspot/), some Chinese editors, hand-written pages. Prose there is
the post's; the short lines a theme puts there (author, date, read count, tag links,
previous and next post) are not, and are listed in the parse report. Blogger's country
domains; list pages made of entries (``<article>``, h-entry, hentry, BlogPosting) told
from a post followed by comments and cards of other posts (a WordPress block theme,
tests/fixtures/zoo/wordpress-blocks/).
"""

from __future__ import annotations

import pytest
from conftest import FIXTURES
from selectolax.lexbor import LexborHTMLParser

from graphkit.options import BuildOptions
from graphkit.pipeline import relate
from graphkit.readers import read_paths
from graphkit.readers.html import content_element, page_paragraphs, post_entries, read_html
from graphkit.sites import normalize_url, site_host, url_host

BLOGSPOT = FIXTURES / "zoo" / "blogspot"
BLOCKS = FIXTURES / "zoo" / "wordpress-blocks"
BUTTERFLY = FIXTURES / "zoo" / "hexo-butterfly"
ROPE = "旋转位置编码的直观理解"


def _page(body: str) -> str:
    return f"<html><head><title>T</title></head><body>{body}</body></html>"


@pytest.fixture(scope="module")
def blogspot():
    return read_paths([BLOGSPOT])


def test_prose_between_blocks_is_read_with_its_links():
    """An ``<article>`` whose author wrote a heading and a quotation as blocks and the rest
    as lines: the lines' links are citations with their sentences, in document order."""
    page = _page('<article><h1>标题</h1><div class="meta">小林 · 2019-01-02 18:45 阅读 329</div>'
                 '第一段写在块外，详见<a href="/a/">前一篇</a>。<br /><h2>小结</h2>'
                 '<div>See <a href="/b/">my notes</a> on RoPE.</div>'
                 '<blockquote>引用的一句话。</blockquote>'
                 '<div>标签：<a href="/tags/ml/">ml</a>, <a href="/tags/nlp/">nlp</a></div>'
                 '<div>上一篇：<a href="/c/">另一篇文章的标题很长很长</a></div></article>')
    (post,), frags = read_html(page, "x.html")
    assert post.text.split("\n") == ["第一段写在块外，详见前一篇。", "小结", "See my notes on RoPE.",
                                     "引用的一句话。"]
    assert [(x.url, x.sentence) for x in post.links] == [
        ("/a/", "第一段写在块外，详见前一篇。"), ("/b/", "See my notes on RoPE.")]
    (report,) = [f for f in frags if "without sentences" in f.reason]
    assert report.reason.startswith("3 runs") and "阅读 329" in report.text
    assert "上一篇" in report.text and "标签" in report.text


@pytest.mark.parametrize("line, prose", [
    ("发布于 2019-01-02 18:45・IP 属地北京", False),       # a theme's date line
    ("June 1, 2021", False),                               # a comma, but no sentence
    ("Posted by Alice at 8:30 PM", False),
    ("这里还记了一个想法，以后再展开", True),              # a comma of Chinese prose
    ("Version 1.2 of the code", False),                    # a dot inside a number
    ("This is the whole of a short paragraph without a final stop", True),   # 25+ letters
    ("Read it.", True)])
def test_what_counts_as_prose(line, prose):
    body = LexborHTMLParser(_page(f"<article><p>正文。</p><div>{line}</div></article>"))
    paragraphs, _, unread = page_paragraphs(body.css_first("article"))
    assert (line in paragraphs, line in unread) == (prose, not prose)


def test_an_element_of_loose_lines_only_is_still_read():
    """An element with no blocks and no sentence (a one-line post) keeps its text."""
    (post,), _ = read_html(_page("<article>Hello world</article>"), "x.html")
    assert post.text == "Hello world"


def test_a_blogger_blog_saved_by_a_browser(blogspot):
    """Every post is read with the text its editor wrote outside ``<p>`` (``text<br />``
    around a heading, ``<div>`` lines around a quotation), so its links are citations;
    the author, date and label lines are not text."""
    rope = next(p for p in blogspot.posts if p.title == ROPE)
    assert [x.anchor for x in rope.links] == ["线性注意力的推导", "一个想法", "代码仓库"]
    assert rope.text.split("\n")[:2] == [
        "旋转位置编码把位置信息写进了向量的相位里，推导见线性注意力的推导。", "补充"]
    assert "Posted by" not in rope.text and "Labels" not in rope.text
    assert rope.date == "2020-03-04" and rope.tags == ("Transformer", "位置编码")
    idea = next(p for p in blogspot.posts if p.title == "随手记下的一个想法")
    assert idea.date == "2021-09-10"           # 00:30 at +08:00: the day it shows


def test_blogger_titles_without_open_graph(blogspot):
    """Half the pages have no ``og:title``: the ``<title>`` is ``Blog: Post`` and the
    header's ``<h1>`` (the blog's name, linking its home) is not the post's title."""
    no_og = [f for f in BLOGSPOT.glob("小林的笔记_ *.html") if "og:title" not in f.read_text()]
    assert len(no_og) == 3
    titles = {p.title for p in blogspot.posts}
    assert "小林的笔记" not in titles and len(titles) == 6


def test_the_home_page_of_whole_posts_is_a_list(blogspot):
    """Blogger's home page shows whole posts, each a ``div.post.hentry``: a list page (by
    its address, the site's root, and by its entries alone)."""
    (f,) = [f for f in blogspot.fragments if f.path.endswith("/小林的笔记.html")]
    assert "a list page" in f.reason and "the site's home page" in f.reason
    tree = LexborHTMLParser((BLOGSPOT / "小林的笔记.html").read_text(encoding="utf-8"))
    assert post_entries(tree, content_element(tree)[0])[0] == (
        "3 post entries (<article>, h-entry, hentry, BlogPosting) summaries")


def test_two_microformats_entries_make_a_list_and_a_nested_one_does_not():
    entry = '<div class="hentry"><h2 class="entry-title">第{0}篇</h2><p>正文很长，是第{0}篇。</p>{1}</div>'
    posts, frags = read_html(_page(entry.format(1, "") + entry.format(2, "")), "i.html")
    assert posts == [] and any("2 post entries" in f.reason for f in frags)
    nested = entry.format(1, '<div class="h-entry"><p>评论：写得好。</p></div>')
    (post,), _ = read_html(_page(nested), "p.html")
    assert "第1篇" in post.text


@pytest.mark.parametrize("host, own", [
    ("xiaolin.blogspot.tw", "xiaolin.blogspot.com"),
    ("XiaoLin.Blogspot.com.au", "xiaolin.blogspot.com"),
    ("www.xiaolin.blogspot.jp", "xiaolin.blogspot.com"),
    ("xiaolin.blogspot.com", "xiaolin.blogspot.com"),
    ("blog.example.tw", "blog.example.tw"),                 # only Blogger's domains
    ("blogspot.tw", "blogspot.tw")])
def test_a_blogger_country_domain_is_the_blogs_own(host, own):
    assert site_host(host) == own
    assert url_host(f"http://{host}/2021/09/blog-post.html?m=1") == own
    assert normalize_url(f"http://{host}/2021/09/blog-post.html") == f"{own}/2021/09/blog-post"


def test_the_link_by_a_country_domain_and_the_shared_slugs(blogspot):
    """Four posts are ``/YYYY/MM/blog-post.html`` (Blogger's address for a Chinese title):
    a link resolves by its year and month, and one copied from ``.blogspot.tw``
    resolves too."""
    edges, _, _ = relate(blogspot.posts, options=BuildOptions(layers=("cites",)))
    title = {p.key: p.title for p in blogspot.posts}
    cited = {(title[e.source], title.get(e.target)) for e in edges}
    assert (ROPE, "随手记下的一个想法") in cited
    assert (ROPE, "线性注意力的简单推导") in cited and ("线性注意力的简单推导", ROPE) in cited


def test_comments_and_related_posts_drawn_as_articles_leave_a_post_a_post():
    """WordPress themes (Twenty Twenty-One and after) draw each comment as an
    ``<article>`` after the post's, and themes draw related posts as ``<article>``
    cards: entries inside the comments, related posts or an ``<aside>`` are no
    summaries of a list page."""
    comment = ('<li class="comment"><article class="comment-body"><div class="comment-content">'
               '<p>写得好，见 <a href="/x/">x</a>。</p></div></article></li>')
    card = '<article class="post-card"><h3><a href="/y/">另一篇</a></h3><p>摘要。</p></article>'
    page = _page('<main><article class="post hentry"><h1 class="entry-title">正文标题</h1>'
                 '<div class="entry-content"><p>正文，见 <a href="/a/">前一篇</a>。</p></div>'
                 f'</article><div id="comments" class="comments-area"><ol class="comment-list">'
                 f'{comment * 2}</ol></div><section class="related-posts">{card * 2}</section>'
                 f'<aside>{card * 2}</aside></main>')
    (post,), _ = read_html(page, "p.html")
    assert post.title == "正文标题" and [x.url for x in post.links] == ["/a/"]
    posts, frags = read_html(page.replace("comment", "entry"), "p.html")   # no comments now
    assert posts == [] and any("3 <article> summaries" in f.reason for f in frags)


def test_more_posts_after_a_post_in_a_block_theme_leave_it_a_post():
    """WordPress block themes (Twenty Twenty-Five) end a post's page with a "More posts"
    query loop whose items are ``li.hentry``: inside ``<main>``, after more text of the
    post than the items hold, they are cards, not a list's summaries; ``<main>`` holding
    the items alone is the home page."""
    items = "".join(f'<li class="wp-block-post post-{i} post type-post hentry"><h3>'
                    f'<a href="/p{i}/">第{i}篇</a></h3><div class="wp-block-post-date">'
                    f'<time datetime="2024-01-0{i}">2024-01-0{i}</time></div></li>'
                    for i in range(1, 5))
    loop = f'<div class="wp-block-query"><h2>More posts</h2><ul>{items}</ul></div>'
    text = "<p>正文第一段，讲位置编码，见 <a href='/a/'>前一篇</a>。</p><p>第二段。</p>"
    page = _page(f'<main><h1 class="wp-block-post-title">正文标题</h1>'
                 f'<div class="entry-content wp-block-post-content">{text}</div>{loop}</main>')
    (post,), frags = read_html(page, "p.html")
    assert post.title == "正文标题" and [x.url for x in post.links] == ["/a/"]
    assert "第1篇" not in post.text and post.date is None     # (the cards' dates neither)
    assert any("4 entries of other posts" in f.reason for f in frags)
    posts, frags = read_html(_page(f"<main>{loop}</main>"), "index.html")
    assert posts == [] and any("4 post entries" in f.reason for f in frags)


@pytest.fixture(scope="module")
def blocks():
    return read_paths([BLOCKS])


def test_a_block_themes_post_page(blocks):
    """Twenty Twenty-Five: no ``<article>``; ``<main>`` holds the post, its date, author
    and category line, previous and next links, the comments and four "更多文章" cards:
    the post's text and links are its own, its date is its own."""
    rope = next(p for p in blocks.posts if p.title == ROPE)
    assert [x.anchor for x in rope.links] == ["线性注意力的推导", "一个想法", "代码仓库"]
    assert rope.date == "2020-03-04" and "更多文章" not in rope.text.split("\n")[:4]
    assert "写得很好" not in rope.text and "随手记下的一个想法" not in rope.text
    (f,) = [f for f in blocks.fragments if ROPE in f.path and "entries of other posts" in f.reason]
    assert f.reason.startswith("inside the post's element, after its content: 4 entries")
    assert any(f.path.endswith("/小林的笔记.html") and "a list page" in f.reason
               for f in blocks.fragments)
    tree = LexborHTMLParser((BLOCKS / "小林的笔记.html").read_text(encoding="utf-8"))
    assert post_entries(tree, tree.css_first("main")) == (
        "6 post entries (<article>, h-entry, hentry, BlogPosting) summaries", [])


def test_addresses_percent_encoded_or_not_and_by_post_number(blocks):
    """WordPress writes a Chinese slug percent-encoded in its own addresses; the author
    pasted one link with the slug in Chinese, and one by ``?p=ID``, which only the
    ``postid-ID`` class of the linked page's ``<body>`` names (it has no shortlink)."""
    rope = next(p for p in blocks.posts if p.title == ROPE)
    idea = next(p for p in blocks.posts if p.title == "随手记下的一个想法")
    assert "%e7%ba%bf" in next(p.url for p in blocks.posts if p.title.startswith("线性"))
    assert rope.links[0].url.endswith("/线性注意力/") and "p=24" in idea.aliases
    edges, _, _ = relate(blocks.posts, options=BuildOptions(layers=("cites",)))
    title = {p.key: p.title for p in blocks.posts}
    cited = {title.get(e.target) for e in edges if e.source == rope.key}
    assert cited == {"线性注意力的简单推导", "随手记下的一个想法"}


def test_a_page_whose_address_is_the_sites_root_is_its_home_page():
    """Hexo's Butterfly draws its home page's summaries as ``div.recent-post-item`` in a
    ``<main>`` that holds the sidebar too: its canonical address, the site's root
    (``/index.html``), says it is the home page. ``/?p=12`` is a post's address."""
    r = read_paths([BUTTERFLY])
    (f,) = [f for f in r.fragments if f.path.endswith("/小林的笔记.html") and "list" in f.reason]
    assert "the site's home page (https://xiaolin.github.io/index.html)" in f.reason
    assert len(r.posts) == 6
    post = _page('<main><p>正文。</p></main>').replace(
        "<title>", '<link rel="canonical" href="https://blog.example/?p=12"><title>')
    (p,), _ = read_html(post, "x.html")
    assert p.url == "https://blog.example/?p=12"


def test_a_code_comment_is_no_comment_section():
    """Syntax highlighting marks a code comment ``<span class="comment">``: it stays in
    the post's text; a ``<div class="comments">`` after the text does not."""
    (rope,) = [p for p in read_paths([BUTTERFLY]).posts if p.title == ROPE]
    assert "q = rotate(q, pos) # see /2021/09/10/idea/" in rope.text.split("\n")
    assert "读者甲" not in rope.text and "写得很好" not in [x.sentence for x in rope.links]


# one block of code as five highlighters number it: Hexo's table, Rouge's (Jekyll),
# Pygments inline (Pelican, MkDocs), Chroma inline (Hugo), VitePress' wrapper
_NUMBERED = {
    "hexo": '<figure class="highlight py"><table><tr><td class="gutter"><pre><span class="line">'
            '1</span><br><span class="line">2</span><br></pre></td><td class="code"><pre>'
            '<span class="line">x = f(1)</span><br><span class="line">y = g(x)</span><br>'
            '</pre></td></tr></table></figure>',
    "rouge": '<div class="highlight"><table class="rouge-table"><tbody><tr><td class="rouge-'
             'gutter gl"><pre class="lineno">1\n2\n</pre></td><td class="rouge-code"><pre>'
             'x = f(1)\ny = g(x)\n</pre></td></tr></tbody></table></div>',
    "pygments": '<div class="highlight"><pre><span></span><span class="linenos">1</span>'
                'x = f(1)\n<span class="linenos">2</span>y = g(x)\n</pre></div>',
    "chroma": '<div class="highlight"><pre class="chroma"><code><span class="line"><span '
              'class="ln">1</span><span class="cl">x = f(1)\n</span></span><span class="line">'
              '<span class="ln">2</span><span class="cl">y = g(x)\n</span></span></code></pre>'
              '</div>',
    "vitepress": '<div class="language-py"><pre><code><span class="line">x = f(1)</span>\n'
                 '<span class="line">y = g(x)</span></code></pre><div class="line-numbers-'
                 'wrapper"><span class="line-number">1</span><br><span class="line-number">2'
                 '</span><br></div></div>',
}


@pytest.mark.parametrize("highlighter", sorted(_NUMBERED))
def test_the_line_numbers_beside_code_are_not_text(highlighter):
    """Each highlighter's gutter is removed, reported, and the code is left whole: no
    ``1x = f(1)``, no paragraph of digits."""
    body = f"<article><p>正文的第一段，后面是一段代码。</p>{_NUMBERED[highlighter]}</article>"
    (post,), frags = read_html(_page(body), "x.html")
    code = [line.strip() for line in post.text.split("\n")[1:]]
    assert " ".join(code).split() == "x = f(1) y = g(x)".split()
    assert any("line numbers beside the code" in f.reason for f in frags)


def test_an_element_named_like_a_gutter_that_holds_words_is_kept():
    """Only digits and white space are line numbers: a theme's ``div.gutter`` holding a
    sentence, or a ``span.ln`` in prose, stays text."""
    body = ('<article><p>第一段。</p><div class="gutter"><p>页边的注释也是作者写的。</p></div>'
            '<p>公式 <span class="ln">ln 2</span> 约为 0.69。</p></article>')
    (post,), frags = read_html(_page(body), "x.html")
    assert "页边的注释也是作者写的。" in post.text and "ln 2" in post.text
    assert not any("line numbers" in f.reason for f in frags)


def test_a_hexo_pages_code_has_no_gutter():
    """The Butterfly theme's page numbers its one-line block: the number is not a line."""
    (rope,) = [p for p in read_paths([BUTTERFLY]).posts if p.title == ROPE]
    assert "1" not in rope.text.split("\n")


TYPECHO = FIXTURES / "zoo" / "typecho"


def _posting(props: str, *, items: int = 1) -> str:
    one = ('<article itemscope itemtype="http://schema.org/BlogPosting">'
           f'<h1 itemprop="name headline">标题</h1>{props}<div><p>正文第一段。</p></div></article>')
    return _page(one * items)


def test_a_page_without_canonical_is_named_by_its_posts_microdata():
    """Typecho's default theme: no canonical link, no ``og:url``; the title links the post
    as the BlogPosting's ``url``. A nested item's ``url`` (the author) is not the post's;
    a ``mainEntityOfPage`` names it as well."""
    author = ('<span itemprop="author" itemscope itemtype="http://schema.org/Person">'
              '<a itemprop="url" href="https://notes.example.com/author/1/">小林</a></span>')
    own = '<a itemprop="url" href="https://notes.example.com/archives/12/">标题</a>'
    (post,), _ = read_html(_posting(author + own), "x.html")
    assert post.url == "https://notes.example.com/archives/12/"
    assert "archives/12" in post.aliases
    entity = '<link itemprop="mainEntityOfPage" href="https://b.example/posts/rope/">'
    (post,), _ = read_html(_posting(entity), "y.html")
    assert post.url == "https://b.example/posts/rope/"
    (post,), _ = read_html(_posting(author), "z.html")
    assert post.url is None


def test_a_page_of_several_postings_is_named_by_none_of_them():
    """A home page's summaries are items of many posts: none of their addresses names it."""
    from graphkit.readers.html import microdata_address

    page = _posting('<a itemprop="url" href="https://notes.example.com/archives/12/">标题</a>',
                    items=2)
    assert microdata_address(LexborHTMLParser(page)) is None


def test_typecho_addresses_with_and_without_its_front_controller():
    """A Typecho blog (tests/fixtures/zoo/typecho/) links posts by ``/archives/ID/``, as
    kexue.fm does but on its own host, and by ``/index.php/archives/ID/`` (the address
    before rewriting was switched on): one post each, tagged by the theme's keywords."""
    r = read_paths([TYPECHO])
    by_title = {p.title: p for p in r.posts}
    # saved from /index.php/archives/3/; the page names itself without the controller
    assert by_title["《Attention is All You Need》浅读"].url == \
        "https://notes.example.com/archives/3/"
    assert by_title[ROPE].url == "https://notes.example.com/archives/12/"   # no saved-from mark
    assert by_title[ROPE].tags == ("Transformer", "位置编码")
    edges, extra, _ = relate(r.posts, options=BuildOptions(layers=("cites",)))
    title = {p.key: p.title for p in r.posts}
    cited = {title.get(e.target, e.target) for e in edges if title[e.source] == ROPE}
    assert cited == {"线性注意力的简单推导", "随手记下的一个想法"}   # (the footer's FAQ: none)
    cited = {title.get(e.target, e.target) for e in edges if title[e.source] == "位置编码的外推实验"}
    assert "《Attention is All You Need》浅读" in cited   # by /index.php/archives/3/
    assert not [x for x in extra if x.kind == "unresolved"]


def test_an_archives_path_on_another_blog_is_that_blogs_post():
    """kexue.fm's posts and a Typecho blog read together: ``/archives/15/`` on the Typecho
    blog's page is its own post 15, not kexue.fm's archived post of that number."""
    from graphkit.model import Link, Post

    kexue = Post(key="post:15", title="科学空间的第十五篇", label="科学空间的第十五篇",
                 archive_id=15, url="https://kexue.fm/archives/15")
    theirs = Post(key="post:html:b.html", title="线性注意力的简单推导", label="线性注意力的简单推导",
                  url="https://notes.example.com/archives/15/",
                  aliases=("archives/15", "15"))
    link = Link(url="/archives/15/", anchor="推导", sentence="推导见此。")
    citing = Post(key="post:html:a.html", title="旋转位置编码", label="旋转位置编码",
                  url="https://notes.example.com/archives/12/", links=(link,))
    from_kexue = Post(key="post:16", title="科学空间的第十六篇", label="科学空间的第十六篇",
                      archive_id=16, url="https://kexue.fm/archives/16", links=(link,))
    edges, _, _ = relate([kexue, theirs, citing, from_kexue],
                         options=BuildOptions(layers=("cites",)))
    assert {(e.source, e.target) for e in edges} == {
        ("post:html:a.html", "post:html:b.html"), ("post:16", "post:15")}


def test_an_unresolved_archives_path_is_named_by_its_blog():
    """Two Typecho blogs and kexue.fm each link an ``/archives/40/`` that is not among
    the inputs: three posts of three sites, so three nodes, not one."""
    from graphkit.model import Link, Post

    link = Link(url="/archives/40/", anchor="那篇", sentence="见那篇。")
    posts = [Post(key=f"post:html:{i}.html", title=f"第{i}篇", label=f"第{i}篇", url=url,
                  links=(link,))
             for i, url in enumerate(["https://a.example/archives/1/",
                                      "https://b.example/archives/1/",
                                      "https://kexue.fm/archives/1"])]
    edges, extra, _ = relate(posts, options=BuildOptions(layers=("cites",)))
    assert sorted(e.target for e in edges) == [
        "unresolved:a.example/archives/40", "unresolved:archives/40",
        "unresolved:b.example/archives/40"]
    assert len([x for x in extra if x.kind == "unresolved"]) == 3


WAYBACK = FIXTURES / "zoo" / "wayback"


def test_a_blog_read_from_the_wayback_machine_is_at_its_own_addresses():
    """A Jekyll blog saved page by page from the Internet Archive
    (tests/fixtures/zoo/wayback/): canonical links, ``og:url`` and every link rewritten
    to ``web.archive.org/web/TIMESTAMP/…``, captures of several timestamps. Each post is
    at the address the archive copied, the home page is the site's root (a list page),
    and a link to arXiv through the archive names the paper."""
    r = read_paths([WAYBACK])
    assert sorted(p.url for p in r.posts) == [
        f"https://xiaolin.example.org/{x}.html" for x in (
            "2018/01/01/faq", "2019/01/02/attention", "2020/03/04/rope", "2020/05/06/linear",
            "2021/07/08/extrapolation", "2021/09/10/idea")]
    (home,) = [f for f in r.fragments if f.reason.startswith("a list page")]
    assert "https://xiaolin.example.org/" in home.reason
    edges, extra, _ = relate(r.posts, options=BuildOptions(layers=("cites",)))
    assert "paper:arxiv:1706.03762" in [x.key for x in extra if x.kind == "paper"]
    assert not [x for x in extra if x.kind == "unresolved"]


@pytest.mark.parametrize("link, original", [
    ("https://web.archive.org/web/20210315083000/https://blog.example/a/",
     "https://blog.example/a/"),
    ("http://web.archive.org/web/2021/http://blog.example/a/?x=1#y",
     "http://blog.example/a/?x=1#y"),
    ("/web/20210315083000/https://blog.example/a/", "https://blog.example/a/"),
    ("//web.archive.org/web/20210315083000id_/https://blog.example/a/", "https://blog.example/a/"),
    ("https://web.archive.org/web/20210315083000*/blog.example/*", None),   # a capture list
    ("https://blog.example/web/2021/notes.html", None),         # a blog's own /web/ folder
    ("https://archive.ph/AbCdE", None),                         # names no address
])
def test_an_archived_copys_address_is_the_address_it_copied(link, original):
    from graphkit.sites import archived_address, outbound_target

    assert archived_address(link) == original
    assert outbound_target(link) == (original or link)
