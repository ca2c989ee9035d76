"""Reader of Roam Research's JSON export (also what Logseq writes when it exports a graph
"as Roam JSON").

The file is an array of pages, each ``{"title", "uid", "create-time", "children"}``;
a page's blocks are ``{"string", "uid", "children"}``, nested to any depth. Each page is
a note: its title, its date (a daily page's uid, ``09-10-2021``, else ``create-time`` in
Unix milliseconds, its day in UTC), its blocks' strings read as Markdown one paragraph
each, depth first. A block's string links pages as Roam writes them: ``[[Page]]``,
``[text]([[Page]])``; a block by its uid, ``((uid))`` or ``[text](((uid)))``, which
reaches the page holding that block (every block's uid names its page). ``#tag`` and
``#[[a tag]]`` are the page's tags; components (``{{[[TODO]]}}``, ``{{embed: ((uid))}}``,
an embedded block or page, not a citation) are not text.

References
----------
.. [1] Roam Research, "Roam JSON export" (pages, blocks, ``uid``, ``string``,
   ``children``), as read by Logseq's importer,
   https://github.com/logseq/logseq/blob/master/src/main/frontend/external/roam.cljs
"""

from __future__ import annotations

import json
import re

from ..dates import parse_date
from ..model import Fragment, Post, Source
from ..sites import block_ref
from ..text import json_array_items, line_numbers, preview
from .markdown import markdown_to_text

ROAM = "roam-json"
_DAILY_UID_RE = re.compile(r"^(\d{2})-(\d{2})-(\d{4})$")      # a daily page: MM-DD-YYYY
# a block's uid: Roam's 9 characters (Logseq's importer reads 6 to 24), or a UUID (Logseq)
_UID = (r"[A-Za-z0-9_-]{6,24}"
        r"|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")
_LABELLED_BLOCK_RE = re.compile(rf"\]\(\(\(({_UID})\)\)\)")
_BLOCK_REF_RE = re.compile(rf"\(\(({_UID})\)\)")
_TAG_PAGE_RE = re.compile(r"#\[\[([^\[\]\n]+)\]\]")
_COMPONENT_RE = re.compile(r"\{\{[^{}\n]*+\}\}")
_TAG_RE = re.compile(r"(?<![\w#&/])#([^\s#\[\](),.;:!?，。；：！？、]+)")


def detect(text: str, path: str) -> bool:
    """True for Roam's JSON export: a ``.json`` array whose first page has a ``title``
    and blocks with ``string`` and ``uid``."""
    if not path.lower().endswith(".json"):  # (before reading a large file's text)
        return False
    head = text.lstrip()[:4096]
    return (head.startswith("[")
            and re.search(r'"title"\s*:', head) is not None
            and re.search(r'"uid"\s*:', head) is not None
            and re.search(r'"(?:string|create-time|edit-time)"\s*:', head) is not None)


def _string(block: dict, shown: dict[str, str]) -> str:
    """A block's string with Roam's own syntax as Markdown: a block reference a link to
    the block, shown as Roam shows it, by the referenced block's text (``shown``: uid →
    text); ``#[[a tag]]`` a tag, not a link to the tag's page; components left out."""
    s = block.get("string")
    if not isinstance(s, str):
        return ""
    if "{{" in s:
        s = _COMPONENT_RE.sub("", s)
    if "((" in s:
        s = _LABELLED_BLOCK_RE.sub(lambda m: f"]({block_ref(m.group(1))})", s)
        s = _BLOCK_REF_RE.sub(
            lambda m: f"[{shown.get(m.group(1), '')}]({block_ref(m.group(1))})", s)
    if "#[[" in s:
        s = _TAG_PAGE_RE.sub(lambda m: "#" + m.group(1), s)
    return s


def _shown(items: list) -> dict[str, str]:
    """The text of every block of the export by its uid, as a reference to it shows it
    (links, tags' brackets and components left out, at most 200 characters)."""
    shown: dict[str, str] = {}
    stack = [item for _, item in items]
    while stack:
        node = stack.pop()
        if not isinstance(node, dict):
            continue
        uid, s = node.get("uid"), node.get("string")
        if isinstance(uid, str) and isinstance(s, str):
            plain = _COMPONENT_RE.sub("", s) if "{{" in s else s
            shown[uid] = " ".join(re.sub(r"[\[\]()#*_^`]", "", plain[:400]).split())[:200]
        kids = node.get("children")
        if isinstance(kids, list):
            stack += kids
    return shown


def _page_post(page: dict, path: str, line: int, shown: dict[str, str]
               ) -> tuple[Post | None, str | None]:
    """One page as a post, or None and why it is not one."""
    title = page.get("title")
    if not isinstance(title, str) or not title.strip():
        return None, "a Roam item without a title, not a page"
    title = title.strip()
    lines: list[str] = []
    uids: set[str] = set()
    top = page.get("children")
    stack = list(reversed(top)) if isinstance(top, list) else []
    while stack:                   # (depth first, without recursion)
        block = stack.pop()
        if not isinstance(block, dict):
            continue
        if isinstance(block.get("uid"), str) and block["uid"].strip():
            uids.add(block["uid"].strip().lower())
        s = _string(block, shown)
        if s.strip():
            own = s.split("\n")
            if sum(x.lstrip().startswith(("```", "~~~")) for x in own) % 2:
                own.append("```")          # a block's code ends with the block
            lines += [*own, ""]
        kids = block.get("children")
        if isinstance(kids, list):
            stack += reversed(kids)
    text, links = markdown_to_text(lines, site_links=True, source=True)
    tags = tuple(dict.fromkeys(m.group(1) for s in lines if "#" in s
                               for m in _TAG_RE.finditer(s)))
    uid = page.get("uid") if isinstance(page.get("uid"), str) else ""
    daily = _DAILY_UID_RE.match(uid)
    date = (parse_date(f"{daily.group(3)}-{daily.group(1)}-{daily.group(2)}") if daily
            else _day_of_ms(page.get("create-time")))
    if uid.strip():
        uids.add(uid.strip().lower())
    aliases = {title.casefold(), *(f"id:{u}" for u in uids)}
    post = Post(key=f"post:{ROAM}:{path}#{title}", title=title, label=title, untitled=False,
                date=date, text=text, links=tuple(links), tags=tags,
                aliases=tuple(sorted(aliases)),
                sources=(Source(path=path, line=line, format=ROAM),))
    return post, None


def _day_of_ms(value) -> str | None:
    """The day (UTC) of a time in Unix milliseconds, or None."""
    import datetime as dt

    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    try:
        return dt.datetime.fromtimestamp(value / 1000, dt.timezone.utc).date().isoformat()
    except (OverflowError, OSError, ValueError):
        return None


def read_roam(text: str, path: str) -> tuple[list[Post], list[Fragment]]:
    """Read Roam's JSON export: each page a post (see the module's description).

    Parameters
    ----------
    text : str
        The file's text: a JSON array of pages.
    path : str
        Its report name.

    Returns
    -------
    posts : list of Post
        The pages, each at the line its object starts on.
    fragments : list of Fragment
        The file when it is not a JSON array (nesting deeper than the JSON parser's
        stack too); each item that is no page (no title), at its line.
    """
    try:
        items = json_array_items(text)
    except (json.JSONDecodeError, RecursionError) as exc:
        return [], [Fragment(path=path, line=1, end_line=1, text=preview(text),
                             reason=f"Roam's JSON export that cannot be read "
                                    f"({type(exc).__name__})")]
    lines = line_numbers(text, [at for at, _ in items])
    shown = _shown(items)
    posts, frags = [], []
    for (_, item), line in zip(items, lines):
        if not isinstance(item, dict):
            frags.append(Fragment(path=path, line=line, end_line=line, text="",
                                  reason="an item of Roam's export that is not a page"))
            continue
        post, why = _page_post(item, path, line, shown)
        if post is not None:
            posts.append(post)
        if why is not None:
            frags.append(Fragment(path=path, line=line, end_line=line, reason=why,
                                  text=preview(str(item.get("title") or ""))))
    return posts, frags
