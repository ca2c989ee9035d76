"""Process-level settings for batch runs (no third-party import here)."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def batch_collection(*, collect: bool = True) -> Iterator[None]:
    """Pause the cyclic garbage collector for the block (a batch run), then collect once.

    A build allocates millions of objects that live to its end (posts, edges, node
    attributes, the map's data) and few cycles; yet every full collection walks all the
    live objects again. On the 100,000-post synthetic corpus the collector took 11 of
    the graph build's 17 s, and 0.55 s of a cold run on the kexue.fm corpus (measured
    with ``gc.callbacks``). Reference counting still frees everything acyclic at once;
    the cycles left (867,611 objects on that corpus, no measurable memory) are
    collected when the block ends. Only for a process that runs one build (the CLI, the
    benchmarks): a library caller's or a server's build never changes process settings.
    Blocks nest; the collector is on again after the outermost one if it was before.
    With ``collect=False`` the final collection is skipped (a process about to end:
    1.1 s at 100,000 posts).

    References
    ----------
    .. [1] Python documentation, ``gc.disable``,
       https://docs.python.org/3/library/gc.html#gc.disable
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
            if collect:
                gc.collect()


def release_free_memory() -> None:
    """Give the pages that freed objects left empty back to the operating system.

    glibc's allocator keeps freed memory for reuse; after a stage that freed hundreds of
    megabytes (reading: the file's bytes and text; InfoMap's network) the resident size
    stays at its peak. ``malloc_trim(0)`` returns every whole free page (glibc 2.8 and
    later, a few milliseconds); elsewhere (musl, macOS, Windows) this does nothing.

    References
    ----------
    .. [1] ``malloc_trim(3)``, https://man7.org/linux/man-pages/man3/malloc_trim.3.html
    """
    global _TRIM
    if _TRIM is None:
        try:
            import ctypes

            _TRIM = ctypes.CDLL(None).malloc_trim
        except (OSError, AttributeError):
            _TRIM = False
    if _TRIM:
        _TRIM(0)


_TRIM = None


def may_fork() -> bool:
    """True when this process may fork worker processes safely: the platform can fork,
    this is the main thread, every other thread is a daemon (a progress bar's monitor,
    a memory sampler), and this is no worker forked by :func:`fork_map` or the readers
    (whose forks would only share the same cores). A server's request threads, or a
    script run in a worker thread (Streamlit), never fork: a lock held by another thread
    at the fork would stay held in the child."""
    import os
    import threading

    if _WORKER or not hasattr(os, "fork") \
            or threading.current_thread() is not threading.main_thread():
        return False
    return all(t.daemon for t in threading.enumerate() if t is not threading.main_thread())


def fork_workers(items: int, min_items: int) -> int:
    """Worker processes for ``items`` pieces of work: one per core (up to 4) from
    ``min_items`` on when :func:`may_fork`, else 0 (this process)."""
    import os

    if items < min_items or not may_fork():
        return 0
    return min(os.cpu_count() or 1, 4)


def fork_map(fn, items: list, workers: int, *, shared=None) -> list:
    """``[fn(x) for x in items]`` in ``workers`` forked processes, results in order; with
    ``shared``, ``[fn(shared, x) for x in items]``.

    The workers inherit this process's memory (the posts, the segmenter, ``shared``:
    set before they fork, never pickled), so only ``items`` and the results are
    pickled. Call it only where :func:`may_fork`.
    """
    import multiprocessing as mp
    from concurrent.futures import ProcessPoolExecutor

    global _TASK
    _TASK = (fn, shared)
    try:
        with ProcessPoolExecutor(max_workers=workers, mp_context=mp.get_context("fork"),
                                 initializer=mark_worker) as ex:
            return list(ex.map(_run_task, items))
    finally:
        _TASK = None


@contextmanager
def fork_beside(fn, item, *, shared=None) -> Iterator:
    """Run ``fn(item)`` (with ``shared``, ``fn(shared, item)``) in one forked process
    while this process runs the block; the block is given a function that waits for
    the result and returns it (or raises what ``fn`` raised).

    As :func:`fork_map`: the worker inherits this process's memory, only ``item`` and
    the result are pickled; call it only where :func:`may_fork`. Leaving the block
    waits for the worker, whether or not the block raised.
    """
    import multiprocessing as mp
    from concurrent.futures import ProcessPoolExecutor

    global _TASK
    _TASK = (fn, shared)
    try:
        with ProcessPoolExecutor(max_workers=1, mp_context=mp.get_context("fork"),
                                 initializer=mark_worker) as ex:
            yield ex.submit(_run_task, item).result
    finally:
        _TASK = None


def balanced_shares(costs, parts: int) -> list[tuple[int, int]]:
    """Cut items of these ``costs`` (in order) into at most ``parts`` contiguous shares
    ``(start, end)`` of about equal cost, none empty: the work of forked workers that
    each take one share."""
    import bisect
    from itertools import accumulate

    total = list(accumulate(costs))
    if not total:
        return []
    cuts = [0, *(bisect.bisect_left(total, total[-1] * k / parts) + 1
                 for k in range(1, parts)), len(total)]
    return [(a, b) for a, b in zip(cuts, cuts[1:]) if b > a]


_TASK: tuple | None = None   # (fn, shared) of the running fork_map or fork_beside
_WORKER = False   # True in a worker process forked by fork_map, fork_beside or the readers


def mark_worker() -> None:
    """A pool's ``initializer``: this process is a forked worker (:func:`may_fork`)."""
    global _WORKER
    _WORKER = True


def _run_task(item):
    fn, shared = _TASK
    return fn(item) if shared is None else fn(shared, item)
