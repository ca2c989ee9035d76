"""Links copied on a phone or from a search result name a post by another of its addresses:
its AMP edition (``/slug/amp/``), an AMP cache's or Google's viewer's copy of it, the
site's edition for phones (``m.HOST``), or, on Naver Blog, the frame's ``PostView``
address; and one of its pages, WordPress' second page of a post split by
``<!--nextpage-->`` or a page of its comments. Each is the post."""
import pytest
from conftest import read_cites
from conftest import write_file as _write

from graphkit.sites import (amp_original, amp_page_path, naver_blog_address, normalize_url,
                            outbound_target, post_page_path, site_host)


@pytest.mark.parametrize("url, original", [
    ("https://blog-example.cdn.ampproject.org/c/s/blog.example/a/", "https://blog.example/a/"),
    ("https://blog-example.cdn.ampproject.org/v/s/blog.example/a/?amp_js_v=0.1",
     "https://blog.example/a/?amp_js_v=0.1"),
    ("https://www-blog-example.cdn.ampproject.org/c/www.blog.example/a/amp/",
     "http://www.blog.example/a/amp/"),
    ("https://blog-example.bing-amp.com/c/s/blog.example/a/", "https://blog.example/a/"),
    ("https://www.google.com/amp/s/blog.example/a/amp/", "https://blog.example/a/amp/"),
    ("https://www.google.co.uk/amp/s/blog.example/a/", "https://blog.example/a/"),
    ("https://google.com.au/amp/blog.example/a/", "http://blog.example/a/"),
    ("https://www.google.com/search?q=amp", None),
    ("https://www.google.com/amp/s/localhost/a/", None),          # (no host)
    ("https://blog-example.cdn.ampproject.org/i/s/blog.example/logo.png", None),  # an image
    ("https://blog.example/amp/s/other.example/a/", None),
])
def test_amp_cache_and_viewer_addresses(url, original):
    assert amp_original(url) == original
    assert outbound_target(url) == (original or url)


@pytest.mark.parametrize("path, page", [
    ("/2016/01/01/amp-on/amp/", "/2016/01/01/amp-on"),
    ("/2016/01/01/amp-on/amp", "/2016/01/01/amp-on"),
    ("https://blog.example/notes/rope/amp/#comments", "/notes/rope"),
    ("/amp/2016/01/01/amp-on/", "/2016/01/01/amp-on/"),
    ("amp/notes/rope", "notes/rope"),
    ("/amp/", None),
    ("/notes/amp-on/", None),
    ("/tags/ampere/", None),
    ("/notes/rope/?amp=1", None),          # (a query: the link's path is the post's)
])
def test_the_page_an_amp_edition_is_of(path, page):
    assert amp_page_path(path) == page


@pytest.mark.parametrize("host, site", [
    ("m.blog.naver.com", "blog.naver.com"),
    ("mobile.blog.example", "blog.example"),
    ("amp.blog.example", "blog.example"),
    ("M.Blog.Example", "blog.example"),
    ("m.me", "m.me"),                      # a site of its own, not an edition
    ("mobile.de", "mobile.de"),
    ("amp.dev", "amp.dev"),
    ("mm.blog.example", "mm.blog.example"),
])
def test_a_sites_edition_for_phones_is_the_site(host, site):
    assert site_host(host) == site


@pytest.mark.parametrize("url, own", [
    ("https://blog.naver.com/PostView.naver?blogId=jin_lab&logNo=223100000002",
     "https://blog.naver.com/jin_lab/223100000002"),
    ("https://m.blog.naver.com/PostView.naver?logNo=223100000002&blogId=jin_lab&proxyReferer=",
     "https://blog.naver.com/jin_lab/223100000002"),
    ("http://blog.naver.com/PostView.nhn?blogId=jin_lab&logNo=2231&categoryNo=5",
     "https://blog.naver.com/jin_lab/2231"),
    ("https://blog.naver.com/jin_lab/223100000002", None),       # (already its own)
    ("https://blog.naver.com/PostList.naver?blogId=jin_lab", None),  # the blog's list
    ("https://blog.naver.com/PostView.naver?blogId=jin_lab&logNo=abc", None),
    ("https://example.org/PostView.naver?blogId=jin_lab&logNo=2231", None),
])
def test_naver_blog_post_addresses(url, own):
    assert naver_blog_address(url) == own


def test_addresses_of_one_page_have_one_key_and_two_posts_keep_two():
    """The merge's key: a post seen at its desktop, mobile and frame addresses is one;
    two posts at their frame addresses (which differ only in the query) are two."""
    one = {normalize_url(u) for u in (
        "https://blog.naver.com/jin_lab/2231", "https://m.blog.naver.com/jin_lab/2231",
        "https://blog.naver.com/PostView.naver?blogId=jin_lab&logNo=2231")}
    assert one == {"blog.naver.com/jin_lab/2231"}
    assert normalize_url("https://blog.naver.com/PostView.naver?blogId=jin_lab&logNo=2232") \
        != normalize_url("https://blog.naver.com/PostView.naver?blogId=jin_lab&logNo=2231")


def _hugo_garden(folder):
    _write(folder, "hugo.toml", 'baseURL = "https://www.quietgarden.org/"\ntitle = "Garden"\n')
    posts = [
        ("compost", "Hot composting in winter", "Keep the pile warm."),
        ("leaves", "What to do with fallen leaves", "Shred them, then [compost them]"
         "(https://www.google.com/amp/s/www.quietgarden.org/posts/compost/amp/)."),
        ("mulch", "Mulch, the lazy way", "Leaf mould from [leaves](https://www-quietgarden-org"
         ".cdn.ampproject.org/c/s/www.quietgarden.org/posts/leaves/) makes mulch."),
        ("worms", "A worm bin on the balcony", "Worms love [mulch](https://www.quietgarden.org"
         "/posts/mulch/amp/) and [compost](https://quietgarden.org/amp/posts/compost/)."),
        ("tea", "Compost tea, tested", "Brew from [the bin](https://m.quietgarden.org/posts/"
         "worms/) or [compost](https://www.quietgarden.org/posts/compost/?amp=1)."),
        ("soil", "Reading your soil", "See [tea](https://www.google.co.uk/amp/s/quietgarden.org"
         "/posts/tea/amp) and [leaves](https://www.quietgarden.org/posts/leaves/amp/#comments)."
         " Tagged [amp](https://www.quietgarden.org/tags/amp/); [AMP itself](https://amp.dev/)."),
        ("amp", "AMP pages, a year on", "The [post named amp](https://www.quietgarden.org/posts/"
         "amp/) is this one; [soil](/amp/posts/soil/)."),
    ]
    for slug, title, body in posts:
        _write(folder, f"content/posts/{slug}.md",
               f'---\ntitle: "{title}"\ndate: 2021-01-10\n---\n\n{body}\n')


def test_a_blogs_links_by_amp_and_phone_addresses_reach_its_posts(tmp_path):
    """A Hugo blog whose posts link each other by the addresses a phone gives: Google's
    viewer, the AMP cache, the AMP edition's ``/amp/`` after or before the path, the
    ``m.`` host. A tag page named amp and AMP's own site are no post; a post whose own
    slug is ``amp`` is reached at its path, not taken for an edition."""
    _hugo_garden(tmp_path)
    assert read_cites(tmp_path)[1] == set([
        ("What to do with fallen leaves", "Hot composting in winter"),
        ("Mulch, the lazy way", "What to do with fallen leaves"),
        ("A worm bin on the balcony", "Mulch, the lazy way"),
        ("A worm bin on the balcony", "Hot composting in winter"),
        ("Compost tea, tested", "A worm bin on the balcony"),
        ("Compost tea, tested", "Hot composting in winter"),
        ("Reading your soil", "Compost tea, tested"),
        ("Reading your soil", "What to do with fallen leaves"),
        ("AMP pages, a year on", "Reading your soil"),
    ])


def _naver(folder, name, title, address, body):
    _write(folder, f"{name}.md", f'---\ntitle: "{title}"\ndate: 2023-03-01\nurl: {address}\n'
           f"---\n\n{body}\n")


def test_a_naver_blogs_posts_are_reached_by_each_of_their_addresses(tmp_path):
    """Posts of a Naver Blog kept as Markdown, each at one of its addresses (the blog's,
    the phone's, the frame's ``PostView.naver`` and older ``PostView.nhn``), linking
    each other by others. Before, the frame's addresses all read as the one path
    ``PostView.naver``: links by them were lost, and one reached a post it does not name.
    Another user's post on the same host is no post here."""
    blog = "https://blog.naver.com/jin_lab/"
    frame = "https://m.blog.naver.com/PostView.naver?blogId=jin_lab&logNo="
    _naver(tmp_path, "a", "발효종 만들기 1일차", blog + "223100000001", "밀가루와 물.")
    _naver(tmp_path, "b", "발효종 만들기 2일차", frame + "223100000002",
           "[1일차](https://m.blog.naver.com/jin_lab/223100000001)에 이어서.")
    _naver(tmp_path, "c", "사워도우 첫 굽기", blog + "223100000003",
           "[2일차](https://blog.naver.com/PostView.naver?blogId=jin_lab&logNo=223100000002"
           "&categoryNo=5&from=thumbnailList) 참고. https://blog.naver.com/other/223999999999")
    _naver(tmp_path, "d", "바게트 성형 연습", "https://m.blog.naver.com/jin_lab/223100000004",
           f"[사워도우]({frame}223100000003&proxyReferer=) 반죽으로.")
    _naver(tmp_path, "e", "오븐 온도 기록",
           "https://blog.naver.com/PostView.nhn?blogId=jin_lab&logNo=223100000005",
           "[바게트](https://blog.naver.com/PostView.nhn?blogId=jin_lab&logNo=223100000004)")
    _naver(tmp_path, "f", "한 달 정리", blog + "223100000006",
           "오븐은 https://m.blog.naver.com/jin_lab/223100000005 에.")
    r, cites = read_cites(tmp_path)
    assert len(r.posts) == 6
    assert cites == set([
        ("발효종 만들기 2일차", "발효종 만들기 1일차"),
        ("사워도우 첫 굽기", "발효종 만들기 2일차"),
        ("바게트 성형 연습", "사워도우 첫 굽기"),
        ("오븐 온도 기록", "바게트 성형 연습"),
        ("한 달 정리", "오븐 온도 기록"),
    ])


def test_a_tag_or_category_page_is_no_post_of_that_name(tmp_path):
    """A listing page by tag, category, label or author lists posts: a link to it names
    none, even when a post has the tag's name as its slug. The post's own path does."""
    _write(tmp_path, "hugo.toml", 'baseURL = "https://lin.example/"\ntitle = "Lin"\n')
    _write(tmp_path, "content/posts/rope.md", '---\ntitle: "RoPE"\ndate: 2021-03-01\n---\n\nx\n')
    _write(tmp_path, "content/posts/notes.md", '---\ntitle: "Notes"\ndate: 2021-04-01\n---\n\n'
           "[all](/tags/rope/), [more](https://lin.example/category/rope/), "
           "[label](https://lin.example/search/label/rope?max-results=5), "
           "[by](/author/rope/)\n")
    _write(tmp_path, "content/posts/more.md", '---\ntitle: "More"\ndate: 2021-05-01\n---\n\n'
           "[the post](/posts/rope/), [and again](https://lin.example/rope/)\n")
    assert read_cites(tmp_path)[1] == {("More", "RoPE")}


@pytest.mark.parametrize("path, post", [
    ("/2020/05/linear/2/", "/2020/05/linear/"),
    ("https://blog.example/linear/3#more-12", "/linear/"),
    ("/linear/comment-page-2/#comment-481", "/linear/"),
    ("/archives/15/comment-page-1#comments", "/archives/15/"),    # (Typecho's addresses)
    ("/page/2/", None),                     # the home page's second page
    ("/tag/rope/2/", None),                 # a tag page's
    ("/category/ml/page/3/", None),
    ("/2/", None),
    ("/linear/0/", None),
    ("/linear/12345/", None),               # (a number, not a page: a post's id or a year)
    ("/linear/comment-page-/", None),
])
def test_the_post_a_page_of_it_is_of(path, post):
    assert post_page_path(path) == post


def _wxr_item(pid: int, slug: str, title: str, body: str) -> str:
    return (f"<item><title>{title}</title><link>https://wp.example/2021/05/{slug}/</link>"
            f"<content:encoded><![CDATA[{body}]]></content:encoded>"
            f"<wp:post_id>{pid}</wp:post_id><wp:post_date>2021-05-0{pid % 10} 10:00:00"
            f"</wp:post_date><wp:post_name>{slug}</wp:post_name><wp:status>publish"
            "</wp:status><wp:post_type>post</wp:post_type></item>")


def test_a_wordpress_blogs_links_to_a_page_of_a_post_reach_the_post(tmp_path):
    """A WordPress export whose posts link the second page of a post split by
    ``<!--nextpage-->`` and a page of a post's comments: each is that post. Before, the
    last part (``2``, ``comment-page-2``) named no post and both links were lost. The
    home page's, a tag's and a month's second pages are no post."""
    items = [
        _wxr_item(1, "sourdough-starter", "Sourdough starter, day by day",
                  "<p>Flour and water.</p><!--nextpage--><p>Day four: bubbles.</p>"),
        _wxr_item(2, "first-loaf", "The first loaf",
                  '<p>Fed as on <a href="https://wp.example/2021/05/sourdough-starter/2/">'
                  "day four</a>.</p>"),
        _wxr_item(3, "crumb", "Reading the crumb",
                  '<p>Readers asked about <a href="/2021/05/first-loaf/comment-page-2/'
                  '#comment-31">the first loaf</a>; see <a href="https://wp.example/page/2/">'
                  'older posts</a> and <a href="/tag/first-loaf/page/2/">the tag</a>.</p>'),
        _wxr_item(4, "two-years", "Two years of baking",
                  '<p>From <a href="/2021/05/crumb/">the crumb</a> on.</p>'),
        _wxr_item(5, "index", "Index of bakes",
                  '<p><a href="https://wp.example/2021/05/two-years/comment-page-1/">'
                  'Two years</a>, <a href="/2021/05/page/2/">May</a>.</p>'),
    ]
    (tmp_path / "export.xml").write_text(
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/" '
        'xmlns:wp="http://wordpress.org/export/1.2/"><channel><title>Bakes</title>'
        "<link>https://wp.example</link><wp:wxr_version>1.2</wp:wxr_version>"
        + "".join(items) + "</channel></rss>", encoding="utf-8")
    r, cites = read_cites(tmp_path)
    assert len(r.posts) == 5
    assert cites == {
        ("The first loaf", "Sourdough starter, day by day"),
        ("Reading the crumb", "The first loaf"),
        ("Two years of baking", "Reading the crumb"),
        ("Index of bakes", "Two years of baking"),
    }
