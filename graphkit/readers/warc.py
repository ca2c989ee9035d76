"""Web archives (WARC): the pages a crawl recorded, read as the saved pages of a mirror.

A blog kept as a WARC file (``.warc``, ``.warc.gz``: what ``wget --warc-file``,
Heritrix, Browsertrix, ArchiveBox and the Internet Archive write) holds one ``response``
record per address the crawler fetched, the HTTP response as received. Each HTML page
answered with 200 is read as a page saved at its address: its member name is the one
``wget --mirror`` would give it (``crawl.warc.gz/blog.example/posts/a/index.html``,
see :func:`graphkit.readers.html.mirror_address`), so that the page's address is known
when the page names none itself. Every other record is reported with the reason: a
redirect (with its target), an error status, a response that is no HTML page (images,
styles, feeds), a revisit (the same payload as an earlier record), and in one line the
crawl's own records (requests, ``warcinfo``, ``metadata``). Records are parsed by
warcio (chunked transfer and gzip, deflate or Brotli content encodings undone); the
archive is decompressed by graphkit under the archive's budget, and a header line longer
than :data:`MAX_LINE_BYTES` stops the reading.

References
----------
.. [1] ISO 28500:2017, "The WARC File Format",
   https://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/
.. [2] warcio, https://github.com/webrecorder/warcio
"""

from __future__ import annotations

import contextlib
import gzip
import io
import time
import zlib
from collections.abc import Iterator
from urllib.parse import urlsplit

from .archive import (TIME_OUT, ArchiveLimits, Member, _over_budget, _Stop)

WARC_SUFFIXES = (".warc.gz", ".warc")
MAX_LINE_BYTES = 1 << 20      # a record's or a response's header line longer than this stops
HTML_TYPES = ("text/html", "application/xhtml+xml")
_STEP = 1 << 16


class _Bounded(io.RawIOBase):
    """The decompressed archive, stopped (:class:`_Stop`) past the archive's budget, its
    deadline, or where its compression breaks (warcio would take a truncated stream for
    its end). Reads are short (at most :data:`_STEP` bytes), so that what precedes a
    break is given."""

    def __init__(self, inner, limit: int, deadline: float):
        self.inner, self.limit, self.deadline = inner, limit, deadline
        self.count = 0
        self.pending = b""

    def readable(self) -> bool:
        return True

    def head(self, n: int) -> bytes:
        """The first ``n`` bytes, kept to be read again."""
        while len(self.pending) < n:
            more = self._inner_read(_STEP)
            if not more:
                break
            self.pending += more
        return self.pending[:n]

    def _inner_read(self, n: int) -> bytes:
        try:
            return self.inner.read1(n)      # (one step: GzipFile.read would fill n bytes)
        except (EOFError, zlib.error, OSError) as exc:
            raise _Stop(f"broken: {exc}") from None

    def readinto(self, buf) -> int:
        if self.count > self.limit:
            raise _Stop("budget")
        if time.monotonic() > self.deadline:
            raise _Stop("time")
        if self.pending:
            data, self.pending = self.pending[:len(buf)], self.pending[len(buf):]
        else:
            data = self._inner_read(min(len(buf), _STEP))
        n = len(data)
        buf[:n] = data
        self.count += n
        return n


def _bounded_lines(readline):
    """warcio's ``readline`` of its buffered reader, each line cut at
    :data:`MAX_LINE_BYTES` and a longer one stopping the reading (:class:`_Stop`): its
    own joins a line's pieces as they come, at a cost growing with the square of the
    line's length."""
    def bounded(length=None):
        limit = MAX_LINE_BYTES + 1 if length is None else min(length, MAX_LINE_BYTES + 1)
        parts, size = [], 0
        while size < limit:            # (warcio's may give less than asked before the end)
            piece = readline(limit - size)
            if not piece:
                break
            parts.append(piece)
            size += len(piece)
            if piece.endswith(b"\n"):
                break
        line = b"".join(parts)
        if size > MAX_LINE_BYTES and not line.endswith(b"\n"):
            raise _Stop("line")
        return line

    return bounded


def mirror_name(url: str) -> str | None:
    """The path ``wget --mirror`` saves the page at ``url`` under: its host, then its
    path, a folder's page as ``index.html`` and the query kept
    (``https://b.example/a/?p=1`` → ``b.example/a/index.html?p=1``); None for an
    address that is no web page's (no host, another scheme)."""
    try:
        parts = urlsplit(url.strip())
        host = (parts.hostname or "").lower()
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not host:
        return None
    path = parts.path or "/"
    if path.endswith("/"):
        path += "index.html"
    name = host + path
    return f"{name}?{parts.query}" if parts.query else name


def warc_members(data: bytes, name: str, limits: ArchiveLimits, total: list[int]
                 ) -> Iterator[Member]:
    """The pages of a WARC file as members of an archive (see
    :func:`graphkit.readers.archive.read_archive`): each HTML page answered with 200 as
    a member of its mirror name (:func:`mirror_name`), every other record a member not
    read, with the reason."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    raw = io.BytesIO(data)
    source = gzip.GzipFile(fileobj=raw) if data[:2] == b"\x1f\x8b" else raw
    stream = _Bounded(source, limits.max_archive_bytes, limits.deadline)
    crawl_records: dict[str, int] = {}
    seen = 0
    # (warcio's own failures on a malformed record: a response without a target address
    # gives an AttributeError, a header of no name a TypeError)
    errors = (ArchiveLoadFailed, zlib.error, OSError, EOFError, ValueError, UnicodeError,
              IndexError, KeyError, AttributeError, TypeError)
    warnings = io.StringIO()      # (warcio writes a record's bad length to stderr)
    try:
        if not stream.head(5).startswith(b"WARC/"):
            yield Member(name, None, len(data), "not read: not a WARC file (it does not "
                                                "open with a WARC/1.x record)")
            return
        archive = ArchiveIterator(stream, no_record_parse=False)
        archive.reader.readline = _bounded_lines(archive.reader.readline)
        records = iter(archive)
        while True:
            with contextlib.redirect_stderr(warnings):
                record = next(records, None)
            if record is None:
                break
            kind = record.rec_type or "?"
            if kind not in ("response", "revisit", "resource"):
                crawl_records[kind] = crawl_records.get(kind, 0) + 1
                continue
            seen += 1
            if seen > limits.max_files:
                yield Member(name, None, len(data), f"more than the limit of "
                             f"{limits.max_files} pages (option max_files): the rest not read")
                return
            url = record.rec_headers.get_header("WARC-Target-URI") or ""
            where = mirror_name(url)
            shown = f"{name}/{where}" if where else f"{name}/{url or '?'}"
            why = _not_a_page(record, kind, url, where)
            if why is not None:
                yield Member(shown, None, 0, why)
                continue
            try:
                body = _payload(record, limits.max_file_bytes + 1)
            except ValueError as exc:
                yield Member(shown, None, 0, f"a response whose encoding is broken ({exc}), "
                                             f"not read")
                continue
            total[0] += len(body)
            if len(body) > limits.max_file_bytes:
                yield Member(shown, None, len(body), f"more than the limit of "
                             f"{limits.max_file_bytes} bytes (option max_file_bytes)")
                continue
            yield Member(shown, body, len(body))
    except _Stop as stop:
        why = {"time": TIME_OUT, "budget": _over_budget(limits),
               "line": f"not read: a line of more than {MAX_LINE_BYTES} bytes"}.get(
            str(stop), f"not read: a broken WARC file ({str(stop).removeprefix('broken: ')})")
        yield Member(name, None, len(data), why.replace("not read: ", "the rest not read: "))
    except errors as exc:
        yield Member(name, None, len(data), f"the rest not read: a broken WARC file ({exc})")
    if crawl_records:
        counted = ", ".join(f"{n} {k}" for k, n in sorted(crawl_records.items()))
        yield Member(name, None, 0, f"the crawl's own records ({counted}): no pages")
    bad = warnings.getvalue().count("Record not followed by newline")
    if bad:
        yield Member(name, None, 0, f"{bad} records whose length (Content-Length) does "
                                    f"not end where the next begins: read as far as it says")


def _payload(record, limit: int) -> bytes:
    """At most ``limit`` bytes of a record's payload, its transfer and content encodings
    undone: by warcio, but Brotli by graphkit (warcio's use of the Brotli package fails
    on its current releases), its output bounded as warcio bounds the others'.

    Raises
    ------
    ValueError
        When the Brotli stream is broken.
    """
    http = record.http_headers
    encoding = ((http.get_header("Content-Encoding") or "") if http is not None else "")
    if encoding.strip().lower() != "br":
        return record.content_stream().read(limit)
    import brotli
    from warcio.bufferedreaders import ChunkedDataReader

    chunked = "chunked" in (http.get_header("Transfer-Encoding") or "").lower()
    packed = (ChunkedDataReader(record.raw_stream) if chunked else record.raw_stream).read(limit)
    try:
        return brotli.Decompressor().process(packed, output_buffer_limit=limit)[:limit]
    except brotli.error as exc:
        raise ValueError(f"Brotli: {exc}") from None


def _not_a_page(record, kind: str, url: str, where: str | None) -> str | None:
    """Why a response, revisit or resource record is read as no page, or None."""
    if where is None:
        return f"a record of {url or 'no address'}, not a web page's address"
    if kind == "revisit":
        return "a revisit record (the same page as an earlier record), not read again"
    http = record.http_headers
    if kind == "response" and http is None:
        return "a response record without an HTTP response"
    status = http.get_statuscode() if http is not None else "200"
    if status and status.startswith("3"):
        target = http.get_header("Location") or "?"
        return f"a redirect ({status}) to {target}, not a page"
    if status != "200":
        return f"an HTTP {status} response, not a page"
    ctype = ((http.get_header("Content-Type") if http is not None else None)
             or record.rec_headers.get_header("Content-Type") or "")
    ctype = ctype.split(";", 1)[0].strip().lower()
    if ctype not in HTML_TYPES:
        return f"a response of type {ctype or 'unknown'}, not an HTML page"
    encoding = ((http.get_header("Content-Encoding") if http is not None else None)
                or "").strip().lower()
    if encoding not in ("", "identity", "gzip", "x-gzip", "deflate", "br"):
        return f"a response compressed as {encoding}, which graphkit does not undo"
    return None
