"""Write the zoo's web archive, ``tests/fixtures/zoo/warc/crawl.warc.gz``, from the
zoo's ``mirror/`` site: each saved page as the response a crawler recorded at its
address, with the records a crawl also holds (its ``warcinfo``, a request per page, a
redirect, a missing page, an image, the sitemap, one page sent chunked and compressed).
Run from the repository's top: ``python tests/make_zoo_warc.py`` (the archive is
committed; warcio writes it, with fixed dates and identifiers, so that it is the same
every time).
"""

from __future__ import annotations

import gzip
import io
from pathlib import Path
from urllib.parse import quote

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

ZOO = Path(__file__).parent / "fixtures" / "zoo"
SITE = ZOO / "mirror" / "mirror.example"
OUT = ZOO / "warc" / "crawl.warc.gz"
DATE = "2024-05-01T12:00:00Z"


def _record(writer, url, kind, payload, http=None, n=[0]):
    n[0] += 1
    headers = {"WARC-Date": DATE, "WARC-Record-ID": f"<urn:uuid:00000000-0000-4000-8000-"
                                                     f"{n[0]:012d}>"}
    rec = writer.create_warc_record(url, kind, payload=io.BytesIO(payload),
                                    http_headers=http, warc_headers_dict=headers)
    writer.write_record(rec)


def main() -> None:
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True)
    _record(writer, "", "warcinfo", b"software: graphkit test fixture\r\nformat: WARC 1.1\r\n")
    for path in sorted(SITE.rglob("*")):
        if not path.is_file() or path.suffix != ".html":
            continue
        rel = quote(path.relative_to(SITE).as_posix())     # (as a crawler records it)
        url = "https://mirror.example/" + rel.removesuffix("index.html")
        page = path.read_bytes()
        get = StatusAndHeaders(f"GET /{rel.removesuffix('index.html')} HTTP/1.1",
                               [("Host", "mirror.example")], is_http_request=True)
        _record(writer, url, "request", b"", get)
        if rel == "posts/rope/index.html":      # sent chunked and gzip-compressed
            packed = gzip.compress(page, mtime=0)
            body = b"".join(b"%x\r\n%s\r\n" % (len(packed[i:i + 700]), packed[i:i + 700])
                            for i in range(0, len(packed), 700)) + b"0\r\n\r\n"
            raw = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
                   b"Transfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n\r\n" + body)
            _record(writer, url, "response", raw)
            continue
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")],
                                protocol="HTTP/1.1")
        _record(writer, url, "response", page, http)
    for url, status, headers, body in (
            ("https://mirror.example/2020/rope/", "301 Moved Permanently",
             [("Location", "https://mirror.example/posts/rope/")], b""),
            ("https://mirror.example/posts/gone/", "404 Not Found",
             [("Content-Type", "text/html")], b"<html><body><h1>Not found</h1></body></html>"),
            ("https://mirror.example/images/logo.png", "200 OK",
             [("Content-Type", "image/png")], b"\x89PNG\r\n\x1a\n"),
            ("https://mirror.example/sitemap.xml", "200 OK",
             [("Content-Type", "application/xml")], (SITE / "sitemap.xml").read_bytes())):
        _record(writer, url, "response", body,
                StatusAndHeaders(status, headers, protocol="HTTP/1.1"))
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_bytes(buf.getvalue())


if __name__ == "__main__":
    main()
