"""Reader of the exports of WriteFreely (and Write.as, which runs it): the account's JSON
export and the blog posts' CSV export.

WriteFreely keeps a post as Markdown text with an optional title set apart; a post with
no title is shown under the first line of its text (a ``# heading`` there becomes the
page's title). Posts belong to a blog (a *collection*, named by its alias) and live at
the blog's address and the post's slug (``https://write.as/alias/slug``, or
``https://domain/slug`` for a single-user instance or a custom domain); posts outside
any blog are the account's drafts (``/ID``), which are not the blog's.

- The JSON export (Account → Export → JSON) is one object: the user's fields
  (``username``…), ``collections`` (each with ``alias``, ``title``, ``url`` and its
  ``posts``: ``id``, ``slug``, ``created``, ``title``, ``body``, ``tags``) and ``posts``
  (the drafts).
- The CSV export has the columns ``id, slug, blog, url, created, title, body``; the text's
  line breaks are written as the two characters ``\\n``. A row with no ``blog`` is a draft.

References
----------
.. [1] WriteFreely, ``export.go`` (``exportPostsCSV``, ``compileFullExport``) and
   ``posts.go`` (``Post``, ``PublicPost.CanonicalURL``, ``getSlugFromPost``),
   https://github.com/writefreely/writefreely
.. [2] WriteFreely, "Writer's Guide", https://writefreely.org/docs/latest/writer
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..model import Fragment, Post
from ..text import loads_json, preview
from .frontmatter import _INLINE_TAG_RE

WRITEFREELY = "writefreely-json"
CSV_COLUMNS = ("id", "slug", "blog", "url", "created", "title", "body")
# Go's encoder writes the user's fields first: the export opens with its username
_HEAD_RE = re.compile(r'\{\s*"username"\s*:')
_HEADING_RE = re.compile(r"^ {0,3}#{1,6}[ \t]+(.*)$")
MAX_TITLE = 80        # characters: WriteFreely cuts a title made from the text at 80
DRAFT = ("a WriteFreely post in no blog (a draft, or an anonymous post): not one of "
         "the blog's posts")


def detect(text: str, path: str) -> bool:
    """True for a ``.json`` file that opens as WriteFreely's account export does (the
    user's ``username``) and holds its ``collections``."""
    return (path.lower().endswith(".json") and _HEAD_RE.match(text.lstrip()[:200]) is not None
            and '"collections"' in text)


def is_export_table(header: list[str]) -> bool:
    """True for the header of WriteFreely's CSV export of posts."""
    return tuple(str(h or "").strip().casefold() for h in header) == CSV_COLUMNS


def title_and_text(title: str, body: str) -> tuple[str, str]:
    """A post's title and text as WriteFreely shows them.

    The title set apart, else the first line of the text: a heading there is the title
    and leaves the text, any other line is cut at :data:`MAX_TITLE` characters and stays.

    >>> title_and_text("", "# 旋转位置编码\\n\\n正文")
    ('旋转位置编码', '\\n正文')
    >>> title_and_text("题目", "# 小节\\n正文")
    ('题目', '# 小节\\n正文')
    """
    title = (title or "").strip()
    if title or not body.strip():
        return title, body
    first, _, rest = body.lstrip().partition("\n")      # (its first line that is not blank)
    heading = _HEADING_RE.match(first.rstrip())
    if heading:
        words = heading.group(1).strip()
        closed = words.rstrip("#")          # a closing sequence of #s is no part of it
        if closed != words and (not closed or closed[-1] in " \t"):
            words = closed.strip()
        if words:
            return words, rest
    return first.strip()[:MAX_TITLE].strip(), body


def _row(post: dict, *, blog_url: str, alias: str) -> dict:
    """The row :func:`graphkit.readers.table._row_post` reads for a post of the JSON
    export: its title and text as shown, its address and date."""
    title, text = title_and_text(str(post.get("title") or ""), str(post.get("body") or ""))
    slug = str(post.get("slug") or "").strip()
    tags = post.get("tags") if isinstance(post.get("tags"), list) else []
    return {"title": title, "body": text, "created": post.get("created"), "tags": tags,
            "slug": slug, "url": (blog_url + slug) if blog_url and slug else "",
            "path": f"/{alias}/{slug}" if alias and slug else "",
            "permalink": _id_path(post.get("id"))}


def _id_path(post_id: object) -> str:
    """``/ID``: where WriteFreely also serves a post, by its id (its address as a draft)."""
    return f"/{str(post_id).strip()}" if post_id is not None and str(post_id).strip() else ""


def csv_row(row: dict) -> dict | str:
    """A row of the CSV export as the table reader reads it, or why it is no post: its
    text's ``\\n`` made line breaks again, the title as shown, the ``#tags`` of its text
    (WriteFreely's tags), ``/blog/slug`` and ``/ID`` as the paths it answers at."""
    if not str(row.get("blog") or "").strip():
        return DRAFT
    title, text = title_and_text(str(row.get("title") or ""),
                                 str(row.get("body") or "").replace("\\n", "\n"))
    tags = list(dict.fromkeys(m.group(1) for m in _INLINE_TAG_RE.finditer(text)))
    slug = str(row.get("slug") or "").strip()
    return {**row, "title": title, "body": text, "tags": tags,
            "path": f"/{row['blog'].strip()}/{slug}" if slug else "",
            "permalink": _id_path(row.get("id"))}


def read_writefreely(text: str, path: str) -> tuple[list[Post], list[Fragment]]:
    """Read WriteFreely's JSON export: each post of each blog (``collections``) is a post.

    Parameters
    ----------
    text : str
        The export's text.
    path : str
        Its name in the report.

    Returns
    -------
    posts : list of Post
        The blogs' posts, at the blog's ``url`` and their slug; their title as
        :func:`title_and_text` gives it, their date ``created`` (UTC), their ``tags``.
    fragments : list of Fragment
        The drafts (the export's own ``posts``), each with its line; a blog or post that
        is not an object; the whole file when it is not such an export.
    """
    from .table import _row_post, object_lines_at

    try:
        doc = loads_json(text)
        blogs = doc["collections"] or []     # (null: an account without a blog)
        if not isinstance(blogs, list):
            raise TypeError("collections is not a list")
    except (ValueError, KeyError, TypeError, RecursionError) as exc:
        return [], [Fragment(path=path, line=1, end_line=1,
                             reason=f"not a WriteFreely export ({type(exc).__name__})",
                             text=preview(text))]
    rows = [(blog, post) for blog in blogs if isinstance(blog, dict)
            for post in (blog.get("posts") or []) if isinstance(post, dict)]
    at = object_lines_at(text, (2, 4))     # (the blogs' posts; the blogs and drafts)
    starts = at[4]
    lines = starts if len(starts) == len(rows) else [1] * len(rows)
    posts, frags = [], []
    for (blog, post), n in zip(rows, lines):
        alias = str(blog.get("alias") or "").strip()
        url = str(blog.get("url") or "").strip()
        found, flat = _row_post(_row(post, blog_url=url + ("" if url.endswith("/") else "/")
                                     if url else "", alias=alias), path, n)
        frags += flat
        if isinstance(found, str):
            frags.append(Fragment(path=path, line=n, end_line=n, reason=found,
                                  text=preview(str(post.get("title") or post.get("body")))))
        else:   # (one object per post: named by its id, whatever its line)
            pid = str(post.get("id") or "").strip()
            posts.append(replace(found, key=f"post:{WRITEFREELY}:{path}#{pid or len(posts)}"))
    drafts = doc.get("posts") if isinstance(doc.get("posts"), list) else []
    tops = at[2][sum(isinstance(b, dict) for b in blogs):]
    for i, post in enumerate(drafts):
        n = tops[i] if len(tops) == len(drafts) else 1
        title = title_and_text(str(post.get("title") or ""), str(post.get("body") or ""))[0] \
            if isinstance(post, dict) else ""
        frags.append(Fragment(path=path, line=n, end_line=n, reason=DRAFT,
                              text=preview(title)))
    return posts, frags
