"""The Spark engine gives what the local engine gives (issue 17), in local[2].

Needs pyspark (``pip install 'graphkit[spark]'``) and Java 17 (Debian:
``default-jre-headless``, installed by ``.ci/run``); without them these tests skip with
the reason, except the one that checks the error a user then gets.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import DATA, FIXTURES, ROOT, corpus_or_skip
from graphkit.errors import EngineError
from graphkit.options import BuildOptions
from graphkit.pipeline import Stages, analyse, build
from graphkit.readers import read
from graphkit.spark import spark_available

pytestmark = pytest.mark.spark
WHY = spark_available()
needs_spark = pytest.mark.skipif(WHY is not None, reason=f"Spark engine unavailable: {WHY}")


@pytest.fixture(scope="module")
def spark():
    from graphkit.spark import spark_session

    session = spark_session("local[2]")
    yield session
    session.stop()


def edges(result, kind):
    return sorted((u, v, d["weight"], d["evidence"], d.get("keywords"), d.get("via"))
                  for u, v, d in result.graph.edges(data=True) if d["kind"] == kind)


def same_build(a, b):
    assert [p.key for p in a.read.posts] == [p.key for p in b.read.posts]
    assert a.read.posts == b.read.posts
    for kind in ("cites", "series", "topic"):
        assert edges(a, kind) == edges(b, kind), kind
    extra_a = sorted(n for n, d in a.graph.nodes(data=True) if d.get("kind") != "post")
    extra_b = sorted(n for n, d in b.graph.nodes(data=True) if d.get("kind") != "post")
    assert extra_a == extra_b
    assert a.terms.terms == b.terms.terms
    assert (a.terms.matrix != b.terms.matrix).nnz == 0
    assert (a.terms.counts != b.terms.counts).nnz == 0


@needs_spark
@pytest.mark.corpus
def test_corpus_same_posts_and_edges_as_local(spark):
    """On the real corpus: the same 1,313 posts, the same citation, series and topic
    edges, the same keyword matrix — and so the same modules."""
    from graphkit.spark import build_spark

    corpus = corpus_or_skip()
    options = BuildOptions()
    local = build([corpus], options=options)
    distributed = build_spark([corpus], options=options, spark=spark)
    assert len(distributed.read.posts) > 1000
    assert len(edges(distributed, "cites")) > 2000 and len(edges(distributed, "series")) > 100
    same_build(distributed, local)
    assert distributed.community.codelength == local.community.codelength
    assert "spark_start" in distributed.timings


@needs_spark
@pytest.mark.corpus
def test_blocked_join_does_not_depend_on_the_blocks(spark):
    """Seven blocks of at most 200 rows (49 tasks of the join) give exactly the local
    top-k, as the default four blocks do in the test above: the join's recall against
    the exact top-k is 1.0."""
    from graphkit.keywords import similar_pairs
    from graphkit.spark import SparkStages

    r = read([corpus_or_skip()])
    stages = SparkStages(spark, rows_per_block=200)
    try:
        tm = stages.keyword_matrix(r.posts, max_chars=4000)
        assert stages.partitions(len(r.posts)) == 7
        exact = similar_pairs(tm, top_k=12, min_score=0.2)   # the corpus test: 5, 0.05
        assert len(exact) > 1000
        assert stages.similar_pairs(tm, top_k=12, min_score=0.2) == exact
        # a matrix the stages did not make (a dashboard's) is sent in blocks
        other = Stages().keyword_matrix(r.posts[:400], max_chars=1000)
        assert stages.similar_pairs(other, top_k=3, min_score=0.1) == similar_pairs(
            other, top_k=3, min_score=0.1)
    finally:
        stages.close()


@needs_spark
def test_reading_on_executors_reports_every_file_as_local(spark, tmp_path):
    """Every generator of the zoo, the hostile fixture and a blog zipped: the same posts,
    the same report entries and the same skipped fragments (nothing lost on the way)."""
    import zipfile

    from graphkit.spark import read_files

    with zipfile.ZipFile(tmp_path / "blog.zip", "w") as z:
        for f in sorted((FIXTURES / "zoo" / "jekyll").rglob("*")):
            z.write(f, f"blog-main/{f.relative_to(FIXTURES / 'zoo' / 'jekyll')}")
    for folder in (FIXTURES / "zoo", FIXTURES / "hostile", FIXTURES / "formats", tmp_path):
        local = read([folder])
        distributed = read_files([folder], spark=spark)
        assert distributed.posts == local.posts, folder.name
        assert distributed.files == local.files, folder.name
        assert distributed.fragments == local.fragments, folder.name


@needs_spark
def test_cli_engine_spark_writes_the_same_map(spark, tmp_path):
    from graphkit.cli import main

    assert main(["build", str(DATA), "--out", str(tmp_path / "s"), "--engine", "spark",
                 "--quiet"]) == 0
    assert main(["build", str(DATA), "--out", str(tmp_path / "l"), "--quiet"]) == 0
    report = json.loads((tmp_path / "s" / "report.json").read_text())
    assert report["parameters"]["engine"] == "spark" and "pyspark" in report["versions"]
    gs = json.loads((tmp_path / "s" / "graph.json").read_text())
    gl = json.loads((tmp_path / "l" / "graph.json").read_text())
    key = lambda e: (e["source"], e["target"], e["kind"])  # noqa: E731
    assert sorted(map(key, gs["links"])) == sorted(map(key, gl["links"]))
    assert {n["id"]: n["module"] for n in gs["nodes"]} == {n["id"]: n["module"]
                                                           for n in gl["nodes"]}
    assert spark.sparkContext._jsc is not None   # the caller's session was not stopped


def test_the_zip_shipped_to_a_context_is_removed_with_it(tmp_path, monkeypatch):
    import gc
    import tempfile

    from graphkit.spark import _ship_package

    class Context:                      # what _ship_package asks of a SparkContext
        def addPyFile(self, path):
            self.shipped = Path(path)

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    sc = Context()
    _ship_package(sc)
    _ship_package(sc)                   # once per context
    assert sc.shipped.is_file() and list(tmp_path.iterdir()) == [sc.shipped.parent]
    del sc
    gc.collect()
    assert list(tmp_path.iterdir()) == []


@needs_spark
def test_a_spark_build_of_its_own_leaves_no_folder_behind(tmp_path):
    # the command line starts a session of its own and ends without the interpreter's
    # exit: the zip shipped to the executors was left in the temporary folder each run
    temp = tmp_path / "temp"
    temp.mkdir()
    proc = subprocess.run([sys.executable, "-m", "graphkit", "build", str(DATA), "--out",
                           str(tmp_path / "out"), "--engine", "spark", "--spark-master",
                           "local[2]", "--quiet"], cwd=ROOT, capture_output=True, text=True,
                          timeout=600, env={**os.environ, "TMPDIR": str(temp)})
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "out" / "graph.json").is_file()
    assert [p.name for p in temp.iterdir() if p.name.startswith("graphkit-spark-")] == []


def test_without_java_or_pyspark_the_error_says_what_to_install(monkeypatch):
    import shutil

    monkeypatch.delenv("JAVA_HOME", raising=False)
    monkeypatch.setattr(shutil, "which", lambda name, *a, **k: None)
    with pytest.raises(EngineError, match=r"graphkit\[spark\]|default-jre-headless"):
        build([DATA], options=BuildOptions(engine="spark"))


def test_local_stages_are_the_default():
    r = read([DATA])
    a = analyse(r)
    b = analyse(r, stages=Stages())
    assert edges(a, "topic") == edges(b, "topic")
