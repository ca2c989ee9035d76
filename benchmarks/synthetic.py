"""A seeded synthetic corpus shaped like kexue.fm, for benchmarks at 1k–100k posts.

Posts belong to topics with their own vocabulary, cite earlier posts (mostly of their own
topic) by 《title》 or by archive link, form series, carry tags, and have lengths drawn
around the real corpus's. Words come from the real corpus's titles when
``../shared/corpus`` is present, else from the bundled ``wordlist.txt``.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parent.parent / "shared" / "corpus"
CN_NUM = "一二三四五六七八九十"


def vocabulary(max_words: int = 6000) -> list[str]:
    """Chinese words: from the real archive titles when present, else the bundled list."""
    archive = CORPUS / "kexue-archive.txt"
    if archive.exists():
        from graphkit.keywords import tokenize

        titles = re.findall(r"\[([^\]]+)\]\(https://kexue\.fm/archives/\d+\)",
                            archive.read_text(encoding="utf-8"))
        words: dict[str, None] = {}
        for t in titles:
            for w in tokenize(t):
                words.setdefault(w, None)
        if len(words) >= 500:
            return list(words)[:max_words]
    return [w for w in (HERE / "wordlist.txt").read_text(encoding="utf-8").split() if w]


def synthetic_rows(n: int, *, seed: int = 0, mean_chars: int = 1200) -> list[dict]:
    """Return ``n`` posts as JSONL-ready rows (title, date, url, tags, text).

    Parameters
    ----------
    n : int
        Number of posts.
    seed : int
        Random seed; the same seed gives the same corpus.
    mean_chars : int
        Median body length in characters (lognormal around it, as in the real corpus;
        the real median is larger, the benchmark keeps 100k posts within memory).
    """
    rng = np.random.default_rng(seed)
    vocab = vocabulary()
    n_topics = max(5, n // 60)
    topic_words = [rng.choice(len(vocab), size=min(150, len(vocab)), replace=False)
                   for _ in range(n_topics)]
    zipf = 1.0 / np.arange(1, 151) ** 1.1
    zipf /= zipf.sum()
    topic = rng.integers(0, n_topics, size=n)
    years = np.sort(rng.integers(2009, 2026, size=n))
    rows, titles, by_topic = [], [], {}
    series_count: dict[int, int] = {}
    for i in range(n):
        t = int(topic[i])
        words = topic_words[t]
        w = [vocab[words[j]] for j in rng.choice(len(words), size=3, p=zipf[:len(words)]
                                                 / zipf[:len(words)].sum())]
        if rng.random() < 0.12:  # series member
            k = series_count.get(t, 0) + 1
            series_count[t] = k
            title = f"{vocab[words[0]]}{vocab[words[1]]}漫谈（{_cn(k)}）：{w[0]}与{w[1]}"
        else:
            title = f"{w[0]}与{w[1]}的{w[2]}分析·{i}"
        length = int(min(20000, rng.lognormal(np.log(mean_chars), 0.6)))
        n_words = max(20, length // 3)
        own = rng.choice(len(words), size=int(n_words * 0.8), p=zipf[:len(words)]
                         / zipf[:len(words)].sum())
        other = rng.integers(0, len(vocab), size=n_words - len(own))
        tokens = [vocab[words[j]] for j in own] + [vocab[j] for j in other]
        rng.shuffle(tokens)
        sentences = ["".join(tokens[k:k + 12]) + "。" for k in range(0, len(tokens), 12)]
        earlier = by_topic.get(t, [])
        n_cites = int(rng.poisson(1.7))
        for _ in range(min(n_cites, i)):
            target = (int(rng.choice(earlier)) if earlier and rng.random() < 0.7
                      else int(rng.integers(0, i)))
            pos = int(rng.integers(0, len(sentences)))
            if rng.random() < 0.5:
                sentences[pos] = f"在《{titles[target]}》中我们讨论过。" + sentences[pos]
            else:
                sentences[pos] = (f"参考[《{titles[target]}》](https://kexue.fm/archives/"
                                  f"{100000 + target})。" + sentences[pos])
        rows.append({"title": title, "date": f"{years[i]}-{rng.integers(1, 13):02d}-"
                                                f"{rng.integers(1, 29):02d}",
                     "url": f"https://kexue.fm/archives/{100000 + i}",
                     "tags": [vocab[words[0]], vocab[words[2]]],
                     "text": "".join(sentences)})
        titles.append(title)
        by_topic.setdefault(t, []).append(i)
    return rows


def planted_topics(n: int, *, seed: int = 0) -> np.ndarray:
    """The topic :func:`synthetic_rows` gave each post (the same random draws), for
    measuring how well the modules found recover them."""
    rng = np.random.default_rng(seed)
    vocab = vocabulary()
    n_topics = max(5, n // 60)
    for _ in range(n_topics):
        rng.choice(len(vocab), size=min(150, len(vocab)), replace=False)
    return rng.integers(0, n_topics, size=n)


def _cn(k: int) -> str:
    if k <= 10:
        return CN_NUM[k - 1]
    if k < 20:
        return "十" + CN_NUM[k - 11]
    tens, ones = divmod(k, 10)
    return CN_NUM[tens - 1] + "十" + (CN_NUM[ones - 1] if ones else "")


def write_jsonl(rows: list[dict], path: Path) -> int:
    """Write rows as JSON Lines; return the size in bytes."""
    with path.open("w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    return path.stat().st_size
