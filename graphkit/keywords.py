"""Chinese-aware keywords and shared-topic similarity.

Text is segmented with jieba's algorithm and dictionary as implemented by jieba-rs
(through its Python binding rjieba; initialised once, with a domain vocabulary of
machine-learning terms), English terms are kept whole, Korean words give their nouns by
Kiwi's analysis and Japanese posts theirs by Sudachi's, stop words fit for this blog are
removed, and posts are compared by TF-IDF cosine similarity computed sparsely in chunks
with a top-k per post, so that no dense n×n matrix is ever built.

References
----------
.. [1] jieba, https://github.com/fxsjy/jieba; jieba-rs, https://github.com/messense/jieba-rs
   and its binding rjieba, https://github.com/messense/rjieba-py (the same prefix
   dictionary, maximum-probability path over the word DAG and HMM for unknown words;
   about nine times faster than the pure-Python jieba on this corpus, and the tokens
   kept here are the same, see ``tests/test_keywords_segmenter.py``)
.. [2] Kiwi, the Korean Intelligent Word Identifier, and its Python package kiwipiepy
   (a morphological analyser; Korean words are analysed with it, and its nouns kept),
   https://github.com/bab2min/kiwipiepy
.. [3] Sudachi, Works Applications' Japanese morphological analyser, its Python package
   SudachiPy and its core dictionary (a Japanese text is analysed with it, and its nouns
   kept), https://github.com/WorksApplications/sudachi.rs; K. Takaoka et al., "Sudachi: a
   Japanese Tokenizer for Business", LREC 2018, https://aclanthology.org/L18-1355/
.. [4] scikit-learn, ``TfidfVectorizer`` (whose TF-IDF weights ours equal, float for float),
   https://scikit-learn.org/stable/modules/feature_extraction.html#tfidf-term-weighting
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TYPE_CHECKING
from importlib import resources

import numpy as np
import scipy.sparse as sp

from .options import BuildOptions
from .text import BARE_URL_PATTERN

if TYPE_CHECKING:
    from .model import Post

_LATEX_RE = re.compile(
    r"\\begin\{(\w+\*?)\}.*?\\end\{\1\}|\$\$.*?\$\$|\$[^$\n]*\$|\\\(.*?\\\)|\\\[.*?\\\]",
    re.S)
# addresses as the readers take them (text.BARE_URL_PATTERN: not "\S+", which in Chinese
# prose with no space after an address dropped the rest of the paragraph), LaTeX
# commands, fenced code
_URL_RE = re.compile(BARE_URL_PATTERN + r"|www\.[!-~]+|\\[A-Za-z]+|```.*?```", re.S)
_EN_RE = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:[-+][A-Za-z0-9]+)*")
_CJK_RE = re.compile(r"[\u4e00-\u9fff]")
# a run of katakana (full or half width, with the prolonged sound mark, not the middle
# dot ・ that separates words): a Japanese word by its script, a loanword mostly
# (エンコーディング, ｻｰﾊﾞｰ); jieba cuts such a run into single characters, which drop
_KATAKANA_RE = re.compile(
    r"([\u30a1-\u30fa\uff66-\uff9d][\u30a1-\u30fa\u30fc-\u30ff\uff66-\uff9f]+)")
# a run of Hangul syllables: a Korean word (eojeol) or the part of one between signs; a
# noun in it carries particles and endings (인코딩은, 모델을), which only an analyser cuts off
_HANGUL_RE = re.compile(r"([\uac00-\ud7a3]+)")
# both, a katakana run in the first group and a Hangul one in the second; a text with
# neither script (most of a Chinese or English blog) is told by one character class
_KANA_OR_HANGUL_RE = re.compile(f"{_KATAKANA_RE.pattern}|{_HANGUL_RE.pattern}")
_KANA_OR_HANGUL_CHAR_RE = re.compile(r"[\u30a1-\u30fa\uff66-\uff9d\uac00-\ud7a3]")
# kana (hiragana, katakana full and half width): Japanese by its script
_KANA_RE = re.compile(r"[\u3041-\u3096\u30a1-\u30fa\uff66-\uff9d]")
_HIRAGANA_RE = re.compile(r"[\u3041-\u3096]")
_segmenter_lock = threading.Lock()
_analyser_lock = threading.Lock()


def _resource_words(name: str) -> list[str]:
    text = resources.files("graphkit.resources").joinpath(name).read_text(encoding="utf-8")
    words: list[str] = []
    for line in text.splitlines():
        line = line.split("#", 1)[0]
        words.extend(line.split())
    return words


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    """Return the stop words (Chinese, lower-case English and Korean) used for keywords
    (a Japanese text's nouns have their own, :func:`_japanese_stop_words`)."""
    return frozenset(_resource_words("stopwords_zh.txt") + _resource_words("stopwords_en.txt")
                     + _resource_words("stopwords_ko.txt"))


@lru_cache(maxsize=1)
def domain_terms() -> tuple[str, ...]:
    """Return the domain vocabulary added to the segmenter's dictionary."""
    return tuple(_resource_words("domain_terms.txt"))


DOMAIN_TERM_FREQ = 2000  # dictionary frequency of a domain term: high enough to win a split


@lru_cache(maxsize=4)
def _tokenizer(phrases: tuple[str, ...] = ()):
    """The segmenter with the domain vocabulary and ``phrases`` (a blog's mined terms,
    :func:`graphkit.phrases.mine_phrases`), built once per process and set of phrases
    (0.2 s and 24 MB each; the four last sets are kept)."""
    with _segmenter_lock:
        import rjieba  # loaded on first use only

        tk = rjieba.Jieba()
        for term in (*domain_terms(), *phrases):
            if _CJK_RE.search(term):
                tk.add_word(term, DOMAIN_TERM_FREQ, None)
        return tk


@lru_cache(maxsize=1)
def _korean_analyser():
    """Kiwi, built on the first Korean word (1 s and about 300 MB, once per process):
    single-threaded (it runs in forked workers), without its typo and multi-word
    dictionaries (a word is analysed as it is written)."""
    import warnings

    with _analyser_lock, warnings.catch_warnings():
        # num_workers=0 means one thread since kiwipiepy 0.21, and it says so each time
        warnings.simplefilter("ignore", DeprecationWarning)
        from kiwipiepy import Kiwi  # loaded on the first Korean word only

        kiwi = Kiwi(num_workers=0, load_typo_dict=False, load_multi_dict=False)
        kiwi.tokenize("")   # the model is loaded on the first call
        return kiwi


KOREAN_RUN_CHARS = 64   # a run of Hangul is analysed in pieces of at most this many
_NOUN_TAGS = frozenset({"NNG", "NNP"})   # Sejong tags: common and proper nouns


def _korean_tokens(run: str) -> tuple[str, ...]:
    """The tokens a run of Hangul gives: its nouns by Kiwi's analysis; particles,
    endings, verbs and bound nouns left out. A noun of one syllable is joined to the noun
    it touches, the one before it first (딥+러닝 → 딥러닝, 사워도우+빵 → 사워도우빵); longer
    nouns stay apart, so that 자연어처리 gives what 자연어 처리 gives (Korean spaces its
    compounds either way). Single syllables left alone and stop words are dropped."""
    kiwi = _korean_analyser()
    out: list[str] = []
    for lo in range(0, len(run), KOREAN_RUN_CHARS):
        piece = run[lo:lo + KOREAN_RUN_CHARS]
        with _analyser_lock:
            found = [[t.start, t.start + t.len] for t in kiwi.tokenize(piece)
                     if t.tag in _NOUN_TAGS]
        out.extend(w for w in (piece[a:b] for a, b in _joined_singles(found))
                   if len(w) >= 2 and w not in stop_words())
    return tuple(out)


def _joined_singles(found: list[list[int]]) -> list[list[int]]:
    """``[start, end]`` spans of nouns (in text order) with a span of one character
    joined to the span it touches, the one before it first (딥+러닝, 学習+率); longer
    spans that touch stay apart."""
    spans: list[list[int]] = []
    for start, end in found:
        # (a span of one character is a noun that touched no noun before it)
        if spans and spans[-1][1] == start and 1 in (end - start, start - spans[-1][0]):
            spans[-1][1] = end
        else:
            spans.append([start, end])
    return spans


@lru_cache(maxsize=1)
def _japanese_stop_words() -> frozenset[str]:
    """The stop words of a Japanese text's nouns: the Japanese list alone (the Chinese
    one's 注意 and 自己 are Japanese terms: 注意機構, 自己注意)."""
    return frozenset(_resource_words("stopwords_ja.txt"))


JAPANESE_SHARE = 0.2     # kana among a text's kana and Han characters that make it Japanese
JAPANESE_CHUNK_CHARS = 2000   # a Japanese text is analysed in pieces of at most this many


def is_japanese(text: str) -> bool:
    """True when ``text`` is Japanese: kana make up at least :data:`JAPANESE_SHARE` of its
    kana and Han characters (Japanese prose writes its particles and endings in hiragana,
    Chinese has none; a Chinese post quoting a Japanese title stays Chinese).

    Parameters
    ----------
    text : str

    Returns
    -------
    bool

    >>> is_japanese("Transformerの仕組みを説明します"), is_japanese("旋转位置编码（RoPE）")
    (True, False)
    """
    if _KANA_RE.search(text) is None:       # (most texts: one scan, nothing counted)
        return False
    kana = len(_KANA_RE.findall(text))
    return kana >= JAPANESE_SHARE * (kana + len(_CJK_RE.findall(text)))


@lru_cache(maxsize=1)
def _japanese_analyser():
    """Sudachi's core dictionary and its tokenizer in the longest split mode (C: 深層学習,
    自然言語処理 whole), built on the first Japanese text (under 0.1 s; the dictionary is
    mapped from disk, not read)."""
    with _analyser_lock:
        from sudachipy import Dictionary, SplitMode  # loaded on the first Japanese text only

        dictionary = Dictionary(dict="core")
        return dictionary, dictionary.tokenizer(mode=SplitMode.C)


def _japanese_spans(text: str) -> list[list[int]]:
    """``[start, end]`` of the nouns Sudachi finds in ``text`` (common and proper nouns,
    not numerals; a word it does not know only when it is a run of katakana), a noun of
    one character (or a nominal suffix, 系列+長) joined to the noun it touches, the one
    before it first (学習+率 → 学習率, 発酵+種 → 発酵種), as Korean's are."""
    _, tk = _japanese_analyser()
    with _analyser_lock:
        found = [[m.begin(), m.end()] for m in tk.tokenize(text)
                 if (pos := m.part_of_speech())[0] == "名詞" and pos[1] != "数詞"
                 and (not m.is_oov() or _KATAKANA_RE.fullmatch(m.surface()))
                 or pos[:2] == ("接尾辞", "名詞的") and m.end() - m.begin() == 1]
    return _joined_singles(found)


def _japanese_tokens(text: str, phrases: frozenset[str] = frozenset()) -> list[str]:
    """The tokens a Japanese text gives: its nouns by Sudachi's analysis
    (:func:`_japanese_spans`), nouns that touch joined where together they are one of
    ``phrases`` (a blog's mined terms); particles, endings, verbs, numerals, nouns of
    hiragana alone (こと, もの), single characters and stop words left out; NFKC (half-width
    ``ｻｰﾊﾞｰ`` is ``サーバー``, full-width ``ＧＰＵ`` an English term)."""
    english, _, _ = _verdicts()
    out: list[str] = []
    for lo in range(0, len(text), JAPANESE_CHUNK_CHARS):
        piece = text[lo:lo + JAPANESE_CHUNK_CHARS]
        spans = _japanese_spans(piece)
        if phrases:
            joined: list[list[int]] = []
            for span in spans:
                if joined and joined[-1][1] == span[0] \
                        and piece[joined[-1][0]:span[1]] in phrases:
                    joined[-1][1] = span[1]
                else:
                    joined.append(span)
            spans = joined
        for a, b in spans:
            word = unicodedata.normalize("NFKC", piece[a:b])
            if _EN_RE.fullmatch(word):
                token = english[word]
            elif len(word) < 2 or word in _japanese_stop_words() or word.isdigit() \
                    or not _HIRAGANA_RE.sub("", word):
                token = ""
            else:
                token = word
            if token:
                out.append(token)
    return out


@lru_cache(maxsize=1 << 16)
def japanese_word(term: str) -> bool:
    """True when Sudachi's dictionary holds ``term`` as a noun (埋め込み, 深層学習), or as
    the two words :func:`_japanese_spans` joins (a noun and one character: 学習率); a
    word of simplified Chinese (训练, 马大) is none.

    Parameters
    ----------
    term : str
        A keyword token.

    Returns
    -------
    bool
        False for a term longer than :data:`JAPANESE_CHUNK_CHARS` characters.

    References
    ----------
    .. [1] SudachiPy, ``Dictionary.lookup`` and ``Tokenizer.tokenize`` (split mode C),
       https://worksapplications.github.io/sudachi.rs/python/
    """
    if len(term) > JAPANESE_CHUNK_CHARS:
        return False
    dictionary, tk = _japanese_analyser()
    with _analyser_lock:
        if any(m.part_of_speech()[0] == "名詞" for m in dictionary.lookup(term)):
            return True
        found = [(m.end() - m.begin(), m.is_oov(), m.part_of_speech()[:2])
                 for m in tk.tokenize(term)]
    return (len(found) == 2 and 1 in (found[0][0], found[1][0])
            and not any(oov for _, oov, _ in found)
            and all(pos[0] == "名詞" and pos[1] != "数詞" or pos == ("接尾辞", "名詞的")
                    for _, _, pos in found))


def base_tokenizer():
    """The segmenter with jieba's dictionary and the domain vocabulary only."""
    return _tokenizer()


def warm_up() -> None:
    """Build the segmenter and load simplemma's English dictionary now (0.2 s and 0.15 s,
    once per process).

    :func:`graphkit.pipeline.build` calls it while worker processes read the files.
    """
    _tokenizer()
    _singular("models")


def tokenize(text: str, *, phrases: tuple[str, ...] = (),
             japanese: bool | None = None) -> list[str]:
    """Split text into keyword tokens.

    LaTeX, URLs and punctuation are removed; English terms (``BERT-flow``, ``RoPE``,
    ``GPT2``) are kept whole and case-folded; a Japanese text's (:func:`is_japanese`)
    other words give their nouns by Sudachi's analysis (回転位置埋め込みは → 回転, 位置,
    埋め込み; 深層学習, 最適化 whole); elsewhere a run of katakana is one term (NFKC:
    half-width ``ｻｰﾊﾞｰ`` is ``サーバー``), Chinese runs are segmented by jieba (jieba-rs)
    with the domain vocabulary and ``phrases``, and a Korean word gives its nouns by
    Kiwi's analysis (위치인코딩은 → 위치인코딩); tokens that are stop words, numbers or
    single Chinese characters or syllables are dropped, and so is hiragana.

    Parameters
    ----------
    text : str
        Plain text.
    phrases : tuple of str, keyword-only
        Terms the segmenter keeps whole besides its dictionary (a blog's own, from
        :func:`graphkit.phrases.mine_phrases`).
    japanese : bool or None, keyword-only
        Whether the text is Japanese; None: :func:`is_japanese` tells from the text.

    Returns
    -------
    list of str
        Tokens in text order (with repeats).
    """
    text = _URL_RE.sub(" ", _LATEX_RE.sub(" ", text))
    if japanese is None:
        japanese = is_japanese(text)
    japanese_phrases = frozenset(phrases) if japanese else frozenset()
    # English terms at the odd places, the text between them at the even ones; each
    # word's verdict is looked up (a corpus repeats its words: half the time outside
    # the segmenter)
    english, chinese, korean = _verdicts()
    tk = None
    out: list[str] = []
    for i, piece in enumerate(_EN_SPLIT_RE.split(text)):
        if i & 1:
            token = english[piece]
            if token:
                out.append(token)
            continue
        if japanese:
            out.extend(_japanese_tokens(piece, japanese_phrases))
            continue
        # the text between runs at every third place, then a katakana run (or None)
        # and a Korean word (or None)
        parts = (_KANA_OR_HANGUL_RE.split(piece) if _KANA_OR_HANGUL_CHAR_RE.search(piece)
                 else (piece,))
        for j in range(0, len(parts), 3):
            if _CJK_RE.search(parts[j]):
                if tk is None:
                    tk = _tokenizer(phrases)
                # with the HMM for unknown words
                out.extend([k for k in map(chinese.__getitem__, tk.cut(parts[j], True)) if k])
            if j + 1 < len(parts):
                if parts[j + 1]:
                    token = _katakana_token(parts[j + 1])
                    if token:
                        out.append(token)
                else:
                    out.extend(korean[parts[j + 2]])
    return out


def _katakana_token(run: str) -> str:
    """The token a run of katakana gives: NFKC (full width); "" for a stop word."""
    word = unicodedata.normalize("NFKC", run)
    return "" if word in stop_words() else word


_EN_SPLIT_RE = re.compile(f"({_EN_RE.pattern})")


def _english_token(word: str) -> str:
    """The token an English term gives: case folded, a plural made singular
    (:func:`tag_term`); "" when it is dropped (fewer than two letters, or a function
    word: :func:`_token_stop_words`)."""
    word = _english_form(word)
    if sum(c.isalpha() for c in word) < 2 or word in _token_stop_words():
        return ""
    word = _singular(word)
    return "" if word in _token_stop_words() else word


# an acronym's plural, which no dictionary holds: GANs, LLMs, VAEs, GPUs
_ACRONYM_PLURAL_RE = re.compile(r"^[A-Z][A-Z0-9]+s$")


def _english_form(word: str) -> str:
    """An English word case folded, an acronym's plural without its "s" (GANs → gan)."""
    return (word[:-1] if _ACRONYM_PLURAL_RE.match(word) else word).casefold()


def _singular(word: str) -> str:
    """A lower-case English word ending in "s" as its dictionary form when simplemma's
    English dictionary knows it (models → model, matrices → matrix, embeddings →
    embedding); any other word as it is (bias, lens, analysis, logits)."""
    if len(word) < 4 or not word.endswith("s") or not word.isascii() or not word.isalpha():
        return word
    from simplemma import lemmatize

    lemma = lemmatize(word, lang="en")
    return lemma if lemma != word and lemma.isascii() and lemma.isalpha() else word


def tag_term(tag: str) -> str:
    """A tag or category as a keyword term, counted as the text's words are.

    Case folded; a tag that is one English word is made singular as a word of the
    text is (``Transformers`` → ``transformer``, ``LLMs`` → ``llm``), so that the tag
    and the word are one term; any other tag is kept whole.

    Parameters
    ----------
    tag : str

    Returns
    -------
    str

    References
    ----------
    .. [1] simplemma, "Simple multilingual lemmatizer for Python" (its English
       dictionary), https://github.com/adbar/simplemma
    """
    if not _EN_RE.fullmatch(tag):
        return tag.casefold()
    return _singular(_english_form(tag))


# words scikit-learn's English stop list holds that name a subject in technical prose;
# the list's own maintainers found such entries (system, computer, fire, bill, ...) [1]
_CONTENT_WORDS = frozenset(
    "amount bill bottom call con cry de describe detail empty fill find fire found front "
    "full interest mill mine move name part put serious side sincere system thick thin "
    "top un".split())


@lru_cache(maxsize=1)
def _token_stop_words() -> frozenset[str]:
    """The English words a text's tokens leave out: ours, and scikit-learn's function
    words (its list without :data:`_CONTENT_WORDS`). Words such as "where", "over" or
    "also" occur in every English post: left in, they made any two posts alike.

    References
    ----------
    .. [1] J. Nothman, H. Qin, R. Yurchak, "Stop Word Lists in Free Open-source Software
       Packages", Proceedings of the Workshop for NLP Open Source Software (2018) 7–12,
       https://aclanthology.org/W18-2502/
    """
    return (_english_stop_words() - _CONTENT_WORDS) | stop_words()


def _chinese_token(word: str) -> str:
    """The token a segmented word gives: stripped; "" when it is dropped (shorter than two
    characters, without a Chinese character, or a stop word)."""
    word = word.strip()
    if len(word) >= 2 and _CJK_RE.search(word) and word not in stop_words():
        return word
    return ""


class _Verdicts(dict):
    """Memo of a word's token (``fn(word)``), emptied when it reaches ``MAX_VERDICTS``
    words (a long-lived server segments ever new text)."""

    def __init__(self, fn):
        super().__init__()
        self.fn = fn

    def __missing__(self, word: str) -> str:
        if len(self) >= MAX_VERDICTS:
            self.clear()
        token = self[word] = self.fn(word)
        return token


MAX_VERDICTS = 1 << 20


@lru_cache(maxsize=1)
def _verdicts() -> tuple[_Verdicts, _Verdicts, _Verdicts]:
    """The memos of :func:`_english_token`, :func:`_chinese_token` and
    :func:`_korean_tokens`."""
    return _Verdicts(_english_token), _Verdicts(_chinese_token), _Verdicts(_korean_tokens)


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
    phrases : tuple of str
        The terms the segmenter kept whole besides its dictionary
        (:func:`graphkit.phrases.mine_phrases`); readable as labels like tags.
    japanese_words : tuple of str
        Terms of Han characters alone that Japanese posts gave and Sudachi's dictionary
        holds but jieba's does not (深層学習, 計算量: :func:`with_japanese_words`);
        readable as labels like tags. In a Chinese post the same characters would be
        the segmenter's guesses across word boundaries (群是, 之美), which Sudachi's
        dictionary may hold too.
    """

    keys: tuple[str, ...]
    terms: tuple[str, ...]
    matrix: sp.csr_matrix
    counts: sp.csr_matrix
    phrases: tuple[str, ...] = ()
    japanese_words: tuple[str, ...] = ()

    def readable_words(self) -> frozenset[str]:
        """The terms readable as labels besides dictionary words and tags:
        :attr:`phrases` and :attr:`japanese_words`."""
        return frozenset(self.phrases) | frozenset(self.japanese_words)

    def without(self, *, matrix: bool = False, counts: bool = False) -> "TermMatrix":
        """The same terms with the TF-IDF weights and/or the counts replaced by zeros of
        the same shape, for a caller that needs them no more and wants their memory (at
        100,000 synthetic posts, 17.5 million nonzeros: 140 MB of weights, 140 MB of
        counts and their shared indices)."""
        def zeros(m: sp.csr_matrix) -> sp.csr_matrix:
            return sp.csr_matrix(m.shape, dtype=m.dtype)

        return replace(self, matrix=zeros(self.matrix) if matrix else self.matrix,
                       counts=zeros(self.counts) if counts else self.counts)

    def top_terms(self, row: int, k: int = 8) -> list[tuple[str, float]]:
        """Return the ``k`` heaviest terms of one row as (term, weight), heaviest first."""
        start, end = self.matrix.indptr[row], self.matrix.indptr[row + 1]
        idx = self.matrix.indices[start:end]
        val = self.matrix.data[start:end]
        order = np.lexsort((idx, -val))[:k]  # ties: the term that sorts first
        return [(self.terms[idx[o]], float(val[o])) for o in order]


def term_matrix(docs: Mapping[str, Iterable[str] | Mapping[str, int]]) -> TermMatrix:
    """Build the TF-IDF matrix of tokenised documents.

    Parameters
    ----------
    docs : mapping of str to tokens or to token counts
        Node id to its tokens (repeat a token to weigh it more), or to a
        ``{token: count}`` mapping (far smaller than the token lists for large
        corpora).

    Returns
    -------
    TermMatrix
        Rows in the order of ``docs``, columns in sorted term order; sublinear term
        frequency, smoothed IDF, L2-normalised rows.
    """

    keys = tuple(docs)
    bags = [d if isinstance(d, Mapping) else Counter(d) for d in (docs[k] for k in keys)]
    terms = tuple(sorted(set().union(*bags)))
    return matrix_of_counts(keys, terms, count_rows(bags, {t: j for j, t in enumerate(terms)}))


def matrix_of_counts(keys: tuple[str, ...], terms: tuple[str, ...], counts: sp.csr_matrix
                     ) -> TermMatrix:
    """The :class:`TermMatrix` of raw counts (rows ``keys``, sorted columns ``terms``)."""
    if not keys:
        empty = sp.csr_matrix((0, 0))
        return TermMatrix(keys=(), terms=(), matrix=empty, counts=empty)
    if not terms:
        # no post has a usable word: no keywords, no topic edges
        empty = sp.csr_matrix((len(keys), 0), dtype=np.float64)
        return TermMatrix(keys=keys, terms=(), matrix=empty, counts=counts)
    idf = smoothed_idf(np.bincount(counts.indices, minlength=len(terms)), len(keys))
    return compact_term_matrix(keys, terms, tfidf_rows(counts, idf), counts)


def compact_term_matrix(keys: tuple[str, ...], terms: tuple[str, ...], matrix: sp.csr_matrix,
                        counts: sp.csr_matrix) -> TermMatrix:
    """The :class:`TermMatrix` of these parts, held in less memory: counts as 32-bit
    integers, and one copy of the sparsity structure (``indices``, ``indptr``) for both
    matrices when they have the same (TF-IDF rows have their counts' nonzeros). At
    100,000 posts (12.5 million nonzeros) 190 MB instead of 290 MB. The arrays are
    shared: nothing may change them in place (a :class:`TermMatrix` is immutable).
    """
    if counts.nnz and counts.data.max() <= np.iinfo(np.int32).max:
        counts = sp.csr_matrix((counts.data.astype(np.int32), counts.indices, counts.indptr),
                               shape=counts.shape)
    if (matrix.shape == counts.shape and matrix.nnz == counts.nnz
            and matrix.indices.dtype == counts.indices.dtype
            and matrix.indptr.dtype == counts.indptr.dtype
            and np.array_equal(matrix.indptr, counts.indptr)
            and np.array_equal(matrix.indices, counts.indices)):
        matrix = sp.csr_matrix((matrix.data, counts.indices, counts.indptr), shape=matrix.shape)
        matrix.has_sorted_indices = counts.has_sorted_indices
    return TermMatrix(keys=keys, terms=terms, matrix=matrix, counts=counts)


def count_rows(bags: "list[Mapping[str, int]]", column: Mapping[str, int]) -> sp.csr_matrix:
    """The raw counts of ``bags`` as CSR rows over the columns ``column`` (sorted indices).

    Parameters
    ----------
    bags : list of mapping of str to int
        Term counts of each row.
    column : mapping of str to int
        Column of each term; every term of ``bags`` must have one.
    """
    indptr = np.zeros(len(bags) + 1, dtype=np.int64)
    np.cumsum([len(bag) for bag in bags], out=indptr[1:])
    nnz = int(indptr[-1])
    indices = np.fromiter((column[t] for bag in bags for t in bag), dtype=np.int64, count=nnz)
    data = np.fromiter((c for bag in bags for c in bag.values()), dtype=np.int64, count=nnz)
    counts = sp.csr_matrix((data, indices, indptr), shape=(len(bags), len(column)))
    counts.sort_indices()   # a bag's terms are distinct: no duplicate to sum
    return counts


def smoothed_idf(df: np.ndarray, n_posts: int) -> np.ndarray:
    """Smoothed inverse document frequency ``ln((1 + n) / (1 + df)) + 1``, as scikit-learn's
    ``TfidfTransformer(smooth_idf=True)`` computes it [2]_.

    Parameters
    ----------
    df : numpy.ndarray of int, shape (n_terms,)
        Posts each term occurs in.
    n_posts : int
    """
    idf = np.full(df.shape, n_posts + 1, dtype=np.float64)
    idf /= df.astype(np.float64) + 1.0
    np.log(idf, out=idf)
    idf += 1.0
    return idf


def tfidf_rows(counts: sp.csr_matrix, idf: np.ndarray) -> sp.csr_matrix:
    """Sublinear TF-IDF rows, L2-normalised: ``(1 + ln tf) · idf`` per entry.

    Row by row, so any block of rows (a Spark partition) gives the same floats as the
    whole matrix; the operations are those of scikit-learn's ``TfidfTransformer``
    (``sublinear_tf=True, norm="l2"``) [2]_.

    Parameters
    ----------
    counts : scipy.sparse.csr_matrix, shape (n_rows, n_terms)
        Raw counts, sorted indices.
    idf : numpy.ndarray, shape (n_terms,)
        See :func:`smoothed_idf`.
    """
    x = sp.csr_matrix(counts, dtype=np.float64, copy=True)
    np.log(x.data, x.data)
    x.data += 1.0
    x.data *= idf[x.indices]
    # L2 rows as scikit-learn's normalize(norm="l2") computes them: each row's squares
    # summed in order (scipy's CSR product with a vector of ones sums row entries in
    # order, as sklearn's loop does: the same floats), rows of zeros left alone.
    # Importing scikit-learn for this would cost 126 MB of memory (it loads pandas).
    squares = sp.csr_matrix((x.data * x.data, x.indices, x.indptr), shape=x.shape)
    norms = np.sqrt(squares @ np.ones(x.shape[1]))
    norms[norms == 0.0] = 1.0
    x.data /= np.repeat(norms, np.diff(x.indptr))
    x.sort_indices()
    return x


TITLE_REPEAT = 3   # a title word counts like three body words
TAG_REPEAT = 2     # a tag or category counts like two body words
KEYWORD_CHARS = BuildOptions.__dataclass_fields__["keyword_chars"].default  # the option's default


def post_tokens(post: "Post", *, max_chars: int = KEYWORD_CHARS,
                phrases: tuple[str, ...] = ()) -> list[str]:
    """Return the keyword tokens of a post: title (×3), tags and categories (×2), text.

    Parameters
    ----------
    post : Post
    phrases : tuple of str, keyword-only
        Terms the segmenter keeps whole (see :func:`tokenize`).
    max_chars : int, keyword-only
        Characters of the text used, from its start (0: all of it). The opening of a
        post states its subject. On the kexue.fm corpus the modules found from the first
        4,000 characters agree more with the blog's categories and less with its tags
        (adjusted mutual information 0.285 and 0.180) than those found from the whole
        text (0.140 and 0.265).
    """
    text = post.text[:max_chars] if max_chars else post.text
    # title and text segmented alike (a Japanese title may hold no hiragana)
    japanese = post_is_japanese(post)
    tokens = tokenize(post.title, phrases=phrases, japanese=japanese) * TITLE_REPEAT
    for tag in (*post.tags, *post.categories):
        tokens.extend([tag_term(tag)] * TAG_REPEAT)
    tokens.extend(tokenize(text, phrases=phrases, japanese=japanese))
    return tokens


def post_is_japanese(post: "Post") -> bool:
    """True when the post is Japanese (:func:`is_japanese` of its title and the opening
    of its text); its title and text are then segmented alike."""
    return is_japanese(f"{post.title}\n{post.text[:JAPANESE_CHUNK_CHARS]}")


def with_japanese_words(tm: TermMatrix, posts: "tuple[Post, ...] | list[Post]") -> TermMatrix:
    """``tm`` with its :attr:`~TermMatrix.japanese_words`: the terms of Han characters
    alone in the rows of Japanese posts (:func:`post_is_japanese`) that jieba's
    dictionary lacks and Sudachi's holds (:func:`japanese_word`).

    Parameters
    ----------
    tm : TermMatrix
        Counts of ``posts`` (rows matched by key).
    posts : sequence of Post

    Returns
    -------
    TermMatrix
        ``tm`` itself when no post is Japanese.
    """
    if _KANA_RE.search("\n".join(tm.terms)) is None:    # (a Japanese post gives kana terms)
        return tm
    row = {k: i for i, k in enumerate(tm.keys)}
    rows = [row[p.key] for p in posts if p.key in row and post_is_japanese(p)]
    if not rows or tm.counts.shape[1] == 0:
        return tm
    columns = np.unique(tm.counts[rows].indices)
    tk = _tokenizer()
    words = tuple(t for t in (tm.terms[j] for j in columns)
                  if _CJK_RE.search(t) and not _KANA_RE.search(t) and not tk.has_word(t)
                  and japanese_word(t))
    return replace(tm, japanese_words=words)


def keyword_matrix(posts: "tuple[Post, ...] | list[Post]", *,
                   max_chars: int = KEYWORD_CHARS, workers: int | None = 0,
                   phrases: tuple[str, ...] = ()) -> TermMatrix:
    """TF-IDF matrix of the posts' keywords (rows in the order of ``posts``).

    Parameters
    ----------
    posts : sequence of Post
    max_chars : int, keyword-only
        Characters of each post's text used (see :func:`post_tokens`).
    phrases : tuple of str, keyword-only
        Terms the segmenter keeps whole besides its dictionary (a blog's own, from
        :func:`graphkit.phrases.mine_phrases`); kept in the result's ``phrases``.
    workers : int or None, keyword-only
        Processes that segment the posts, each a contiguous share of them; 0 or 1:
        this process (do so from a threaded server). None: one per core (up to 4) from
        ``PARALLEL_MIN_POSTS`` posts on, when the platform can fork and this is the
        main thread and every other thread a daemon, else 0. The matrix does not
        depend on it.

    Returns
    -------
    TermMatrix

    Notes
    -----
    Segmentation (jieba-rs) runs at about 3 MB of Chinese text per second on one core
    here: the 1,313 posts of the kexue.fm corpus take 0.5 s in one process, the 100,000
    synthetic posts of the benchmark about 26 s in one (40 s before the words' verdicts
    were memoised) and 14–16 s in two (each worker
    returns its counts over its own sorted vocabulary; the columns are mapped to the
    union, an order-preserving map, so rows stay sorted).
    """
    if workers is None:
        from ._runtime import fork_workers

        workers = fork_workers(len(posts), PARALLEL_MIN_POSTS)
    phrases = tuple(phrases)
    if workers > 1 and len(posts) >= 2 * workers:
        tm = _parallel_keyword_matrix(posts, max_chars=max_chars, workers=workers,
                                      phrases=phrases)
    else:
        tm = term_matrix({p.key: Counter(post_tokens(p, max_chars=max_chars, phrases=phrases))
                          for p in posts})
    return replace(tm, phrases=phrases)


PARALLEL_MIN_POSTS = 5000   # below this, forking costs more than it saves


def _parallel_keyword_matrix(posts, *, max_chars: int, workers: int,
                             phrases: tuple[str, ...]) -> TermMatrix:
    from ._runtime import fork_map

    _tokenizer(phrases)   # built once, inherited by the workers
    if any(_HANGUL_RE.search(p.title) for p in posts):
        _korean_analyser()   # (and Kiwi, 300 MB, shared rather than built in each)
    size = -(-len(posts) // workers)
    ranges = [(lo, min(len(posts), lo + size)) for lo in range(0, len(posts), size)]
    parts = fork_map(_count_range, ranges, len(ranges), shared=(posts, max_chars, phrases))
    terms = tuple(sorted(set().union(*(p[0] for p in parts))))
    column = {t: j for j, t in enumerate(terms)}
    blocks = []
    for part_terms, indptr, indices, data in parts:
        to_global = np.fromiter((column[t] for t in part_terms), dtype=np.int64,
                                count=len(part_terms))
        blocks.append(sp.csr_matrix((data.astype(np.int64), to_global[indices], indptr),
                                    shape=(len(indptr) - 1, len(terms))))
    counts = sp.vstack(blocks, format="csr") if blocks else sp.csr_matrix((0, len(terms)))
    return matrix_of_counts(tuple(p.key for p in posts), terms, counts)


def _count_range(shared: tuple, bounds: tuple[int, int]):
    posts, max_chars, phrases = shared
    bags = [Counter(post_tokens(p, max_chars=max_chars, phrases=phrases))
            for p in posts[bounds[0]:bounds[1]]]
    terms = sorted(set().union(*bags))
    counts = count_rows(bags, {t: j for j, t in enumerate(terms)})
    return (terms, counts.indptr, counts.indices.astype(np.int32),
            counts.data.astype(np.int32))


MAX_TERMS_PER_POST = 100   # a post's similarity uses its heaviest terms only
COMMON_TERM_DF = 500        # terms in more posts than this are left out of similarity
BLOCK_ROWS = 256            # rows of the similarity product computed at once


def similarity_matrix(tm: TermMatrix, *, max_terms: int = MAX_TERMS_PER_POST
                      ) -> sp.csr_matrix:
    """The matrix the topic similarity is computed on.

    Each row keeps its ``max_terms`` heaviest terms, terms that occur in more than
    ``COMMON_TERM_DF`` posts are dropped (their IDF is low and they make the product
    dense), and rows are L2-normalised again. With both bounds a row of ``X Xᵀ`` has at
    most ``max_terms × COMMON_TERM_DF`` entries, so the cost grows linearly with the
    number of posts.
    """
    common = np.bincount(tm.matrix.indices, minlength=tm.matrix.shape[1]) > COMMON_TERM_DF
    return similarity_rows(tm.matrix, common, max_terms=max_terms)


def similarity_rows(x: sp.csr_matrix, common: np.ndarray, *,
                    max_terms: int = MAX_TERMS_PER_POST) -> sp.csr_matrix:
    """:func:`similarity_matrix` of a block of rows, given the corpus-wide mask of common
    terms (``common[j]``: term ``j`` occurs in more than ``COMMON_TERM_DF`` posts).

    Row by row: a block gives the same floats as the whole matrix.
    """
    x = x.tocsr(copy=True)
    if common.any():
        x.data[common[x.indices]] = 0.0
    for r in range(x.shape[0]):
        s, e = x.indptr[r], x.indptr[r + 1]
        if e - s > max_terms:
            row = x.data[s:e]
            cut = np.argpartition(-row, max_terms)[max_terms:]
            row[cut] = 0.0
    x.eliminate_zeros()
    norms = np.sqrt(np.asarray(x.multiply(x).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return sp.csr_matrix(sp.diags(1.0 / norms) @ x)


def block_candidates(rows: sp.csr_matrix, lo: int, columns: sp.csr_matrix, col_lo: int, *,
                     top_k: int, min_score: float) -> dict[int, list[tuple[int, float]]]:
    """The ``top_k`` most similar posts of each row of a block, among a block of columns.

    Parameters
    ----------
    rows : scipy.sparse.csr_matrix, shape (n_rows, n_terms)
        Rows ``lo … lo + n_rows - 1`` of :func:`similarity_matrix`.
    lo : int
        Index of the first row.
    columns : scipy.sparse.matrix, shape (n_terms, n_cols)
        Posts ``col_lo …`` of :func:`similarity_matrix`, transposed.
    col_lo : int
        Index of the first column post.
    top_k, min_score : keyword-only
        As in :func:`similar_pairs`.

    Returns
    -------
    dict of int to list of (int, float)
        Row index to its candidates ``(post, score)``, scores rounded to 6 decimals, best
        first (ties: the smaller index). The ``top_k`` of the candidates a row gathers
        from every column block (:func:`merge_candidates`) is its ``top_k`` over all
        posts: the order is total, and each entry of the product sums the same terms in
        the same order (the row's) whatever the blocks.
    """
    block = (rows @ columns).tocsr()
    block.data = np.round(block.data, 6)
    out: dict[int, list[tuple[int, float]]] = {}
    for r in range(block.shape[0]):
        i = lo + r
        s, e = block.indptr[r], block.indptr[r + 1]
        cols, vals = block.indices[s:e] + col_lo, block.data[s:e]
        keep = (vals >= min_score) & (cols != i)
        cols, vals = cols[keep], vals[keep]
        if cols.size > top_k:
            kth = np.partition(vals, cols.size - top_k)[cols.size - top_k]
            tie = vals >= kth               # every candidate at the k-th score or above
            cols, vals = cols[tie], vals[tie]
        order = np.lexsort((cols, -vals))[:top_k]
        if order.size:
            out[i] = list(zip(cols[order].tolist(), vals[order].tolist()))
    return out


def merge_candidates(a: list[tuple[int, float]], b: list[tuple[int, float]], *,
                     top_k: int) -> list[tuple[int, float]]:
    """The ``top_k`` best of two candidate lists of one row (see :func:`block_candidates`)."""
    return sorted(a + b, key=lambda c: (-c[1], c[0]))[:top_k]


def pairs_of(candidates: Iterable[tuple[int, list[tuple[int, float]]]]
             ) -> list[tuple[int, int, float]]:
    """Undirected pairs ``(i, j, score)``, ``i < j``, sorted, from each row's candidates
    (a pair found from both ends is kept once)."""
    best: dict[tuple[int, int], float] = {}
    for i, cands in candidates:
        for j, v in cands:
            pair = (i, j) if i < j else (j, i)
            if v > best.get(pair, -1.0):
                best[pair] = float(v)
    return sorted((i, j, v) for (i, j), v in best.items())


def similar_pairs(tm: TermMatrix, *, top_k: int = 5, min_score: float = 0.1,
                  max_terms: int = MAX_TERMS_PER_POST, workers: int | None = 0
                  ) -> list[tuple[int, int, float]]:
    """Return the most similar pairs of posts by TF-IDF cosine similarity.

    For each post the ``top_k`` most similar other posts with a score of at least
    ``min_score`` are kept (ties broken by the smaller row index); a pair found from
    both ends is returned once. Rows of :func:`similarity_matrix` are multiplied in
    blocks of ``BLOCK_ROWS`` against its sparse transpose and each row keeps its top
    ``k`` at once, so memory stays bounded and no n × n matrix is ever built.

    Parameters
    ----------
    tm : TermMatrix
        L2-normalised weights.
    top_k : int, keyword-only
        Neighbours kept per post.
    min_score : float, keyword-only
        Smallest cosine similarity kept, in [0, 1].
    max_terms : int, keyword-only
        Terms per post used (see :func:`similarity_matrix`).
    workers : int or None, keyword-only
        Processes that multiply the blocks (see :func:`keyword_matrix`; None: one per
        core from ``PARALLEL_MIN_POSTS`` posts when this process may fork). The pairs do
        not depend on it.

    Returns
    -------
    list of (int, int, float)
        ``(i, j, score)`` with ``i < j``, scores rounded to 6 decimals, sorted by ``(i, j)``.
    """
    n = tm.matrix.shape[0]
    if n < 2 or top_k <= 0:
        return []
    x = similarity_matrix(tm, max_terms=max_terms)
    xt = x.T.tocsc()
    starts = list(range(0, n, BLOCK_ROWS))
    if workers is None:
        from ._runtime import fork_workers

        workers = fork_workers(n, PARALLEL_MIN_POSTS)
    shared = (x, xt, top_k, min_score)
    if workers > 1 and len(starts) > 1:
        from ._runtime import fork_map

        parts = fork_map(_block_candidates_from, starts, workers, shared=shared)
    else:
        parts = [_block_candidates_from(shared, lo) for lo in starts]
    candidates: dict[int, list[tuple[int, float]]] = {}
    for part in parts:
        candidates.update(part)
    return pairs_of(candidates.items())


def _block_candidates_from(shared: tuple, lo: int) -> dict[int, list[tuple[int, float]]]:
    x, xt, top_k, min_score = shared
    return block_candidates(x[lo:lo + BLOCK_ROWS], lo, xt, 0, top_k=top_k,
                            min_score=min_score)


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


_LATIN_TERM_RE = re.compile(r"^[a-z][a-z0-9]*(?:[-+][a-z0-9]+)*$")


@lru_cache(maxsize=1)
def _english_stop_words() -> frozenset[str]:
    """scikit-learn's English stop words and ours. The list is read from its own module
    file, without importing scikit-learn (126 MB: it loads pandas and most of scipy);
    by the regular import if that file ever moves."""
    import importlib.util

    words = None
    try:
        spec = importlib.util.find_spec("sklearn")
        origin = spec.origin if spec is not None else None
        if origin:
            from pathlib import Path

            path = Path(origin).parent / "feature_extraction" / "_stop_words.py"
            module = importlib.util.module_from_spec(
                importlib.util.spec_from_file_location("_graphkit_sklearn_stop_words", path))
            module.__spec__.loader.exec_module(module)
            words = module.ENGLISH_STOP_WORDS
    except (OSError, ImportError, AttributeError, SyntaxError):
        words = None
    if words is None:
        from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS as words
    return frozenset(words) | stop_words()


def readable_term(term: str, *, tags: frozenset[str] | set[str] = frozenset(),
                  phrases: frozenset[str] | set[str] = frozenset()) -> bool:
    """True for a term a reader accepts as a label or a keyword shown on the map.

    A Chinese term must be a word of the segmenter's dictionary (jieba's, with the
    domain vocabulary), one of the blog's mined phrases, one of the posts' tags or a word
    of Sudachi's dictionary that Japanese posts gave (:attr:`TermMatrix.japanese_words`;
    a term holding kana and Han characters, 埋め込み, is Japanese by its script: Sudachi's
    dictionary alone decides): the words the HMM invents for unknown text are where
    segmentation crosses word boundaries (从费马大定理 → 从费 · 马大). A Latin term
    needs three letters and must not be an English function word (scikit-learn's list):
    formula symbols (xi, qt, kt) and "need, all" are left out.

    Parameters
    ----------
    term : str
        A keyword token (lower case).
    tags : set of str, keyword-only
        Tags and categories of the posts, lower case.
    phrases : set of str, keyword-only
        The terms the segmenter kept whole and the Japanese posts' dictionary words
        (:meth:`TermMatrix.readable_words`).
    """
    verdict = _readable_word(term)
    return (term in tags or term in phrases) if verdict is None else verdict


@lru_cache(maxsize=1 << 18)
def _readable_word(term: str) -> bool | None:
    """:func:`readable_term`'s verdict on the term alone; None: readable when it is a tag."""
    # a katakana run is a word by its script (not the HMM's guess); Korean, Kiwi's nouns
    if _KATAKANA_RE.fullmatch(term) or _HANGUL_RE.fullmatch(term):
        return True
    if _KANA_RE.search(term) and _CJK_RE.search(term):      # (Japanese by its script)
        return True if japanese_word(term) else None
    if _CJK_RE.search(term):
        return True if _tokenizer().has_word(term) else None
    if not _LATIN_TERM_RE.match(term):
        return None
    return sum(c.isalpha() for c in term) >= 3 and term not in _english_stop_words()


def in_titles(term: str, titles: Iterable[str]) -> bool:
    """True when ``term`` occurs verbatim in one of ``titles`` (lower case): as a
    substring for Chinese, as a whole word for Latin script (or the word with a plural
    ending: the term ``model`` of a title's "models", counted as one)."""
    if _CJK_RE.search(term) or _KATAKANA_RE.search(term) or _HANGUL_RE.search(term):
        return any(term in t for t in titles)
    pattern = re.compile(r"(?<![a-z0-9])" + re.escape(term) + r"(?:e?s)?(?![a-z0-9])")
    return any(pattern.search(t) for t in titles)
