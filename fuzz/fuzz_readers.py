"""Coverage-guided fuzzing of the readers and of citation extraction with atheris.

Not part of the test suite. Run from the repository root, for a fixed time::

    pip install atheris
    python fuzz/fuzz_readers.py -max_total_time=300 -rss_limit_mb=4096 fuzz/corpus

The input bytes go through :func:`graphkit.readers.decode` and then every reader (the
file name picks HTML, JSONL, CSV or the text layouts), then citation extraction and the
TF-IDF keywords of what was read. Any exception other than ``InputError`` is a finding.
``fuzz/corpus`` holds seed inputs (our own fixtures); findings are written to
``crash-*`` files by libFuzzer.
"""

from __future__ import annotations

import sys
from pathlib import Path

import atheris

with atheris.instrument_imports():
    from graphkit.errors import InputError
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


def main() -> None:
    seeds = Path(__file__).resolve().parent / "corpus"
    if len(sys.argv) == 1 and seeds.is_dir():
        sys.argv.append(str(seeds))
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
