"""Reading the real kexue.fm corpus (../shared/corpus; skipped where absent)."""

from __future__ import annotations

import re

import pytest
from conftest import corpus_or_skip

from graphkit.readers import read_paths
from graphkit.readers.kexue import REPRINT_MARK
from graphkit.readers.markdown import inline_to_text

pytestmark = pytest.mark.corpus


@pytest.fixture(scope="module")
def corpus():
    return corpus_or_skip()


@pytest.fixture(scope="module")
def merged(corpus):
    return read_paths([corpus])


@pytest.fixture(scope="module")
def archive(corpus):
    return {p.archive_id: p for p in read_paths([corpus / "kexue-archive.txt"]).posts}


def test_every_page_becomes_one_post(corpus):
    pages = read_paths([corpus / "kexue-pages"])
    files = sorted((corpus / "kexue-pages").glob("*.txt"))
    assert len(files) == 637
    assert len(pages.posts) == 637 and pages.sightings == 637
    ids = {p.archive_id for p in pages.posts}
    assert ids == {int(f.stem) for f in files}
    assert all(p.title and p.date and p.date[:4].isdigit() for p in pages.posts)
    assert {f.format for f in pages.files} == {"kexue-page", "kexue-body"}


def test_archive_is_an_index_of_1295_posts(archive):
    assert len(archive) == 1295
    assert all(p.text == "" and re.fullmatch(r"\d{4}-\d{2}-\d{2}", p.date)
               for p in archive.values())
    assert archive[11404].title == "AdamW的Weight RMS的渐近估计（下）"
    assert archive[11388].title == "流形上的最速下降：5. 对偶梯度下降"  # "5\." unescaped


def test_pages_in_the_archive_take_its_title_and_date_and_no_post_is_made_twice(
        corpus, merged, archive):
    files = sorted((corpus / "kexue-pages").glob("*.txt"))
    by_id = {p.archive_id: p for p in merged.posts}
    in_archive = [int(f.stem) for f in files if int(f.stem) in archive]
    assert len(in_archive) == 619
    for i in in_archive:
        assert (by_id[i].title, by_id[i].date) == (archive[i].title, archive[i].date), i
        assert len(by_id[i].sources) == 2 and by_id[i].text
    assert len(merged.posts) == len(set(archive) | {int(f.stem) for f in files}) == 1313
    assert len({p.key for p in merged.posts}) == len(merged.posts)


@pytest.mark.parametrize("page", ["11404", "10001", "6508", "9257", "10770", "8512", "11126"])
def test_body_has_no_sidebar_newposts_or_comments(corpus, merged, page):
    path = corpus / "kexue-pages" / f"{page}.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    post = next(p for p in merged.posts if p.archive_id == int(page))
    header = next((i for i, line in enumerate(lines) if line.startswith("# [")), None)
    if header is None:
        pytest.skip(f"{page}.txt is a body-only capture")
    def section(start_pat, stop_pat, lo=0, hi=None):
        hi = len(lines) if hi is None else hi
        a = next((i for i in range(lo, hi) if re.match(start_pat, lines[i])), None)
        if a is None:
            return []
        b = next((i for i in range(a + 1, hi) if re.match(stop_pat, lines[i])), hi)
        return lines[a + 1:b]

    newposts = section(r"## NEWPOSTS", r"## ", hi=header)
    sidebar_comments = section(r"## COMMENTS", r"## ", hi=header)
    comments = section(r"\[发表你的看法\]", r"### 内容速览", lo=header)
    assert newposts and sidebar_comments
    for line in newposts + sidebar_comments + comments:
        text = inline_to_text(line.strip().lstrip("-*0123456789. "))[0].strip()
        if len(text) >= 16 and not text.startswith(("回复评论", "你的大名")):
            assert text not in post.text, f"{page}: {text[:40]}"
    assert len(post.related) == 10
    assert REPRINT_MARK not in post.text


def test_body_only_pages_get_id_title_and_date_from_their_citation_block(merged):
    post = next(p for p in merged.posts if p.archive_id == 10007)
    assert post.title == "用傅里叶级数拟合一维概率密度函数"
    assert post.date == "2024-03-07"
    assert post.text.startswith("在 《“闭门造车”之多模态思路浅谈（一）：无损输入》")
    assert {s.format for s in post.sources} == {"kexue-body", "kexue-archive"}


def test_links_categories_and_tags_of_a_full_page(merged):
    post = next(p for p in merged.posts if p.archive_id == 11404)
    assert post.categories == ("数学研究",)
    assert post.tags == ("微分方程", "估计", "梯度", "优化器", "平均场")
    assert post.readers == 13094
    cited = [link for link in post.links if link.url.endswith("/archives/11307")]
    assert cited and "《AdamW的Weight RMS的渐近估计（上）》" in cited[0].sentence
    assert post.related[:2] == (11530, 11494)


def test_every_page_line_is_read_or_reported(corpus, merged):
    """Each non-blank line of a page is in the body, or in a reported fragment, or is
    the header, the By block or the taxonomy/related lines that were read."""
    reported: dict[str, set[int]] = {}
    for f in merged.fragments:
        reported.setdefault(f.path, set()).update(range(f.line, f.end_line + 1))
    for name in ("11404", "10001", "10007", "3319"):
        path = f"corpus/kexue-pages/{name}.txt"
        lines = (corpus / "kexue-pages" / f"{name}.txt").read_text(encoding="utf-8").splitlines()
        post = next(p for p in merged.posts if p.archive_id == int(name))
        for n, line in enumerate(lines, 1):
            s = inline_to_text(line.strip())[0].strip()
            if not s or n in reported.get(path, ()):
                continue
            if s.startswith(("#", "By", "分类", "- ", "你也许还对", "```")) or "位读者" in s or \
                    re.fullmatch(r"[\d\-| ]+", s):
                continue
            # (without the marker of a quotation or a list item, which is not text)
            probe = re.sub(r"^(?:>\s?|[-*+]\s+|\d{1,9}[.)]\s+)+", "",
                           s.lstrip("#").strip())[:20].replace("\\", "")
            assert probe[:6] in post.text.replace("\\", ""), f"{path}:{n}: {s[:40]}"


def test_reading_in_worker_processes_changes_nothing(corpus, merged):
    assert read_paths([corpus], workers=0) == merged == read_paths([corpus], workers=2)
