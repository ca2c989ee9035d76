"""Which feed entries are posts, and on which day (the zoo's ``blogger/`` export tests the
whole path; these test one edge each)."""

from __future__ import annotations

from graphkit.readers.exports import read_feed

NEW_BLOGGER = """<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:blogger="http://schemas.google.com/blogger/2018">
<link rel="alternate" type="text/html" href="https://b.example/"/>
<entry><id>tag:blogger.com,1999:blog-1.post-1</id><blogger:type>POST</blogger:type>
<blogger:status>LIVE</blogger:status><blogger:filename>/2020/01/first.html</blogger:filename>
<title>甲</title><content type="html">&lt;p&gt;见&lt;a href="/2020/02/second.html"&gt;乙&lt;/a&gt;&lt;/p&gt;</content>
<published>2020-01-01T00:30:00.000+08:00</published>
<category scheme="tag:blogger.com,1999:blog-1" term="笔记"/></entry>
<entry><id>tag:blogger.com,1999:blog-1.post-2</id><blogger:type>POST</blogger:type>
<blogger:status>DRAFT</blogger:status><title>草稿</title><content type="html">x</content>
<published>2020-02-01T10:00:00.000+08:00</published></entry>
<entry><id>tag:blogger.com,1999:blog-1.post-3</id><blogger:type>COMMENT</blogger:type>
<blogger:status>LIVE</blogger:status><title>评论</title><content type="html">好</content>
<published>2020-02-02T10:00:00.000+08:00</published></entry>
</feed>
"""


def test_blogger_takeout_entries_are_sorted_into_posts_and_the_rest():
    posts, frags = read_feed(NEW_BLOGGER, "feed.atom")
    (post,) = posts
    assert (post.title, post.url, post.tags) == ("甲", "https://b.example/2020/01/first.html",
                                                 ("笔记",))
    assert "2020/01/first" in post.aliases
    assert post.date == "2020-01-01"                    # 00:30 at +08:00, not the UTC day
    reasons = [f.reason for f in frags]
    assert any("'draft'" in r for r in reasons) and any("'comment'" in r for r in reasons)


def test_any_feed_keeps_replies_and_drafts_out_and_dates_on_the_authors_clock():
    rss = ("<rss version='2.0'><channel><title>t</title><link>https://r.example/</link>"
           "<item><title>甲</title><link>https://r.example/a</link>"
           "<pubDate>Thu, 08 Jul 2021 00:30:00 +0800</pubDate><description>正文</description>"
           "</item></channel></rss>")
    (post,), _ = read_feed(rss, "rss.xml")
    assert post.date == "2021-07-08"
    atom = ("<feed xmlns='http://www.w3.org/2005/Atom' xmlns:thr='http://purl.org/syndication/"
            "thread/1.0' xmlns:app='http://purl.org/atom/app#'>"
            "<entry><title>回复</title><content>同意</content><updated>2021-01-01T00:00:00Z"
            "</updated><thr:in-reply-to ref='x' href='https://r.example/a'/></entry>"
            "<entry><title>草稿</title><content>未完</content><updated>2021-01-01T00:00:00Z"
            "</updated><app:control><app:draft>yes</app:draft></app:control></entry>"
            "<entry><title>正文</title><content>好</content><updated>2021-01-01T00:00:00Z"
            "</updated></entry></feed>")
    posts, frags = read_feed(atom, "atom.xml")
    assert [p.title for p in posts] == ["正文"]
    assert [f.text for f in frags] == ["回复", "草稿"]


# --------------------------------------------- content as an author's editor stores it

def test_text_outside_paragraphs_is_read_in_order_with_its_links():
    """WordPress' classic editor stores paragraphs as blank lines (``wpautop`` adds the
    ``<p>`` when the page is rendered); only a list or a quote has tags of its own."""
    from graphkit.readers.html import read_html_content

    text, links, _ = read_html_content(
        'First cites <a href="/a/">A</a>.\n\n<ul><li>a list item</li></ul>\n'
        'Second line<br>goes on with <a href="/b/">B</a>.\n\n'
        '<script>var x = "<a href=/c/>no</a>";</script><style>p{}</style>Last.')
    assert text.split("\n") == ["First cites A.", "a list item", "Second line",
                                "goes on with B.", "Last."]
    assert [(x.url, x.sentence) for x in links] == [("/a/", "First cites A."),
                                                    ("/b/", "goes on with B.")]
    # no tag at all: still one paragraph per blank line (a footer stays its own paragraph)
    text, links, _ = read_html_content(
        'Body cites <a href="/a/">A</a>.\n\nFooter: <a href="/f/">F</a>.')
    assert text.split("\n") == ["Body cites A.", "Footer: F."]
    assert [x.sentence for x in links] == ["Body cites A.", "Footer: F."]


def test_a_link_around_divs_is_a_link_and_its_text_is_read():
    from graphkit.readers.html import read_html_content

    text, links, _ = read_html_content('<p>Intro.</p><div class="card"><a href="/x/"><div>'
                                       'Title X</div><div>Excerpt of X</div></a></div>'
                                       '<p>After.</p>')
    assert text.split("\n") == ["Intro.", "Title X", "Excerpt of X", "After."]
    assert [x.url for x in links] == ["/x/"]


def test_a_pages_own_element_keeps_to_its_blocks():
    """In a whole page, text outside blocks is the theme's (a date line, tag links)."""
    from graphkit.readers.html import read_html

    page = ('<html><body><article><h1>T</h1><div class="meta">2021-09-10 '
            '<a href="/tags/x/">x</a></div><p>Body.</p></article></body></html>')
    (post,), _ = read_html(page, "t.html")
    assert post.text == "Body." and post.links == ()
    (post,), frags = read_html('<p>Body of <a href="/y/">Y</a>.</p>Tail.', "posts/1.y.html")
    assert post.text == "Body of Y.\nTail." and [x.url for x in post.links] == ["/y/"]
    assert not any("truncated" in f.reason or "outside" in f.reason for f in frags)


JSON_FEED = """{
  "version": "https://jsonfeed.org/version/1.1",
  "title": "Notes",
  "home_page_url": "https://notes.example/",
  "items": [
    {"id": "https://notes.example/2021/rope/", "title": "RoPE",
     "content_html": "<p>See <a href=\\"https://notes.example/2020/linear/\\">linear</a>.</p>",
     "date_published": "2021-06-02T00:30:00+08:00", "tags": ["attention"]},
    {"id": "2", "url": "https://notes.example/2021/09/10/a-thought/",
     "content_text": "A micro-post: see https://notes.example/2021/rope/ again.",
     "date_published": "2021-09-10T08:00:00Z"},
    {"id": "3", "url": "https://notes.example/2021/link/", "title": "A paper I liked",
     "content_text": "Worth reading.", "external_url": "https://arxiv.org/abs/1706.03762"},
    {"id": "4"},
    "not an item"
  ]
}"""


def test_a_json_feed_is_read_item_by_item():
    from graphkit.readers import read_text

    layout, posts, frags = read_text(JSON_FEED, "feed.json")
    assert layout == "json-feed" and len(posts) == 3
    rope, micro, linked = posts
    assert (rope.title, rope.url, rope.date, rope.tags) == (
        "RoPE", "https://notes.example/2021/rope/", "2021-06-02", ("attention",))
    assert [x.url for x in rope.links] == ["https://notes.example/2020/linear/"]
    # untitled micro-post: its plain text's bare address is a link
    assert micro.untitled and [x.url for x in micro.links] == ["https://notes.example/2021/rope/"]
    assert [x.url for x in linked.links] == ["https://arxiv.org/abs/1706.03762"]
    assert [(f.line, f.reason) for f in frags] == [
        (14, "JSON Feed item without a title or content"), (1, "JSON Feed item is not an object")]


def test_a_feedburner_feeds_entries_are_at_their_own_addresses():
    """FeedBurner rewrote each entry's link to its click counter and kept the address in
    ``feedburner:origLink``: the posts are at their own addresses, so the second post's
    link to the first reaches it."""
    from graphkit.merge import merge_posts
    from graphkit.options import BuildOptions
    from graphkit.pipeline import relate

    rss = ("<rss version='2.0' xmlns:feedburner='http://rssnamespace.org/feedburner/ext/1.0'>"
           "<channel><title>t</title><link>https://g.example/</link>"
           "<item><title>Hot composting</title>"
           "<link>http://feedproxy.google.com/~r/Garden/~3/AbC123xyz/</link>"
           "<guid isPermaLink='false'>tag:blogger.com,1999:blog-1.post-1</guid>"
           "<feedburner:origLink>https://g.example/2011/05/compost.html</feedburner:origLink>"
           "<description>Keep it warm.</description></item>"
           "<item><title>Leaves</title>"
           "<link>http://feedproxy.google.com/~r/Garden/~3/ZyX987cba/</link>"
           "<feedburner:origLink>https://g.example/2011/06/leaves.html</feedburner:origLink>"
           "<description>&lt;a href='https://g.example/2011/05/compost.html?utm_source="
           "feedburner'&gt;compost&lt;/a&gt;</description></item></channel></rss>")
    posts, _ = read_feed(rss, "feed.xml")
    assert [p.url for p in posts] == ["https://g.example/2011/05/compost.html",
                                      "https://g.example/2011/06/leaves.html"]
    merged = merge_posts(posts)
    edges, _, _ = relate(merged, options=BuildOptions(layers=("cites",)))
    title = {p.key: p.title for p in merged}
    assert [(title[e.source], title[e.target]) for e in edges] == [("Leaves", "Hot composting")]


TAKEOUT = """<?xml version='1.0' encoding='utf-8'?>
<feed xmlns='http://www.w3.org/2005/Atom' xmlns:blogger='http://schemas.google.com/blogger/2018'>
  <id>tag:blogger.com,1999:blog-1234</id><title>My Notes</title>
  <entry><id>tag:blogger.com,1999:blog-1234.post-111</id>
    <blogger:type>POST</blogger:type><blogger:status>LIVE</blogger:status>
    <title>Weekly links</title><content type='html'>&lt;p&gt;Week one.&lt;/p&gt;</content>
    <published>2021-01-05T10:00:00.000Z</published>
    <blogger:filename>/2021/01/weekly-links.html</blogger:filename></entry>
  <entry><id>tag:blogger.com,1999:blog-1234.post-222</id>
    <blogger:type>POST</blogger:type><blogger:status>LIVE</blogger:status>
    <title>Weekly links</title><content type='html'>&lt;p&gt;Week two.&lt;/p&gt;</content>
    <published>2021-01-12T10:00:00.000Z</published>
    <blogger:filename>/2021/01/weekly-links_12.html</blogger:filename></entry>
</feed>
"""


def test_entries_of_one_title_without_addresses_stay_apart(tmp_path):
    """Blogger's Takeout gives its entries no web address (a tag: id, a file name): two
    weeks' "Weekly links" are two posts, where they merged into one; the same entry read
    twice (the same text) is still one."""
    from graphkit.readers import read_paths

    (tmp_path / "feed.atom").write_text(TAKEOUT, encoding="utf-8")
    r = read_paths([tmp_path])
    assert sorted((p.title, p.date) for p in r.posts) == [("Weekly links", "2021-01-05"),
                                                          ("Weekly links", "2021-01-12")]
    (tmp_path / "again").mkdir()
    (tmp_path / "again" / "feed.atom").write_text(TAKEOUT, encoding="utf-8")
    assert len(read_paths([tmp_path]).posts) == 2


def test_an_atom_title_of_type_html_is_read_as_text():
    """jekyll-feed escapes a title twice (``type="html"``: HTML inside XML), as RFC 4287
    has it: the post is titled "A & B", not "A &amp; B"; a title of type text keeps its
    characters as written."""
    feed = ("<feed xmlns='http://www.w3.org/2005/Atom'><title>S</title>"
            "<entry><title type='html'>Rope &amp;amp; &lt;em&gt;more&lt;/em&gt;</title>"
            "<link href='https://b.example/a/'/><id>a</id><published>2021-07-08T10:00:00Z"
            "</published><content type='html'>&lt;p&gt;正文&lt;/p&gt;</content></entry>"
            "<entry><title type='text'>x &lt; y &amp;amp; z</title>"
            "<link href='https://b.example/b/'/><id>b</id><published>2021-07-09T10:00:00Z"
            "</published><content type='html'>&lt;p&gt;正文&lt;/p&gt;</content></entry></feed>")
    posts, _ = read_feed(feed, "feed.xml")
    assert [p.title for p in posts] == ["Rope & more", "x < y &amp; z"]
