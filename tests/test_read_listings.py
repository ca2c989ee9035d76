"""Facts of the five seed listings in data/ (issue: end to end on the seed pages)."""

from __future__ import annotations

import re

from conftest import DATA, by_title

from graphkit.readers import read_paths
from graphkit.readers.listing import DATE_A_RE, MORE_RE, looks_like_title

WHITENING = "关于WhiteningBERT原创性的疑问和沟通"


def test_forty_entries_make_thirty_nine_posts(data_read):
    assert data_read.sightings == 40
    assert len(data_read.posts) == 39
    listings = [f for f in data_read.files if f.format != "readme"]   # (data/README.md)
    assert sorted(f.format for f in listings) == ["listing-a"] * 3 + ["listing-b"] * 2
    assert all(f.posts == 8 for f in listings)


def test_post_seen_twice_is_one_post_with_the_full_date(data_read):
    post = by_title(data_read.posts, WHITENING)
    assert post.date == "2021-10-09"
    assert post.readers == 67166
    assert sorted(s.format for s in post.sources) == ["listing-a", "listing-b"]


def test_untitled_entries_are_flagged_posts_labelled_by_their_first_sentence(data_read):
    untitled = {(p.sources[0].path, p.date[-5:]): p for p in data_read.posts if p.untitled}
    assert set(untitled) == {("data/listing-a-2021-09-to-10.txt", "09-10"),
                             ("data/listing-a-2021-10-to-12.txt", "12-04"),
                             ("data/listing-a-mixed-years.txt", "10-19")}
    nsp = untitled[("data/listing-a-2021-09-to-10.txt", "09-10")]
    assert nsp.title == ""
    assert nsp.label.startswith("在五花八门的预训练任务设计中")
    assert nsp.text.startswith("在五花八门的预训练任务设计中")
    infomap_post = untitled[("data/listing-a-mixed-years.txt", "10-19")]
    assert "InfoMap" in infomap_post.text


def test_section_headings_inside_excerpts_are_never_titles(data_read):
    titles = {p.title for p in data_read.posts}
    for heading in ("Dropout", "时间节点", "词向量", "降维的工具", "已有工具", "三角不等式"):
        assert heading not in titles
    assert "\n时间节点\n" in by_title(data_read.posts, WHITENING).text
    assert by_title(data_read.posts, "Dropout视角下的MLM和MAE:一些新的启发").date == "--11-29"


def test_layout_b_empty_excerpt_and_title_glued_to_by_line(data_read):
    tank = by_title(data_read.posts, "【龟鱼记】全陶粒的同程底滤生态缸")
    assert tank.date == "2020-12-07" and tank.text == ""
    mcmc = by_title(data_read.posts, "【搜出来的文本】⋅(二)从MCMC到模拟退火")
    assert mcmc.date == "2021-01-14" and mcmc.readers == 52401
    assert mcmc.text.startswith("在上一篇文章中")


def test_category_and_tags_of_the_entry_that_has_them(data_read):
    post = by_title(data_read.posts, "有限内存下全局打乱几百G文件(Python)")
    assert post.categories == ("信息时代",)
    assert post.tags == ("编程", "python")
    assert "分类" not in post.text


def test_boilerplate_is_no_post_and_is_reported_with_file_and_line(data_read):
    for p in data_read.posts:
        for word in ("宇宙驿站", "会员注册", "最近评论", "版权科学空间", "点击阅读全文"):
            assert word not in p.text and word not in p.title
    reported = {(f.path, f.line): f for f in data_read.fragments}
    assert ("data/listing-a-2021-09-to-10.txt", 1) in reported
    assert reported[("data/listing-a-2021-09-to-10.txt", 1)].text.startswith("宇宙驿站")
    assert ("data/listing-b-2020-12-to-2021-06.txt", 45) in reported
    assert all(f.reason == "site boilerplate" for f in data_read.fragments
               if f.path != "data/README.md")


def test_every_line_of_every_seed_file_is_accounted_for(data_read):
    """Each non-blank line is a structural line, part of a post, or a reported fragment."""
    posts_text = "\n".join(p.title + "\n" + p.text for p in data_read.posts)
    by_line = re.compile(r"^By 苏剑林 \| \d{4}-\d{2}-\d{2} \| \d+位读者 \| 引用")
    for path in sorted(DATA.glob("*.txt")):
        name = f"data/{path.name}"
        skipped = {n for f in data_read.fragments if f.path == name
                   for n in range(f.line, f.end_line + 1)}
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            s = line.strip()
            if not s or n in skipped or DATE_A_RE.match(s) or MORE_RE.match(s):
                continue
            if s.startswith("分类"):
                continue  # the metadata line, read into categories and tags (tested above)
            rest = by_line.sub("", s)
            assert rest in posts_text, f"{name}:{n} is neither read nor reported: {s[:40]}"


def test_title_heuristic():
    assert looks_like_title("关于维度公式“n > 8.33 log N”的可用性分析")
    assert looks_like_title("当Batch Size增大时,学习率该如何随之变化?")
    assert not looks_like_title("这篇文章谈一下笔者被昨天出来的一篇“神论文”气到了的经历。")
    assert not looks_like_title("给定$N$个向量")


def test_reading_a_single_file_names_it_without_its_folder():
    r = read_paths([DATA / "listing-b-2020-11-to-2021-10.txt"])
    assert len(r.posts) == 8
    assert {s.path for p in r.posts for s in p.sources} == {"listing-b-2020-11-to-2021-10.txt"}


def test_years_come_from_dated_neighbours_or_stay_partial(data_read):
    """Listing A has no years: 关于WhiteningBERT… is dated 2021-10-09 by a layout-B page,
    so its neighbours in the same descending listing get 2021, marked as inferred."""
    first = [p for p in data_read.posts
             if any(s.path == "data/listing-a-2021-09-to-10.txt" for s in p.sources)]
    assert len(first) == 8
    for p in first:
        assert p.date.startswith("2021-")
        assert p.date_inferred == (p.title != WHITENING)
    assert by_title(data_read.posts, "用狄拉克函数来构造非光滑函数的光滑近似").date == "2021-10-10"
    # no dated neighbour: the year stays unknown, and the date says so
    for title in ("变分自编码器(八):估计样本概率密度", "seq2seq之双向解码"):
        post = by_title(data_read.posts, title)
        assert post.date.startswith("--") and not post.date_inferred
