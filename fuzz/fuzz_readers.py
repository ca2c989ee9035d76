"""Coverage-guided fuzzing of the readers and of citation extraction with atheris.

Not part of the test suite. Run from the repository root, for a fixed time::

    pip install atheris
    python fuzz/fuzz_readers.py -max_total_time=300 -rss_limit_mb=4096

The input bytes go through :func:`graphkit.readers.decode` and then every reader (the
file name picks HTML, JSONL, CSV or the text layouts), then citation extraction and the
keyword matrix (segmentation and TF-IDF) of what was read. Inputs may be up to 1 MB
(``-max_len=1048576`` unless given), large enough for deep HTML nesting and long CSV
fields. Any exception other than ``InputError`` is a finding.
Without a corpus folder argument, the seeds are our own fixtures (``tests/fixtures``)
and the embedded ``data/``, copied into ``fuzz/corpus-work/``; findings are written to
``crash-*`` files by libFuzzer.
"""

from __future__ import annotations

import sys
from pathlib import Path

import atheris

with atheris.instrument_imports():
    from graphkit.errors import InputError
    from graphkit.keywords import keyword_matrix
    from graphkit.readers import decode, read_text
    from graphkit.relate import citation_edges

NAMES = ("a.txt", "a.md", "a.html", "a.jsonl", "a.csv")


def one_input(data: bytes) -> None:
    if not data:
        return
    name = NAMES[data[0] % len(NAMES)]
    try:
        text, _ = decode(data[1:], name)
    except InputError:
        return
    layout, posts, fragments = read_text(text, name)
    for f in fragments:
        if not 1 <= f.line <= f.end_line:
            raise AssertionError(f"bad fragment lines {f}")
    citation_edges(posts)
    tm = keyword_matrix(posts)   # one row per node id (sightings of one file may share one)
    if tm.matrix.shape[0] != len({p.key for p in posts}):
        raise AssertionError("keyword matrix rows differ from the posts")


def seed_corpus() -> Path:
    """Copy the fixtures and data/ into fuzz/corpus-work, prefixed by a reader-choice byte."""
    root = Path(__file__).resolve().parent.parent
    work = root / "fuzz" / "corpus-work"
    work.mkdir(exist_ok=True)
    choice = {".txt": 0, ".md": 1, ".html": 2, ".jsonl": 3, ".csv": 4}
    for f in [*sorted((root / "tests" / "fixtures").rglob("*")), *sorted((root / "data").glob("*.txt"))]:
        if f.is_file() and f.suffix in choice and f.stat().st_size < 10_000:
            (work / f"{f.parent.name}-{f.name}").write_bytes(bytes([choice[f.suffix]]) + f.read_bytes())
    return work


def main() -> None:
    if not any(not a.startswith("-") for a in sys.argv[1:]):
        sys.argv.append(str(seed_corpus()))
    if not any(a.startswith("-max_len=") for a in sys.argv[1:]):
        sys.argv.append("-max_len=1048576")
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
