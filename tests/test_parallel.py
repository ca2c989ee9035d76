"""Work done in forked processes gives what one process gives: the rows of a long JSON
Lines file read in pieces, the map's files written side by side, errors carried back
whole, and no worker forking workers of its own."""

from __future__ import annotations

import json
import os
import pickle

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import FIXTURES
from graphkit import _runtime
from graphkit.errors import InputError
from graphkit.readers import table
from graphkit.text import split_lines

ROWS = FIXTURES / "parallel" / "rows-mixed-endings.jsonl"
needs_fork = pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork on this platform")


def _rows_text() -> str:
    with open(ROWS, encoding="utf-8", newline="") as f:   # its \r and \r\n kept
        return f.read()


def _pieces_counted(monkeypatch) -> list:
    """Force forked pieces whatever the cores; return the list that records each
    fork_map's number of pieces, and the name of each function fork_beside runs."""
    calls: list[int] = []
    real = _runtime.fork_map

    def counting(fn, items, workers, *, shared=None):
        calls.append(len(items))
        return real(fn, items, workers, shared=shared)

    def beside(fn, item, *, shared=None):
        calls.append(fn.__name__)
        return real_beside(fn, item, shared=shared)

    real_beside = _runtime.fork_beside
    monkeypatch.setattr(_runtime, "fork_map", counting)
    monkeypatch.setattr(_runtime, "fork_beside", beside)
    monkeypatch.setattr(_runtime, "fork_workers", lambda items, min_items: 2)
    return calls


@needs_fork
def test_jsonl_rows_read_in_pieces_as_in_one_pass(monkeypatch):
    text = _rows_text()
    one = table.read_jsonl(text, "rows.jsonl")
    calls = _pieces_counted(monkeypatch)
    posts, frags = table.read_jsonl(text, "rows.jsonl")
    assert calls and calls[0] > 2            # read by forked processes, in pieces
    assert (posts, frags) == one
    # the line numbers count \r\n, a lone \r and \n as one pass does
    assert [(f.line, f.reason.split(" (")[0]) for f in frags] == [
        (1, "row: a category document with neither text nor date: not a post"),
        (5, "invalid JSON"), (7, "JSON line is not an object"), (13, "invalid JSON")]
    by = {p.title: p for p in posts}
    assert by["Elastic net"].key == "post:row:rows.jsonl:6"
    # ids and references resolve across pieces, both ways
    assert by["Priors as penalties"].categories == ("Machine learning",)
    assert by["Notes on ridge regression"].links[0].url.endswith("-p7")
    assert [x.url.rsplit("-", 1)[1] for x in by["Shrinkage, the last word"].links] == [
        "p8", "p7", "p6"]
    # U+2028 ends no line: the row's text is whole
    assert by["The lasso, sparsely"].text.endswith("Line\nseparator kept.")


_LINE = st.text(alphabet="ab{}\u2028 ", max_size=6)
_END = st.sampled_from(["\n", "\r\n", "\r"])


@given(st.lists(st.tuples(_LINE, _END), max_size=30), st.booleans(),
       st.integers(min_value=1, max_value=12))
@settings(max_examples=300, deadline=None)
def test_line_pieces_cover_the_text_at_line_ends(lines, open_end, count):
    text = "".join(a + b for a, b in lines) + ("tail" if open_end else "")
    pieces = table._line_pieces(text, count)
    assert "".join(text[a:b] for a, b, _ in pieces) == text
    assert all(a < b for a, b, _ in pieces) and len(pieces) <= count
    for a, b, first in pieces:
        # the piece starts a line, and its number is one past the lines before it
        assert first == len(split_lines(text[:a])) + 1
        assert a == 0 or text[a - 1] == "\n"
        assert split_lines(text[a:b]) == split_lines(text)[first - 1:][:len(
            split_lines(text[a:b]))]


def _may_fork(_item):
    return _runtime.may_fork()


@needs_fork
def test_a_forked_worker_forks_no_workers_of_its_own():
    assert _runtime.may_fork()
    assert _runtime.fork_map(_may_fork, [0, 1], 2) == [False, False]
    assert _runtime.fork_workers(10**9, 1) >= 1   # this process still may


def test_an_input_error_keeps_its_file_and_line_through_pickling():
    err = pickle.loads(pickle.dumps(InputError("cannot write: disk full", path="out/g.json",
                                               line=3)))
    assert isinstance(err, InputError)
    assert (err.path, err.line, str(err)) == ("out/g.json", 3, "out/g.json:3: cannot write: "
                                                               "disk full")


def _outputs(out) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(out.iterdir())}


def _without_render_time(report: bytes) -> dict:
    data = json.loads(report)
    data["timings_seconds"].pop("render")
    return data


@needs_fork
def test_files_written_side_by_side_are_those_written_one_by_one(data_build, tmp_path,
                                                                  monkeypatch):
    from graphkit import pipeline

    pipeline.write_outputs(data_build, tmp_path / "one")
    calls = _pieces_counted(monkeypatch)
    pipeline.write_outputs(data_build, tmp_path / "forked")
    assert calls == ["_write_files"]       # graph.json and graph.ftree beside graph.html
    one, forked = _outputs(tmp_path / "one"), _outputs(tmp_path / "forked")
    assert one.keys() == forked.keys() == {"graph.html", "graph.json", "graph.ftree",
                                           "report.json", ".graphkit.lock"}
    for name in ("graph.html", "graph.json", "graph.ftree"):
        assert forked[name] == one[name], name
    assert _without_render_time(forked["report.json"]) == _without_render_time(
        one["report.json"])
    assert json.loads(forked["report.json"])["timings_seconds"]["render"] > 0


@needs_fork
@pytest.mark.parametrize("name", ["graph.html", "graph.json", "graph.ftree"])
def test_a_file_that_fails_leaves_the_old_outputs_whole(data_build, tmp_path, monkeypatch,
                                                        name):
    """In this process (graph.html) or in the forked one (the others)."""
    from graphkit import pipeline

    out = tmp_path / "out"
    pipeline.write_outputs(data_build, out)
    before = _outputs(out)
    real_fsync = os.fsync

    def full_disk(fd):   # in whichever process writes the file
        if f".{name}." in os.readlink(f"/proc/self/fd/{fd}"):
            raise OSError(27, "File too large")
        real_fsync(fd)

    _pieces_counted(monkeypatch)
    monkeypatch.setattr(pipeline.os, "fsync", full_disk)
    with pytest.raises(InputError, match=name + ": cannot write: File too large") as err:
        pipeline.write_outputs(data_build, out)
    monkeypatch.undo()
    assert err.value.path == str(out / name)
    assert _outputs(out) == before   # the others' temporary files removed too


@needs_fork
def test_citations_read_in_shares_are_those_of_one_pass(data_read, monkeypatch):
    from graphkit.relate import citation_edges

    posts = data_read.posts
    edges, extra = citation_edges(posts)
    calls = _pieces_counted(monkeypatch)
    assert citation_edges(posts, workers=2) == (edges, extra)
    assert calls == [2]
    assert len(edges) >= 30 and len({e.source for e in edges}) > 5 and extra


@needs_fork
def test_a_work_cited_in_two_shares_is_named_as_first_cited(tmp_path, monkeypatch):
    from conftest import write_files
    from graphkit.readers import read_paths
    from graphkit.relate import citation_edges

    write_files(tmp_path, {
        f"{n}.md": f"---\ntitle: Post {n}\ndate: 2020-01-0{n}\n---\n\n{body}\n"
        for n, body in enumerate([
            "如《Deep   Residual Learning》所说，残差很重要。",
            "一篇没有引用的文章。",
            "再看《deep residual learning》一文。",
            "还是《DEEP RESIDUAL LEARNING》。"], 1)})
    posts = read_paths([tmp_path]).posts
    one = citation_edges(posts)
    calls = _pieces_counted(monkeypatch)
    edges, extra = citation_edges(posts, workers=2)
    assert calls == [2] and (edges, extra) == one
    assert [(x.kind, x.title) for x in extra] == [("paper", "Deep   Residual Learning")]
    assert sorted(e.source.rsplit(":", 1)[-1] for e in edges) == [
        "post1", "post3", "post4"]


@needs_fork
def test_labels_made_beside_the_layout_are_those_made_before_it(data_read, monkeypatch):
    from graphkit.pipeline import analyse

    one = analyse(data_read)
    calls = _pieces_counted(monkeypatch)
    forked = analyse(data_read)
    assert "_labels" in calls
    assert forked.modules == one.modules and len(one.modules) > 10
    assert dict(forked.pagerank) == dict(one.pagerank)
    assert dict(forked.positions) == dict(one.positions)
    assert forked.timings["labels"] > 0 and forked.timings["layout"] > 0


@needs_fork
@pytest.mark.parametrize("cut", [0.3, 0.5, 0.7])
def test_series_found_in_shares_are_those_of_one_pass(monkeypatch, cut):
    from conftest import FIXTURES
    from graphkit import relate
    from graphkit.readers import read_paths

    posts = read_paths([FIXTURES / "series"]).posts
    one = relate.series_edges(posts)
    at = int(len(posts) * cut)     # any cut: a series read in both shares is whole
    monkeypatch.setattr(relate, "_text_shares", lambda p, w: [(0, at), (at, len(p))])
    calls = _pieces_counted(monkeypatch)
    assert relate.series_edges(posts, workers=2) == one
    assert calls == [2]
    later = {p.key for p in posts[at:]}
    assert len(one) > 20 and any((e.source in later) != (e.target in later) for e in one)


@given(st.lists(st.integers(min_value=0, max_value=50), max_size=40),
       st.integers(min_value=1, max_value=6))
def test_balanced_shares_cut_every_item_once_in_order(costs, parts):
    shares = _runtime.balanced_shares(costs, parts)
    assert [i for a, b in shares for i in range(a, b)] == list(range(len(costs)))
    assert len(shares) <= parts and all(a < b for a, b in shares)
    if costs and sum(costs) and parts > 1:
        # no share holds more than its part of the cost and one item more
        assert max(sum(costs[a:b]) for a, b in shares) <= sum(costs) / parts + max(costs)
