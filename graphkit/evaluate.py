"""Measure how well 《title》 citations resolve, using the body links as the truth.

On kexue.fm, many citations are written as links, ``[《X》](https://kexue.fm/archives/ID)``.
Rewriting each such link as the plain text ``《X》`` gives citations whose right answer
is known: :func:`citation_resolution_quality` reads the rewritten pages together with
the archive index and checks what each plain 《X》 resolves to.
"""

from __future__ import annotations

import re
import tempfile
from dataclasses import dataclass

from .sites import KEXUE_HOST
from pathlib import Path

from .readers import read_paths
from .readers.kexue import archive_link_id
from .relate import TitleIndex

LINKED_TITLE_RE = re.compile(
    r"\[《(?P<title>[^《》\]\n]{1,200})》\]\(" + KEXUE_HOST + "?"
    r"/archives/(?P<id>\d+)[^)]*\)")


@dataclass(frozen=True)
class ResolutionQuality:
    """Precision and recall of title resolution against the links.

    Attributes
    ----------
    total : int
        Linked citations whose target is in the index (the truth).
    resolved : int
        Of those, how many resolved to some post.
    correct : int
        How many resolved to the linked post.
    precision, recall : float
        ``correct / resolved`` and ``correct / total``.
    errors : tuple of (str, str, str, str)
        ``(citing file, cited title, expected id, got)`` for every miss or wrong answer.
    """

    total: int
    resolved: int
    correct: int
    precision: float
    recall: float
    errors: tuple[tuple[str, str, str, str], ...]


def rewrite_links_as_titles(text: str) -> tuple[str, list[tuple[str, int]]]:
    """Replace ``[《X》](…/archives/ID)`` by ``《X》``; return the text and the (X, ID) pairs."""
    truth: list[tuple[str, int]] = []

    def sub(m: re.Match) -> str:
        truth.append((m.group("title"), int(m.group("id"))))
        return "《" + m.group("title") + "》"

    return LINKED_TITLE_RE.sub(sub, text), truth


def citation_resolution_quality(pages: Path, archive: Path, *, fuzzy: bool = True
                                ) -> ResolutionQuality:
    """Rewrite linked citations as plain titles and measure how they resolve.

    Parameters
    ----------
    pages : Path
        Folder of kexue.fm page captures.
    archive : Path
        The archive page capture (the index titles resolve against).
    fuzzy : bool, keyword-only
        Use the fuzzy matching step after exact normalised matching.

    Returns
    -------
    ResolutionQuality
    """
    # The truth: linked 《X》 citations in the post bodies (the reader leaves out the
    # reprint block, sidebar and comments).
    original = read_paths([pages])
    truth: list[tuple[str, str, int]] = []
    for post in original.posts:
        for link in post.links:
            m = re.fullmatch(r"《(.+)》", link.anchor.strip())
            aid = archive_link_id(link.url)
            if m and aid is not None:
                truth.append((str(post.archive_id), m.group(1), aid))
    with tempfile.TemporaryDirectory(prefix="graphkit-eval-") as tmp:
        work = Path(tmp)
        for f in sorted(pages.glob("*.txt")):
            text, _ = rewrite_links_as_titles(f.read_text(encoding="utf-8"))
            (work / f.name).write_text(text, encoding="utf-8")
        read = read_paths([work, archive])
    index = TitleIndex(read.posts, fuzzy=fuzzy)
    known = {p.archive_id for p in read.posts if p.archive_id is not None and any(
        s.format == "kexue-archive" for s in p.sources)}
    total = resolved = correct = 0
    errors = []
    for src, title, tid in truth:
        if tid not in known or str(tid) == src:
            continue
        total += 1
        got = index.resolve(title)
        if got is not None:
            resolved += 1
        if got == f"post:{tid}":
            correct += 1
        else:
            errors.append((src, title, str(tid), got or "-"))
    return ResolutionQuality(total=total, resolved=resolved, correct=correct,
                             precision=correct / resolved if resolved else 0.0,
                             recall=correct / total if total else 0.0, errors=tuple(errors))
