"""Blogs made at random with their truth (benchmarks/strangers.py), read as a stranger's.

Each kind's first three seeds: every citation between posts found and none other, no
page of the site read as a post, every post dated by its day and given its tags and
categories as its generator reads them, every part of a series linked to the part
before it. The benchmark (``python benchmarks/run.py --only strangers``) measures
thirty of each.
"""

from __future__ import annotations

import sys

import pytest
from conftest import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))
import strangers  # noqa: E402  (the benchmarks' module, beside run.py)


@pytest.mark.parametrize("seed", range(3))
@pytest.mark.parametrize("kind", strangers.KINDS)
def test_a_strangers_blog_is_read_as_its_author_wrote_it(tmp_path, kind, seed):
    blog = strangers.write_blog(kind, seed, tmp_path / "blog")
    got = strangers.measure(blog)
    assert (got.found, got.false) == (got.wanted, 0)
    assert (got.posts, got.extra) == (len(blog.days), 0)
    assert got.dated_right == got.tagged_right == got.categorized_right == len(blog.days)
    assert (got.series_found, got.series_false) == (len(blog.series), 0)


@pytest.mark.parametrize("seed", range(3))
def test_a_strangers_site_is_crawled_as_its_author_wrote_it(tmp_path, seed):
    """The ``html`` kind served on 127.0.0.1 and crawled from its home page: the same
    posts, citations and days as its files give."""
    blog = strangers.write_blog("html", seed, tmp_path / "blog")
    got = strangers.measure_crawled(blog)
    assert (got.found, got.false) == (got.wanted, 0)
    assert (got.posts, got.extra) == (len(blog.days), 0)
    assert got.dated_right == got.tagged_right == got.categorized_right == len(blog.days)


def test_the_seed_writes_the_blog(tmp_path):
    one = strangers.write_blog("html", 7, tmp_path / "a")
    again = strangers.write_blog("html", 7, tmp_path / "b")
    other = strangers.write_blog("html", 8, tmp_path / "c")
    assert (one.cites, one.days) == (again.cites, again.days) != (other.cites, other.days)
    files = sorted(p.relative_to(one.folder) for p in one.folder.rglob("*"))
    assert files == sorted(p.relative_to(again.folder) for p in again.folder.rglob("*"))
    with pytest.raises(ValueError, match="no such kind"):
        strangers.write_blog("tumblr", 1, tmp_path / "d")
