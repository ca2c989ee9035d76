"""Text from posts made safe for the renderer that shows it.

Titles, tags, module labels and file names come from whoever wrote the input. Shown
through a Markdown renderer (the dashboard's widgets) or Plotly's pseudo-HTML labels,
they could become links or markup; bidirectional control characters could make
``gnp.exe`` read as ``exe.png``. These functions take such text and return it as the
literal text it is, for one renderer each. graphkit's own HTML map needs none of them:
it builds every text with ``textContent``.
"""

from __future__ import annotations

import html
import re

# Explicit directional formatting characters (Unicode Standard Annex #9, section 2):
# embeddings, overrides, isolates and the implicit marks.
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
                          "\u200e\u200f\u061c")
_BIDI_RE = re.compile("[" + "".join(sorted(BIDI_CONTROLS)) + "]")
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:&=\"'@])")
# what GitHub-flavoured Markdown turns into a link without brackets: a scheme, "www.",
# and e-mail addresses
_AUTOLINK_RE = re.compile(r"(?i)(://|www\.|@)")
ZWSP = "\u200b"


def visible_controls(text: str) -> str:
    """Replace bidirectional control characters by a visible ``[U+202E]`` marker.

    Parameters
    ----------
    text : str

    Returns
    -------
    str
        The text with each control shown by its code point, so that the characters
        around it keep their stored order on screen.

    References
    ----------
    .. [1] Unicode Standard Annex #9, Unicode Bidirectional Algorithm, section 2
       (explicit directional formatting characters), https://unicode.org/reports/tr9/
    .. [2] N. Boucher, R. Anderson, "Trojan Source: Invisible Vulnerabilities",
       USENIX Security 2023.
    """
    return _BIDI_RE.sub(lambda m: f"[U+{ord(m.group()):04X}]", str(text))


def markdown_literal(text: str) -> str:
    """Text shown literally by a CommonMark / GitHub-flavoured Markdown renderer.

    Every character that Markdown gives a meaning (emphasis, links, headings, HTML,
    math, tables) is backslash-escaped, and autolink triggers (``://``, ``www.``,
    ``@``) are broken by a zero-width space, so that no bare URL or address in a title
    becomes a clickable link. Bidirectional controls are made visible
    (:func:`visible_controls`).

    Parameters
    ----------
    text : str

    Returns
    -------
    str

    References
    ----------
    .. [1] CommonMark 0.31.2, backslash escapes (section 2.4),
       https://spec.commonmark.org/0.31.2/#backslash-escapes
    .. [2] GitHub Flavored Markdown, autolinks (extension), https://github.github.com/gfm/
    """
    t = visible_controls(text)
    t = _AUTOLINK_RE.sub(lambda m: m.group(1)[0] + ZWSP + m.group(1)[1:], t)
    return _MD_SPECIAL.sub(r"\\\1", t)


def plotly_text(text: str) -> str:
    """Text shown literally in a Plotly label or hover text.

    Plotly.js reads a subset of HTML in text (``<a href>``, ``<b>``, ``<br>``); ``&``,
    ``<`` and ``>`` are written as entities so that no tag is formed, and bidirectional
    controls are made visible.

    References
    ----------
    .. [1] Plotly.js, "Styled text" (supported HTML tags in text),
       https://plotly.com/chart-studio-help/adding-HTML-and-links-to-charts/
    """
    return html.escape(visible_controls(text), quote=False)
