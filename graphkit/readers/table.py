"""Reader of JSONL and CSV exports: one post per row.

A row needs at least a ``title`` or a ``url``; ``date``, ``tags``, ``categories`` and
``text`` (or ``body``/``content``) are read when present. Tags may be a list or a
comma-separated string. A row that cannot be read is reported with its line.
"""

from __future__ import annotations

import csv
import io
import json

from ..model import Fragment, Post, Source
from ..text import preview, split_lines
from .frontmatter import _as_list, _date, url_aliases
from .kexue import SITE_URL, archive_link_id

TABLE = "table"
TEXT_COLUMNS = ("text", "body", "content", "excerpt")


def detect(path: str) -> str | None:
    """``"jsonl"`` or ``"csv"`` from the file name, else None."""
    low = path.lower()
    if low.endswith((".jsonl", ".ndjson")):
        return "jsonl"
    if low.endswith(".csv"):
        return "csv"
    return None


def _row_post(row: dict, path: str, line: int) -> Post | str:
    """A post from a row, or the reason the row is not one."""
    row = {str(k).strip().casefold(): v for k, v in row.items() if k is not None}
    title = str(row.get("title") or "").strip()
    url = str(row.get("url") or row.get("link") or "").strip() or None
    if not title and not url:
        return "row has neither a title nor a url"
    aid = archive_link_id(url) if url else None
    if aid is None and str(row.get("id") or "").strip().isdigit() and url is None:
        aid = None  # a bare id names no site: not an archive id
    text = next((str(row[c]) for c in TEXT_COLUMNS if row.get(c)), "")
    key = f"post:{aid}" if aid is not None else (f"post:url:{url}" if url and not title
                                                 else f"post:row:{path}:{line}")
    return Post(key=key, title=title, label=title or url or "", untitled=not title,
                date=_date(row.get("date")), archive_id=aid,
                url=SITE_URL.format(aid) if aid is not None else url, text=text,
                tags=_as_list(row.get("tags")), categories=_as_list(row.get("categories")),
                aliases=tuple(sorted(url_aliases(url))) if url else (),
                sources=(Source(path=path, line=line, format=TABLE),))


def read_jsonl(text: str, path: str) -> tuple[list[Post], list[Fragment]]:
    """Read a JSON Lines file (one JSON object per line)."""
    posts, frags = [], []
    for n, line in enumerate(split_lines(text), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            frags.append(Fragment(path=path, line=n, end_line=n,
                                  reason=f"invalid JSON ({exc.msg} at column {exc.colno})",
                                  text=preview(line)))
            continue
        if not isinstance(row, dict):
            frags.append(Fragment(path=path, line=n, end_line=n,
                                  reason="JSON line is not an object", text=preview(line)))
            continue
        post = _row_post(row, path, n)
        if isinstance(post, str):
            frags.append(Fragment(path=path, line=n, end_line=n, reason=post, text=preview(line)))
        else:
            posts.append(post)
    return posts, frags


def read_csv(text: str, path: str) -> tuple[list[Post], list[Fragment]]:
    """Read a CSV file with a header row."""
    posts, frags = [], []
    reader = csv.DictReader(io.StringIO(text, newline=""))
    header: list[str] = []
    try:
        header = reader.fieldnames or []
        for row in reader:
            n = reader.line_num
            if None in row:  # more cells than header names
                frags.append(Fragment(path=path, line=n, end_line=n,
                                      reason="row has more cells than the header",
                                      text=preview(",".join(map(str, row[None])))))
            post = _row_post(row, path, n)
            if isinstance(post, str):
                frags.append(Fragment(path=path, line=n, end_line=n, reason=post,
                                      text=preview(" ".join(str(v) for v in row.values()))))
            else:
                posts.append(post)
    except csv.Error as exc:
        frags.append(Fragment(path=path, line=reader.line_num, end_line=reader.line_num,
                              reason=f"broken CSV ({exc})", text=""))
    if not any(h and h.strip().casefold() in ("title", "url", "link") for h in header):
        frags.append(Fragment(path=path, line=1, end_line=1,
                              reason="CSV header has no title or url column",
                              text=preview(",".join(header))))
    return posts, frags
