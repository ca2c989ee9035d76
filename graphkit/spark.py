"""The Spark engine: the stages that grow with the number of posts, as Spark jobs.

``graphkit build … --engine spark [--spark-master URL]`` (or ``BuildOptions(engine="spark")``)
runs, as Spark jobs over partitions of the posts:

reading
    one task per batch of files: each file is read and parsed exactly as the local
    engine reads it (:func:`graphkit.readers.read_file`); the listing of the folders
    (with its limits) and the merge of the sightings run on the driver.
keywords and the term matrix
    segmentation and keyword counts per partition; document frequencies summed by
    ``reduceByKey``; TF-IDF rows per partition with the corpus-wide IDF broadcast
    (:func:`graphkit.keywords.tfidf_rows`, row by row, so the floats are the local
    engine's).
shared-topic neighbours
    an **exact blocked sparse join**: each partition is a block of rows of the
    similarity matrix; the Cartesian product of the blocks gives one task per pair of
    blocks, which multiplies them (SciPy) and keeps each row's top *k* among that
    block's columns; ``reduceByKey`` keeps each row's top *k* over all blocks. The
    order is total (score, then index) and every product entry sums the same terms in
    the same order, so the result is the local engine's top *k* exactly (recall 1.0
    against the exact top *k*, by construction and by test). An approximate join
    (MinHash or random-projection LSH) was not chosen: the local engine's similarity
    already drops terms found in more than 500 posts and keeps 100 terms per post
    (:func:`graphkit.keywords.similarity_matrix`), which bounds each row's work, so the
    exact join grows linearly with the posts and an approximation would save little
    while losing edges.
citations
    the title index (titles, title variants, addresses, archive ids: short strings)
    is built on the driver and broadcast to every task, a broadcast hash join of the
    cited titles and links against it; each partition resolves its posts' links and
    《title》 citations (:func:`graphkit.relate.citation_edges`) and unresolved works
    are merged on the driver in post order.
series
    members grouped by series stem (``groupByKey``), each group linked in order.

The pruned edge list and the term matrix come back to the driver, where the graph,
InfoMap, labels, layout and export run as in the local engine. On the kexue.fm corpus
both engines give the same posts and the same citation, series and topic edges
(``tests/test_spark.py``).

References
----------
.. [1] M. Zaharia et al., "Apache Spark: a unified engine for big data processing",
   Communications of the ACM 59(11), 2016. https://spark.apache.org/docs/latest/
.. [2] T. Elsayed, J. Lin, D. Oard, "Pairwise document similarity in large collections
   with MapReduce", ACL 2008 (the all-pairs similarity as a distributed join; here the
   join is done by blocks of rows with sparse products instead of term postings, which
   moves far fewer records through the shuffle from Python).
"""

from __future__ import annotations

import io
import math
import os
import shutil
import sys
import time
import weakref
import zipfile
from collections import Counter
from dataclasses import replace
from collections.abc import Callable, Iterable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import EngineError
from .options import BuildOptions
from .pipeline import BuildResult, Stages, analyse, read_any

if TYPE_CHECKING:
    from .keywords import TermMatrix
    from .model import Post, ReadResult
    from .relate import Edge, ExtraNode, TitleIndex

__all__ = ["SparkStages", "build_spark", "read_files", "spark_available", "spark_session"]

ROWS_PER_BLOCK = 25_000   # rows of one similarity block: the join runs blocks² tasks
LOCAL_DRIVER_MEMORY = "4g"


def spark_available() -> str | None:
    """None when the Spark engine can run here, else the reason it cannot."""
    try:
        import pyspark  # noqa: F401
    except ImportError:
        return "pyspark is not installed (pip install 'graphkit[spark]')"
    if not (os.environ.get("JAVA_HOME") or shutil.which("java")):
        return ("Spark needs Java 17 or later, and there is no java on the PATH nor a "
                "JAVA_HOME (Debian: apt-get install default-jre-headless)")
    return None


def spark_session(master: str = "local[*]", *, app_name: str = "graphkit",
                  conf: dict[str, str] | None = None):
    """Start (or join) a Spark session that can run graphkit's jobs.

    Parameters
    ----------
    master : str
        Spark master URL: ``local[N]`` (N worker threads on this machine, ``local[*]``
        one per core), ``spark://host:7077``, ``yarn``, ``k8s://…``.
    app_name : str, keyword-only
    conf : dict of str to str, optional, keyword-only
        More Spark settings (``spark.executor.memory`` …); they win over graphkit's.

    Returns
    -------
    pyspark.sql.SparkSession
        With the graphkit package shipped to the executors (``addPyFile``); its
        dependencies (rjieba, NumPy, SciPy, scikit-learn, rapidfuzz) must be installed
        where the executors run.

    Raises
    ------
    EngineError
        When pyspark or Java is missing, or Spark does not start.

    Notes
    -----
    On a ``local`` master the driver listens on 127.0.0.1 only, the web UI is off,
    the executors run this Python (``sys.executable``) and the driver's JVM may take
    4 GB (``spark.driver.memory``; the executors of a local master live in it).
    """
    why = spark_available()
    if why is not None:
        raise EngineError(f"--engine spark: {why}")
    import warnings

    # pyspark warns about pandas 3 on import; graphkit's jobs use no pandas
    warnings.filterwarnings("ignore", message="PySpark does not yet fully support pandas",
                            category=FutureWarning)
    from pyspark.sql import SparkSession

    settings = {"spark.ui.enabled": "false", "spark.ui.showConsoleProgress": "false",
                "spark.python.worker.reuse": "true"}
    if master.startswith("local"):
        settings.update({"spark.driver.host": "127.0.0.1",
                         "spark.driver.bindAddress": "127.0.0.1",
                         "spark.pyspark.python": sys.executable,
                         "spark.pyspark.driver.python": sys.executable,
                         "spark.driver.memory": LOCAL_DRIVER_MEMORY})
    settings.update(conf or {})
    builder = SparkSession.builder.master(master).appName(app_name)
    for key, value in settings.items():
        builder = builder.config(key, value)
    try:
        spark = builder.getOrCreate()
    except Exception as exc:   # Py4J and JVM start-up errors have no common base class
        raise EngineError(f"Spark did not start on {master}: {str(exc).splitlines()[0]}") \
            from exc
    spark.sparkContext.setLogLevel("ERROR")
    _ship_package(spark.sparkContext)
    return spark


# each context's shipped zip: the removal of its folder, run once, when the context is
# garbage-collected, at the interpreter's exit, or (build_spark) when it stops
_SHIPPED: "weakref.WeakKeyDictionary[Any, weakref.finalize]" = weakref.WeakKeyDictionary()


def _ship_package(sc) -> None:
    """Send the graphkit package to the executors as a zip (once per context).

    The zip is written into a folder of its own in the temporary folder, which the
    executors fetch it from while the context runs; the folder is removed when the
    context is garbage-collected or the interpreter exits (``weakref.finalize``), or
    by :func:`_forget_package` once the context has stopped.
    """
    import tempfile

    if sc in _SHIPPED:
        return
    folder = tempfile.mkdtemp(prefix="graphkit-spark-")
    target = os.path.join(folder, "graphkit.zip")
    _SHIPPED[sc] = weakref.finalize(sc, shutil.rmtree, folder, ignore_errors=True)
    Path(target).write_bytes(package_zip_bytes())
    sc.addPyFile(target)


def _forget_package(sc) -> None:
    """Remove the zip shipped to a stopped context's executors, and its folder."""
    remove = _SHIPPED.pop(sc, None)
    if remove is not None:
        remove()


# ---- reading -------------------------------------------------------------------------

def read_files(paths: Iterable[str | os.PathLike[str]] | None = None, *, spark,
               options: BuildOptions = BuildOptions(),
               progress: Callable[[int, int, str], None] | None = None,
               exclude: Iterable[str | os.PathLike[str]] = (),
               while_reading: Callable[[], object] | None = None) -> "ReadResult":
    """Read files and folders as a Spark job (what :func:`graphkit.readers.read` does).

    The folders are listed on the driver (:func:`graphkit.readers.iter_files`, with the
    same limits); the files are read and parsed by the executors, in batches, each
    file as :func:`graphkit.readers.read_file` reads it; the sightings come back in the
    order of the listing and are merged on the driver
    (:func:`graphkit.readers.collect_read`). The files must be at the same path on
    every executor (a local master, or a shared file system).

    Parameters
    ----------
    paths : iterable of str or path-like, optional
        Default: the embedded ``data/`` folder.
    spark : pyspark.sql.SparkSession, keyword-only
    options : BuildOptions, keyword-only
        The reading limits. ``max_read_seconds`` is the budget of the listing plus,
        for each task, what was left of it when the job started (the executors'
        clocks are their own).
    progress : callable, optional, keyword-only
        Called as ``progress(done, total, name)`` once the files are read.
    exclude : iterable of path-like, keyword-only
    while_reading : callable, optional, keyword-only
        Called on the driver while the executors read.

    Returns
    -------
    ReadResult
        As :func:`graphkit.readers.read` returns it for the same files.

    Raises
    ------
    graphkit.errors.InputError
        As :func:`graphkit.readers.read` raises it.
    """
    from .readers import DEFAULT_DATA, collect_read, iter_files

    paths = list(paths) if paths else [DEFAULT_DATA]
    deadline = time.monotonic() + options.max_read_seconds
    files, reports = iter_files(paths, max_files=options.max_files,
                                max_depth=options.max_depth, exclude=exclude,
                                deadline=deadline)
    items = [(str(f), name) for f, name in files]
    sc = spark.sparkContext
    outcomes: list = []
    if items:
        slices = min(len(items), 4 * sc.defaultParallelism)
        job = sc.parallelize(items, slices).mapPartitions(partial(
            _read_partition, options=options,
            seconds_left=max(0.0, deadline - time.monotonic())))
        if while_reading is not None:
            while_reading()
        outcomes = job.collect()
    return collect_read(enumerate(outcomes, 1), reports, len(items), progress, paths)


def _read_partition(items, *, options: BuildOptions, seconds_left: float):
    from .readers import ReadLimits, read_entries

    limits = ReadLimits(options.max_file_bytes, options.max_posts_per_file,
                        time.monotonic() + seconds_left,
                        max_files=options.max_files, max_depth=options.max_depth,
                        max_archive_bytes=options.max_archive_bytes)
    for f, name in items:
        yield from read_entries(Path(f), name, limits)


# ---- the stages ----------------------------------------------------------------------

class SparkStages(Stages):
    """The stages of :class:`graphkit.pipeline.Stages` as Spark jobs (see the module
    docstring for what each job does and why).

    Parameters
    ----------
    spark : pyspark.sql.SparkSession
    rows_per_block : int, keyword-only
        Rows of one partition of the posts (a block of the similarity join; the join
        runs one task per pair of blocks). At least ``2 × defaultParallelism``
        partitions are made.

    Notes
    -----
    The posts are sent to the executors once and kept there (``persist``) for the
    keywords, the citations and the series; :meth:`close` releases them.
    """

    def __init__(self, spark, *, rows_per_block: int = ROWS_PER_BLOCK):
        self.spark = spark
        self.sc = spark.sparkContext
        self.rows_per_block = rows_per_block
        self._posts: tuple | None = None
        self._rdd = None
        self._sizes: list[int] = []
        self._blocks = None            # (b, lo, tf-idf rows) of the last keyword matrix
        self._blocks_of: object = None
        self._cached: list = []

    def close(self) -> None:
        """Release what the executors keep."""
        for rdd in self._cached:
            rdd.unpersist()
        self._cached.clear()
        self._rdd = self._blocks = self._posts = self._blocks_of = None

    def _keep(self, rdd):
        self._cached.append(rdd.persist())
        return rdd

    def partitions(self, n: int) -> int:
        """Partitions of ``n`` posts."""
        return max(1, min(n, max(2 * self.sc.defaultParallelism,
                                 math.ceil(n / self.rows_per_block))))

    def posts_rdd(self, posts: "tuple[Post, ...]"):
        """The posts as a persisted RDD of contiguous blocks, in order."""
        if self._posts is not posts:
            self._rdd = self._keep(self.sc.parallelize(list(posts),
                                                       self.partitions(len(posts))))
            self._sizes = self._rdd.mapPartitions(lambda it: [sum(1 for _ in it)]).collect()
            self._posts = posts
        return self._rdd

    def keyword_matrix(self, posts: "tuple[Post, ...]", *, max_chars: int,
                       phrases: tuple[str, ...] = ()) -> "TermMatrix":
        """Segmentation, counts and TF-IDF rows on the executors; the same matrix as
        :func:`graphkit.keywords.keyword_matrix`."""
        import numpy as np
        import scipy.sparse as sp

        from .keywords import TermMatrix, compact_term_matrix, smoothed_idf

        if not posts:
            empty = sp.csr_matrix((0, 0))
            return TermMatrix(keys=(), terms=(), matrix=empty, counts=empty)
        bags = self._keep(self.posts_rdd(posts).mapPartitions(
            partial(_bags, max_chars=max_chars, phrases=tuple(phrases))))
        df = dict(bags.mapPartitions(_partition_df).reduceByKey(lambda a, b: a + b).collect())
        terms = tuple(sorted(df))
        column = self.sc.broadcast({t: j for j, t in enumerate(terms)})
        idf = self.sc.broadcast(smoothed_idf(np.array([df[t] for t in terms], dtype=np.int64),
                                             len(posts)))
        offsets = np.concatenate([[0], np.cumsum(self._sizes)]).tolist()
        blocks = self._keep(bags.mapPartitionsWithIndex(
            partial(_tfidf_block, offsets=offsets, column=column, idf=idf, empty=not terms)))
        parts = sorted(blocks.collect(), key=lambda b: b[0])
        counts = sp.vstack([p[3] for p in parts], format="csr")
        matrix = sp.vstack([p[2] for p in parts], format="csr")
        tm = replace(compact_term_matrix(tuple(p.key for p in posts), terms, matrix, counts),
                     phrases=tuple(phrases))
        self._blocks, self._blocks_of = blocks, tm
        return tm

    def similar_pairs(self, tm: "TermMatrix", *, top_k: int, min_score: float
                      ) -> list[tuple[int, int, float]]:
        """The exact blocked join (see the module docstring); the same pairs as
        :func:`graphkit.keywords.similar_pairs`."""
        import numpy as np

        from .keywords import COMMON_TERM_DF, pairs_of

        n = tm.matrix.shape[0]
        if n < 2 or top_k <= 0:
            return []
        if self._blocks_of is tm:
            blocks = self._blocks.map(lambda b: (b[0], b[1], b[2]))
        else:   # a matrix made elsewhere (a dashboard's cache): send it in blocks
            size = math.ceil(n / self.partitions(n))
            blocks = self.sc.parallelize(
                [(b, lo, tm.matrix[lo:lo + size]) for b, lo in enumerate(range(0, n, size))],
                math.ceil(n / size))
        common = self.sc.broadcast(
            np.bincount(tm.matrix.indices, minlength=tm.matrix.shape[1]) > COMMON_TERM_DF)
        sim = self._keep(blocks.map(partial(_similarity_block, common=common)))
        merged = (sim.cartesian(sim)
                  .flatMap(partial(_candidates, top_k=top_k, min_score=min_score))
                  .reduceByKey(partial(_merge, top_k=top_k)))
        return pairs_of(merged.collect())

    def citation_edges(self, posts: "tuple[Post, ...]", index: "TitleIndex | None" = None
                       ) -> "tuple[list[Edge], list[ExtraNode]]":
        """Citations resolved by the executors against the broadcast title index; the
        same edges and extra nodes as :func:`graphkit.relate.citation_edges`."""
        from .relate import TitleIndex

        if index is None:
            index = TitleIndex(posts)
            index.learn_hosts(posts)
        shared = self.sc.broadcast(index)
        parts = self.posts_rdd(posts).mapPartitions(
            partial(_citations, index=shared)).collect()
        edges: list = []
        extra: dict = {}
        for part_edges, part_extra in parts:   # partitions in post order
            edges.extend(part_edges)
            for node in part_extra:
                extra.setdefault(node.key, node)
        shared.unpersist()
        return edges, sorted(extra.values(), key=lambda e: e.key)

    def series_edges(self, posts: "tuple[Post, ...]") -> "list[Edge]":
        """Members grouped by stem with ``groupByKey``; the same edges as
        :func:`graphkit.relate.series_edges`."""
        from .relate import join_series

        groups = (self.posts_rdd(posts).flatMap(_series_members).groupByKey()
                  .map(_series_group).collect())
        return join_series(groups)


def _bags(posts, *, max_chars: int, phrases: tuple[str, ...]):
    from .keywords import post_tokens

    for p in posts:
        yield Counter(post_tokens(p, max_chars=max_chars, phrases=phrases))


def _partition_df(bags):
    df: Counter = Counter()
    for bag in bags:
        df.update(bag.keys())
    return iter(df.items())


def _tfidf_block(b: int, bags, *, offsets, column, idf, empty: bool):
    import numpy as np
    import scipy.sparse as sp

    from .keywords import count_rows, tfidf_rows

    bags = list(bags)
    counts = count_rows(bags, column.value)
    matrix = (sp.csr_matrix((len(bags), 0), dtype=np.float64) if empty
              else tfidf_rows(counts, idf.value))
    yield (b, offsets[b], matrix, counts)


def _similarity_block(block, *, common):
    from .keywords import similarity_rows

    b, lo, x = block
    sim = similarity_rows(x, common.value)
    return (b, lo, sim, sim.T.tocsc())


def _candidates(pair, *, top_k: int, min_score: float):
    from .keywords import block_candidates

    (_, lo, rows, _), (_, col_lo, _, columns) = pair
    return block_candidates(rows, lo, columns, col_lo, top_k=top_k,
                            min_score=min_score).items()


def _merge(a, b, *, top_k: int):
    from .keywords import merge_candidates

    return merge_candidates(a, b, top_k=top_k)


def _citations(posts, *, index):
    from .relate import citation_edges

    yield citation_edges(list(posts), index.value)


def _series_members(post):
    from .relate import series_members

    return series_members(post)


def _series_group(group):
    from .relate import series_group_edges

    stem, members = group
    members = list(members)
    if all(m[0] == 0 for m in members):      # (a post whose title is no series' stem)
        return stem, []
    return stem, series_group_edges(stem, members)


# ---- the whole job -------------------------------------------------------------------

def build_spark(paths: Iterable[str | os.PathLike[str]] | None = None, *,
                options: BuildOptions = BuildOptions(),
                progress: Callable[[int, int, str], None] | None = None,
                exclude: Iterable[str | os.PathLike[str]] = (),
                spark: Any = None) -> BuildResult:
    """:func:`graphkit.pipeline.build` with the Spark engine.

    Parameters
    ----------
    paths, options, progress, exclude
        As for :func:`graphkit.pipeline.build`; ``options.spark_master`` names the
        cluster when no ``spark`` session is given.
    spark : pyspark.sql.SparkSession, optional, keyword-only
        A session to use (kept running); by default the process's active session,
        else one started on ``options.spark_master`` and stopped at the end.

    Returns
    -------
    BuildResult
        Its timings hold ``spark_start`` (seconds to start the session) besides the
        stages of the local engine.

    Raises
    ------
    EngineError
        When pyspark or Java is missing, or Spark does not start.
    graphkit.errors.InputError, graphkit.errors.CommunityError
        As :func:`graphkit.pipeline.build` raises them.
    """
    t = time.perf_counter()
    own = spark is None and _active_session() is None
    if spark is None:
        spark = spark_session(options.spark_master)
    started = time.perf_counter() - t
    stages = SparkStages(spark)
    try:
        t = time.perf_counter()
        r = read_any(paths, options=options, progress=progress, exclude=exclude,
                     reader=partial(read_files, spark=spark))
        return analyse(r, options=options, read_seconds=time.perf_counter() - t,
                       stages=stages, timings={"spark_start": started})
    finally:
        stages.close()
        if own:
            sc = spark.sparkContext
            spark.stop()
            _forget_package(sc)   # (the command line ends without the interpreter's exit)


def _active_session():
    """The session this process already runs (a caller's; never stopped here), or None."""
    if spark_available() is not None:
        return None
    from pyspark.sql import SparkSession

    return SparkSession.getActiveSession()


def package_zip_bytes() -> bytes:
    """The zip that :func:`spark_session` ships to the executors (for a cluster's
    ``--py-files``)."""
    buf = io.BytesIO()
    root = Path(__file__).resolve().parent
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for f in sorted(root.rglob("*")):
            if f.is_file() and "__pycache__" not in f.parts:
                z.write(f, Path("graphkit") / f.relative_to(root))
    return buf.getvalue()
