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
