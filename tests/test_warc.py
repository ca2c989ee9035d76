"""Web archives (WARC): a crawl's pages read as saved pages at the addresses the crawl
recorded, every other record reported, hostile archives bounded. The archives are
written here with warcio's writer."""

from __future__ import annotations

import gzip
import io

import pytest

from graphkit.options import BuildOptions
from graphkit.pipeline import relate
from graphkit.readers import read_paths
from graphkit.readers.html import mirror_address
from graphkit.readers.warc import mirror_name

warcio = pytest.importorskip("warcio")
from warcio.statusandheaders import StatusAndHeaders  # noqa: E402
from warcio.warcwriter import WARCWriter  # noqa: E402

HOST = "https://crawl.example"


def _page(title, body):
    return (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{title}</title></head>"
            f"<body><nav><a href='/'>Home</a> <a href='/about/'>About</a></nav><article>"
            f"<h1>{title}</h1>{body}</article></body></html>").encode()


def _warc(records, *, compress=True):
    """``records``: (kind, url, status, content type, body bytes or raw HTTP bytes)."""
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=compress)
    writer.write_record(writer.create_warcinfo_record("crawl.warc.gz",
                                                      {"software": "test"}))
    for kind, url, status, ctype, body in records:
        if kind == "raw":          # a response as received, its HTTP bytes as they are
            rec = writer.create_warc_record(url, "response", payload=io.BytesIO(body))
        elif kind == "request":
            http = StatusAndHeaders(f"GET {url} HTTP/1.1", [("Host", "crawl.example")],
                                    is_http_request=True)
            rec = writer.create_warc_record(url, "request", payload=io.BytesIO(b""),
                                            http_headers=http)
        else:
            headers = [("Content-Type", ctype)]
            if status.startswith("3"):
                headers.append(("Location", body.decode()))
                body = b""
            http = StatusAndHeaders(status, headers, protocol="HTTP/1.1")
            rec = writer.create_warc_record(url, kind, payload=io.BytesIO(body),
                                            http_headers=http)
        writer.write_record(rec)
    return buf.getvalue()


CRAWL = [
    ("response", f"{HOST}/posts/attention/", "200 OK", "text/html; charset=utf-8",
     _page("Attention basics", "<p>Queries, keys and values, step by step.</p>")),
    ("request", f"{HOST}/posts/rope/", "", "", b""),
    ("response", f"{HOST}/posts/rope/", "200 OK", "text/html",
     _page("RoPE explained", "<p>Builds on <a href='../attention/'>attention basics</a>."
                             "</p>")),
    ("response", f"{HOST}/?p=12", "200 OK", "text/html",
     _page("Linear attention", f"<p>Compare <a href='{HOST}/posts/rope/'>RoPE</a> and "
                               f"<a href='/old-attention'>the basics</a>.</p>")),
    ("response", f"{HOST}/old-attention", "301 Moved Permanently", "text/html",
     b"/posts/attention/"),
    ("response", f"{HOST}/missing/", "404 Not Found", "text/html", _page("Not found", "")),
    ("response", f"{HOST}/logo.png", "200 OK", "image/png", b"\x89PNG\r\n\x1a\n"),
    ("response", f"{HOST}/feed.xml", "200 OK", "application/rss+xml", b"<rss/>"),
]


def _read(tmp_path, data, name="crawl.warc.gz", **options):
    (tmp_path / name).write_bytes(data)
    return read_paths([tmp_path / name], **options)


def _cites(r):
    edges, _, _ = relate(r.posts, options=BuildOptions(layers=("cites",)))
    title = {p.key: p.title for p in r.posts}
    return sorted((title[e.source], title.get(e.target, e.target)) for e in edges)


def test_a_crawls_pages_are_posts_at_the_addresses_it_recorded(tmp_path):
    r = _read(tmp_path, _warc(CRAWL))
    assert {p.title: p.url for p in r.posts} == {
        "Attention basics": f"{HOST}/posts/attention/", "RoPE explained": f"{HOST}/posts/rope/",
        "Linear attention": f"{HOST}/?p=12"}
    assert _cites(r) == [("Linear attention", "RoPE explained"),
                         ("RoPE explained", "Attention basics")]


def test_every_other_record_is_reported_with_its_reason(tmp_path):
    r = _read(tmp_path, _warc(CRAWL))
    why = {f.path: f.error for f in r.files if f.error}
    assert why["crawl.warc.gz/crawl.example/old-attention"] == (
        "a redirect (301) to /posts/attention/, not a page")
    assert why["crawl.warc.gz/crawl.example/missing/index.html"] == (
        "an HTTP 404 response, not a page")
    assert why["crawl.warc.gz/crawl.example/logo.png"].startswith("a response of type image/png")
    assert why["crawl.warc.gz/crawl.example/feed.xml"].startswith(
        "a response of type application/rss+xml")
    assert why["crawl.warc.gz"] == "the crawl's own records (1 request, 1 warcinfo): no pages"


def test_chunked_and_compressed_responses_are_decoded(tmp_path):
    page = _page("Chunked page", "<p>Sent in pieces and compressed.</p>")
    packed = gzip.compress(page)
    chunks = b"".join(b"%x\r\n%s\r\n" % (len(packed[i:i + 50]), packed[i:i + 50])
                      for i in range(0, len(packed), 50)) + b"0\r\n\r\n"
    raw = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n"
           b"Content-Encoding: gzip\r\n\r\n" + chunks)
    r = _read(tmp_path, _warc([("raw", f"{HOST}/chunked/", "", "", raw)]))
    assert [(p.title, p.text) for p in r.posts] == [("Chunked page",
                                                     "Sent in pieces and compressed.")]


@pytest.mark.parametrize("compress, whole_gzip", [(False, False), (False, True)])
def test_plain_and_wholly_compressed_archives_are_read(tmp_path, compress, whole_gzip):
    data = _warc(CRAWL[:1], compress=compress)
    name = "crawl.warc"
    if whole_gzip:                  # one gzip stream, not one per record
        data, name = gzip.compress(data), "crawl.warc.gz"
    r = _read(tmp_path, data, name=name)
    assert [p.title for p in r.posts] == ["Attention basics"]


def test_a_broken_or_truncated_archive_is_reported_not_raised(tmp_path):
    (tmp_path / "j").mkdir()
    (tmp_path / "j" / "junk.warc").write_bytes(b"not a warc at all\n" * 10)
    (tmp_path / "j" / "note.md").write_text("# A note\n\nText.\n", encoding="utf-8")
    r = read_paths([tmp_path / "j"])
    assert [p.title for p in r.posts] == ["A note"]
    (junk,) = [f for f in r.files if f.path.endswith("junk.warc")]
    assert junk.error == "not read: not a WARC file (it does not open with a WARC/1.x record)"
    data = _warc(CRAWL)
    r = _read(tmp_path, data[: len(data) * 2 // 3], name="cut.warc.gz")
    assert "Attention basics" in [p.title for p in r.posts]
    assert any("the rest not read" in (f.error or "") for f in r.files)


def test_a_header_line_without_end_stops_the_reading(tmp_path):
    bomb = gzip.compress(b"WARC/1.0\r\nWARC-Type: response\r\nX-Long: " + b"a" * (8 << 20))
    (tmp_path / "bomb.warc.gz").write_bytes(bomb)
    (tmp_path / "note.md").write_text("# A note\n\nText.\n", encoding="utf-8")
    r = read_paths([tmp_path])
    assert [p.title for p in r.posts] == ["A note"]
    (entry,) = [f for f in r.files if f.path.endswith("bomb.warc.gz")]
    assert entry.error == "the rest not read: a line of more than 1048576 bytes"


def test_the_archive_budget_holds_for_a_warc(tmp_path):
    pages = [("response", f"{HOST}/p/{i}/", "200 OK", "text/html",
              _page(f"Post {i}", "<p>" + "word " * 2000 + "</p>")) for i in range(20)]
    r = _read(tmp_path, _warc(pages), max_archive_bytes=50_000)
    assert 0 < len(r.posts) < 20
    assert any((f.error or "").startswith("the rest not read: the archive gave more than")
               for f in r.files)


def test_mirror_names_and_addresses_agree():
    for url in (f"{HOST}/posts/a/", f"{HOST}/2020/01/x.html", f"{HOST}/?p=12",
                f"{HOST}/a/?p=1&q=2"):
        assert mirror_address("crawl.warc.gz/" + mirror_name(url)) == url
    assert mirror_name("mailto:a@b.example") is None and mirror_name("dns:crawl.example") is None


def test_a_brotli_compressed_response_is_decoded(tmp_path):
    brotli = pytest.importorskip("brotli")
    page = _page("Brotli page", "<p>Compressed the way browsers ask for.</p>")
    raw = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: br\r\n"
           b"Content-Length: %d\r\n\r\n" % len(brotli.compress(page))) + brotli.compress(page)
    r = _read(tmp_path, _warc([("raw", f"{HOST}/br/", "", "", raw)]))
    assert [(p.title, p.text) for p in r.posts] == [("Brotli page",
                                                     "Compressed the way browsers ask for.")]


def test_an_encoding_not_undone_or_broken_is_reported(tmp_path):
    page = _page("Zstd page", "<p>Text.</p>")
    zstd = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: zstd\r\n"
            b"Content-Length: %d\r\n\r\n" % len(page)) + page
    broken = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: br\r\n"
              b"Content-Length: 9\r\n\r\nnot brotl")
    r = _read(tmp_path, _warc(CRAWL[:1] + [("raw", f"{HOST}/z/", "", "", zstd),
                                           ("raw", f"{HOST}/b/", "", "", broken)]))
    assert [p.title for p in r.posts] == ["Attention basics"]
    why = {f.path: f.error for f in r.files if f.error}
    assert why["crawl.warc.gz/crawl.example/z/index.html"] == (
        "a response compressed as zstd, which graphkit does not undo")
    assert why["crawl.warc.gz/crawl.example/b/index.html"].startswith(
        "a response whose encoding is broken (Brotli")


def test_a_brotli_bomb_stops_at_the_file_limit(tmp_path):
    brotli = pytest.importorskip("brotli")
    bomb = brotli.compress(b"<html><body><p>" + b"a" * (50 << 20))
    raw = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: br\r\n"
           b"Content-Length: %d\r\n\r\n" % len(bomb)) + bomb
    r = _read(tmp_path, _warc(CRAWL[:1] + [("raw", f"{HOST}/bomb/", "", "", raw)]),
              max_file_bytes=1 << 20)
    why = {f.path: f.error for f in r.files if f.error}
    assert why["crawl.warc.gz/crawl.example/bomb/index.html"].startswith(
        f"more than the limit of {1 << 20} bytes")
