"""Chinese-aware keywords and shared-topic similarity.

Text is segmented with jieba (initialised once, with a domain vocabulary of
machine-learning terms), English terms are kept whole, stop words fit for this blog are
removed, and posts are compared by TF-IDF cosine similarity computed sparsely in chunks
with a top-k per post, so that no dense n×n matrix is ever built.

References
----------
.. [1] jieba, https://github.com/fxsjy/jieba
.. [2] scikit-learn, ``TfidfVectorizer``,
   https://scikit-learn.org/stable/modules/feature_extraction.html#tfidf-term-weighting
"""

from __future__ import annotations

import logging
import re
import threading
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import numpy as np
import scipy.sparse as sp

_LATEX_RE = re.compile(
    r"\\begin\{(\w+\*?)\}.*?\\end\{\1\}|\$\$.*?\$\$|\$[^$\n]*\$|\\\(.*?\\\)|\\\[.*?\\\]",
    re.S)
_URL_RE = re.compile(r"https?://\S+|www\.\S+|\\[A-Za-z]+|```.*?```", re.S)
_EN_RE = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:[-+][A-Za-z0-9]+)*")
_CJK_RE = re.compile(r"[\u4e00-\u9fff]")
_jieba_lock = threading.Lock()


def _resource_words(name: str) -> list[str]:
    text = resources.files("graphkit.resources").joinpath(name).read_text(encoding="utf-8")
    words: list[str] = []
    for line in text.splitlines():
        line = line.split("#", 1)[0]
        words.extend(line.split())
    return words


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    """Return the stop words (Chinese and lower-case English) used for keywords."""
    return frozenset(_resource_words("stopwords_zh.txt") + _resource_words("stopwords_en.txt"))


@lru_cache(maxsize=1)
def domain_terms() -> tuple[str, ...]:
    """Return the domain vocabulary added to jieba's dictionary."""
    return tuple(_resource_words("domain_terms.txt"))


@lru_cache(maxsize=1)
def _tokenizer():
    with _jieba_lock:
        import jieba  # heavy: loaded on first use only

        jieba.setLogLevel(logging.WARNING)
        tk = jieba.Tokenizer()
        tk.initialize()
        for term in domain_terms():
            if _CJK_RE.search(term):
                tk.add_word(term, freq=2000)
        return tk


def tokenize(text: str) -> list[str]:
    """Split text into keyword tokens.

    LaTeX, URLs and punctuation are removed; English terms (``BERT-flow``, ``RoPE``,
    ``GPT2``) are kept whole and case-folded; Chinese runs are segmented by jieba with
    the domain vocabulary; tokens that are stop words, numbers or single Chinese
    characters are dropped.

    Parameters
    ----------
    text : str
        Plain text.

    Returns
    -------
    list of str
        Tokens in text order (with repeats).
    """
    text = _URL_RE.sub(" ", _LATEX_RE.sub(" ", text))
    stops = stop_words()
    tokens: list[str] = []
    pos = 0
    pieces: list[tuple[bool, str]] = []
    for m in _EN_RE.finditer(text):
        pieces.append((False, text[pos:m.start()]))
        pieces.append((True, m.group(0)))
        pos = m.end()
    pieces.append((False, text[pos:]))
    tk = None
    for is_en, piece in pieces:
        if is_en:
            word = piece.casefold()
            if sum(c.isalpha() for c in word) >= 2 and word not in stops:
                tokens.append(word)
            continue
        if not _CJK_RE.search(piece):
            continue
        if tk is None:
            tk = _tokenizer()
        for word in tk.cut(piece, HMM=True):
            word = word.strip()
            if len(word) >= 2 and _CJK_RE.search(word) and word not in stops:
                tokens.append(word)
    return tokens


@dataclass(frozen=True)
class TermMatrix:
    """TF-IDF weights of posts over terms.

    Attributes
    ----------
    keys : tuple of str
        Node id of each row.
    terms : tuple of str
        Term of each column.
    matrix : scipy.sparse.csr_matrix, shape (n_posts, n_terms)
        L2-normalised TF-IDF weights.
    counts : scipy.sparse.csr_matrix, shape (n_posts, n_terms)
        Raw term counts (title and tags weighted as configured).
    """

    keys: tuple[str, ...]
    terms: tuple[str, ...]
    matrix: sp.csr_matrix
    counts: sp.csr_matrix

    def top_terms(self, row: int, k: int = 8) -> list[tuple[str, float]]:
        """Return the ``k`` heaviest terms of one row as (term, weight), heaviest first."""
        start, end = self.matrix.indptr[row], self.matrix.indptr[row + 1]
        idx = self.matrix.indices[start:end]
        val = self.matrix.data[start:end]
        order = np.lexsort((idx, -val))[:k]  # ties: the term that sorts first
        return [(self.terms[idx[o]], float(val[o])) for o in order]


def term_matrix(docs: dict[str, list[str]]) -> TermMatrix:
    """Build the TF-IDF matrix of tokenised documents.

    Parameters
    ----------
    docs : dict of str to list of str
        Node id to tokens (repeat a token to weigh it more).

    Returns
    -------
    TermMatrix
        Rows in the order of ``docs``; sublinear term frequency, smoothed IDF, L2 rows.
    """
    from sklearn.feature_extraction.text import CountVectorizer, TfidfTransformer

    keys = tuple(docs)
    if not keys:
        empty = sp.csr_matrix((0, 0))
        return TermMatrix(keys=(), terms=(), matrix=empty, counts=empty)
    vec = CountVectorizer(analyzer=lambda d: d, lowercase=False)
    counts = vec.fit_transform([docs[k] for k in keys]).tocsr()
    terms = tuple(vec.get_feature_names_out().tolist())
    tfidf = TfidfTransformer(sublinear_tf=True, smooth_idf=True, norm="l2")
    matrix = tfidf.fit_transform(counts).tocsr()
    matrix.sort_indices()
    return TermMatrix(keys=keys, terms=terms, matrix=matrix, counts=counts)


def similar_pairs(tm: TermMatrix, *, top_k: int = 5, min_score: float = 0.1,
                  chunk_size: int = 2048) -> list[tuple[int, int, float]]:
    """Return the most similar pairs of posts by TF-IDF cosine similarity.

    For each post the ``top_k`` most similar other posts with a score of at least
    ``min_score`` are kept; a pair found from both ends is returned once. Rows are
    multiplied in chunks of ``chunk_size`` against the sparse transposed matrix, so the
    memory held at once is ``chunk_size × n`` at most, never ``n × n``.

    Parameters
    ----------
    tm : TermMatrix
        L2-normalised weights.
    top_k : int, keyword-only
        Neighbours kept per post.
    min_score : float, keyword-only
        Smallest cosine similarity kept, in [0, 1].
    chunk_size : int, keyword-only
        Rows per block.

    Returns
    -------
    list of (int, int, float)
        ``(i, j, score)`` with ``i < j``, sorted by ``(i, j)``.
    """
    n = tm.matrix.shape[0]
    if n < 2 or top_k <= 0:
        return []
    xt = tm.matrix.T.tocsc()
    best: dict[tuple[int, int], float] = {}
    for lo in range(0, n, chunk_size):
        hi = min(n, lo + chunk_size)
        block = (tm.matrix[lo:hi] @ xt).tocsr()
        for r in range(hi - lo):
            i = lo + r
            s, e = block.indptr[r], block.indptr[r + 1]
            cols = block.indices[s:e]
            vals = block.data[s:e]
            keep = (cols != i) & (vals >= min_score)
            cols, vals = cols[keep], vals[keep]
            if cols.size == 0:
                continue
            if cols.size > top_k:
                # stable order: score desc, then column asc
                order = np.lexsort((cols, -vals))[:top_k]
                cols, vals = cols[order], vals[order]
            for j, v in zip(cols.tolist(), vals.tolist()):
                pair = (i, j) if i < j else (j, i)
                best[pair] = max(best.get(pair, 0.0), round(float(v), 6))
    return sorted((i, j, v) for (i, j), v in best.items())


def shared_terms(tm: TermMatrix, i: int, j: int, k: int = 5) -> list[str]:
    """Return the ``k`` terms that weigh most in the similarity of rows ``i`` and ``j``."""
    m = tm.matrix
    ai, aj = slice(m.indptr[i], m.indptr[i + 1]), slice(m.indptr[j], m.indptr[j + 1])
    common, xi, xj = np.intersect1d(m.indices[ai], m.indices[aj], assume_unique=True,
                                    return_indices=True)
    if common.size == 0:
        return []
    prod = m.data[ai][xi] * m.data[aj][xj]
    order = np.lexsort((common, -prod))[:k]
    return [tm.terms[common[o]] for o in order]
