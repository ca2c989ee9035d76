"""Tumblr: tumblr-backup's pages and the posts of Tumblr's API. The zoo's ``tumblr/`` and
``tumblr-json/`` test the whole path; these test one edge each."""

from __future__ import annotations

import json
import shutil

from conftest import FIXTURES, read_cites

from graphkit.merge import merge_posts
from graphkit.readers import read_paths, read_text
from graphkit.readers.tumblr import post_content
from graphkit.relate import TitleIndex
from graphkit.sites import tumblr_post_alias

ZOO = FIXTURES / "zoo"
ROPE = "645400000000000004"


def _page(number: str, *, title: str = "", body: str = "<p>正文。</p>", kind: str = "text",
          tags: tuple[str, ...] = ()) -> str:
    """A page as tumblr-backup writes one post (our own text)."""
    heading = f"<h2>{title}</h2>\n" if title else ""
    foot = "".join(f"<a href=https://blog.example.net/tagged/{t}>#{t}</a>\n" for t in tags)
    return ("<!DOCTYPE html>\n<meta charset=utf-8>\n<title>小林的笔记</title>\n"
            "<body class=post>\n<header>\n<h1>小林的笔记</h1>\n</header>\n"
            f"<article class={kind} id=p-{number}>\n<header>\n<p><time datetime="
            f"2021-03-05T23:30:00Z>03/06/21 07:30:00</time>\n<a class=llink href=../posts/"
            f"{number}.html>¶</a>\n<a href=https://tmblr.co/Zq{number[-4:]}>●</a>\n"
            "<a href=https://other.tumblr.com/post/1234567/x>⬈</a>\n</header>\n"
            f"{heading}{body}\n<footer>{foot}3 notes</footer>\n</article>\n")


def _api(number: str, **fields) -> dict:
    post = {"blog_name": "xiaolin", "id": int(number), "id_string": number,
            "post_url": f"https://xiaolin.tumblr.com/post/{number}/x", "type": "text",
            "timestamp": 1614987000, "state": "published", "tags": [],
            "short_url": f"https://tmblr.co/Zq{number[-4:]}", "title": "", "body": ""}
    post.update(fields)
    return post


def test_tumblr_addresses_name_the_post_by_its_number():
    for url in (f"https://xiaolin.tumblr.com/post/{ROPE}",
                f"http://xiaolin.tumblr.com/post/{ROPE}/rope/",
                f"https://www.tumblr.com/xiaolin/{ROPE}/rope", f"https://tumblr.com/xiaolin/{ROPE}",
                f"https://www.tumblr.com/blog/view/xiaolin/{ROPE}"):
        assert tumblr_post_alias(url) == f"tumblr/{ROPE}", url
    assert tumblr_post_alias("https://tmblr.co/ZcY7Xw2Ab3") == "tumblr/short/ZcY7Xw2Ab3"
    # a blog's own domain and a site path only when asked, and only for a long number
    assert tumblr_post_alias(f"https://blog.example.net/post/{ROPE}/rope") is None
    assert tumblr_post_alias(f"https://blog.example.net/post/{ROPE}/rope",
                             any_host=True) == f"tumblr/{ROPE}"
    assert tumblr_post_alias("/post/12/rope", any_host=True) is None
    for other in ("https://xiaolin.tumblr.com/tagged/rope", "https://www.tumblr.com/xiaolin",
                  "https://notumblr.com/post/1234567", "https://tmblr.co/"):
        assert tumblr_post_alias(other, any_host=True) in (None, "tumblr/1234567"), other
    assert tumblr_post_alias("https://notumblr.com/post/1234567") is None
    assert tumblr_post_alias("https://www.tumblr.com/tagged/1234567") is None   # a tag


def test_a_page_is_its_article_titled_by_its_h2_not_the_blogs_h1():
    layout, posts, frags = read_text(_page(ROPE, title="旋转位置编码", tags=("位置编码",)),
                                     f"blog/posts/{ROPE}.html")
    assert layout == "tumblr-backup"
    post, = posts
    assert post.title == "旋转位置编码" and post.text == "正文。"
    assert post.date == "2021-03-05"      # the datetime's (UTC) day, not the local one shown
    assert post.tags == ("位置编码",)
    assert post.url == f"https://blog.example.net/post/{ROPE}"
    assert {f"tumblr/{ROPE}", f"tumblr/short/Zq{ROPE[-4:]}"} <= set(post.aliases)
    assert post.links == ()               # the page itself, a reblog's source: no citations
    furniture, = [f for f in frags if "header and footer" in f.reason]
    assert "3 notes" in furniture.text


def test_a_post_page_renamed_is_still_a_post_by_its_body_class():
    _, posts, _ = read_text(_page(ROPE, title="旋转位置编码"), "saved/rope.html")
    assert [p.title for p in posts] == ["旋转位置编码"]


def test_an_untitled_post_is_named_by_its_text():
    _, (post,), _ = read_text(_page(ROPE, kind="photo", body="<p>一张图的说明。</p>"),
                              f"posts/{ROPE}/index.html")      # (--dirs: a folder a post)
    assert post.untitled and post.title == "" and post.label.startswith("一张图")


def test_months_the_index_and_liked_posts_are_set_aside():
    month = _page(ROPE, title="甲").replace("<body class=post>", "<body class=archive>")
    two = month + _page("645400000000000005", title="乙")
    for text, path, why in ((month, "archive/2021-03-p1.html", "repeats"),
                            (two, "archive/2021-03-p2.html", "repeats"),
                            (_page(ROPE, title="甲", kind="liked-text"), f"posts/{ROPE}.html",
                             "liked")):
        layout, posts, frags = read_text(text, path)
        assert layout == "tumblr-backup" and posts == [], path
        assert any(why in f.reason for f in frags), path
    index = ("<!DOCTYPE html>\n<title>小林的笔记</title>\n<body class=index>\n<header>\n"
             "<h1>小林的笔记</h1>\n<p class=subtitle>注意力机制的读书笔记，记下读过的论文和推导。</p>"
             "\n</header>\n<h3>2021</h3>\n<ul>\n<li><a href=archive/2021-03-p1.html>三月</a></li>"
             "\n</ul>\n<p>Generated on 2021-04-02 09:30:00.</p>\n")
    layout, posts, frags = read_text(index, "index.html")  # (few months: mostly not links)
    assert layout == "tumblr-backup" and posts == []
    assert any("lists posts" in f.reason for f in frags)


def test_api_posts_in_a_list_a_response_or_alone():
    one = _api(ROPE, title="旋转位置编码", body="<p>正文。</p>")
    two = _api("645400000000000005", title="外推", body="<p>b</p>")
    for doc in (one, [one, two], {"posts": [one, two]},
                {"meta": {"status": 200},
                 "response": {"blog": {"name": "x"}, "posts": [one, two]}}):
        text = json.dumps(doc, ensure_ascii=False, indent=1)
        layout, posts, _ = read_text(text, "p.json")
        assert layout == "tumblr-json" and [p.title for p in posts][:1] == ["旋转位置编码"]
        assert posts[0].date == "2021-03-05" and f"tumblr/{ROPE}" in posts[0].aliases
        for p in posts:          # each named by the line its object opens
            lines = text.splitlines()[p.sources[0].line - 1:]
            assert lines[0].strip() == "{" and '"blog_name": "xiaolin"' in lines[1]


def test_a_post_not_published_is_reported_with_its_line():
    doc = [_api(ROPE, title="甲", body="<p>a</p>"),
           _api("645400000000000005", title="草稿", body="<p>b</p>", state="draft")]
    text = json.dumps(doc, ensure_ascii=False, indent=2)
    _, posts, frags = read_text(text, "posts.json")
    assert [p.title for p in posts] == ["甲"]
    draft, = [f for f in frags if "not published" in f.reason]
    assert "state: draft" in draft.reason and draft.text == "草稿"
    assert text.splitlines()[draft.line - 1].strip() == "{"
    assert '"645400000000000005"' in text[sum(len(x) + 1 for x in text.splitlines()[:draft.line]):]


def test_each_type_gives_its_title_and_content():
    assert post_content({"type": "answer", "question": "为什么？", "answer": "<p>因为</p>"}) == \
        ("为什么？", "<p>因为</p>")
    assert post_content({"type": "photo", "caption": "<p>图</p>", "title": "x"}) == ("", "<p>图</p>")
    assert post_content({"type": "quote", "text": "名言", "source": "某人"}) == ("", "名言\n某人")
    title, html = post_content({"type": "link", "url": "https://arxiv.org/abs/1706.03762"})
    assert title == "https://arxiv.org/abs/1706.03762" and 'href="https://arxiv.org' in html


def test_a_page_and_its_api_object_are_one_post_even_untitled(tmp_path):
    (tmp_path / "posts").mkdir()
    (tmp_path / "json").mkdir()
    (tmp_path / "posts" / f"{ROPE}.html").write_text(
        _page(ROPE, kind="photo", body="<p>一张图的说明。</p>"), encoding="utf-8")
    (tmp_path / "json" / f"{ROPE}.json").write_text(json.dumps(
        _api(ROPE, type="photo", caption="<p>一张图的说明。</p>"), ensure_ascii=False),
        encoding="utf-8")
    r = read_paths([tmp_path])
    assert len(r.posts) == 1 and len(r.posts[0].sources) == 2


def test_a_number_names_one_post_so_two_titles_do_not_merge_by_it():
    _, a, _ = read_text(json.dumps(_api(ROPE, title="甲", body="<p>a</p>")), "a.json")
    _, b, _ = read_text(json.dumps(_api("645400000000000005", title="乙", body="<p>b</p>")),
                        "b.json")
    assert len(merge_posts(a + b)) == 2


def test_links_by_number_on_a_blogs_own_domain_and_by_site_path(tmp_path):
    body = (f'<p>见<a href="https://blog.example.net/post/{ROPE}/rope">旋转</a>和'
            f'<a href="/post/{ROPE}">旋转</a>，另见<a href="https://elsewhere.example/post/'
            f'{ROPE[:-1]}9">别处</a>。</p>')
    doc = [_api(ROPE, title="旋转位置编码", body="<p>正文。</p>"),
           _api("645400000000000005", title="外推", body=body)]
    _, posts, _ = read_text(json.dumps(doc, ensure_ascii=False), "posts.json")
    index = TitleIndex(posts)
    rope = next(p.key for p in posts if p.title == "旋转位置编码")
    links = posts[1].links
    assert [index.resolve_url(link.url) for link in links] == [rope, rope, None]


def _want():
    return {tuple(c) for c in json.loads((ZOO / "tumblr" / "truth.json").read_text())["cites"]}


def test_a_backup_made_with_dirs_reads_as_the_same_blog(tmp_path):
    """``--dirs``: each post's page is ``posts/ID/index.html``."""
    root = tmp_path / "tumblr"
    shutil.copytree(ZOO / "tumblr", root)
    for page in sorted((root / "posts").glob("*.html")):
        (root / "posts" / page.stem).mkdir()
        page.rename(root / "posts" / page.stem / "index.html")
    r, cites = read_cites(root)
    assert len(r.posts) == 6 and cites == _want()


def test_a_backup_made_with_json_is_one_post_per_page_and_object(tmp_path):
    """``--json``: the pages and, in ``json/``, the API's objects of the same posts."""
    root = tmp_path / "tumblr"
    shutil.copytree(ZOO / "tumblr", root)
    shutil.copytree(ZOO / "tumblr-json" / "json", root / "json")
    r, cites = read_cites(root)
    assert len(r.posts) == 6 and cites == _want()
    assert all(sorted(s.path.split("/")[1] for s in p.sources) == ["json", "posts"]
               for p in r.posts)
    rope = next(p for p in r.posts if p.title == "旋转位置编码的直观理解")
    assert rope.url.endswith("/post/645400000000000004/rope") and rope.slug == "rope"
