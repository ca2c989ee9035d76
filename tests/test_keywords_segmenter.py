"""jieba-rs (rjieba, what graphkit segments with) keeps the tokens the pure-Python jieba keeps.

graphkit moved from jieba 0.42.1 to its Rust port for speed (2.7 s → 0.3 s of
segmentation on the corpus). Both use the same dictionary, DAG and HMM; they differ
only on runs of digits and dots such as ``2.7.9``, which keyword extraction drops. These
tests hold that claim on the embedded data and, when present, on the whole corpus.
"""

from __future__ import annotations

import logging

import pytest
from conftest import corpus_or_skip

import graphkit.keywords as keywords
from graphkit.keywords import post_tokens
from graphkit.readers import read_paths

jieba = pytest.importorskip("jieba", reason="the reference jieba comes with requirements-test.txt")


class ReferenceSegmenter:
    """The pure-Python jieba with graphkit's domain vocabulary, behind rjieba's ``cut``."""

    def __init__(self, phrases=()):
        jieba.setLogLevel(logging.WARNING)
        self.tk = jieba.Tokenizer()
        self.tk.initialize()
        for term in (*keywords.domain_terms(), *phrases):
            if keywords._CJK_RE.search(term):
                self.tk.add_word(term, freq=keywords.DOMAIN_TERM_FREQ)
        self.calls = 0

    def cut(self, text, hmm):
        self.calls += 1
        return list(self.tk.cut(text, HMM=hmm))


@pytest.fixture(scope="module")
def reference():
    return ReferenceSegmenter()


def tokens_with(segmenter, posts, monkeypatch, phrases=()):
    with monkeypatch.context() as m:
        m.setattr(keywords, "_tokenizer", lambda phrases=(): segmenter)
        return [post_tokens(p, phrases=phrases) for p in posts]


def assert_same_tokens(posts, reference, monkeypatch, phrases=()):
    ours = [post_tokens(p, phrases=phrases) for p in posts]
    theirs = tokens_with(reference, posts, monkeypatch, phrases)
    assert reference.calls > len(posts)  # the reference really segmented the text
    differing = [(p.title, sorted(set(a) ^ set(b))[:6])
                 for p, a, b in zip(posts, ours, theirs) if a != b]
    assert differing == []
    return sum(map(len, ours))


def test_same_tokens_as_jieba_on_the_embedded_data(data_read, reference, monkeypatch):
    assert assert_same_tokens(data_read.posts, reference, monkeypatch) > 1000


@pytest.mark.corpus
def test_same_tokens_as_jieba_on_the_corpus(reference, monkeypatch):
    posts = read_paths([corpus_or_skip()]).posts
    assert assert_same_tokens(posts, reference, monkeypatch) > 200_000


@pytest.mark.corpus
def test_same_tokens_as_jieba_with_the_mined_phrases(monkeypatch):
    """With the corpus's own terms added to both dictionaries, the tokens still agree."""
    from graphkit.phrases import mine_phrases

    posts = read_paths([corpus_or_skip()]).posts
    phrases = mine_phrases(posts)
    assert len(phrases) > 100
    reference = ReferenceSegmenter(phrases)
    assert assert_same_tokens(posts, reference, monkeypatch, phrases) > 200_000


def test_the_segmenters_do_differ_on_version_numbers(reference):
    """What differs, and why it does not matter: no token without a Chinese character is kept."""
    text = "最新版2.7.9"
    ours, theirs = keywords._tokenizer().cut(text, True), reference.cut(text, True)
    assert ours != theirs and "2.7.9" in ours
    assert keywords.tokenize("最新版2.7.9") == ["最新版"]


def test_an_address_followed_by_chinese_keeps_the_chinese():
    """Chinese prose often follows an address with no space: the address goes, the words
    after it stay (``\\S+`` once dropped the rest of the paragraph)."""
    tokens = keywords.tokenize("推导见https://blog.example/a-b的变分自编码器，然后是扩散模型")
    assert "扩散模型" in tokens or {"扩散", "模型"} <= set(tokens)
    assert not any("blog" in t or "example" in t for t in tokens)


def test_dropping_term_weights_changes_nothing_written(data_build):
    """The command line drops the keyword weights once no stage reads them: the same
    graph, modules, labels and layout; the terms are kept, their weights are zeros."""
    from graphkit.pipeline import analyse

    lean = analyse(data_build.read, options=data_build.options, keep_term_weights=False)
    assert lean.terms.terms == data_build.terms.terms and lean.terms.matrix.nnz == 0
    assert lean.terms.counts.nnz == 0 and data_build.terms.counts.nnz > 0
    assert lean.terms.matrix.shape == data_build.terms.matrix.shape
    assert dict(lean.community.paths) == dict(data_build.community.paths)
    assert lean.modules == data_build.modules
    assert dict(lean.positions) == dict(data_build.positions)
    def edges(g):
        return sorted((u, v, sorted(d.items())) for u, v, d in g.edges(data=True))

    assert edges(lean.graph) == edges(data_build.graph)


def test_a_run_of_katakana_is_one_term():
    """jieba cuts katakana into single characters, which were dropped: a Japanese blog's
    loanwords (most of its technical terms) were no terms at all. Half-width katakana is
    read as full width; the middle dot separates two words; hiragana is no term."""
    assert keywords.tokenize("位置エンコーディングの比較をｻｰﾊﾞｰで。ニューラル・ネットワーク") == [
        "位置", "エンコーディング", "比較", "サーバー", "ニューラル", "ネットワーク"]
    assert keywords.tokenize("これはひらがなだけです") == []
    assert keywords.readable_term("エンコーディング")
    assert keywords.in_titles("オーブン", ["パンをオーブンで焼く"])


def test_a_japanese_text_gives_its_nouns():
    """jieba read Japanese as Chinese: 最適化 came out as 適化 (a cut across words),
    埋め込み and 自然言語処理 were lost (hiragana and unknown kanji). Sudachi's analysis
    gives a Japanese text's nouns in its longest units, a noun of one character joined to
    the noun it touches (学習+率, 系列+長); numerals, nouns of hiragana alone (こと) and
    the Japanese stop words (今回, 記事) are left out; half-width katakana and full-width
    letters are read as NFKC has them."""
    tokens = keywords.tokenize(
        "回転位置埋め込みは相対位置を表現する手法です。深層学習の最適化では学習率の調整が"
        "重要になる。自然言語処理でよく使われる。自己注意機構の計算量は系列長の二乗です。"
        "ｻｰﾊﾞｰとＧＰＵのこと。今回の記事では3つの例を紹介します。")
    assert tokens == ["回転", "位置", "埋め込み", "相対", "位置", "表現", "手法", "深層学習",
                      "最適化", "学習率", "調整", "自然言語処理", "自己", "注意", "機構",
                      "計算量", "系列長", "サーバー", "gpu"]
    assert keywords.tokenize("これはひらがなだけです") == []


def test_a_text_is_japanese_by_its_kana_and_chinese_stays_with_jieba():
    """A Chinese post quoting a Japanese title is still segmented as Chinese; a Japanese
    title without hiragana is segmented as its post's text is."""
    assert keywords.is_japanese("Transformerの仕組みを説明します")
    chinese = ("苏剑林在《「ゼロから作る」の読み方》一文之后，继续推导旋转位置编码的外推性质"
               "与线性注意力的复杂度。")
    assert not keywords.is_japanese(chinese)
    assert keywords.tokenize(chinese) == keywords.tokenize(chinese, japanese=False)
    assert "线性注意力" in keywords.tokenize(chinese)
    assert keywords.tokenize("注意機構", japanese=True) == ["注意", "機構"]
    assert keywords.tokenize("注意機構", japanese=False) != ["注意", "機構"]
    from graphkit.model import Post

    post = Post(key="a", title="注意機構", label="注意機構", text="自己注意機構の計算量は二乗です。")
    assert keywords.post_tokens(post).count("注意") == keywords.TITLE_REPEAT + 1


def test_japanese_words_are_readable_and_chinese_guesses_are_not():
    """A term of kana and Han characters is Japanese by its script and readable when
    Sudachi's dictionary holds it; a term of Han characters alone is readable as a
    Japanese word only when Japanese posts gave it (:attr:`TermMatrix.japanese_words`):
    the same dictionary holds 群是 and 之美, jieba's guesses across Chinese words."""
    assert keywords.readable_term("埋め込み") and not keywords.readable_term("込みは")
    assert keywords.japanese_word("深層学習") and keywords.japanese_word("学習率")
    assert not keywords.japanese_word("训练") and not keywords.japanese_word("马大")
    assert not keywords.readable_term("深層学習")
    assert keywords.readable_term("深層学習", phrases={"深層学習"})


def test_a_korean_word_gives_its_nouns():
    """Korean writes particles and endings onto its nouns (인코딩은, 모델을), and Hangul is
    neither Han nor Latin: a Korean blog had no terms but its English words. Kiwi's
    analysis gives the nouns; a noun of one syllable is joined to the noun it touches
    (딥+러닝), others stay apart (자연어처리 gives what 자연어 처리 gives); stop words
    and single syllables are left out."""
    assert keywords.tokenize("딥러닝 모델의 위치인코딩은 Transformer에서 중요하다. 이번 "
                             "블로그 글은 사워도우빵을 굽는 방법, 빵과 책. 자연어처리") == [
        "딥러닝", "모델", "위치인코딩", "transformer", "사워도우빵", "자연어", "처리"]
    assert keywords.readable_term("딥러닝")
    assert keywords.in_titles("바게트", ["바게트 성형"])


def test_a_run_of_hangul_is_analysed_in_pieces():
    """Kiwi's time grows faster than the length of what it is given at once, so a run of
    Hangul is analysed in pieces of ``KOREAN_RUN_CHARS`` syllables; the pieces cut few
    words: the nouns of a long run without a space are still found."""
    tokens = keywords.tokenize("트랜스포머는셀프어텐션을사용하는모델입니다" * 1000)
    nouns = ("트랜스포머", "셀프", "어텐션", "모델")
    assert all(tokens.count(n) >= 800 for n in nouns)
    assert sum(map(tokens.count, nouns)) >= 0.9 * len(tokens)


JAPANESE_POSTS = {
    "transformer": ("Transformerの仕組み", "Transformerは自己注意機構を使うモデルです。"
                    "位置エンコーディングで単語の順序を扱います。"),
    "position": ("位置エンコーディングの比較", "絶対位置エンコーディングと相対位置エンコーディングを"
                 "比べます。Transformerの性能は位置の扱いに依存します。"),
    "attention": ("注意機構の計算量", "自己注意機構の計算量は系列長の二乗です。Transformerの"
                  "推論を速くする工夫を紹介します。"),
    "sourdough": ("サワードウの焼き方", "サワードウをオーブンで焼きます。発酵種には酵母と"
                  "乳酸菌がいます。"),
    "starter": ("発酵種のコツ", "発酵種は温度で変わります。小麦粉と水を足して酵母を育てます。"),
    "baguette": ("バゲットの成形", "バゲットはオーブンに蒸気を入れて焼きます。小麦粉の"
                 "風味が増します。"),
}


KOREAN_POSTS = {
    "transformer": ("트랜스포머의 구조", "트랜스포머는 셀프 어텐션을 사용하는 모델입니다. 위치 "
                    "인코딩으로 단어의 순서를 알려줍니다."),
    "position": ("위치 인코딩 비교", "절대 위치 인코딩과 상대 위치 인코딩을 비교합니다. "
                 "트랜스포머의 성능은 위치 인코딩에 달려 있습니다."),
    "attention": ("어텐션 계산량 줄이기", "셀프 어텐션의 계산량은 시퀀스 길이의 제곱입니다. "
                  "트랜스포머 추론을 빠르게 합니다."),
    "sourdough": ("사워도우 굽는 법", "사워도우를 오븐에서 굽습니다. 발효종에는 효모와 "
                  "유산균이 있습니다."),
    "starter": ("발효종 키우기", "발효종은 온도에 따라 달라집니다. 밀가루와 물을 더해서 효모를 "
                "키웁니다."),
    "baguette": ("바게트 성형", "바게트는 오븐에 스팀을 넣어 굽습니다. 밀가루의 풍미를 "
                 "살립니다."),
}


def _topic_edges_of(tmp_path, posts_by_name):
    from graphkit.options import BuildOptions
    from graphkit.pipeline import relate

    for name, (title, body) in posts_by_name.items():
        (tmp_path / f"{name}.md").write_text(f"---\ntitle: {title}\ndate: 2023-01-01\n---\n\n"
                                             f"{body}\n", encoding="utf-8")
    posts = read_paths([tmp_path]).posts
    edges, _, _ = relate(posts, options=BuildOptions(layers=("topic",)))
    subject = {p.key: p.sources[0].path.rsplit("/", 1)[-1][:-3] in ("transformer", "position",
                                                                   "attention") for p in posts}
    return edges, subject


def test_a_korean_blogs_topics_join_posts_by_their_nouns(tmp_path):
    """The Japanese test's six posts in Korean: before Kiwi, no shared-topic edge at all."""
    edges, subject = _topic_edges_of(tmp_path, KOREAN_POSTS)
    assert len(edges) >= 4 and all(subject[e.source] == subject[e.target] for e in edges)
    evidence = " ".join(e.evidence for e in edges)
    assert "트랜스포머" in evidence and "오븐" in evidence and "효모" in evidence


def test_a_japanese_blogs_labels_and_keywords_are_its_words(tmp_path):
    """The six Japanese posts built end to end: two modules, one per subject; every
    label term and every post's keyword is readable (a dictionary word of Sudachi's or
    jieba's, a katakana word or an English term) and found in the posts' own text; the
    Han words Sudachi gave (計算量, 発酵種) are the matrix's ``japanese_words``."""
    from graphkit.pipeline import build

    for name, (title, body) in JAPANESE_POSTS.items():
        (tmp_path / f"{name}.md").write_text(f"---\ntitle: {title}\ndate: 2023-01-01\n---\n"
                                             f"\n{body}\n", encoding="utf-8")
    result = build([tmp_path])
    assert sorted(m.size for m in result.modules if m.level == 1) == [3, 3]
    assert {"計算量", "発酵種", "系列長"} <= set(result.terms.japanese_words)
    texts = " ".join(f"{t} {b}" for t, b in JAPANESE_POSTS.values()).casefold()
    words = [w for m in result.modules for w in m.keywords]
    words += [w for _, d in result.graph.nodes(data=True) for w in d.get("keywords", ())]
    assert words and all(w in texts for w in words)
    assert "計算量" in result.graph.nodes[next(n for n, d in result.graph.nodes(data=True)
                                              if d.get("title") == "注意機構の計算量")]["keywords"]


def test_a_japanese_blogs_topics_join_posts_by_their_loanwords(tmp_path):
    """Six posts of a Japanese Hugo blog on two subjects: every shared-topic edge joins
    two posts of one subject, and the loanwords they share are its evidence."""
    edges, subject = _topic_edges_of(tmp_path, JAPANESE_POSTS)
    assert edges and all(subject[e.source] == subject[e.target] for e in edges)
    evidence = " ".join(e.evidence for e in edges)
    assert "エンコーディング" in evidence and "オーブン" in evidence
