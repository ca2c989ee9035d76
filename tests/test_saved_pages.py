"""Pages a reader saved from a browser (tests/fixtures/zoo/saved/): "Webpage, Complete"
(``X.html`` beside ``X_files/``), "Webpage, Single File" (MHTML), the SingleFile
extension; the address each names, and what was saved with a page but is not a post.
"""

from __future__ import annotations

import pytest
from conftest import FIXTURES

from graphkit.options import BuildOptions
from graphkit.pipeline import relate
from graphkit.readers import read_paths, read_text
from graphkit.readers.html import saved_from

SAVED = FIXTURES / "zoo" / "saved"
ROPE = "旋转位置编码的直观理解"


@pytest.fixture(scope="module")
def saved():
    return read_paths([SAVED])


def test_a_page_without_a_canonical_link_is_named_by_the_mark_of_the_web(saved):
    """``位置编码的外推实验`` has no canonical link and no ``og:url``: Chrome's
    ``<!-- saved from url=(0042)… -->`` names it, so links to it by address resolve."""
    text = (SAVED / "位置编码的外推实验 – 测试.html").read_text(encoding="utf-8")
    assert 'rel="canonical"' not in text and "saved from url=" in text
    urls = {p.title: p.url for p in saved.posts}
    assert urls["位置编码的外推实验"] == "https://saved.example/2021/07/08/extra-slug/"


def test_the_frames_a_browser_saved_with_a_page_are_not_posts(saved):
    """Each ``X_files/saved_resource.html`` (the comment widget's frame, which links two
    posts) is set aside as part of ``X.html``; the scripts and styles are code."""
    frames = [f for f in saved.fragments if f.path.endswith("_files/saved_resource.html")
              and f.reason.startswith("saved with the page")]
    assert len(frames) == 5
    for f in frames:
        page = f.path.rsplit("_files/", 1)[0] + ".html"
        assert f"saved with the page {page} " in f.reason
    assert not any(p.title == "Disqus Comments" for p in saved.posts)


def test_a_files_folder_without_its_page_is_read(tmp_path):
    """``notes_files/`` is a saved page's folder only when ``notes.html`` is beside it."""
    folder = tmp_path / "notes_files"
    folder.mkdir()
    (folder / "a.html").write_text(
        "<html><head><title>甲</title></head><body><article><h1>甲</h1><p>正文。</p>"
        "</article></body></html>", encoding="utf-8")
    r = read_paths([tmp_path])
    assert [p.title for p in r.posts] == ["甲"]


def test_an_mhtml_archive_is_its_page(saved):
    """Chrome's "Webpage, Single File": the part at the snapshot's address, decoded from
    quoted-printable, is the post; its frame (a second ``text/html`` part) is reported."""
    name = f"{ROPE} – 测试.mhtml"
    (post,) = [p for p in saved.posts if p.title == ROPE]
    assert [s.path for s in post.sources] == [f"saved/{name}"]
    assert post.url == "https://saved.example/2020/03/04/rope-slug/"
    assert post.date == "2020-03-04" and "写进了向量的相位里" in post.text
    assert "0 条评论" not in post.text and "=E6" not in post.text
    lines = (SAVED / name).read_text(encoding="utf-8").splitlines()
    (frames,) = [f for f in saved.fragments if f.path == f"saved/{name}"
                 and "frame page" in f.reason]
    # reported at the page's part, not at the archive's own headers
    assert lines[frames.line - 1] == "Content-Location: " + post.url
    (report,) = [f for f in saved.files if f.path == f"saved/{name}"]
    assert report.format == "mhtml" and report.posts == 1


@pytest.mark.parametrize("name, text, posts, words", [
    ("page.mht", "MIME-Version: 1.0\nContent-Type: text/plain\n\nhello\n", 0, "without an HTML"),
    ("snapshot", "From: <Saved by Blink>\nMIME-Version: 1.0\nContent-Type: multipart/related;"
                 ' boundary="b"\n\n--b\nContent-Type: text/html\nContent-Transfer-Encoding: '
                 "quoted-printable\n\n<html><body><article><h1>=E7=94=B2</h1><p>=E6=AD=A3"
                 "=E6=96=87=E3=80=82</p></article></body></html>\n--b--\n", 1, None),
])
def test_mhtml_by_name_or_by_content(name, text, posts, words):
    layout, found, frags = read_text(text, name)
    assert layout == "mhtml" and len(found) == posts
    if posts:
        assert found[0].title == "甲" and found[0].text == "正文。"
    else:
        assert any(words in f.reason for f in frags)


@pytest.mark.parametrize("head, url", [
    ("<!DOCTYPE html>\n<!-- saved from url=(0029)https://a.example/x/?q=1 -->\n<html>",
     "https://a.example/x/?q=1"),
    ("<!DOCTYPE html> <html><!--\n Page saved with SingleFile \n url: https://b.example/p/1 \n"
     " saved date: Wed Sep 24 2026\n--><head>", "https://b.example/p/1"),
    ("<!-- saved from url=(0014)about:internet -->\n<html>", None),
    ("<html>\n<!-- Mirrored from blog.example/archives/12/ by HTTrack Website Copier/3.x "
     "[XR&CO'2014], Mon, 01 Jan 2024 10:00:00 GMT -->\n<head>",
     "https://blog.example/archives/12/"),
    ("<html><head></head><body>" + "<p>正文。</p>" * 400 + "</body>\n<!-- Mirrored from "
     "blog.example/a.html by HTTrack Website Copier/3.x [XR&CO'2014], Mon, 01 Jan 2024 -->"
     "\n</html>", "https://blog.example/a.html"),
    ("<html><body><p>saved from url=(0010)https://c.example/</p>", None),
])
def test_what_names_the_address_a_page_was_saved_from(head, url):
    assert saved_from(head) == url


def test_the_meta_line_is_not_the_posts_text_and_its_tags_are_read():
    """WordPress' ``entry-meta``, minima's and PaperMod's ``post-meta``: the date,
    the author and tag links, inside the post's element."""
    page = ('<html><body><article><h1>甲</h1><div class="post-meta"><time datetime='
            '"2020-03-04">2020-03-04</time> · 作者 · <a rel="tag" href="/tags/ml/">机器学习</a>'
            '</div><p>正文。</p></article></body></html>')
    _, (post,), frags = read_text(page, "blog/a.html")
    assert post.text == "正文。" and post.date == "2020-03-04" and post.tags == ("机器学习",)
    assert any("div.post-meta" in f.reason for f in frags)


# ------------------------------------------------------------------ WeChat articles

WEIXIN = FIXTURES / "zoo" / "weixin"


@pytest.mark.parametrize("url, found", [
    ("http://mp.weixin.qq.com/s?__biz=MzI0NTc4OTk1Mg==&mid=2247483650&idx=2&sn=8e&chksm=f0"
     "&scene=21#wechat_redirect", "MzI0NTc4OTk1Mg==/2247483650/2"),
    ("https://mp.weixin.qq.com/s?__biz=MzI0NTc4OTk1Mg%3D%3D&mid=2247483650&sn=8e",
     "MzI0NTc4OTk1Mg==/2247483650/1"),
    ("http://mp.weixin.qq.com/mp/appmsg/show?__biz=MzI0&appmsgid=100&itemidx=3&sign=0a#rd",
     "MzI0/100/3"),
    ("https://mp.weixin.qq.com/s/Xk2pQm8vR1a", None),
    ("https://example.com/s?__biz=MzI0&mid=1&idx=1", None),
    ("https://mp.weixin.qq.com/s?__biz=MzI0&mid=abc&idx=1", None),
])
def test_a_wechat_article_is_named_by_account_message_and_position(url, found):
    from graphkit.sites import weixin_article_id

    assert weixin_article_id(url) == found


def test_a_saved_wechat_article():
    """The article is ``#js_content`` under ``#activity-name``; the page names itself by
    the variables of its scripts when it was saved from a short address; its date is
    ``#publish_time``, else (saved before the scripts filled it) the scripts' ``ct`` on
    Beijing's clock; the reader comments below it are not its text."""
    r = read_paths([WEIXIN])
    posts = {p.title: p for p in r.posts}
    rope = posts[ROPE]
    assert rope.url == "https://mp.weixin.qq.com/s/Xk2pQm8vR1a"
    assert "weixin/MzI0NTc4OTk1Mg==/2247483650/1" in rope.aliases
    assert rope.text.startswith("旋转位置编码把位置信息") and "精选留言" not in rope.text
    linear = posts["线性注意力的简单推导"]
    page = (WEIXIN / "线性注意力的简单推导.html").read_text(encoding="utf-8")
    assert '<em id="publish_time" class="rich_media_meta rich_media_meta_text"></em>' in page
    assert linear.date == "2020-05-06"
    assert "weixin/MzI0NTc4OTk1Mg==/2247483650/2" in linear.aliases
    # the two articles of one message are two posts
    assert rope.key != linear.key


def test_a_wechat_articles_date_on_beijings_clock():
    """``ct`` is Unix seconds: 2020-05-05T16:30Z is the 6th in Beijing."""
    page = ('<html><head><script>var ct = "1588696200";</script></head><body>'
            '<h1 id="activity-name">甲</h1><em id="publish_time"></em>'
            '<div id="js_content"><p>正文。</p></div></body></html>')
    _, (post,), _ = read_text(page, "a.html")
    assert post.title == "甲" and post.date == "2020-05-06" and post.text == "正文。"


def _webarchive(page: bytes, address: str | None, *, frames: tuple[bytes, ...] = (),
                encoding: str = "UTF-8", binary: bool = True) -> bytes:
    import plistlib

    main = {"WebResourceData": page, "WebResourceMIMEType": "text/html",
            "WebResourceTextEncodingName": encoding, "WebResourceFrameName": ""}
    if address:
        main["WebResourceURL"] = address
    archive = {"WebMainResource": main,
               "WebSubresources": [{"WebResourceData": b"\x89PNG\r\n", "WebResourceMIMEType":
                                    "image/png", "WebResourceURL": "https://saved.example/a.png"}],
               "WebSubframeArchives": [{"WebMainResource": {
                   "WebResourceData": f, "WebResourceMIMEType": "text/html",
                   "WebResourceURL": "https://comments.example/embed"}} for f in frames]}
    return plistlib.dumps(archive, fmt=plistlib.FMT_BINARY if binary else plistlib.FMT_XML)


def test_a_page_safari_saved_as_a_web_archive_is_read_as_the_page(tmp_path):
    """The zoo's saved blog with one page as Safari saves it (``.webarchive``, a binary
    property list holding the page, its address and its comment frame): the same six
    posts and citations as from the page saved by Chrome; the frame is reported."""
    import json
    import shutil

    name = "位置编码的外推实验 – 测试"
    blog = tmp_path / "saved"
    shutil.copytree(SAVED, blog)
    page = (blog / f"{name}.html").read_bytes()
    frame = (blog / f"{name}_files" / "saved_resource.html").read_bytes()
    (blog / f"{name}.html").unlink()
    shutil.rmtree(blog / f"{name}_files")
    (blog / f"{name}.webarchive").write_bytes(
        _webarchive(page, "https://saved.example/2021/07/08/extra-slug/", frames=(frame,)))
    r = read_paths([blog])
    (report,) = [f for f in r.files if f.path.endswith(".webarchive")]
    assert report.format == "webarchive" and report.posts == 1
    post = next(p for p in r.posts if p.title == "位置编码的外推实验")
    assert post.url == "https://saved.example/2021/07/08/extra-slug/" and post.date == "2021-07-08"
    assert any("1 frame page(s)" in f.reason for f in r.fragments
               if f.path.endswith(".webarchive"))
    edges, _, _ = relate(r.posts, options=BuildOptions(layers=("cites",)))
    title = {p.key: p.title for p in r.posts}
    got = {(title[e.source], title.get(e.target, e.target)) for e in edges}
    truth = json.loads((SAVED / "truth.json").read_text(encoding="utf-8"))
    assert got == {tuple(x) for x in truth["cites"]}


def test_a_web_archive_in_its_own_encoding_or_as_xml():
    from graphkit.readers.html import read_webarchive

    page = "<html><body><article><h1>标题</h1><p>正文第一段。</p></article></body></html>"
    for data in (_webarchive(page.encode("gb18030"), "https://b.example/a/", encoding="GBK"),
                 _webarchive(page.encode(), "https://b.example/a/", binary=False)):
        (post,), _ = read_webarchive(data, "a.webarchive")
        assert (post.title, post.text, post.url) == ("标题", "正文第一段。", "https://b.example/a/")


@pytest.mark.parametrize("data, why", [
    (b"bplist00" + b"\x00" * 40, "not a web archive"),
    (b"bplist00\xd1\x01\x02" + b"\xff" * 30, "not a web archive"),
    (__import__("plistlib").dumps({"a": 1}, fmt=__import__("plistlib").FMT_BINARY),
     "without a web archive's main resource"),
    (__import__("plistlib").dumps({"WebMainResource": {"WebResourceData": b"GIF89a",
                                   "WebResourceMIMEType": "image/gif"}},
                                  fmt=__import__("plistlib").FMT_BINARY), "of image/gif"),
])
def test_a_broken_web_archive_is_reported_not_raised(data, why, tmp_path):
    (tmp_path / "x.webarchive").write_bytes(data)
    (tmp_path / "ok.md").write_text("# 标题\n\n正文。\n", encoding="utf-8")
    r = read_paths([tmp_path])
    (frag,) = [f for f in r.fragments if f.path.endswith("x.webarchive")]
    assert why in frag.reason and frag.line == 1
    (report,) = [f for f in r.files if f.path.endswith("x.webarchive")]
    assert report.posts == 0 and report.error


JIANSHU = FIXTURES / "zoo" / "jianshu"


def test_a_page_that_names_no_address_is_named_by_the_pages_that_list_it():
    """简书 (tests/fixtures/zoo/jianshu/): one page saved with no mark, no canonical link
    and no ``og:url``. The other pages' recommendations list it under its whole title by
    ``/p/ID``, read from each listing page's own address."""
    page = (JIANSHU / f"{ROPE} - 简书.html").read_text(encoding="utf-8")
    assert "saved from url=" not in page and "canonical" not in page and "og:url" not in page
    r = read_paths([JIANSHU])
    assert {p.title: p.url for p in r.posts}[ROPE] == "https://www.jianshu.com/p/5e6f7a8b9c0d"
    assert all(p.listed == () for p in r.posts)


def _unmarked(title: str, links: str, *, address: str | None = None) -> str:
    mark = f"<!-- saved from url=(0030){address} -->\n" if address else ""
    return (f"{mark}<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
            f"<p>{title}的正文，写得足够长的一句话。</p></article><aside>{links}</aside></body></html>")


@pytest.mark.parametrize("listing, named", [
    ('<a href="/p/2">旋转位置编码</a>', "https://b.example/p/2"),          # read from the lister
    ('<a href="https://b.example/p/2?from=side#top"> 旋转位置编码 </a>', "https://b.example/p/2"),
    ('<a href="/tag/rope/">旋转位置编码</a>', None),                        # a tag page
    ('<a href="/p/2">旋转位置编码</a><a href="/p/3">旋转位置编码</a>', None),   # two addresses
    ('<a href="/p/1">旋转位置编码</a>', None),                              # the lister's own
    ('<a href="/p/2">旋转位置</a>', None),                                  # not its whole title
])
def test_which_listing_names_an_unnamed_page(listing, named, tmp_path):
    (tmp_path / "a.html").write_text(_unmarked("线性注意力", listing, address="https://b.example/p/1"),
                                     encoding="utf-8")
    (tmp_path / "b.html").write_text(_unmarked("旋转位置编码", ""), encoding="utf-8")
    r = read_paths([tmp_path])
    assert {p.title: p.url for p in r.posts}["旋转位置编码"] == named


def test_a_listing_inside_the_posts_element_names_a_page_too(tmp_path):
    """The previous and next post inside the ``<article>`` (removed from the post's text as
    the theme's furniture) still list the unnamed page's address."""
    (tmp_path / "a.html").write_text(
        "<!-- saved from url=(0020)https://b.example/p/1 -->\n<html><body><article><h1>线性注意力</h1>"
        "<p>线性注意力的正文，写得足够长的一句话。</p><nav class='post-navigation'>"
        "<a href='/p/2' rel='next'>旋转位置编码</a></nav></article></body></html>",
        encoding="utf-8")
    (tmp_path / "b.html").write_text(_unmarked("旋转位置编码", ""), encoding="utf-8")
    r = read_paths([tmp_path])
    by_title = {p.title: p for p in r.posts}
    assert by_title["旋转位置编码"].url == "https://b.example/p/2"
    assert not by_title["线性注意力"].links       # (the navigation is no citation)
