"""A blog's source as one archive (.zip, .tar.gz) or as a folder uploaded to the dashboard.

The zoo's blogs (tests/fixtures/zoo/) are packed here as GitHub's "Download ZIP" packs a
repository (one top folder named ``repo-main``) and as a ``.tar.gz``; each must give its
true citations as the folder does. The hostile cases are archives written by hand:
names that lead outside, links, devices, nested archives, bombs, broken bytes.
"""

from __future__ import annotations

import io
import json
import random
import tarfile
import zipfile

import pytest
from conftest import FIXTURES

from graphkit.options import BuildOptions
from graphkit.pipeline import relate
from graphkit.readers import ReadLimits, read_members, read_paths, read_uploads, upload_name
from graphkit.readers.archive import hidden_entry, member_path, zip_member_count

ZOO = FIXTURES / "zoo"
BLOGS = sorted(d.name for d in ZOO.iterdir() if d.is_dir())
POST = "---\ntitle: 留下来的好文章\n---\n\n正文讲矩阵分解与优化。\n"


def _files(blog: str):
    root = ZOO / blog
    return [(f.relative_to(root).as_posix(), f.read_bytes()) for f in sorted(root.rglob("*"))
            if f.is_file() and f.name != "truth.json"]


def _zip(members, *, top: str = "") -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members:
            z.writestr(top + name, data)
    return buf.getvalue()


def _tar(members, mode: str = "w:gz") -> bytes:
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode=mode) as t:
        for info, data in members:
            if isinstance(info, str):
                info = tarfile.TarInfo(info)
                info.size = len(data)
            t.addfile(info, io.BytesIO(data) if data is not None else None)
    return buf.getvalue()


def _citations(r, blog: str):
    edges, _, _ = relate(r.posts, options=BuildOptions(layers=("cites",)))
    title = {p.key: p.title for p in r.posts}
    got = {(title[e.source], title.get(e.target, e.target)) for e in edges}
    want = {tuple(row) for row in json.loads(
        (ZOO / blog / "truth.json").read_text(encoding="utf-8"))["cites"]}
    return got, want


def _reasons(result):
    return {f.path: f.error for f in result.files if f.error}


@pytest.mark.parametrize("blog", BLOGS)
def test_every_zoo_blog_reads_the_same_from_a_zip_and_a_tar_gz(blog, tmp_path):
    files = _files(blog)
    (tmp_path / f"{blog}-main.zip").write_bytes(_zip(files, top=f"{blog}-main/"))
    (tmp_path / f"{blog}.tar.gz").write_bytes(_tar([(f"{blog}/{n}", d) for n, d in files]))
    for archive in (f"{blog}-main.zip", f"{blog}.tar.gz"):
        r = read_paths([tmp_path / archive])
        got, want = _citations(r, blog)
        assert len(r.posts) == 6, archive
        assert got == want, archive
        assert all(f.path.startswith(archive + "/") for f in r.files)


@pytest.mark.parametrize("blog", ["jekyll", "hugo", "vuepress", "astro", "zola"])
def test_a_folder_uploaded_reads_as_the_folder_does(blog):
    """The dashboard's folder upload sends each file's path below the folder: the
    generator's folders (Jekyll's _posts/, Hugo's content/) must keep their meaning.
    Reduced to file names (as uploads were), each of these blogs gains false citations
    to its pages or loses its links."""
    files = [(f"{blog}/{n}", d) for n, d in _files(blog)]
    got, want = _citations(read_uploads(files), blog)
    assert got == want
    flat, _ = _citations(read_uploads([(n.rsplit("/", 1)[-1], d) for n, d in files]), blog)
    assert flat != want


def test_an_archive_uploaded_is_read_as_a_folder():
    r = read_uploads([("blog-main.zip", _zip(_files("hexo"), top="blog-main/"))])
    got, want = _citations(r, "hexo")
    assert got == want
    assert {f.path.split("/")[0] for f in r.files} == {"blog-main.zip"}


def test_upload_names_keep_their_folders_and_never_lead_out():
    names = [".", "..", "", "a/../b.jsonl", "C:\\x\\y.csv", "../../etc/passwd",
             "blog/_posts/2020-01-01-a b.md", "/abs/x.md", "博客/文章.md", "a/<b>.md",
             "kit/src/routes/(blog)/x/+page.md", "a/[slug]/'x'.md"]
    assert [upload_name(n, i) for i, n in enumerate(names)] == [
        "upload-1", "upload-2", "upload-3", "a/b.jsonl", "x/y.csv", "etc/passwd",
        "blog/_posts/2020-01-01-a b.md", "abs/x.md", "博客/文章.md", "a/_b_.md",
        "kit/src/routes/(blog)/x/+page.md", "a/［slug］/_x_.md"]


def test_hidden_files_of_a_folder_upload_are_passed_over():
    r = read_uploads([("blog/.git/COMMIT_EDITMSG", POST.encode()),
                      ("blog/.obsidian/x.md", POST.encode()),
                      ("blog/__MACOSX/._a.md", POST.encode()),
                      ("blog/a.md", POST.encode())])
    assert [f.path for f in r.files] == ["blog/a.md"]


def test_member_names_and_hidden_entries():
    assert member_path("./blog\\_posts/a.md") == "blog/_posts/a.md"
    for outside in ("../a.md", "a/../../b.md", "/etc/passwd", "C:\\a.md", "c:a.md", "a\x00.md"):
        assert member_path(outside) is None, outside
    assert [hidden_entry(p) for p in ("blog/.git/HEAD", ".eleventy.js", "docs/.vuepress/"
                                      "config.js", "docs/.vuepress/dist/a.html",
                                      "__MACOSX/blog/._a.md", "blog/a.md")] == [
        True, False, False, True, True, False]


def test_names_leading_outside_links_and_devices_are_reported_never_read(tmp_path):
    link = tarfile.TarInfo("blog/passwd.md")
    link.type, link.linkname = tarfile.SYMTYPE, "/etc/passwd"
    hard = tarfile.TarInfo("blog/hard.md")
    hard.type, hard.linkname = tarfile.LNKTYPE, "blog/a.md"
    fifo = tarfile.TarInfo("blog/pipe.md")
    fifo.type = tarfile.FIFOTYPE
    dev = tarfile.TarInfo("blog/zero.md")
    dev.type = tarfile.CHRTYPE
    data = _tar([("blog/a.md", POST.encode()), (link, None), (hard, None), (fifo, None),
                 (dev, None), ("../../outside.md", POST.encode()),
                 ("/etc/cron.d/x.md", POST.encode())])
    before = sorted(tmp_path.iterdir())
    (tmp_path / "blog.tgz").write_bytes(data)
    r = read_paths([tmp_path / "blog.tgz"])
    assert [p.title for p in r.posts] == ["留下来的好文章"]
    link, device = ("a link inside the archive, not followed",
                    "a device or FIFO inside the archive, not read")
    outside = "a name leading outside the archive, not read"
    assert _reasons(r) == {
        "blog.tgz/blog/passwd.md": link, "blog.tgz/blog/hard.md": link,
        "blog.tgz/blog/pipe.md": device, "blog.tgz/blog/zero.md": device,
        "blog.tgz/../../outside.md": outside, "blog.tgz//etc/cron.d/x.md": outside}
    assert sorted(tmp_path.iterdir()) == sorted(before + [tmp_path / "blog.tgz"])


def test_nested_archives_binaries_and_encrypted_members_are_reported():
    inner = _zip([("a.md", POST)])
    data = bytearray(_zip([("blog/a.md", POST), ("blog/inner.zip", inner),
                           ("blog/more.tar.gz", b"x"), ("blog/cover.png", b"\x89PNG"),
                           ("blog/secret.md", POST)]))
    # mark the last member encrypted (general purpose flag bit 0), in its local header
    # and its central directory entry, as an encrypting writer does
    local = data.rfind(b"PK\x03\x04")
    central = data.rfind(b"PK\x01\x02")
    data[local + 6] |= 1
    data[central + 8] |= 1
    r = read_uploads([("blog.zip", bytes(data))])
    assert [p.title for p in r.posts] == ["留下来的好文章"]
    nested = "an archive inside the archive, not opened"
    assert _reasons(r) == {
        "blog.zip/blog/inner.zip": nested, "blog.zip/blog/more.tar.gz": nested,
        "blog.zip/blog/cover.png": "a .png file (binary by its name), not read",
        "blog.zip/blog/secret.md": "encrypted, not read"}


def test_a_zip_of_too_many_members_is_refused_before_its_directory_is_read():
    data = _zip([(f"n{i}.md", "") for i in range(50)])
    assert zip_member_count(data) == 50 and zip_member_count(data, 20) == 21
    # an end record that states 1 member (total and on this disk) does not hide the 50
    end = data.rfind(b"PK\x05\x06")
    lying = data[:end + 8] + b"\x01\x00\x01\x00" + data[end + 12:]
    assert zip_member_count(lying) == 50
    limits = ReadLimits(10**6, 10, 1e18, max_files=20)
    for archive in (data, lying):
        (name, report, posts, _), = read_members(archive, "many.zip", limits)
        assert (name, posts) == ("many.zip", [])
        assert report.error == "more than the limit of 20 members (option max_files), not opened"


def test_a_zip_bomb_stops_at_the_member_and_archive_limits():
    zeros = b"\0" * 3_000_000                    # ~3 kB compressed each
    data = _zip([("a.md", POST), ("big.md", zeros), ("z1.md", zeros[:900_000]),
                 ("z2.md", zeros[:900_000]), ("z3.md", POST)])
    assert len(data) < 30_000
    limits = ReadLimits(2_000_000, 10, 1e18, max_archive_bytes=1_000_000)
    outcomes = list(read_members(data, "bomb.zip", limits))
    reasons = {name: report.error for name, report, _, _ in outcomes}
    assert reasons["bomb.zip/a.md"] is None
    assert reasons["bomb.zip/big.md"] == ("3000000 bytes, more than the limit of 2000000 "
                                          "(option max_file_bytes)")
    assert "binary" in reasons["bomb.zip/z1.md"]   # read (900 kB of NUL bytes: not text)
    over = ("not read: the archive gave more than 1000000 bytes uncompressed before it "
            "(option max_archive_bytes)")
    assert reasons["bomb.zip/z2.md"] == over
    assert reasons["bomb.zip/z3.md"] is None        # small enough to fit what is left


def test_a_tar_gz_bomb_stops_at_the_archive_limit():
    data = _tar([("blog/a.md", POST.encode()), ("blog/zeros.md", b"\0" * 5_000_000),
                 ("blog/b.md", POST.encode())])
    assert len(data) < 20_000
    limits = ReadLimits(10_000_000, 10, 1e18, max_archive_bytes=1_000_000)
    outcomes = list(read_members(data, "bomb.tar.gz", limits))
    assert [name for name, *_ in outcomes] == ["bomb.tar.gz/blog/a.md", "bomb.tar.gz"]
    assert outcomes[0][2][0].title == "留下来的好文章"
    assert outcomes[1][1].error == ("the rest not read: the archive gave more than 1000000 "
                                    "bytes uncompressed before it (option max_archive_bytes)")


@pytest.mark.parametrize("data, why", [
    (b"PK\x03\x04 truncated", "not a zip archive (no end of central directory)"),
    (b"not an archive at all", "not a zip archive (no end of central directory)"),
    (b"PK\x05\x06" + b"\0" * 18, None),                      # an empty zip: nothing in it
])
def test_broken_zips_are_reported_never_raised(data, why):
    outcomes = list(read_members(data, "x.zip", ReadLimits(10**6, 10, 1e18)))
    assert [o[1].error for o in outcomes] == ([why] if why else [])


def test_a_truncated_tar_gz_keeps_the_members_before_the_break():
    noise = random.Random(1).randbytes(30_000)      # does not compress: the cut falls in it
    data = _tar([("blog/a.md", POST.encode()), ("blog/b.md", noise)])
    outcomes = list(read_members(data[:len(data) * 2 // 3], "cut.tgz",
                                 ReadLimits(10**6, 10, 1e18)))
    assert outcomes[0][0] == "cut.tgz/blog/a.md" and outcomes[0][2]
    assert outcomes[-1][0] == "cut.tgz"
    assert outcomes[-1][1].error.startswith(("the rest not read: a broken tar archive",
                                             "cut.tgz/blog/b.md"))


def test_zip_names_written_in_gbk_are_read_as_chinese():
    """Chinese Windows writes member names in GBK without the UTF-8 flag; zipfile decodes
    them as code page 437. The name's folders must survive (here a Jekyll _posts/)."""
    name = "blog/_posts/2020-01-01-旋转.md"
    placeholder = "blog/_posts/2020-01-01-" + "x" * len("旋转".encode("gbk")) + ".md"
    data = _zip([(placeholder, POST)]).replace(placeholder.encode(), name.encode("gbk"))
    (name_read, report, posts, _), = read_members(data, "gbk.zip", ReadLimits(10**6, 10, 1e18))
    assert name_read == "gbk.zip/" + name
    assert [p.title for p in posts] == ["留下来的好文章"]


def test_the_cli_reads_a_zip(tmp_path):
    import subprocess
    import sys

    from conftest import ROOT

    (tmp_path / "blog.zip").write_bytes(_zip(_files("jekyll"), top="blog-main/"))
    proc = subprocess.run([sys.executable, "-m", "graphkit", "build", str(tmp_path / "blog.zip"),
                           "--out", str(tmp_path / "out"), "--quiet"], cwd=ROOT,
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    report = json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))
    assert report["reading"]["posts"] == 6
    assert any(f["path"] == "blog.zip/blog-main/_config.yml" for f in report["reading"]["files"])


def test_a_tar_header_of_megabytes_is_refused_before_it_is_read():
    """tarfile reads a pax extended header or a GNU long name whole into memory: one
    of gigabytes of NUL bytes packs into megabytes. Refused past 1 MiB."""
    header = tarfile.TarInfo("././@PaxHeader")
    header.type, header.size = tarfile.XHDTYPE, 2 << 20
    data = _tar([("blog/a.md", POST.encode()), (header, bytes(2 << 20)),
                 ("blog/b.md", POST.encode())])
    outcomes = list(read_members(data, "pax.tgz", ReadLimits(10**8, 10, 1e18)))
    assert [name for name, *_ in outcomes] == ["pax.tgz/blog/a.md", "pax.tgz"]
    assert outcomes[1][1].error == ("the rest not read: a broken tar archive (an extended "
                                    "header of 2097152 bytes, more than 1048576)")


def test_a_member_packed_by_a_method_zipfile_lacks_is_reported():
    """Windows' Explorer packs members over 2 GB with Deflate64 (method 9), which
    zipfile cannot unpack: that member is reported, the others read."""
    data = bytearray(_zip([("blog/a.md", POST), ("blog/b.md", POST.replace("留下", "留"))]))
    data[data.find(b"PK\x03\x04") + 8] = 9           # the first member's local header
    data[data.find(b"PK\x01\x02") + 10] = 9          # and its central directory entry
    r = read_uploads([("blog.zip", bytes(data))])
    assert [p.title for p in r.posts] == ["留来的好文章"]
    assert _reasons(r) == {"blog.zip/blog/a.md": "not read: That compression method is not "
                                                 "supported"}
