"""Eleventy's permalinks: templates in front matter and in data files, read without
running Eleventy.

An Eleventy page's ``permalink`` may hold template syntax, in its front matter or in a
data file of the data cascade: a directory data file (``posts/posts.json``,
``posts/posts.11tydata.json`` or ``.11tydata.js`` for every page in ``posts/`` and
below) or a template data file (``posts/alpha.11tydata.json`` for ``alpha.md``). The
front matter wins over a template data file, which wins over the nearest directory
data file. graphkit renders the expressions whose value it knows, ``{{ page.fileSlug
}}``, ``{{ page.filePathStem }}``, ``{{ title | slugify }}``, a front-matter field,
``{{ page.date | date: "%Y" }}``, through the filters ``slugify``, ``slug``, ``lower``
and ``url``; a template holding anything else (a tag, another filter, a function in a
``.11tydata.js``) gives no address, and the page keeps the one its file's place gives.

References
----------
.. [1] Eleventy, "Permalinks", https://www.11ty.dev/docs/permalinks/
.. [2] Eleventy, "Template and Directory Specific Data Files",
   https://www.11ty.dev/docs/data-template-dir/
.. [3] Eleventy, "Eleventy Supplied Data" (``page.fileSlug``, ``page.filePathStem``),
   https://www.11ty.dev/docs/data-eleventy-supplied/
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import PurePosixPath

ELEVENTY_DATA = "eleventy-data"
MAX_PERMALINK_CHARS = 500     # a longer permalink template is not rendered (no address is)
# what ends a template or directory data file's name (posts/posts.11tydata.json)
DATA_SUFFIXES = ("11tydata.json", "11tydata.js", "11tydata.cjs", "11tydata.mjs")
# one {{ … }} expression: a name, then filters, each with at most one argument
_EXPR_RE = re.compile(r"\{\{-?\s*+([^{}]{1,300}?)\s*+-?\}\}")
_NAME_RE = re.compile(r"^(?:page\.)?[A-Za-z_][A-Za-z0-9_]{0,60}$")
_FILTER_RE = re.compile(r"""^([A-Za-z_]\w{0,30})\s*+(?::\s*+|\(\s*+)?(?:(["'])(.{0,40}?)\2)?"""
                        r"""\s*+\)?$""")
_DATE_STEM_RE = re.compile(r"^\d{4}-\d{2}-\d{2}-")
# strftime's and Luxon's (Eleventy's date filters') fields of a date
_DATE_FIELDS = {"%Y": "%Y", "%m": "%m", "%d": "%d", "%y": "%y",
                "yyyy": "%Y", "MM": "%m", "dd": "%d", "LL": "%m", "yy": "%y"}
_DATE_FIELD_RE = re.compile(r"%[Ymdy]|yyyy|yy|MM|LL|dd")


def is_data_file(name: str) -> bool:
    """True for the name of an Eleventy data file that may set ``permalink``: a
    template or directory data file (``x.11tydata.json``, ``.js``), or a directory
    data file named as its folder (``posts/posts.json``)."""
    p = PurePosixPath(name)
    if p.name.lower().endswith(tuple("." + x for x in DATA_SUFFIXES)):
        return True
    return p.suffix.lower() == ".json" and p.stem == p.parent.name and bool(p.stem)


def read_data_file(text: str, name: str) -> tuple[tuple[str, str], ...] | None:
    """``(("permalink", template),)`` of an Eleventy data file, or None when the file
    sets no permalink as a string (a JSON document of another kind, a list of posts, a
    permalink computed by a function): then it is read as any other file.

    Parameters
    ----------
    text : str
        The file's text: JSON, or JavaScript whose exported object is read without
        running it (:func:`graphkit.sites.js_string_properties`).
    name : str
        The file's report name (:func:`is_data_file` is true of it).
    """
    from ..sites import _outermost, js_string_properties

    if "permalink" not in text:       # (a large JSON document of posts is parsed once)
        return None
    if name.lower().endswith(".json"):
        try:
            data = json.loads(text)
        except (ValueError, RecursionError):
            return None
        value = data.get("permalink") if isinstance(data, dict) else None
    else:
        value = _outermost(js_string_properties(text), "permalink")
    if isinstance(value, bool) and not value:
        return (("permalink", "false"),)
    return (("permalink", value),) if isinstance(value, str) and value.strip() else None


def data_index(data_files: dict[str, tuple[tuple[str, str], ...]]
               ) -> dict[PurePosixPath, str]:
    """The ``permalink`` of each data file read (:func:`read_data_file`), by path."""
    return {PurePosixPath(name): value for name, values in data_files.items()
            if (value := dict(values).get("permalink"))}


def data_permalink(path: str, by_path: dict[PurePosixPath, str], root: str) -> str | None:
    """The ``permalink`` the data cascade gives the page at report name ``path``: its
    template data file's, else the nearest directory data file's at or below the
    site's folder ``root``; None when none sets one (``by_path``: :func:`data_index`)."""
    p = PurePosixPath(path)
    stem = p.name.split(".", 1)[0]
    for suffix in DATA_SUFFIXES:
        found = by_path.get(p.parent / f"{stem}.{suffix}")
        if found:
            return found
    top = PurePosixPath(root) if root not in ("", ".") else None
    for folder in p.parents:
        for suffix in (*DATA_SUFFIXES, "json"):
            found = by_path.get(folder / f"{folder.name}.{suffix}")
            if found:
                return found
        if folder == top or str(folder) in ("", "."):
            break
    return None


def file_slug(inside: str) -> str:
    """``page.fileSlug``: the file's name less its extension and a leading
    ``YYYY-MM-DD-``; for an ``index`` file, its folder's name."""
    p = PurePosixPath(inside)
    stem = p.name.split(".", 1)[0]
    if stem.lower() == "index" and p.parent.name:
        return p.parent.name
    return _DATE_STEM_RE.sub("", stem)


def render_permalink(template: str, *, inside: str, title: str, date: str | None,
                     fields: dict[str, str]) -> str | None:
    """The site path an Eleventy ``permalink`` template gives a page, or None when it
    holds what graphkit does not render (see the module's notes), is ``false`` or is
    longer than :data:`MAX_PERMALINK_CHARS`.

    Parameters
    ----------
    template : str
        The permalink as written (``/posts/{{ page.fileSlug }}/``).
    inside : str
        The page's file below Eleventy's input folder (``posts/2020-01-02-alpha.md``).
    title : str
        The page's title.
    date : str or None
        Its date, ISO 8601.
    fields : dict of str to str
        Its other front-matter values (:attr:`graphkit.model.Post.fields`).

    Returns
    -------
    str or None
        The path, ``/`` first: ``x/index.html`` and ``x/`` give ``/x/``, ``x.html``
        gives ``/x.html``.

    Examples
    --------
    >>> render_permalink("/blog/{{ page.fileSlug }}/", inside="posts/2020-01-02-a.md",
    ...                  title="A", date="2020-01-02", fields={})
    '/blog/a/'
    >>> render_permalink("{{ page.date | date: '%Y' }}/{{ title | slugify }}/index.html",
    ...                  inside="posts/a.md", title="Hello World", date="2021-05-06", fields={})
    '/2021/hello-world/'
    """
    if ("{%" in template or template.strip().lower() == "false"
            or len(template) > MAX_PERMALINK_CHARS):
        return None
    p = PurePosixPath(inside)
    stem = str(p.parent / p.name.split(".", 1)[0])      # (x.11ty.js: x)
    values: dict[str, str | None] = {**fields, "title": title, "page.fileSlug": file_slug(inside),
                                     "page.filePathStem": "/" + stem.lstrip("/"),
                                     "page.date": date, "date": date or fields.get("date")}
    failed = False

    def expression(m: re.Match) -> str:
        nonlocal failed
        name, *filters = (x.strip() for x in m.group(1).split("|"))
        value = values.get(name) if _NAME_RE.match(name) else None
        is_date = name in ("page.date", "date")
        for f in filters:
            found = _FILTER_RE.match(f)
            value = _filtered(value, found, is_date=is_date) if found and value else None
        if value is None:
            failed = True
            return ""
        return value

    path = _EXPR_RE.sub(expression, template).strip()
    if failed or "{{" in path or not path:
        return None
    path = re.sub(r"(?:^|/)index\.html?$", "/", "/" + path.lstrip("/"))
    return re.sub(r"/{2,}", "/", path)


def _filtered(value: str, found: re.Match, *, is_date: bool) -> str | None:
    """``value`` through one filter (``slugify``, ``slug``, ``lower``, ``url``, or
    ``date`` of a date), or None for another filter."""
    from ..sites import slugify

    name, arg = found.group(1), found.group(3)
    if name in ("slugify", "slug"):
        return slugify(value)
    if name in ("lower", "downcase"):
        return value.lower()
    if name in ("url", "safe", "trim", "strip"):
        return value.strip()
    if name in ("date", "dateFilter", "postDate", "dateToFormat") and is_date and arg:
        try:
            day = dt.date.fromisoformat(value[:10])
        except ValueError:
            return None
        return _DATE_FIELD_RE.sub(lambda m: day.strftime(_DATE_FIELDS[m.group()]), arg)
    return None
