"""The read step: files and folders in, posts and a reading report out.

Each file's layout is recognised from its content (and its name ending for HTML, JSONL
and CSV); a folder is read recursively in sorted order. Nothing is dropped silently:
every piece of text that is not part of a post is listed in the report with its file,
line and reason, and a file that cannot be read at all gets a report entry saying why.
"""

from __future__ import annotations

import codecs
import os
from collections.abc import Callable, Iterable
from pathlib import Path

from ..errors import InputError
from ..merge import infer_listing_years, merge_posts
from ..model import FileReport, Fragment, Post, ReadResult
from ..options import BuildOptions
from ..text import preview, split_lines
from . import frontmatter, html, kexue, listing, table

DEFAULT_MAX_FILE_BYTES = 256 * 1024 * 1024
DEFAULT_MAX_FILES = 100_000
DEFAULT_MAX_POSTS_PER_FILE = 200_000
DEFAULT_DATA = Path(__file__).resolve().parents[2] / "data"  # the embedded seed pages

def decode(data: bytes, path: str) -> tuple[str, str]:
    """Decode file bytes to text.

    UTF-8 (with or without BOM) and UTF-16 (with a BOM, or recognised by its zero bytes)
    are read; other bytes are tried as GB18030, the superset of GBK used by Chinese
    Windows.

    Parameters
    ----------
    data : bytes
        File content.
    path : str
        File name, for the error message.

    Returns
    -------
    text : str
        Decoded text.
    encoding : str
        Name of the encoding used.

    Raises
    ------
    InputError
        When the bytes are binary or decode in none of these encodings.
    """
    if data.startswith(codecs.BOM_UTF8):
        try:
            return data[3:].decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError as exc:
            raise InputError(f"broken UTF-8 at byte {exc.start + 3}", path=path,
                             line=data[: exc.start + 3].count(b"\n") + 1) from None
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as exc:
            raise InputError(f"broken UTF-16 at byte {exc.start}", path=path) from None
    if b"\x00" in data:
        sample = data[:4096]
        even, odd = sample[0::2].count(0), sample[1::2].count(0)
        enc = "utf-16-le" if odd > 0.3 * len(sample) / 2 and even == 0 else (
            "utf-16-be" if even > 0.3 * len(sample) / 2 and odd == 0 else None)
        if enc is not None and len(data) % 2 == 0:
            try:
                return data.decode(enc), enc
            except UnicodeDecodeError:
                pass
        raise InputError("binary file (NUL bytes), not text", path=path)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        utf8_error = exc
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        line = data[: utf8_error.start].count(b"\n") + 1
        raise InputError(f"not UTF-8, UTF-16 or GB18030 text (first bad byte at "
                         f"offset {utf8_error.start})", path=path, line=line) from None
    if sum(ch.isprintable() or ch in "\r\n\t" for ch in text) < 0.95 * len(text):
        raise InputError("binary file (not printable as text)", path=path)
    return text, "gb18030"


Reader = Callable[[list[str], str], tuple[list[Post], list[Fragment]]]


def detect_layout(lines: list[str], path: str) -> tuple[str, Reader] | None:
    """Return the layout name and reader for a Markdown/text file, or None when unknown."""
    if frontmatter.detect(lines):
        return frontmatter.FRONT_MATTER, frontmatter.read_front_matter
    kind = kexue.detect(lines)
    if kind == kexue.KEXUE_PAGE:
        return kind, kexue.read_kexue_page
    if kind == kexue.KEXUE_ARCHIVE:
        return kind, kexue.read_kexue_archive
    if kind == kexue.KEXUE_BODY:
        return kind, kexue.read_kexue_body
    kind = listing.detect(lines)
    if kind == listing.LISTING_A:
        return kind, listing.read_listing_a
    if kind == listing.LISTING_B:
        return kind, listing.read_listing_b
    return None


def read_text(text: str, path: str) -> tuple[str, list[Post], list[Fragment]]:
    """Read one file's text.

    Parameters
    ----------
    text : str
        The decoded content.
    path : str
        Name used in the report; its ending picks the HTML, JSONL and CSV readers.

    Returns
    -------
    layout : str
        The layout recognised, ``"empty"`` or ``"unknown"``.
    posts : list of Post
        Post sightings, not yet merged.
    fragments : list of Fragment
        Skipped pieces with reasons; for an unknown layout, the whole file.
    """
    if not text.strip():
        return "empty", [], []
    tab = table.detect(path)
    if tab == "jsonl":
        return "jsonl", *table.read_jsonl(text, path)
    if tab == "csv":
        return "csv", *table.read_csv(text, path)
    if html.detect(text, path):
        return html.HTML_FORMAT, *html.read_html(text, path)
    lines = split_lines(text)
    found = detect_layout(lines, path)
    if found is None:
        nonblank = [i for i, line in enumerate(lines, 1) if line.strip()]
        frag = Fragment(path=path, line=nonblank[0], end_line=nonblank[-1],
                        reason="unknown layout: no listing, post page, archive, front matter, "
                               "HTML or table recognised", text=preview(text))
        return "unknown", [], [frag]
    layout, reader = found
    posts, fragments = reader(lines, path)
    return layout, posts, fragments


def iter_files(paths: Iterable[str | os.PathLike[str]], *, max_files: int = DEFAULT_MAX_FILES
               ) -> tuple[list[tuple[Path, str]], list[FileReport]]:
    """List the files under ``paths`` (folders recursively, sorted; links to folders not followed).

    Returns
    -------
    files : list of (Path, str)
        Each file and the name it is reported under: the folder's own name followed by
        the path inside it, so that names do not depend on the working directory.
    problems : list of FileReport
        Entries that were passed over, with the reason.

    Raises
    ------
    InputError
        When a path does not exist.
    """
    files: list[tuple[Path, str]] = []
    problems: list[FileReport] = []
    for raw in paths:
        p = Path(raw)
        if not p.exists():
            raise InputError("no such file or folder", path=str(raw))
        if p.is_file():
            files.append((p, p.name))
            continue
        base = p.resolve().name or "input"
        for root, dirs, names in os.walk(p, followlinks=False):
            dirs.sort()
            for d in list(dirs):
                if d.startswith("."):
                    dirs.remove(d)
                elif os.path.islink(os.path.join(root, d)):
                    dirs.remove(d)
                    problems.append(FileReport(path=os.path.join(root, d), format="skipped",
                                               posts=0, size=0,
                                               error="link to a folder, not followed"))
            for name in sorted(names):
                if name.startswith(".") or name.lower() == "readme.md":
                    continue
                full = Path(root) / name
                files.append((full, f"{base}/{full.relative_to(p).as_posix()}"))
    if len(files) > max_files:
        raise InputError(f"{len(files)} files found, more than the limit of {max_files} "
                         f"(option max_files)", path=", ".join(str(p) for p in paths))
    return files, problems


PARALLEL_MIN_BYTES = 4_000_000  # below this, worker processes cost more than they save


def read_paths(paths: Iterable[str | os.PathLike[str]], *,
               max_file_bytes: int = DEFAULT_MAX_FILE_BYTES,
               max_files: int = DEFAULT_MAX_FILES,
               max_posts_per_file: int = DEFAULT_MAX_POSTS_PER_FILE,
               progress: Callable[[int, int, str], None] | None = None,
               workers: int | None = None,
               while_reading: Callable[[], object] | None = None) -> ReadResult:
    """Read posts from files and folders and merge them.

    Parameters
    ----------
    paths : iterable of str or path-like
        Files and folders; folders are read recursively (hidden entries and README.md
        files are passed over).
    max_file_bytes : int, keyword-only
        Files larger than this many bytes are not read (listed in the report).
    max_files : int, keyword-only
        At most this many files are read.
    max_posts_per_file : int, keyword-only
        Posts past this number in one file are not read (listed in the report).
    progress : callable, optional
        Called as ``progress(done, total, path)`` after each file (after each batch of
        files when worker processes read them).
    workers : int, optional, keyword-only
        Worker processes that parse the files; 0 reads them in this process (do so from
        a threaded server: nothing is forked). Default: one per core (up to 4) when the
        files hold at least ``PARALLEL_MIN_BYTES`` bytes and the platform can fork, else
        0. The result does not depend on it. (The 637 kexue.fm pages, 18 MB: 0.86 s in
        this process, 0.54 s with two workers on two cores.)
    while_reading : callable, optional
        Called once in this process while worker processes parse the files (or before
        reading when there are none): work to overlap with reading, such as loading
        the segmenter.

    Returns
    -------
    ReadResult
        Merged posts, one report entry per file and every skipped fragment.

    Raises
    ------
    InputError
        When a path does not exist, there are more files than ``max_files``, or no
        post could be read from any file.
    """
    paths = list(paths)
    files, reports = iter_files(paths, max_files=max_files)
    if workers is None:
        enough = sum(_size(f) for f, _ in files) >= PARALLEL_MIN_BYTES
        workers = min(os.cpu_count() or 1, 4) if enough and hasattr(os, "fork") else 0
    sightings: list[Post] = []
    fragments: list[Fragment] = []
    for done, (name, report, posts, frags) in _read_files(files, workers, max_file_bytes,
                                                          max_posts_per_file, while_reading):
        reports.append(report)
        sightings.extend(posts)
        fragments.extend(frags)
        if progress is not None:
            progress(done, len(files), name)
    if not sightings:
        why = "; ".join(r.error or f"{r.path}: {r.format}" for r in reports[:5]) or "no files"
        raise InputError(f"no post could be read ({why})",
                         path=", ".join(str(p) for p in paths))
    return ReadResult(posts=infer_listing_years(merge_posts(sightings)), files=tuple(reports),
                      fragments=tuple(fragments), sightings=len(sightings))


def read(paths: Iterable[str | os.PathLike[str]] | None = None, *,
         options: BuildOptions = BuildOptions(),
         progress: Callable[[int, int, str], None] | None = None,
         workers: int | None = None,
         while_reading: Callable[[], object] | None = None) -> ReadResult:
    """Read posts from ``paths`` (default: the embedded ``data/`` folder).

    The limits come from ``options`` (``max_file_bytes``, ``max_files``,
    ``max_posts_per_file``); the other parameters are those of :func:`read_paths`.
    This module imports no numerical library, so that worker processes fork from a
    small process.
    """
    paths = list(paths) if paths else [DEFAULT_DATA]
    return read_paths(paths, max_file_bytes=options.max_file_bytes,
                      max_files=options.max_files,
                      max_posts_per_file=options.max_posts_per_file, progress=progress,
                      workers=workers, while_reading=while_reading)


def _read_files(files, workers, max_file_bytes, max_posts_per_file, while_reading):
    """Yield ``(done, (name, report, posts, fragments))`` per file, in the order of ``files``."""
    if workers < 1 or len(files) < 2:
        if while_reading is not None:
            while_reading()
        for done, (f, name) in enumerate(files, 1):
            yield (done, (name, *_read_file(f, name, max_file_bytes, max_posts_per_file)))
        return
    import multiprocessing as mp
    from concurrent.futures import ProcessPoolExecutor

    size = -(-len(files) // (workers * 4))  # four batches per worker balance the load
    batches = [files[i:i + size] for i in range(0, len(files), size)]
    with ProcessPoolExecutor(max_workers=min(workers, len(batches)),
                             mp_context=mp.get_context("fork")) as ex:
        # forked before any thread of ours starts; results come back in submission order
        futures = [ex.submit(_read_batch, b, max_file_bytes, max_posts_per_file)
                   for b in batches]
        if while_reading is not None:
            while_reading()
        done = 0
        for batch, future in zip(batches, futures):
            for (f, name), outcome in zip(batch, future.result()):
                done += 1
                yield (done, (name, *outcome))


def _read_batch(batch, max_file_bytes, max_posts_per_file):
    return [_read_file(f, name, max_file_bytes, max_posts_per_file) for f, name in batch]


def _read_file(f: Path, name: str, max_file_bytes: int, max_posts_per_file: int
               ) -> tuple[FileReport, list[Post], list[Fragment]]:
    """Read one file: its report entry, its posts and its skipped fragments."""
    try:
        size = f.stat().st_size
        if size > max_file_bytes:
            raise InputError(f"{size} bytes, more than the limit of {max_file_bytes} "
                             f"(option max_file_bytes)", path=name)
        text, _ = decode(f.read_bytes(), name)
    except InputError as exc:
        return (FileReport(path=name, format="unreadable", posts=0, size=_size(f),
                           error=str(exc)), [], [])
    except OSError as exc:
        return (FileReport(path=name, format="unreadable", posts=0, size=_size(f),
                           error=f"{name}: {exc.strerror or exc}"), [], [])
    layout, posts, frags = read_text(text, name)
    if len(posts) > max_posts_per_file:
        first_left = posts[max_posts_per_file].sources[0].line
        frags.append(Fragment(
            path=name, line=first_left, end_line=posts[-1].sources[0].line,
            reason=f"{len(posts) - max_posts_per_file} more posts not read: more than "
                   f"the limit of {max_posts_per_file} (option max_posts_per_file)",
            text=preview(posts[max_posts_per_file].label)))
        posts = posts[:max_posts_per_file]
    error = {"empty": "empty file", "unknown": "unknown layout (see the fragment)"}.get(layout)
    if not posts and error is None:
        error = "no post in this file (see its fragments)"
    return FileReport(path=name, format=layout, posts=len(posts), size=size,
                      error=error), posts, frags


def _size(f: Path) -> int:
    try:
        return f.stat().st_size
    except OSError:
        return 0
