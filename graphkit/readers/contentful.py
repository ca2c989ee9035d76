"""Contentful's space export (``contentful space export``): entries as rows, rich text.

The export is one JSON document: ``entries`` (each with its ``sys``, the id and the
content type, and its ``fields``, each field a map of locale to value), ``assets``,
``contentTypes``, ``locales``. An entry is read as a row of :mod:`graphkit.readers.table`:
its fields in the space's default locale, its id as ``_id`` and its content type as
``_type`` (so that a typed entry with neither text nor date, an author, is no post), its
first publication as ``publishedAt`` when its fields give no date, and ``status:
draft`` when it was never published. A Rich Text field is a tree of nodes: its text is
its blocks' text, a ``hyperlink`` links its ``uri``, an ``entry-hyperlink`` or an
embedded entry links the entry of that id.
"""

from __future__ import annotations

from ..model import Link
from .portable import TreeNode, walk_tree

# blocks that end a line of text
_BLOCKS = frozenset({"paragraph", "heading-1", "heading-2", "heading-3", "heading-4",
                     "heading-5", "heading-6", "list-item", "blockquote", "table-cell",
                     "table-header-cell"})
_ENTRY_LINKS = frozenset({"entry-hyperlink", "embedded-entry-inline", "embedded-entry-block"})
_ENTRY_CARDS = frozenset({"embedded-entry-inline", "embedded-entry-block"})


def is_export(doc) -> bool:
    """True for a Contentful space export: a list of ``entries`` with ``sys`` and
    ``fields``."""
    entries = doc.get("entries") if isinstance(doc, dict) else None
    return (isinstance(entries, list) and bool(entries)
            and all(isinstance(e, dict) and isinstance(e.get("sys"), dict)
                    and isinstance(e.get("fields"), dict) for e in entries))


def _link_id(link) -> str | None:
    """The id a Contentful link names (``{"sys": {"id": …}}``), else None."""
    sys = link.get("sys") if isinstance(link, dict) else None
    value = sys.get("id") if isinstance(sys, dict) else None
    return value if isinstance(value, str) and value else None


def _locale(doc: dict) -> str | None:
    for loc in doc.get("locales") or []:
        if isinstance(loc, dict) and loc.get("default") and isinstance(loc.get("code"), str):
            return loc["code"]
    return None


def entry_rows(doc: dict, *, text_fields: tuple[str, ...]) -> list[dict]:
    """The export's entries as rows (see the module's description); ``text_fields``, the
    names of a row's text (lower case), tell an entry with a text from one without (an
    author, a category), which gets no date from its publication.

    References
    ----------
    .. [1] Contentful, contentful-export (the JSON it writes: ``entries``, ``locales``),
       https://github.com/contentful/contentful-export
    """
    locale = _locale(doc)
    rows = []
    for entry in doc["entries"]:
        sys = entry["sys"]
        row: dict = {}
        for name, value in entry["fields"].items():
            if isinstance(value, dict) and value:
                row[name] = value.get(locale) if locale in value else next(iter(value.values()))
        kind = _link_id(sys.get("contentType"))
        row["_id"] = sys.get("id")
        if isinstance(kind, str):
            row["_type"] = kind
        if any(k.casefold() in text_fields for k in row) and not any(
                k.casefold() in ("date", "publishdate", "publisheddate", "pubdate") for k in row):
            row["publishedAt"] = sys.get("firstPublishedAt") or sys.get("publishedAt")
        if "publishedVersion" not in sys and "publishedAt" not in sys:
            row["status"] = "draft"
        rows.append(row)
    return rows


def is_rich_text(value) -> bool:
    """True for a Rich Text field's value: a node of type ``document``."""
    return isinstance(value, dict) and value.get("nodeType") == "document"


def rich_text(document: dict, *, ref_url) -> tuple[str, list[Link]]:
    """The text of a Rich Text document (a block a line) and its links.

    Parameters
    ----------
    document : dict
        The field's value.
    ref_url : callable
        ``ref_url(entry id)``: the address a link to another entry is given.

    Returns
    -------
    text : str
    links : list of Link
        A ``hyperlink``'s ``uri`` and an entry link's entry (by ``ref_url``), the node's
        text as the anchor and its sentence as the sentence.

    References
    ----------
    .. [1] Contentful, "Rich Text" (the node types: ``paragraph``, ``hyperlink``,
       ``entry-hyperlink``, ``embedded-entry-block``…),
       https://www.contentful.com/developers/docs/concepts/rich-text/
    """
    def read(node) -> TreeNode | None:
        if not isinstance(node, dict):
            return None
        kind = node.get("nodeType")
        if kind == "text" and isinstance(node.get("value"), str):
            return TreeNode(text=node["value"])
        data = node.get("data") if isinstance(node.get("data"), dict) else {}
        url = None
        if kind == "hyperlink" and isinstance(data.get("uri"), str):
            url = data["uri"].strip() or None
        elif kind in _ENTRY_LINKS:
            target = _link_id(data.get("target"))
            url = ref_url(target) if target else None
        card = url if kind in _ENTRY_CARDS else None    # an entry's card: no text of its own
        children = node.get("content")
        return TreeNode(link=None if card else url, card=card, block=kind in _BLOCKS,
                        children=children if isinstance(children, list) else None)

    return walk_tree([document], read)
