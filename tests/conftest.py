"""Shared fixtures: the embedded data, the real corpus (when present) and one build of data/."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus"
sys.path.insert(0, str(Path(__file__).resolve().parent / "golden"))
CHROMIUM = shutil.which("chromium") or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)


def corpus_or_skip() -> Path:
    """Return ../shared/corpus, or skip the test when this checkout has none."""
    if not (CORPUS / "kexue-pages").is_dir():
        pytest.skip("../shared/corpus is absent (a fresh clone has no third-party corpus)")
    return CORPUS


@pytest.fixture(scope="session")
def data_build():
    """One build of the embedded data with default options."""
    from graphkit.pipeline import build

    return build([DATA])


@pytest.fixture(scope="session")
def data_read(data_build):
    return data_build.read


def by_title(posts, title):
    """The one post whose title is exactly ``title``."""
    hits = [p for p in posts if p.title == title]
    assert len(hits) == 1, f"{len(hits)} posts titled {title!r}"
    return hits[0]


def write_file(folder, name: str, text: str) -> None:
    """Write ``text`` to the file ``name`` under ``folder`` (UTF-8), making its folders."""
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def write_files(folder, files: dict[str, str]):
    """Write each file (a path under ``folder``: its text) with :func:`write_file`; return
    ``folder``."""
    for name, text in files.items():
        write_file(folder, name, text)
    return folder


def write_posts(folder, files: dict[str, tuple[str, str]]) -> None:
    """Write each file (a path under ``folder``) as a post: YAML front matter with its
    title, then its text."""
    for name, (title, text) in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"---\ntitle: {title}\n---\n\n{text}\n", encoding="utf-8")


def read_cites(folder):
    """``(ReadResult, {(citing title, cited title or work id)})`` of a folder's citations."""
    from graphkit.options import BuildOptions
    from graphkit.pipeline import relate
    from graphkit.readers import read_paths

    r = read_paths([folder])
    edges, _, _ = relate(r.posts, options=BuildOptions(layers=("cites",)))
    title = {p.key: p.title for p in r.posts}
    return r, {(title[e.source], title.get(e.target, e.target)) for e in edges}
