"""Archives read as folders: a ``.zip`` or a ``.tar`` (plain, gzip, bzip2 or xz).

A blog's source is often at hand as one archive: GitHub's "Download ZIP" of a Jekyll or
Hugo repository, an Obsidian vault or a Notion export zipped, a backup. Its members are
read as the files of a folder named after the archive (``blog.zip/blog-main/_posts/…``),
so that a generator's settings file and folders (``_config.yml``, ``_posts/``,
``content/``) mean what they mean in a folder.

Nothing is written to disk: members are read into memory one at a time, so a member's
name (``../../etc/passwd``, ``/etc/passwd``, a link) can neither write nor read outside
the archive. Members are listed as they would be in a folder (hidden entries and macOS's
``__MACOSX/`` passed over) and every member not read is reported with the reason: a link
or a device, a name leading outside the archive, an archive inside the archive (never
opened: no recursion), an image or other binary by its name, an encrypted member, one
over ``max_file_bytes``, and all that follows once the archive has given
``max_archive_bytes`` uncompressed bytes or the reading time budget has run out. A
zip's members are counted by the headers of its directory before the directory is
parsed (whatever count its end record states), so an archive of millions of empty
members is refused before it costs memory.
"""

from __future__ import annotations

import bz2
import gzip
import io
import lzma
import re
import struct
import tarfile
import time
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import PurePosixPath

from ..sites import HIDDEN_CONFIG_FOLDERS, is_site_config

# name endings of archives, longest first (Joplin's ".jex" export is a plain tar, Yuque's
# ".lakebook" a gzip-compressed one; a TextPack a zipped TextBundle, and Bear's ".bear2bk"
# backup a zip of them; a web archive's pages are its members, see warc.py)
ARCHIVE_SUFFIXES = ((".warc.gz", "warc"), (".warc", "warc"), (".tar.gz", "tar"),
                    (".tar.bz2", "tar"), (".tar.xz", "tar"),
                    (".tgz", "tar"), (".tbz2", "tar"), (".txz", "tar"), (".tar", "tar"),
                    (".jex", "tar"), (".lakebook", "tar"), (".zip", "zip"),
                    (".textpack", "zip"), (".bear2bk", "zip"))
# name endings of files that hold no text: not decompressed, reported
BINARY_SUFFIXES = frozenset(
    ".png .jpg .jpeg .gif .webp .avif .bmp .ico .tif .tiff .heic .psd "
    ".woff .woff2 .ttf .otf .eot .mp3 .mp4 .m4a .webm .wav .ogg .flac .mov .avi .mkv "
    ".pdf .doc .docx .xls .xlsx .ppt .pptx .odt .epub .exe .dll .so .dylib .o .a .pyc .class "
    ".jar .wasm .sqlite .db .gz .bz2 .xz .7z .rar .zst .lz4 .iso .dmg .pack .idx".split())
# macOS's Archive Utility puts resource forks (binary ``._name`` files) here
MACOS_METADATA = "__MACOSX"
_CHUNK = 1 << 20
# a tar's stream is read in small steps: a truncated gzip raises on the read that reaches
# the break, and what came before it is still given
_STEP = 1 << 14


@dataclass(frozen=True)
class ArchiveLimits:
    """Limits of reading one archive.

    Attributes
    ----------
    max_files : int
        More members than this: the archive is not opened (a zip) or the rest is not
        read (a tar, whose members are only known as they come).
    max_depth : int
        Members in folders nested deeper than this are not read.
    max_file_bytes : int
        Members larger than this many bytes (uncompressed) are not read.
    max_archive_bytes : int
        Once the archive has given this many uncompressed bytes, the rest is not read.
    deadline : float
        ``time.monotonic()`` after which nothing more is read.
    """

    max_files: int
    max_depth: int
    max_file_bytes: int
    max_archive_bytes: int
    deadline: float


@dataclass(frozen=True)
class Member:
    """One member of an archive: its bytes, or why they were not read.

    Attributes
    ----------
    name : str
        The archive's name, ``/`` and the member's path inside it.
    data : bytes or None
        The member's bytes when read.
    size : int
        Its size in bytes (uncompressed, as the archive states it when not read).
    reason : str or None
        Why it was not read.
    """

    name: str
    data: bytes | None
    size: int
    reason: str | None = None


def archive_kind(name: str) -> str | None:
    """``"zip"`` or ``"tar"`` by the name's ending, else None.

    >>> archive_kind("blog-main.ZIP"), archive_kind("site.tar.gz"), archive_kind("a.md")
    ('zip', 'tar', None)
    """
    low = name.lower()
    return next((kind for suffix, kind in ARCHIVE_SUFFIXES if low.endswith(suffix)), None)


def hidden_entry(inner: str) -> bool:
    """Whether a path inside a folder is passed over as a folder's walk passes it over.

    Hidden files and folders (a leading ``.``: ``.git/``, ``.DS_Store``) are, except a
    generator's settings file (``.eleventy.js``) and, inside ``.vuepress/`` or
    ``.vitepress/``, that folder's settings file only; and so is macOS's ``__MACOSX/``.

    >>> [hidden_entry(p) for p in (".git/config", "docs/.vuepress/config.js",
    ...                            "docs/.vuepress/theme/a.md", "__MACOSX/._a.md", "a/b.md")]
    [True, False, True, True, False]
    """
    parts = [p for p in inner.split("/") if p]
    if not parts:
        return True
    for i, part in enumerate(parts[:-1]):
        low = part.lower()
        if part == MACOS_METADATA:
            return True
        if low in HIDDEN_CONFIG_FOLDERS:
            return not (i == len(parts) - 2 and is_site_config(f"{part}/{parts[-1]}"))
        if part.startswith("."):
            return True
    last = parts[-1]
    return last.startswith(".") and not is_site_config(last)


def member_path(raw: str) -> str | None:
    """The path of a member inside its archive, or None when its name leads outside.

    Backslashes (written by some Windows tools) are folder separators; ``.`` parts and a
    leading ``./`` are dropped. An absolute name, a drive letter or a ``..`` part leads
    outside.

    >>> member_path("./blog\\\\_posts/a.md"), member_path("../etc/passwd"), member_path("/a")
    ('blog/_posts/a.md', None, None)
    """
    name = raw.replace("\\", "/")
    if name.startswith("/") or re.match(r"^[A-Za-z]:", name):
        return None
    parts = [p for p in name.split("/") if p not in ("", ".")]
    if any(p == ".." for p in parts) or not parts or "\x00" in name:
        return None
    return "/".join(parts)


def zip_member_count(data: bytes, limit: int | None = None) -> int | None:
    """The number of members in a zip archive's central directory, or None when there
    is no end record (not a zip).

    The end of central directory record (the Zip64 one when it has one) gives where the
    directory is and its size; its entries are counted by their headers alone, up to
    ``limit + 1``, so an archive of millions of members is known as such before any
    entry is parsed (the count the record states is not trusted: :mod:`zipfile` reads
    the directory by its size). Where the directory cannot be walked, the stated count
    is returned and the parser decides.

    Parameters
    ----------
    data : bytes
    limit : int, optional
        Stop counting past this many.

    References
    ----------
    .. [1] PKWARE, "APPNOTE.TXT: .ZIP File Format Specification", version 6.3.10,
       sections 4.3.12 and 4.3.14–4.3.16,
       https://pkware.cachefly.net/webdocs/casestudies/APPNOTE.TXT
    """
    end = data.rfind(b"PK\x05\x06", max(0, len(data) - 22 - 65535))
    if end < 0 or len(data) - end < 22:
        return None
    count, size_cd, offset_cd = struct.unpack_from("<HII", data, end + 10)
    start = end - size_cd               # a self-extracting zip's prefix shifts the offsets
    z64 = end - 20 - 56
    if z64 >= 0 and data[end - 20:end - 16] == b"PK\x06\x07" \
            and data[z64:z64 + 4] == b"PK\x06\x06":
        count, size_cd, offset_cd = struct.unpack_from("<QQQ", data, z64 + 32)
        start = z64 - size_cd
    if start < 0 or start + size_cd > len(data):
        return count
    pos, stop, n = start, start + size_cd, 0
    while pos + 46 <= stop and data[pos:pos + 4] == b"PK\x01\x02":
        n += 1
        if limit is not None and n > limit:
            break
        names, extra, comment = struct.unpack_from("<HHH", data, pos + 28)
        pos += 46 + names + extra + comment
    return n


def _zip_name(info: zipfile.ZipInfo) -> str:
    """A member's name as its writer meant it: names without the UTF-8 flag are
    decoded by :mod:`zipfile` as code page 437; many tools wrote UTF-8 there, and
    Chinese Windows writes GBK (GB 18030), so those are tried first."""
    if info.flag_bits & 0x800:
        return info.filename
    try:
        raw = info.filename.encode("cp437")
    except UnicodeEncodeError:
        return info.filename
    for encoding in ("utf-8", "gb18030"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            pass
    return info.filename


class _Stop(Exception):
    """Raised by :class:`_Budget` when the archive's budget or the time runs out."""


class _Budget(io.RawIOBase):
    """A readable stream that stops (:class:`_Stop`) once more than ``limit`` bytes have
    been read through it or the deadline has passed: the decompressed side of a tar,
    so that a member skipped over is counted as one read."""

    def __init__(self, inner, limit: int, deadline: float):
        self.inner, self.limit, self.deadline, self.count = inner, limit, deadline, 0

    def readable(self) -> bool:
        return True

    def readinto(self, buf) -> int:
        if self.count > self.limit:
            raise _Stop("budget")
        if time.monotonic() > self.deadline:
            raise _Stop("time")
        data = self.inner.read(min(len(buf), _STEP))
        n = len(data)
        buf[:n] = data
        self.count += n
        return n


# a pax extended header or a GNU long name is read whole into memory by tarfile before
# the member it describes: real ones are a few hundred bytes
MAX_TAR_HEADER_BYTES = 1 << 20


class _SmallHeaders(tarfile.TarInfo):
    """Members whose pax extended header or GNU long name would be read into memory
    whole are refused past :data:`MAX_TAR_HEADER_BYTES` (a header of gigabytes of NUL
    bytes packs into a few megabytes). ``_proc_member`` is where :mod:`tarfile` reads
    them (its documented way to extend :class:`tarfile.TarInfo`'s reading)."""

    def _proc_member(self, tarfile_):
        if (self.type in (tarfile.GNUTYPE_LONGNAME, tarfile.GNUTYPE_LONGLINK, tarfile.XHDTYPE,
                          tarfile.XGLTYPE, tarfile.SOLARIS_XHDTYPE)
                and self.size > MAX_TAR_HEADER_BYTES):
            raise tarfile.HeaderError(f"an extended header of {self.size} bytes, more than "
                                      f"{MAX_TAR_HEADER_BYTES}")
        return super()._proc_member(tarfile_)


def _over_budget(limits: ArchiveLimits) -> str:
    return (f"not read: the archive gave more than {limits.max_archive_bytes} bytes "
            f"uncompressed before it (option max_archive_bytes)")


TIME_OUT = "not read: the reading time budget ran out (option max_read_seconds)"
_ZIP_ERRORS = (zipfile.BadZipFile, zlib.error, lzma.LZMAError, EOFError, OSError,
               NotImplementedError, RuntimeError, ValueError, struct.error)


def read_archive(data: bytes, name: str, limits: ArchiveLimits) -> Iterator[Member]:
    """The members of an archive, each read or with the reason it was not.

    Parameters
    ----------
    data : bytes
        The archive's bytes.
    name : str
        Its name (``.zip``, ``.tar``, ``.tar.gz``/``.tgz``, ``.tar.bz2``/``.tbz2``,
        ``.tar.xz``/``.txz``; a tar's compression is recognised by its first bytes; a web
        archive, ``.warc``/``.warc.gz``, gives its pages, see
        :func:`graphkit.readers.warc.warc_members`).
    limits : ArchiveLimits

    Yields
    ------
    Member
        In the archive's order; one member named after the archive itself when it
        cannot be opened, with the reason. Never raises for a broken or crafted
        archive.

    References
    ----------
    .. [1] PKWARE, "APPNOTE.TXT: .ZIP File Format Specification",
       https://pkware.cachefly.net/webdocs/casestudies/APPNOTE.TXT
    .. [2] IEEE Std 1003.1, "pax: ustar Interchange Format",
       https://pubs.opengroup.org/onlinepubs/9699919799/utilities/pax.html
    """
    kind = archive_kind(name)
    if kind == "warc":
        from .warc import warc_members as reader
    else:
        reader = _zip_members if kind == "zip" else _tar_members
    total = [0]
    for member in reader(data, name, limits, total):
        yield member


LEADS_OUT = "a name leading outside the archive, not read"


def _place(name: str, raw: str) -> tuple[str | None, str]:
    """A member's path inside the archive (None when it leads outside) and the name it
    is reported under."""
    inner = member_path(raw)
    return inner, f"{name}/{inner or raw}"


def _skip(inner: str, limits: ArchiveLimits) -> str | None:
    """Why a member is not read by its name alone, or None."""
    depth = inner.count("/")
    if depth > limits.max_depth:
        return (f"in folders nested deeper than {limits.max_depth} levels "
                f"(option max_depth), not read")
    kind = archive_kind(inner)
    if kind not in (None, "warc"):         # (a web archive's pages are read)
        return "an archive inside the archive, not opened"
    suffix = PurePosixPath(inner).suffix.lower()
    if suffix in BINARY_SUFFIXES and kind is None:
        return f"a {suffix} file (binary by its name), not read"
    return None


def _zip_members(data: bytes, name: str, limits: ArchiveLimits, total: list[int]
                 ) -> Iterator[Member]:
    count = zip_member_count(data, limits.max_files)
    if count is None:
        yield Member(name, None, len(data), "not a zip archive (no end of central directory)")
        return
    if count > limits.max_files:
        yield Member(name, None, len(data), f"more than the limit of {limits.max_files} "
                                            f"members (option max_files), not opened")
        return
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        infos = zf.infolist()
    except _ZIP_ERRORS as exc:
        yield Member(name, None, len(data), f"not read: a broken zip archive ({exc})")
        return
    for info in infos[:limits.max_files]:
        if info.is_dir():
            continue
        inner, shown = _place(name, _zip_name(info))
        if inner is None or hidden_entry(inner):
            if inner is None:
                yield Member(shown, None, info.file_size, LEADS_OUT)
            continue
        why = _skip(inner, limits)
        if why is None and info.flag_bits & 0x1:
            why = "encrypted, not read"
        if why is None and info.file_size > limits.max_file_bytes:
            why = (f"{info.file_size} bytes, more than the limit of {limits.max_file_bytes} "
                   f"(option max_file_bytes)")
        if why is None and total[0] + info.file_size > limits.max_archive_bytes:
            why = _over_budget(limits)
        if why is None and time.monotonic() > limits.deadline:
            why = TIME_OUT
        if why is not None:
            yield Member(shown, None, info.file_size, why)
            continue
        chunks, size = [], 0
        try:
            with zf.open(info) as fh:
                # the stated size may lie: stop at the limit, whatever the member holds
                while size <= limits.max_file_bytes:
                    chunk = fh.read(min(_CHUNK, limits.max_file_bytes + 1 - size))
                    if not chunk:
                        break
                    chunks.append(chunk)
                    size += len(chunk)
                    if (total[0] + size > limits.max_archive_bytes
                            or time.monotonic() > limits.deadline):
                        break
        except NotImplementedError as exc:     # Deflate64, PPMd…: not in zipfile
            yield Member(shown, None, info.file_size, f"not read: {exc}")
            continue
        except _ZIP_ERRORS as exc:
            yield Member(shown, None, info.file_size, f"not read: a broken member ({exc})")
            continue
        total[0] += size
        if size > limits.max_file_bytes:
            why = (f"more than the limit of {limits.max_file_bytes} bytes "
                   f"(option max_file_bytes)")
        elif total[0] > limits.max_archive_bytes:
            why = _over_budget(limits)
        elif time.monotonic() > limits.deadline:
            why = TIME_OUT
        yield Member(shown, None if why else b"".join(chunks), size, why)


def _decompressed(data: bytes):
    """The tar stream inside ``data``: gzip, bzip2 and xz are recognised by their
    first bytes, anything else is read as a plain tar."""
    raw = io.BytesIO(data)
    if data[:2] == b"\x1f\x8b":
        return gzip.GzipFile(fileobj=raw)
    if data[:3] == b"BZh":
        return bz2.BZ2File(raw)
    if data[:6] == b"\xfd7zXZ\x00":
        return lzma.LZMAFile(raw)
    return raw


def _tar_members(data: bytes, name: str, limits: ArchiveLimits, total: list[int]
                 ) -> Iterator[Member]:
    stream = _Budget(_decompressed(data), limits.max_archive_bytes, limits.deadline)
    seen = 0
    errors = (tarfile.TarError, _Stop, zlib.error, lzma.LZMAError, OSError, EOFError,
              ValueError, UnicodeError)
    try:
        tf = tarfile.open(fileobj=io.BufferedReader(stream, _STEP), mode="r|",
                          tarinfo=_SmallHeaders)
    except _Stop as stop:
        yield Member(name, None, len(data), TIME_OUT if str(stop) == "time"
                     else _over_budget(limits))
        return
    except errors as exc:
        yield Member(name, None, len(data), f"not read: not a tar archive ({exc})")
        return
    try:
        for info in tf:
            if info.isdir():
                continue
            seen += 1
            if seen > limits.max_files:
                yield Member(name, None, len(data), f"more than the limit of "
                             f"{limits.max_files} members (option max_files): the rest "
                             f"not read")
                return
            inner, shown = _place(name, info.name)
            if inner is None or hidden_entry(inner):
                if inner is None:
                    yield Member(shown, None, info.size, LEADS_OUT)
                continue
            if info.issym() or info.islnk():
                yield Member(shown, None, 0, "a link inside the archive, not followed")
                continue
            why = None if info.isreg() else "a device or FIFO inside the archive, not read"
            why = why or _skip(inner, limits)
            if why is None and info.size > limits.max_file_bytes:
                why = (f"{info.size} bytes, more than the limit of {limits.max_file_bytes} "
                       f"(option max_file_bytes)")
            if why is not None:
                yield Member(shown, None, info.size, why)
                continue
            fh = tf.extractfile(info)
            body = fh.read(limits.max_file_bytes + 1) if fh is not None else b""
            total[0] += len(body)
            yield Member(shown, body, len(body))
    except _Stop as stop:
        why = TIME_OUT if str(stop) == "time" else _over_budget(limits)
        yield Member(name, None, len(data), why.replace("not read: ", "the rest not read: "))
    except errors as exc:
        yield Member(name, None, len(data), f"the rest not read: a broken tar archive "
                                            f"({exc})")
