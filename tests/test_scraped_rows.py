"""Rows as scrapers, structured data and databases write them: a page's fields kept in a
``metadata`` object (Firecrawl, Jina Reader), schema.org's Article (``headline``,
``articleBody``), and a WordPress database's ``wp_posts`` table dumped to CSV."""

from __future__ import annotations

import csv
import io
import json

from graphkit.options import BuildOptions
from graphkit.pipeline import relate
from graphkit.readers import read_paths
from graphkit.readers.table import lifted
from graphkit.sites import normalize_url


def _cites(r):
    edges, _, _ = relate(r.posts, options=BuildOptions(layers=("cites",)))
    title = {p.key: p.title for p in r.posts}
    return sorted((title[e.source], title.get(e.target, e.target)) for e in edges)


def _jsonl(path, rows):
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows),
                    encoding="utf-8")


def test_a_scrapers_rows_keep_their_fields_in_metadata(tmp_path):
    _jsonl(tmp_path / "crawl.jsonl", [
        {"markdown": "Queries, keys and values.",
         "metadata": {"title": "Attention basics", "sourceURL": "https://s.example/attention",
                      "publishedTime": "2021-01-05T10:00:00Z", "statusCode": 200},
         "author": {"name": "Ann", "url": "https://ann.example/"}},
        {"markdown": "Builds on [attention](https://s.example/attention).",
         "metadata": {"title": "RoPE explained", "sourceURL": "https://s.example/rope",
                      "publishedTime": "2021-03-05"}}])
    r = read_paths([tmp_path])
    assert {p.title: (p.url, p.date) for p in r.posts} == {
        "Attention basics": ("https://s.example/attention", "2021-01-05"),
        "RoPE explained": ("https://s.example/rope", "2021-03-05")}
    assert _cites(r) == [("RoPE explained", "Attention basics")]


def test_only_a_rows_containers_are_lifted():
    row = {"title": "Own", "meta": {"title": "Meta's", "date": "2020-01-01"},
           "author": {"url": "https://ann.example/"}, "category": {"name": "ml"}}
    got = lifted(row)
    assert (got["title"], got["date"]) == ("Own", "2020-01-01")
    assert "url" not in got and "name" not in got


def test_schema_org_articles_are_posts(tmp_path):
    _jsonl(tmp_path / "ld.jsonl", [
        {"@type": "BlogPosting", "headline": "Attention basics", "url": "https://l.example/a",
         "datePublished": "2021-01-05", "articleBody": "Queries and keys."},
        {"@type": "BlogPosting", "headline": "RoPE explained", "url": "https://l.example/r",
         "datePublished": "2021-03-05",
         "articleBody": "<p>Builds on <a href='/a'>attention</a>.</p>"}])
    r = read_paths([tmp_path])
    assert {p.title: (p.date, p.text) for p in r.posts} == {
        "Attention basics": ("2021-01-05", "Queries and keys."),
        "RoPE explained": ("2021-03-05", "Builds on attention.")}
    assert _cites(r) == [("RoPE explained", "Attention basics")]


def test_a_name_titles_a_row_only_with_a_text(tmp_path):
    _jsonl(tmp_path / "rows.jsonl", [
        {"name": "A note", "url": "https://n.example/a", "content": "Its text."},
        {"name": "Ann", "url": "https://ann.example/", "date": "2020-01-01"}])
    r = read_paths([tmp_path])
    assert sorted((p.title, p.url) for p in r.posts) == [
        ("", "https://ann.example/"), ("A note", "https://n.example/a")]


WP_POSTS = [
    ("10", "2021-01-05 10:00:00", "<p>Queries and keys.</p>", "Attention basics", "publish",
     "attention-basics", "https://wp.example/?p=10", "post"),
    ("11", "2021-03-05 10:00:00",
     'Builds on <a href="https://wp.example/2021/01/05/attention-basics/">attention</a>.',
     "RoPE explained", "publish", "rope-explained", "https://wp.example/?p=11", "post"),
    ("12", "2021-03-06 10:00:00", "Builds on attention, a revision.", "RoPE explained",
     "inherit", "11-revision-v1", "https://wp.example/?p=12", "revision"),
    ("13", "2021-01-01 10:00:00", "About me.", "About", "publish", "about",
     "https://wp.example/?page_id=13", "page"),
    ("14", "2021-04-05 10:00:00", 'See <a href="/?p=11">RoPE</a>.', "Linear attention",
     "publish", "linear-attention", "https://wp.example/?p=14", "post"),
    ("15", "2021-05-05 10:00:00", 'Draft on <a href="/?p=11">RoPE</a>.', "Unfinished",
     "draft", "", "https://wp.example/?p=15", "post")]


def _wp_posts(path, rows):
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(["ID", "post_date", "post_content", "post_title", "post_status", "post_name",
                "guid", "post_type"])
    w.writerows(rows)
    path.write_text(buf.getvalue(), encoding="utf-8")


def test_a_wordpress_database_table_of_posts(tmp_path):
    _wp_posts(tmp_path / "wp_posts.csv", WP_POSTS)
    r = read_paths([tmp_path])
    assert {p.title: (p.date, p.url) for p in r.posts} == {
        "Attention basics": ("2021-01-05", "https://wp.example/?p=10"),
        "RoPE explained": ("2021-03-05", "https://wp.example/?p=11"),
        "Linear attention": ("2021-04-05", "https://wp.example/?p=14")}
    assert _cites(r) == [("Linear attention", "RoPE explained"),
                         ("RoPE explained", "Attention basics")]
    why = sorted(f.reason for f in r.fragments if f.reason.startswith("row:"))
    assert why == ["row: a WordPress page (post_type), not a post",
                   "row: a WordPress revision (post_type), not a post",
                   "row: not published (post_status: draft)"]


def test_two_posts_at_their_id_addresses_stay_two(tmp_path):
    _wp_posts(tmp_path / "wp_posts.csv", WP_POSTS[:2])
    r = read_paths([tmp_path])
    assert sorted(p.title for p in r.posts) == ["Attention basics", "RoPE explained"]
    assert normalize_url("https://www.wp.example/index.php?p=11&utm_source=x") == (
        "wp.example/?p=11")
    assert normalize_url("https://wp.example/?s=rope") == "wp.example"


def test_one_scraped_page_saved_as_its_json_response(tmp_path):
    # Firecrawl's scrape response, Jina Reader's JSON, each saved as a .json file of its
    # own; a site's settings with a title and a text but no address of a page are neither
    page = ("- [Home](https://s.example/)\n- [About](https://s.example/about/)\n\n# {t}\n\n"
            "2021-03-05\n\n{body}\n\n## Comments\n\nSee [this](https://s.example/other).\n")
    (tmp_path / "rope.json").write_text(json.dumps({"success": True, "data": {
        "markdown": page.format(t="RoPE explained",
                                body="Builds on [attention](https://s.example/attention)."),
        "metadata": {"title": "RoPE explained | S", "sourceURL": "https://s.example/rope",
                     "statusCode": 200}}}), encoding="utf-8")
    (tmp_path / "attention.json").write_text(json.dumps({"code": 200, "data": {
        "title": "Attention basics", "url": "https://s.example/attention",
        "content": "Queries, keys and values.", "publishedTime": "2021-01-05"}}),
        encoding="utf-8")
    (tmp_path / "site.json").write_text(json.dumps({"title": "S", "content": "A blog."}),
                                        encoding="utf-8")
    r = read_paths([tmp_path])
    assert {p.title: (p.url, p.date) for p in r.posts} == {
        "Attention basics": ("https://s.example/attention", "2021-01-05"),
        "RoPE explained": ("https://s.example/rope", "2021-03-05")}
    assert _cites(r) == [("RoPE explained", "Attention basics")]


def test_a_scrapers_front_matter_names_the_posts_address(tmp_path):
    # Firecrawl's main content under its metadata: sourceURL is the post's address, and a
    # WeChat article's long address names it whatever its other parameters
    one = ("---\ntitle: 旋转位置编码\nsourceURL: https://mp.weixin.qq.com/s?__biz=MzA5&mid=26"
           "&idx=1&sn=ab#rd\n---\n\n旋转位置编码把位置信息写进了向量的相位里。\n")
    two = ("---\ntitle: 线性注意力\nsourceURL: https://s.example/linear\n---\n\n见[旋转位置编码]"
           "(http://mp.weixin.qq.com/s?__biz=MzA5&mid=26&idx=1&sn=ab&chksm=cd&scene=21"
           "#wechat_redirect)。\n")
    (tmp_path / "rope.md").write_text(one, encoding="utf-8")
    (tmp_path / "linear.md").write_text(two, encoding="utf-8")
    r = read_paths([tmp_path])
    assert {p.title: p.url for p in r.posts} == {
        "旋转位置编码": "https://mp.weixin.qq.com/s?__biz=MzA5&mid=26&idx=1&sn=ab#rd",
        "线性注意力": "https://s.example/linear"}
    assert _cites(r) == [("线性注意力", "旋转位置编码")]
