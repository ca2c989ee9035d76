"""Reader of static-site Markdown with YAML (``---``) or TOML (``+++``) front matter.

Hugo, Jekyll and Hexo keep one post per file: ``title``, ``date``, ``tags``,
``categories``, ``url``/``permalink``, ``slug`` and ``aliases`` in the front matter, the
body in Markdown below it. Links between posts may use a post's URL, its relative path
or its slug; every such name is kept in :attr:`Post.aliases` so that links resolve.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import PurePosixPath

from ..model import Fragment, Post, Source
from ..text import preview
from .kexue import SITE_URL, archive_link_id
from .markdown import markdown_to_text

FRONT_MATTER = "front-matter"
_DATE_RE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")


_KEY_RE = re.compile(r"^\s*[\"']?[A-Za-z_][\w\-]*[\"']?\s*[:=]")


def detect(lines: list[str]) -> bool:
    """True when the file opens with ``---`` or ``+++`` followed by a ``key:``/``key =`` line."""
    nonblank = [line for line in lines[:50] if line.strip()]
    return (len(nonblank) >= 2 and nonblank[0].strip() in ("---", "+++")
            and bool(_KEY_RE.match(nonblank[1])))


def url_aliases(value: str) -> set[str]:
    """Normalised names under which a post can be linked: path without extension, slug."""
    v = value.strip()
    if not v:
        return set()
    v = re.sub(r"^[a-z]+://[^/]+", "", v, flags=re.I)   # drop scheme and host
    v = v.split("#", 1)[0].split("?", 1)[0].strip("/")
    v = re.sub(r"(/index)?\.(md|markdown|html?)$", "", v, flags=re.I)
    if not v:
        return set()
    out = {v.casefold()}
    out.add(PurePosixPath(v).name.casefold())
    return out


def _as_list(value) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return tuple(v.strip() for v in re.split(r"[,，;]", value) if v.strip())
    if isinstance(value, (list, tuple)):
        return tuple(str(v).strip() for v in value if str(v).strip())
    return (str(value),)


def _date(value) -> str | None:
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if value is None:
        return None
    m = _DATE_RE.search(str(value))
    if not m:
        return None
    try:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat()
    except ValueError:
        return None


def read_front_matter(lines: list[str], path: str) -> tuple[list[Post], list[Fragment]]:
    """Read one Markdown file with front matter.

    Parameters
    ----------
    lines : list of str
        The file's lines.
    path : str
        Name used in sources, fragments and as an alias (relative path, file stem).

    Returns
    -------
    posts : list of Post
        One post (none when the front matter is broken and the body has no heading).
    fragments : list of Fragment
        A broken or unclosed front matter, with the line of the error.
    """
    start = next(i for i, line in enumerate(lines) if line.strip())
    fence = lines[start].strip()
    end = next((i for i in range(start + 1, len(lines)) if lines[i].strip() == fence), None)
    frags: list[Fragment] = []
    meta: dict = {}
    if end is None:
        frags.append(Fragment(path=path, line=start + 1, end_line=len(lines),
                              reason=f"front matter opened with {fence!r} is never closed",
                              text=preview("\n".join(lines[start:start + 5]))))
        return [], frags
    raw = "\n".join(lines[start + 1:end])
    try:
        if fence == "---":
            import yaml

            loaded = yaml.safe_load(raw) if raw.strip() else {}
        else:
            import tomllib

            loaded = tomllib.loads(raw)
        if loaded is None:
            loaded = {}
        if not isinstance(loaded, dict):
            raise ValueError("front matter is not a mapping of keys to values")
        meta = loaded
    except Exception as exc:  # yaml.YAMLError, tomllib.TOMLDecodeError, ValueError
        mark = getattr(exc, "problem_mark", None)
        line = start + 2 + (mark.line if mark is not None else 0)
        lineno = getattr(exc, "lineno", None)
        if lineno:
            line = start + 1 + lineno
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        frags.append(Fragment(path=path, line=line, end_line=end + 1,
                              reason=f"broken front matter ({reason}); body read without it",
                              text=preview(raw)))
    body = lines[end + 1:]
    text, links = markdown_to_text(body)
    title = str(meta.get("title") or "").strip()
    if not title:
        heading = next((ln.lstrip("#").strip() for ln in body if ln.startswith("# ")), "")
        title = heading
    if not title and not text:
        frags.append(Fragment(path=path, line=start + 1, end_line=len(lines),
                              reason="front matter without a title, and no body text",
                              text=preview("\n".join(lines))))
        return [], frags
    aliases: set[str] = set()
    for key in ("url", "permalink", "slug"):
        if meta.get(key):
            aliases |= url_aliases(str(meta[key]))
    for alias in _as_list(meta.get("aliases")):
        aliases |= url_aliases(alias)
    aliases |= url_aliases(path)
    url = str(meta.get("url") or meta.get("permalink") or "") or None
    aid = archive_link_id(url) if url else None
    key = f"post:{aid}" if aid is not None else f"post:file:{path}"
    post = Post(key=key, title=title, label=title or preview(text, 40), untitled=not title,
                date=_date(meta.get("date")), archive_id=aid,
                url=SITE_URL.format(aid) if aid is not None else url, text=text,
                links=tuple(links), categories=_as_list(meta.get("categories")),
                tags=_as_list(meta.get("tags")), aliases=tuple(sorted(aliases)),
                sources=(Source(path=path, line=start + 1, format=FRONT_MATTER),))
    return [post], frags
