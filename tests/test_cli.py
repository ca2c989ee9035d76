"""The command line on data/: outputs, the offline map, errors without tracebacks."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import networkx as nx
import pytest
from conftest import DATA, ROOT


def run_cli(*args, cwd=ROOT):
    return subprocess.run([sys.executable, "-m", "graphkit", *map(str, args)], cwd=cwd,
                          capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def out(tmp_path_factory):
    d = tmp_path_factory.mktemp("out")
    proc = run_cli("build", "--out", d)  # default PATH: data/
    assert proc.returncode == 0, proc.stderr
    assert "39 posts" in proc.stdout
    return d


def test_outputs_exist(out):
    # the four outputs, and the lock file that keeps two builds from mixing them
    assert {p.name for p in out.iterdir()} == {"graph.html", "graph.json", "graph.ftree",
                                               "report.json", ".graphkit.lock"}
    tree = (out / "graph.ftree").read_text(encoding="utf-8")
    assert sum(1 for line in tree.splitlines() if line[:1].isdigit() and '"' in line) == 39


def test_graph_json_is_node_link_with_the_contract_attributes(out):
    data = json.loads((out / "graph.json").read_text(encoding="utf-8"))
    g = nx.node_link_graph(data, edges="links")
    posts = [n for n, d in g.nodes(data=True) if d["kind"] == "post"]
    assert len(posts) == 39
    for n in posts:
        d = g.nodes[n]
        for attr in ("kind", "title", "date", "url", "module", "flow", "pagerank"):
            assert attr in d
        assert d["module"] and re.fullmatch(r"\d+(:\d+)*", d["module"])
    kinds = {d["kind"] for *_, d in g.edges(data=True)}
    assert kinds == {"cites", "series", "topic"}
    for *_, d in g.edges(data=True):
        assert {"kind", "weight", "evidence"} <= set(d)
    assert g.graph["codelength"] < g.graph["one_level_codelength"]
    assert g.graph["modules"] and all(m["label"] for m in g.graph["modules"])


def test_report_lists_files_fragments_parameters_and_timings(out):
    rep = json.loads((out / "report.json").read_text(encoding="utf-8"))
    files = {f["path"]: f for f in rep["reading"]["files"]}
    assert len(files) == 6 and rep["reading"]["posts"] == 39
    # the folder's README (the credits) is listed as read and set aside, not a post
    assert files["data/README.md"]["format"] == "readme" and files["data/README.md"]["posts"] == 0
    frags = rep["reading"]["skipped_fragments"]
    assert frags and all({"path", "line", "reason", "text"} <= set(f) for f in frags)
    assert rep["parameters"]["seed"] == 42 and rep["versions"]["infomap"]
    assert rep["communities"]["codelength"] > 0
    assert set(rep["timings_seconds"]) == {
        "read", "keywords", "citations_series", "topic_similarity", "graph_build", "infomap",
        "labels", "layout", "render"}
    assert all(v >= 0 for v in rep["timings_seconds"].values())


def test_batch_collection_pauses_the_collector_only_within_the_block_and_collects_after():
    import gc
    import weakref

    from graphkit._runtime import batch_collection

    assert gc.isenabled()
    with batch_collection():
        assert not gc.isenabled()
        with batch_collection():
            assert not gc.isenabled()
        assert not gc.isenabled()          # the inner block does not end the outer one
        holder = type("Holder", (), {})()
        holder.self = holder               # a reference cycle
        probe = weakref.ref(holder)
        del holder
        assert probe() is not None         # a cycle waits for the block's end
    assert gc.isenabled()
    assert probe() is None                 # and is collected when it ends
    with batch_collection(collect=False):  # a process about to end skips that collection
        holder = type("Holder", (), {})()
        holder.self = holder
        probe = weakref.ref(holder)
        del holder
    assert gc.isenabled() and probe() is not None
    gc.collect()
    assert probe() is None


_COUNT_COLLECTIONS = """
import gc, json, os, runpy, sys
import graphkit.cli as cli

real_main, real_exit, before = cli.main, os._exit, []

def main(*args, **kwargs):
    before.extend(s["collections"] for s in gc.get_stats())
    return real_main(*args, **kwargs)

def leave(code):
    after = [s["collections"] for s in gc.get_stats()]
    print("collections", json.dumps([a - b for a, b in zip(after, before)]), file=sys.stderr)
    sys.stderr.flush()
    real_exit(code)

cli.main, os._exit = main, leave
sys.argv = ["graphkit", "build", "--out", sys.argv[1]]
runpy.run_module("graphkit", run_name="__main__", alter_sys=True)
"""


def test_the_command_line_process_runs_no_cyclic_collection(tmp_path):
    # `python -m graphkit` ends as soon as its outputs are written; a collection after
    # the build would walk every object still alive first (1.9 s at 100,000 posts)
    proc = subprocess.run([sys.executable, "-c", _COUNT_COLLECTIONS, str(tmp_path)], cwd=ROOT,
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert "39 posts" in proc.stdout                         # the summary was printed
    counted = [line for line in proc.stderr.splitlines() if line.startswith("collections ")]
    assert counted == ["collections [0, 0, 0]"]


def test_html_loads_nothing_from_the_network(out):
    html = (out / "graph.html").read_text(encoding="utf-8")
    assert not re.search(r"""(src|href)\s*=\s*["']?\s*(https?:)?//""", html)
    assert not re.search(r"""url\(\s*["']?\s*(https?:)?//""", html)
    assert not re.search(r"""@import""", html)
    assert "Content-Security-Policy" in html
    assert "cdn.jsdelivr" not in html and "cdnjs" not in html
    # every post title is in the page data, and the legend has every top module
    assert "让人惊叹的Johnson-Lindenstrauss引理:应用篇" in html


def test_same_input_and_seed_give_identical_files_across_processes(out, tmp_path):
    proc = run_cli("build", DATA, "--out", tmp_path, "--quiet")
    assert proc.returncode == 0 and proc.stdout == ""
    for name in ("graph.json", "graph.html"):
        assert (tmp_path / name).read_bytes() == (out / name).read_bytes(), name


def test_seed_changes_the_layout(out, tmp_path):
    proc = run_cli("build", "--out", tmp_path, "--seed", "3", "--quiet")
    assert proc.returncode == 0
    assert (tmp_path / "graph.html").read_bytes() != (out / "graph.html").read_bytes()


@pytest.mark.parametrize("args,needle", [
    (["build", "/no/such/folder", "--out", "{tmp}"], "no such file or folder"),
    (["build", "--out", "{tmp}", "--seed", "-4"], "seed"),
    (["build", "--out", "{tmp}", "--layers", "cites,links"], "unknown layer"),
    (["build", "{readme}", "--out", "{tmp}"], "no post could be read"),
    (["build", "--out", "{tmp}", "--trials", "many"], "invalid int value"),
])
def test_user_errors_are_one_line_without_traceback(tmp_path, args, needle):
    unknown = ROOT / "tests" / "fixtures" / "bad" / "unknown-layout.txt"
    args = [a.format(tmp=tmp_path / "o", readme=unknown) for a in args]
    proc = run_cli(*args)
    assert proc.returncode in (1, 2)
    assert "Traceback" not in proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("graphkit: error:") and needle in lines[0]


def test_options_table_is_printed():
    proc = run_cli("options")
    assert proc.returncode == 0
    assert "`--min-topic-similarity`" in proc.stdout and "`--markov-time`" in proc.stdout


def test_the_readme_holds_the_options_table():
    """The README's table is ``options_markdown()`` itself (regenerate it when options change)."""
    from conftest import ROOT

    from graphkit.options import options_markdown

    assert options_markdown() in (ROOT / "README.md").read_text(encoding="utf-8")


def test_a_batch_run_cuts_the_texts_only_after_the_graph_is_built(out, data_build):
    """The command line keeps 400 characters of each text once the graph is built; the
    graph it writes is the one built from the whole texts."""
    from graphkit.model import Post, ReadResult

    rep = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert rep["reading"]["texts_cut"] == 400
    data = json.loads((out / "graph.json").read_text(encoding="utf-8"))
    ours = {(e["source"], e["target"], e["kind"]) for e in data["links"]}
    assert ours == {(u, v, k) for u, v, k in data_build.graph.edges(keys=True)}
    r = data_build.read
    cut = r.cut_texts(50)
    assert cut.texts_cut == 50 and r.texts_cut is None          # a new result
    assert all(len(p.text) <= 50 for p in cut.posts)
    assert [p.title_only for p in cut.posts] == [p.title_only for p in r.posts]
    padded = ReadResult(posts=(Post(key="post:a", title="A", label="A", text=" " * 80 + "x"),))
    assert not padded.cut_texts(10).posts[0].title_only        # not made title-only
    with pytest.raises(ValueError):
        r.cut_texts(0)
