"""A post's tags and categories, as its page shows them: tests/fixtures/page-tags/, one
saved page per theme's way of showing them (see its README). A tag that is not the
post's makes a shared-tag edge to every post carrying it: a sidebar's list of the
site's tags on every page ties every post to every other."""

from __future__ import annotations

import pytest
from conftest import FIXTURES

from graphkit.readers import read_paths
from graphkit.readers.html import read_html

TAGS = FIXTURES / "page-tags"
SHOWN = {   # each page: (its post's tags, its categories)
    "hexo-landscape-sidebar.html": (("diffusion", "score"), ()),
    "next-hash-tags.html": (("谱归一化", "gan"), ()),
    "docusaurus-joined-tags.html": (("random features", "kernel"), ()),
    "wordpress-category-tag.html": (("beam search", "NLP"), ("Decoding",)),
    "anzhiyu-unmarked-tags.html": (("vae", "量化"), ()),
    "papermod-post-tags.html": (("Optimization", "Machine Learning"), ()),
    "jekyll-tag-anchors.html": (("deep learning", "GAN"), ()),
    "hexo-category-tree.html": (("diffusion",), ("notes", "Generative Models")),
    "posted-in-line.html": (("priors", "shrinkage"), ("Statistics", "Bayesian Methods")),
    "butterfly-header-meta.html": (("谱归一化", "GAN"), ("生成模型", "GAN")),
    "pelican-in-line.html": (("矩阵", "Économie"), ("数学",)),
    "material-blog-post.html": (("bf16", "loss scaling"), ("Numerics", "训练")),
    "quarto-title-block.html": ((), ("bayesian", "multilevel models")),
    "csdn-labelled-terms.html": (("人工智能", "python"), ("Python杂谈", "人工智能")),
}


@pytest.mark.parametrize("name", sorted(SHOWN))
def test_a_page_gives_the_tags_and_categories_of_its_post(name):
    (post,), _ = read_html((TAGS / name).read_text(encoding="utf-8"), name)
    assert (post.tags, post.categories) == SHOWN[name]


def test_the_fixture_folder_holds_the_pages_tested():
    assert sorted(p.name for p in TAGS.glob("*.html")) == sorted(SHOWN)


def test_a_word_linked_to_its_tags_page_in_a_sentence_is_no_tag():
    """kexue.fm links a term to its tag's page inside a sentence; a theme's unmarked
    line of tags holds nothing but the links (and a label)."""
    page = ('<html><head><title>T</title></head><body><article><h1>T</h1>'
            '<p>它沿用了<a href="/tag/vae/">VAE</a>之名，但实际上是一个自编码器，'
            '这个名字已经被叫开了。</p>'
            '<div>标签：<a href="/tags/ae/">AE</a> · <a href="/tags/%E9%87%8F%E5%8C%96/">量化'
            "</a></div></article></body></html>")
    (post,), _ = read_html(page, "t.html")
    assert post.tags == ("AE", "量化")


def test_a_page_without_article_gives_the_tag_line_beside_its_post():
    """Without ``<article>``, the unmarked line of tags around the post's element (found
    by Readability's scoring) is the post's; the sidebar's and the footer's tag links
    are not, nor, on a page whose post element is not found, any."""
    post = ('<div class="post"><h1>T</h1><div class="meta">Posted on May 3, 2020 · Tags: '
            '<a href="/tags/a/">a</a>, <a href="/tags/b-c/">b c</a></div><div class="entry">'
            "<p>Some text of the post, long enough to be its body, with a comma, or two.</p>"
            "<p>A second paragraph of the post, which says more, and more again.</p></div>"
            "</div>")
    furniture = ('<div class="sidebar"><a href="/tags/c/">c</a> <a href="/tags/d/">d</a></div>'
                 '<footer>Tags: <a href="/tags/e/">e</a></footer>')
    page = f"<html><head><title>T</title></head><body>{post}{furniture}</body></html>"
    (got,), _ = read_html(page, "t.html")
    assert got.tags == ("a", "b c")
    bare = ("<html><head><title>T</title></head><body><p>x</p>"
            '<div>Tags: <a href="/tags/a/">a</a></div></body></html>')
    (got,), _ = read_html(bare, "t.html")
    assert got.tags == ()


def test_a_blog_of_landscape_pages_ties_posts_by_their_own_tags_only(tmp_path):
    """Three posts of a Hexo landscape blog, each page with the sidebar naming every
    tag: each post keeps its own two, so two posts share a tag and the third none."""
    text = (TAGS / "hexo-landscape-sidebar.html").read_text(encoding="utf-8")
    own = {"a": ("diffusion", "score"), "b": ("score", "kernel"), "c": ("vae", "attention")}
    for slug, (t1, t2) in own.items():
        page = (text.replace("Score matching, slowly", f"Post {slug}")
                .replace('href="/tags/diffusion/" rel="tag">diffusion</a></li><li class="article'
                         '-tag-list-item"><a class="article-tag-list-link" href="/tags/score/" '
                         'rel="tag">score</a>',
                         f'href="/tags/{t1}/" rel="tag">{t1}</a></li><li class="article-tag-list'
                         f'-item"><a class="article-tag-list-link" href="/tags/{t2}/" rel="tag">'
                         f"{t2}</a>"))
        (tmp_path / f"{slug}.html").write_text(page, encoding="utf-8")
    posts = read_paths([tmp_path]).posts
    assert {p.title: p.tags for p in posts} == {f"Post {s}": t for s, t in own.items()}


def test_a_feed_entry_gives_way_to_the_page_that_tells_its_tags_from_its_categories(tmp_path):
    """An Atom entry lists the post's category among its tags (Pelican, Jekyll,
    WordPress write both as ``<category>``); the post's page says which is which."""
    site = tmp_path / "site"
    (site / "feeds").mkdir(parents=True)
    page = (TAGS / "pelican-in-line.html").read_text(encoding="utf-8")
    (site / "random-spectra.html").write_text(page, encoding="utf-8")
    (site / "feeds" / "all.atom.xml").write_text(
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        '<title>小站</title><link href="https://xiaozhan.example.cn/"/><id>https://xiaozhan.'
        'example.cn/</id><updated>2021-09-12T00:00:00+08:00</updated><entry><title>随机矩阵的谱'
        '</title><link href="https://xiaozhan.example.cn/random-spectra.html" rel="alternate"/>'
        '<published>2021-09-12T00:00:00+08:00</published><updated>2021-09-12T00:00:00+08:00'
        '</updated><id>tag:xiaozhan.example.cn,2021-09-12:/random-spectra.html</id><summary '
        'type="html">大矩阵的特征值分布收敛到半圆律。</summary><category term="数学"/>'
        '<category term="矩阵"/><category term="Économie"/></entry></feed>', encoding="utf-8")
    (post,) = read_paths([site]).posts
    assert (post.tags, post.categories) == (("矩阵", "Économie"), ("数学",))


def test_metadata_blocks_of_several_posts_give_no_terms():
    """A page whose post metadata block is one of several (related posts' cards, each
    with its own) takes no categories from them: none is known to be the post's."""
    card = ('<div class="post-meta">in <a href="/category/{0}/">{0}</a></div>'
            '<a href="/p/{0}/">A post on {0}</a>')
    page = ("<html><head><title>T</title></head><body><div class='content'><h2>T</h2>"
            "<p>Text of the post, long enough to be its body, with a comma, or two.</p></div>"
            f"<div class='cards'>{card.format('alpha')}{card.format('beta')}</div></body></html>")
    (post,), _ = read_html(page, "t.html")
    assert post.categories == ()


def test_a_label_names_its_links_only_up_to_words_that_are_no_link():
    """After a label, the links are its terms until words that are no link end the
    line; a sentence that names a label word links nothing as a term."""
    page = ("<html><head><title>T</title></head><body><article><h1>T</h1>"
            "<p>Some text of the post, long enough to be its body, with a comma, or two.</p>"
            "<div class='meta'><b>Tags:</b> <a href='/s?q=a'>a</a>, <a href='/s?q=b'>b</a>"
            " and more words <a href='/s?q=c'>c</a></div>"
            "<p>The word tags: in a sentence, then <a href='/x/'>a link</a> of the post.</p>"
            "</article></body></html>")
    (post,), _ = read_html(page, "t.html")
    assert (post.tags, post.categories) == (("a", "b"), ())


def _atom(generator: str, link: str) -> str:
    return ('<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
            f'<generator uri="https://example.org/">{generator}</generator><title>B</title>'
            '<link href="https://b.example.org/"/><id>https://b.example.org/</id>'
            '<updated>2020-01-05T00:00:00+00:00</updated><entry><title>Kernels, slowly'
            f'</title><link href="{link}" rel="alternate"/><published>2020-01-05T00:00:00'
            '+00:00</published><updated>2020-01-05T00:00:00+00:00</updated><id>x</id>'
            '<content type="html">A post about kernels.</content><category term="ml"/>'
            '<category term="Deep Learning"/><category term="kernels"/>'
            '<category term="rff"/></entry></feed>')


def test_a_jekyll_feed_tells_the_categories_its_addresses_name_from_the_tags(tmp_path):
    """jekyll-feed writes categories and tags alike; Jekyll's date permalink names the
    post's categories before its day, so those terms are categories, the rest tags."""
    (tmp_path / "feed.xml").write_text(_atom(
        "Jekyll", "https://b.example.org/ml/deep%20learning/2020/01/05/kernels.html"),
        encoding="utf-8")
    (post,) = read_paths([tmp_path / "feed.xml"]).posts
    assert (post.tags, post.categories) == (("kernels", "rff"), ("ml", "Deep Learning"))


@pytest.mark.parametrize("link", [
    "https://b.example.org/ml/deep-learning/kernels/",            # /:categories/:title/
    "https://b.example.org/ml/deep%20learning/kernels.html",      # none
    "https://b.example.org/blog/ml/deep-learning/2020/005/kernels.html",   # ordinal, baseurl
    "https://b.example.org/ml/deep-learning/2020/W01/sun/kernels.html"])   # weekdate
def test_a_jekyll_feed_address_without_a_day_names_the_categories_before_the_post(
        tmp_path, link):
    """Jekyll's other permalinks name the categories before the post's name, or before
    its year; the folders before them (a baseurl) name no term."""
    (tmp_path / "feed.xml").write_text(_atom("Jekyll", link), encoding="utf-8")
    (post,) = read_paths([tmp_path / "feed.xml"]).posts
    assert (post.tags, post.categories) == (("kernels", "rff"), ("ml", "Deep Learning"))


@pytest.mark.parametrize("generator, link", [
    ("Jekyll", "https://b.example.org/posts/kernels/"),    # no folder names a term
    ("Jekyll", "https://b.example.org/ml/notes/kernels/"),  # the one before the post names none
    ("Hugo", "https://b.example.org/ml/2020/01/05/kernels/")])   # another generator's
def test_a_feed_whose_addresses_name_no_categories_keeps_its_terms_as_tags(
        tmp_path, generator, link):
    (tmp_path / "feed.xml").write_text(_atom(generator, link), encoding="utf-8")
    (post,) = read_paths([tmp_path / "feed.xml"]).posts
    assert (post.tags, post.categories) == (("ml", "Deep Learning", "kernels", "rff"), ())
