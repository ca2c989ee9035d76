"""Title resolution measured against the body links of the real corpus (skipped where absent).

The figures are printed by ``python benchmarks/run.py --only resolution``.
"""

from __future__ import annotations

import pytest
from conftest import corpus_or_skip

from graphkit.evaluate import citation_resolution_quality

pytestmark = pytest.mark.corpus


def test_title_resolution_precision_and_recall_against_links():
    corpus = corpus_or_skip()
    q = citation_resolution_quality(corpus / "kexue-pages", corpus / "kexue-archive.txt")
    assert q.total >= 1000
    assert q.precision >= 0.98, q.errors[:10]
    assert q.recall >= 0.97, q.errors[:10]


def test_exact_matching_alone_is_weaker():
    corpus = corpus_or_skip()
    q = citation_resolution_quality(corpus / "kexue-pages", corpus / "kexue-archive.txt",
                                    fuzzy=False)
    full = citation_resolution_quality(corpus / "kexue-pages", corpus / "kexue-archive.txt")
    assert q.correct < full.correct  # fuzzy matching finds what exact matching misses
    assert full.precision >= q.precision - 0.02


def test_a_title_inside_a_links_text_is_the_linked_post():
    """借助变分法变换坐标 links 《方程与宇宙》:二体问题的来来去去(一) as one anchor: the 《》
    in it names the series of the linked post, not a work of its own."""
    from graphkit.options import BuildOptions
    from graphkit.pipeline import relate
    from graphkit.readers import read_paths

    corpus = corpus_or_skip()
    r = read_paths([corpus])
    citing = next(p for p in r.posts if p.title.startswith("借助变分法变换坐标"))
    edges, _, _ = relate(r.posts, options=BuildOptions(layers=("cites",)))
    targets = {e.target for e in edges if e.source == citing.key}
    assert "unresolved:方程与宇宙" not in targets and "post:549" in targets
