"""Articles kept as sources for a blogging platform (a Zenn author's repository, Qiita
CLI's ``public/`` folder, a backup of a Velog blog) are reached by the platform's address
of them under any user, and are one post with the platform's own copies (a feed)."""
import pytest

from graphkit.options import BuildOptions
from graphkit.pipeline import relate
from graphkit.readers import read_paths
from graphkit.readers.frontmatter import url_aliases
from graphkit.sites import article_platform_alias, velog_post_slug, velog_slug


def _write(folder, name, text):
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def _zenn(folder, slug, title, body, published="true"):
    _write(folder, f"articles/{slug}.md",
           f'---\ntitle: "{title}"\nemoji: "🤖"\ntype: "tech"\ntopics: ["transformer", "nlp"]\n'
           f"published: {published}\n---\n\n{body}\n")


def _cites(posts):
    edges, _, _ = relate(posts, options=BuildOptions(layers=("cites",)))
    title = {p.key: p.title for p in posts}
    return sorted((title[e.source], title.get(e.target, e.target)) for e in edges)


@pytest.mark.parametrize("url, alias", [
    ("https://zenn.dev/kaito/articles/attention-cost", "zenn/attention-cost"),
    ("https://zenn.dev/someone_else/articles/attention-cost/", "zenn/attention-cost"),
    ("https://zenn.dev/kaito/articles/short", None),            # (under 12 characters)
    ("https://zenn.dev/kaito/books/attention-book-2023", None),
    ("https://qiita.com/kaito/items/0123456789abcdef0123", "qiita/0123456789abcdef0123"),
    ("https://qiita.com/kaito/items/0123456789abcdef012", None),
    ("https://example.org/kaito/articles/attention-cost", None),
])
def test_platform_addresses(url, alias):
    assert article_platform_alias(url) == alias


def test_zenn_articles_are_reached_by_their_slug_under_any_users_address(tmp_path):
    """Two articles of a Zenn repository, each linking the other once (a link card and a
    link under the author's former user name), and one to an article the repository
    does not hold: too few links to learn zenn.dev as the site's host, and before the
    platform's rule none was found."""
    _zenn(tmp_path, "transformer-basics", "Transformerの仕組みを理解する",
          "詳しくは次の記事で。\n\n@[card](https://zenn.dev/kaito/articles/attention-cost)\n\n"
          "https://zenn.dev/kaito/articles/position-encoding-2023")
    _zenn(tmp_path, "attention-cost", "自己注意機構の計算量を減らす方法",
          "[前回の記事](https://zenn.dev/kaito_old/articles/transformer-basics)も参照。")
    _zenn(tmp_path, "unpublished-draft", "下書き", "[x](https://zenn.dev/kaito/articles/"
          "transformer-basics)", published="false")
    r = read_paths([tmp_path])
    first, second = "Transformerの仕組みを理解する", "自己注意機構の計算量を減らす方法"
    assert _cites(r.posts) == [(first, second), (second, first)]
    tags = {p.title: p.tags for p in r.posts}
    assert tags["自己注意機構の計算量を減らす方法"] == ("transformer", "nlp")   # (Zenn's topics)
    card = next(p for p in r.posts if p.title.startswith("Transformer"))
    assert "@card" not in card.text and "https://zenn.dev/kaito/articles/attention-cost" in card.text


def test_a_slug_too_short_for_zenn_is_no_zenn_article(tmp_path):
    _zenn(tmp_path, "short", "甲", "正文。")
    (post,) = read_paths([tmp_path]).posts
    assert not any(a.startswith("zenn/") for a in post.aliases)


def test_qiita_items_by_their_id_and_a_feed_of_the_platform_is_the_same_post(tmp_path):
    """Qiita CLI's ``public/NAME.md`` with the item's ``id``; an item whose ``id`` is
    still null (never posted) has no platform name."""
    head = "---\ntitle: {t}\ntags:\n  - Python\nprivate: false\nupdated_at: ''\nid: {i}\n" \
           "organization_url_name: null\nslide: false\nignorePublish: false\n---\n\n{b}\n"
    _write(tmp_path, "public/first.md", head.format(
        t="PythonでTransformerを書く", i="0123456789abcdef0123", b="最初の記事です。"))
    _write(tmp_path, "public/second.md", head.format(
        t="続・PythonでTransformerを書く", i="abcdef0123456789abcd",
        b="[前回](https://qiita.com/kaito/items/0123456789abcdef0123#まとめ)の続きです。"))
    _write(tmp_path, "public/new.md", head.format(t="新しい記事", i="null", b="まだです。"))
    _write(tmp_path, "feed.atom", """<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>kaitoの記事 - Qiita</title>
<entry><title>PythonでTransformerを書く</title>
<link rel="alternate" type="text/html" href="https://qiita.com/kaito/items/0123456789abcdef0123"/>
<id>tag:qiita.com,2005:PublicArticle/1</id><published>2023-05-01T10:00:00+09:00</published>
<content type="html">最初の記事です。</content></entry></feed>
""")
    r = read_paths([tmp_path])
    assert _cites(r.posts) == [("続・PythonでTransformerを書く", "PythonでTransformerを書く")]
    first = next(p for p in r.posts if p.title == "PythonでTransformerを書く")
    assert sorted(s.format for s in first.sources) == ["feed", "front-matter"]
    assert first.date == "2023-05-01"
    new = next(p for p in r.posts if p.title == "新しい記事")
    assert not any(a.startswith("qiita/") for a in new.aliases)


def test_a_platform_address_is_an_alias_of_the_post_it_names():
    assert "zenn/attention-cost" in url_aliases("https://zenn.dev/kaito/articles/attention-cost")


@pytest.mark.parametrize("url, slug", [
    ("https://velog.io/@kim/%ED%8A%B8%EB%9E%9C%EC%8A%A4%ED%8F%AC%EB%A8%B8-%EC%A0%95%EB%A6%AC",
     "트랜스포머-정리"),
    ("https://velog.io/@someone/React-상태-관리/", "react-상태-관리"),
    ("https://velog.io/@kim/series/트랜스포머", None),          # a series' page, not a post
    ("https://velog.io/@kim", None),
    ("https://example.org/@kim/React-상태-관리", None),
])
def test_velog_addresses(url, slug):
    assert velog_post_slug(url) == slug


def test_velog_slugs_are_made_from_titles_as_velog_makes_them():
    assert velog_slug("트랜스포머 정리 2편: 위치 인코딩") == "트랜스포머-정리-2편-위치-인코딩"
    assert velog_slug(" Next.js 13 — App Router (정리) ") == "next.js-13-app-router-정리"


def test_a_velog_backup_is_linked_by_the_slugs_of_its_titles(tmp_path):
    """velog-backup writes ``backup/content/TITLE.md`` with the title, the date and the
    tags, not the slug. Links between the posts are Velog addresses, percent-escaped or
    not, some under the author's former name: before the rule, none of the three was
    found; a link to another author's post of a title the backup does not hold is none."""
    def post(title, date, body, name=None):
        _write(tmp_path, f"backup/content/{name or title}.md",
               f'---\ntitle: "{title}"\ndescription: ""\ndate: {date}\ntags: ["dev"]\n---\n'
               f"{body}\n")

    post("트랜스포머 정리 1편", "2023-01-02T10:00:00.000Z", "셀프 어텐션.")
    post("트랜스포머 정리 2편: 위치 인코딩", "2023-01-09T10:00:00.000Z",
         "[지난 글](https://velog.io/@kim/%ED%8A%B8%EB%9E%9C%EC%8A%A4%ED%8F%AC%EB%A8%B8-"
         "%EC%A0%95%EB%A6%AC-1%ED%8E%B8)에서 어텐션을 봤다.", name="트랜스포머 정리 2편 위치 인코딩")
    post("React 상태 관리", "2023-02-01T10:00:00.000Z",
         "[트랜스포머](https://velog.io/@kim_old/트랜스포머-정리-2편-위치-인코딩) 와는 무관. "
         "[남의 글](https://velog.io/@lee/React-상태-관리-심화)")
    post("Next.js 13 정리", "2023-02-08T10:00:00.000Z",
         "[상태 관리](https://velog.io/@kim/React-상태-관리)를 참고.")
    assert _cites(read_paths([tmp_path]).posts) == [
        ("Next.js 13 정리", "React 상태 관리"),
        ("React 상태 관리", "트랜스포머 정리 2편: 위치 인코딩"),
        ("트랜스포머 정리 2편: 위치 인코딩", "트랜스포머 정리 1편")]


def _hashnode(folder, name, title, slug, body, extra=""):
    _write(folder, name, f'---\ntitle: "{title}"\nslug: {slug}\ntags: transformers, nlp\n'
           f"domain: blog.kaito.dev\n{extra}---\n\n{body}\n")


def test_hashnode_articles_published_from_github(tmp_path):
    """Hashnode's publishing from GitHub: each file names its blog's host (``domain``) and
    its ``slug``, which make its address; ``ignorePost: true`` and ``saveAsDraft: true``
    keep a file off the blog (both linked posts and were read as posts before)."""
    _hashnode(tmp_path, "posts/rope.md", "Rotary embeddings, explained", "rotary-embeddings",
              "See [linear attention](https://blog.kaito.dev/linear-attention#heading-kernels).")
    _hashnode(tmp_path, "posts/linear.md", "Linear attention", "linear-attention",
              "Compare with\n\n%[https://blog.kaito.dev/rotary-embeddings]\n",
              extra="enableToc: true\n")
    _hashnode(tmp_path, "posts/later.md", "Not yet", "not-yet",
              "See [rotary](https://blog.kaito.dev/rotary-embeddings).", extra="ignorePost: true\n")
    _hashnode(tmp_path, "posts/draft.md", "Draft two", "draft-two",
              "See [rotary](https://blog.kaito.dev/rotary-embeddings).", extra="saveAsDraft: true\n")
    r = read_paths([tmp_path])
    rope, linear = "Rotary embeddings, explained", "Linear attention"
    assert _cites(r.posts) == [(linear, rope), (rope, linear)]
    assert {p.title: p.url for p in r.posts} == {
        rope: "https://blog.kaito.dev/rotary-embeddings",
        linear: "https://blog.kaito.dev/linear-attention"}
    assert all(p.tags == ("transformers", "nlp") for p in r.posts)
    assert sorted(f.reason for f in r.fragments if "draft" in f.reason) == [
        "a draft (ignorePost: true), not published", "a draft (saveAsDraft: true), not published"]


def test_hashnode_backup_drafts_and_addresses(tmp_path):
    """Hashnode's GitHub backup names a published article by its CUID and a draft
    ``draft-ID.md`` (a 24-digit hexadecimal id); a file merely named ``draft-…`` is a
    post, and a ``domain`` that is no host name gives no address."""
    body = "[x](https://kaito.hashnode.dev/attention-cost)"
    _write(tmp_path, "draft-65f1c0a2b3d4e5f6a7b8c9d0.md",
           f'---\ntitle: "下書き"\nslug: shitagaki\n\n---\n\n{body}\n')
    _write(tmp_path, "draft-notes.md", f'---\ntitle: "Drafting notes"\n---\n\n{body}\n')
    _write(tmp_path, "clr8k2x1a000108l4attn2019.md",
           '---\ntitle: "Attention cost"\ndatePublished: Wed Jan 02 2019 23:30:00 GMT+0000 '
           "(Coordinated Universal Time)\ncuid: clr8k2x1a000108l4attn2019\n"
           "slug: attention-cost\ndomain: machine learning\ntags: attention\n\n---\n\nText.\n")
    r = read_paths([tmp_path])
    assert {p.title: (p.date, p.url) for p in r.posts} == {
        "Drafting notes": (None, None), "Attention cost": ("2019-01-02", None)}
    assert [f.path for f in r.fragments if f.reason.startswith("a draft")] == [
        f"{tmp_path.name}/draft-65f1c0a2b3d4e5f6a7b8c9d0.md"]


# ------------------------------------------------ addresses made of a post's title
def _tistory_page(folder, number, title, body):
    _write(folder, f"{number}.html",
           f'<html lang="ko"><head><meta charset="utf-8"><title>{title}</title>'
           f'<link rel="canonical" href="https://mlnote.tistory.com/{number}"></head><body>'
           f'<h1>{title}</h1><div class="entry-content"><div class="tt_article_useless_p_margin">'
           f"{body}</div></div></body></html>")


def test_an_address_made_of_a_title_names_the_post_of_that_title(tmp_path):
    """Tistory serves a post at /NUMBER and at /entry/TITLE (its title, spaces as -); a saved
    page names only the first. The second names the post only on the post's own host, and
    not from a tag's page or when two posts share the title."""
    _tistory_page(tmp_path, 10, "트랜스포머 입문", "<p>트랜스포머의 구조를 정리했다.</p>")
    _tistory_page(tmp_path, 11, "What's new in RoPE?", "<p>Rotary embeddings revisited.</p>")
    _tistory_page(tmp_path, 12, "위치 인코딩 비교", (
        '<p><a href="https://mlnote.tistory.com/entry/트랜스포머-입문">입문</a>과 '
        '<a href="/entry/Whats-new-in-RoPE">RoPE</a>를 참고. '
        '<a href="https://other.example/entry/트랜스포머-입문">남의 글</a>, '
        '<a href="https://mlnote.tistory.com/tag/트랜스포머-입문">태그</a>.</p>'))
    r = read_paths([tmp_path])
    assert _cites(r.posts) == [("위치 인코딩 비교", "What's new in RoPE?"),
                               ("위치 인코딩 비교", "트랜스포머 입문")]


def test_an_address_made_of_a_title_two_posts_share_names_neither(tmp_path):
    for number in (10, 11):
        _tistory_page(tmp_path, number, "주간 노트", f"<p>{number}주차의 메모.</p>")
    _tistory_page(tmp_path, 12, "정리", '<p><a href="/entry/주간-노트">노트</a>를 보라.</p>')
    r = read_paths([tmp_path])
    assert _cites(r.posts) == []
