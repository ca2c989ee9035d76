"""Text helpers shared by the readers and the relationship extraction."""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from collections.abc import Iterator

_SPACE_RE = re.compile(r"\s+")
# characters of no width that carry no letter: the zero width space (VitePress ends every
# heading's anchor with one), the word joiner and the byte order mark
ZERO_WIDTH_RE = re.compile("[\u200b\u2060\ufeff]")
# Punctuation that writers use interchangeably inside titles.
_PUNCT_MAP = str.maketrans({
    "“": '"', "”": '"', "‘": "'", "’": "'", "〈": "<", "〉": ">",
    "—": "-", "–": "-", "－": "-", "·": "⋅", "・": "⋅", "•": "⋅",
    "【": "[", "】": "]", "〔": "(", "〕": ")", "、": ",", "《": "<", "》": ">",
    "「": "\"", "」": "\"", "『": "\"", "』": "\"",
})
_SENTENCE_END = "。！？!?；;\n"
_CLOSERS = "\"')]」』”’"


_LINE_RE = re.compile(r"\r\n|\r|\n")

# printable ASCII but white space, quotes and brackets: what a bare address is made of
_URL_ASCII = r"[^\x00-\x20\x7f-\U0010ffff<>\"'`\[\]{}|\\^]"
# An address written bare in prose (GFM's extended autolink, for prose in any script):
# ASCII, but for a non-ASCII run right after a "/" (a slug such as /item/体质人类学),
# because Chinese prose often follows an address with no space. Possessive throughout:
# linear in the text whatever it holds. Not anchored before: see BARE_URL_RE.
BARE_URL_PATTERN = (r"(?i:https?://)" + _URL_ASCII + r"*+(?:(?<=/)"
                    r"[^\x00-\x7f\s，。；：！？、（）【】《》“”‘’「」…]++" + _URL_ASCII + r"*+)*+")
# ... not inside a word, an attribute or another address
BARE_URL_RE = re.compile(r"(?<![A-Za-z0-9_/=\"'@.\-])" + BARE_URL_PATTERN)
TAG_RE = re.compile(r"<[^<>]*+>")       # from the last "<" before a ">": linear


def bare_url(text: str) -> str:
    """A bare address (a :data:`BARE_URL_RE` match) without the punctuation that ends
    its sentence (``.,:;!?``, an unbalanced ``)``).

    >>> bare_url("https://en.example/wiki/Foo_(bar)).")
    'https://en.example/wiki/Foo_(bar)'
    >>> bare_url(BARE_URL_RE.search("见https://a.example/x的推导。").group(0))
    'https://a.example/x'
    """
    url = text
    while url and url[-1] in ".,:;!?*_~":
        url = url[:-1]
    while url.endswith(")") and url.count(")") > url.count("("):
        url = url[:-1]
    return url


def split_lines(text: str) -> list[str]:
    """Split text into lines at ``\\n``, ``\\r\\n`` and ``\\r`` only.

    Unlike :meth:`str.splitlines`, U+2028, U+2029, form feeds and the like stay inside
    their line, so line numbers match those of an editor (and a JSON string holding
    U+2028 stays on its JSON Lines line).
    """
    return list(iter_lines(text))


def iter_lines(text: str) -> Iterator[str]:
    """The lines of :func:`split_lines`, one at a time: a file of one post per line is
    read without a second copy of its text in a list of lines."""
    pos = 0
    for m in _LINE_RE.finditer(text):
        yield text[pos:m.start()]
        pos = m.end()
    if pos < len(text):
        yield text[pos:]


def _json_int(digits: str) -> int | str:
    limit = sys.get_int_max_str_digits()
    return int(digits) if not limit or len(digits) <= limit else digits


def loads_json(text: str):
    """:func:`json.loads`, except that an integer longer than Python converts to ``int``
    (:func:`sys.get_int_max_str_digits`, 4,300 digits by default) is kept as its text.

    ``json.loads`` raises a bare :class:`ValueError`, not :class:`json.JSONDecodeError`,
    on such a number, so that one field nobody reads would lose its row, or stop a
    reader that expects only broken JSON. Raises :class:`json.JSONDecodeError` on text
    that is not JSON and :class:`RecursionError` on nesting deeper than the parser's
    stack.

    References
    ----------
    .. [1] Python documentation, "Integer string conversion length limitation",
       https://docs.python.org/3/library/stdtypes.html#int-max-str-digits
    """
    return json.loads(text, parse_int=_json_int)


_JSON_SPACE_RE = re.compile(r"[ \t\n\r]*+")


def json_array_items(text: str) -> list[tuple[int, object]]:
    """The items of the JSON array ``text`` holds, each with the offset it starts at.

    Read item by item (:meth:`json.JSONDecoder.raw_decode`), so that a reader can say on
    which line of a large file each item stands; integers as :func:`loads_json` keeps
    them.

    Raises
    ------
    json.JSONDecodeError
        When the text is not one JSON array (white space around it aside).
    RecursionError
        On nesting deeper than the parser's stack.

    >>> json_array_items('[{"a": 1}, {"b": 2}]')
    [(1, {'a': 1}), (11, {'b': 2})]
    """
    decoder = json.JSONDecoder(parse_int=_json_int)
    i = _JSON_SPACE_RE.match(text).end()
    if text[i:i + 1] != "[":
        raise json.JSONDecodeError("expected a JSON array", text, i)
    items: list[tuple[int, object]] = []
    i = _JSON_SPACE_RE.match(text, i + 1).end()
    if text[i:i + 1] == "]":
        return items
    while True:
        item, end = decoder.raw_decode(text, i)
        items.append((i, item))
        i = _JSON_SPACE_RE.match(text, end).end()
        if text[i:i + 1] == ",":
            i = _JSON_SPACE_RE.match(text, i + 1).end()
            continue
        if text[i:i + 1] == "]" and not text[i + 1:].strip():
            return items
        raise json.JSONDecodeError("expected , or ] after an item", text, i)


def line_numbers(text: str, offsets) -> list[int]:
    """The 1-based line of each character offset into ``text``, offsets ascending.

    Counts each stretch of ``text`` once (``text.count("\\n", 0, offset)`` per offset
    would be quadratic in a file of many entries).

    >>> line_numbers("a\\nb\\nc", [0, 2, 4])
    [1, 2, 3]
    """
    out, line, at = [], 1, 0
    for offset in offsets:
        line += text.count("\n", at, offset)
        at = offset
        out.append(line)
    return out


def normalize_title(title: str) -> str:
    """Return the matching key of a title.

    Unicode NFKC (full-width ``（六）：`` becomes ``(六):``), case folding, interchangeable
    punctuation unified (quotes; ``《》`` and ``〈〉``, which writers swap when a title is
    nested in another citation), all white space and zero-width spaces removed.

    Parameters
    ----------
    title : str
        A title as written.

    Returns
    -------
    str
        The key; two titles that differ only in width, case, spacing or quote style
        give the same key.
    """
    t = _SPACE_RE.sub("", unicodedata.normalize("NFKC", ZERO_WIDTH_RE.sub("", title))
                      .casefold().translate(_PUNCT_MAP))
    # folding case and removing spaces can leave a sequence that composes (O + ¯ gives
    # o + combining macron): normalise once more so that the key is a fixed point
    return unicodedata.normalize("NFKC", t)


def first_sentence(text: str, *, limit: int = 40) -> str:
    """Return the first sentence of ``text``, cut to ``limit`` characters with an ellipsis."""
    text = text.strip()
    end = len(text)
    for i, ch in enumerate(text):
        if ch in "。！？!?\n":
            end = i + 1
            break
    sentence = text[:end].strip()
    if len(sentence) > limit:
        sentence = sentence[: limit - 1].rstrip() + "…"
    return sentence


def sentence_around(text: str, start: int, end: int, *, limit: int = 300) -> tuple[str, int, int]:
    """Return the sentence of ``text`` that holds ``text[start:end]``.

    A sentence ends at a line break and at ``。！？!?；;``; a full stop ends one where
    sentencex's rules say so (a stop before a capital letter, not after ``e.g.``,
    ``Fig.``, ``Dr.``, an initial or inside a number): English prose is cut into its
    sentences as Chinese is.

    Parameters
    ----------
    text : str
        Plain text.
    start, end : int
        Character offsets of the cited span.
    limit : int
        Maximum characters kept on each side of the span.

    Returns
    -------
    sentence : str
        The sentence, stripped.
    span_start, span_end : int
        Offsets of the cited span inside ``sentence``.

    References
    ----------
    .. [1] S. Thottingal, sentencex, https://github.com/wikimedia/sentencex
    """
    start = min(max(start, 0), len(text))
    end = min(max(end, start), len(text))
    lo_bound, hi_bound = max(start - limit, 0), min(end + limit, len(text))
    lo = max([lo_bound] + [text.rfind(c, lo_bound, start) + 1 for c in _SENTENCE_END])
    hi = min([hi_bound] + [i + 1 for i in (text.find(c, end, hi_bound) for c in _SENTENCE_END)
                           if i >= 0])
    if "." in text[lo:hi]:
        lo, hi = _english_sentence(text, lo, hi, start, end)
    raw = text[lo:hi]
    stripped = raw.lstrip()
    lead = len(raw) - len(stripped)
    sentence = stripped.rstrip()
    return sentence, start - lo - lead, end - lo - lead


def _english_sentence(text: str, lo: int, hi: int, start: int, end: int) -> tuple[int, int]:
    """``text[lo:hi]`` narrowed to the sentences holding ``text[start:end]``, at the full
    stops followed by a space that sentencex's rules take for a sentence's end (its
    other ends, ``?`` inside a 《title》 or an ellipsis, are left to the caller)."""
    from sentencex import segment

    ends = []
    at = lo
    for piece in segment("en", text[lo:hi]):
        at += len(piece)
        body = piece.rstrip()
        if len(body) < len(piece) and body.rstrip(_CLOSERS).endswith(".") \
                and not body.rstrip(_CLOSERS).endswith(".."):
            ends.append(at)
    first = max((e for e in ends if e <= start), default=lo)
    last = min((e for e in ends if e >= end and e > first), default=hi)
    return first, last


def preview(text: str, limit: int = 120) -> str:
    """Return the start of ``text`` on one line, at most ``limit`` characters."""
    one = _SPACE_RE.sub(" ", text).strip()
    return one if len(one) <= limit else one[: limit - 1] + "…"
