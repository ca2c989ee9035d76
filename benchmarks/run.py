"""graphkit benchmark suite: ``python benchmarks/run.py [--quick] [--only NAME ...]``.

Prints a table and writes ``benchmarks/results.json``. ``--quick`` finishes within about a
minute (small sizes, no pyvis-defaults run). Benchmarks that need ``../shared/corpus``
are skipped, with the reason printed, when it is absent. Nothing here is asserted: the
figures are read by people (see ``benchmarks/README.md``).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
CORPUS = ROOT.parent / "shared" / "corpus"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

RESULTS: dict = {}
_BUILDS: dict = {}


def corpus_build():
    """One in-process build of the real corpus, shared by the benchmarks that need it."""
    if "corpus" not in _BUILDS:
        from graphkit.pipeline import build

        _BUILDS["corpus"] = build([CORPUS])
    return _BUILDS["corpus"]


def record(name: str, **figures) -> None:
    RESULTS.setdefault(name, {}).update(figures)
    shown = ", ".join(f"{k}={_fmt(v)}" for k, v in figures.items())
    print(f"  {name:<28} {shown}", flush=True)


def _fmt(v) -> str:
    return f"{v:.4g}" if isinstance(v, float) else str(v)


def need_corpus(name: str) -> bool:
    if (CORPUS / "kexue-pages").is_dir():
        return True
    record(name, skipped="../shared/corpus is absent")
    return False


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# ---------------------------------------------------------------- real corpus
def bench_read(quick: bool) -> None:
    if not need_corpus("read"):
        return
    size = sum(f.stat().st_size for f in (CORPUS / "kexue-pages").glob("*.txt"))
    for workers in (0, 2):
        out = _child("read", [str(workers)])
        record(f"read 637 pages, {workers or 'no'} worker processes", seconds=out["seconds"],
               mb_per_s=size / 1e6 / out["seconds"], mb=size / 1e6,
               peak_rss_mb=out["peak_rss_mb"])
    out = _child("read_zip", [])
    record("read 637 pages from one zip (in this process)", **out)


def bench_resolution(quick: bool) -> None:
    if not need_corpus("resolution"):
        return
    from graphkit.evaluate import citation_resolution_quality

    for fuzzy in (False, True):
        q = citation_resolution_quality(CORPUS / "kexue-pages", CORPUS / "kexue-archive.txt",
                                        fuzzy=fuzzy)
        record(f"resolution {'exact+variants+fuzzy' if fuzzy else 'exact+variants'}",
               precision=round(q.precision, 4), recall=round(q.recall, 4), total=q.total,
               misses=len(q.errors))


def bench_pipeline(quick: bool) -> None:
    if not need_corpus("pipeline"):
        return
    # A shared 2-core VM is noisy (the same run varies by ±15 %): several cold runs,
    # each in a new process, reported as min / median / max with the median's stages.
    runs = []
    for _ in range(3 if quick else 7):
        with tempfile.TemporaryDirectory() as out:
            t = time.perf_counter()
            proc = subprocess.run([sys.executable, "-m", "graphkit", "build", str(CORPUS),
                                   "--out", out, "--quiet"], cwd=ROOT, capture_output=True,
                                  text=True)
            cold = time.perf_counter() - t
            if proc.returncode:
                record("pipeline corpus cold", error=proc.stderr.strip()[-200:])
                return
            rep = json.loads((Path(out) / "report.json").read_text(encoding="utf-8"))
        runs.append((cold, rep["timings_seconds"]))
    runs.sort(key=lambda r: r[0])
    cold, stages = runs[len(runs) // 2]
    record("pipeline corpus cold", runs=len(runs), min_s=round(runs[0][0], 3),
           median_s=round(cold, 3), max_s=round(runs[-1][0], 3), target_seconds=5,
           **{f"{k}_s": v for k, v in stages.items()})
    # A dashboard rerun after a filter change: the cached read/keywords/analysis are reused,
    # only the filter and the map are recomputed (what app.py does on such a rerun).
    from graphkit.explore import filter_nodes

    result = corpus_build()
    top_of = {n: result.community.module(n, 1) for n in result.graph}
    first = [m.id for m in result.modules if m.level == 1][:3]
    t = time.perf_counter()
    keep = filter_nodes(result.graph, top_of, modules=set(first), years=(2015, 2025))
    result.html(layers=result.options.layers, nodes=keep)
    record("dashboard rerun (filter)", seconds=round(time.perf_counter() - t, 4),
           target_seconds=0.3, nodes_shown=len(keep))
    # the whole app script, headless, on the corpus: first run, then a module filter change
    from streamlit.testing.v1 import AppTest

    os.environ["GRAPHKIT_DATA"] = str(CORPUS)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=600)
    t = time.perf_counter()
    at.run()
    first = time.perf_counter() - t
    import statistics

    reruns = []
    for chosen in (["1", "2", "3"], ["1"], ["2", "3"], [], ["1", "2", "3"], ["4"]):
        t = time.perf_counter()
        at.multiselect(key="module_filter").set_value(chosen).run()
        reruns.append(time.perf_counter() - t)
    shown = next((c.value for c in at.caption if "nodes shown" in c.value), "")
    # the first rerun after start pays one-time costs (imports, chart schemas); a
    # user changing filters meets the others
    record("dashboard app rerun (AppTest)", first_run_s=round(first, 2),
           first_filter_rerun_s=round(reruns[0], 3),
           filter_rerun_median_s=round(statistics.median(reruns[1:]), 3),
           filter_rerun_max_s=round(max(reruns[1:]), 3), target_seconds=0.3,
           after_filter=shown.split(" ·")[0],
           error=str(at.exception[0].value)[:100] if at.exception else "")


def bench_communities(quick: bool) -> None:
    if not need_corpus("communities"):
        return
    from graphkit.analysis import compare_with_louvain, related_posts

    result = corpus_build()
    cmp = compare_with_louvain(result.graph, result.community,
                               infomap_seconds=round(result.timings["infomap"], 4))
    for algo in ("infomap", "louvain"):
        record(f"communities {algo}", **cmp[algo])
    # related posts against the site's own list (ten per page)
    overlaps = []
    t = time.perf_counter()
    pages = [p for p in result.read.posts if len(p.related) >= 5]
    for p in pages[:100] if quick else pages:
        site = {f"post:{i}" for i in p.related}
        ours = {k for k, _ in related_posts(result.graph, result.community, p.key, k=10)}
        overlaps.append(len(site & ours) / len(site))
    record("related posts vs site list", pages=len(overlaps),
           mean_overlap_at_10=round(sum(overlaps) / max(len(overlaps), 1), 4),
           seconds=round(time.perf_counter() - t, 3))


# ---------------------------------------------------------------- synthetic scale
def bench_synthetic(quick: bool) -> None:
    sizes = [1000] if quick else [1000, 10000, 100000]
    runs = {}
    for n in sizes:
        out = _child("synthetic", [str(n)])
        record(f"synthetic {n} posts", **out)
        runs[n] = out
    if len(runs) >= 3:
        record("synthetic growth", **growth(runs))


def growth(runs: dict[int, dict]) -> dict:
    """Per stage, the exponent b of a least-squares fit t ≈ a·nᵇ over the two largest
    sizes' neighbourhood (10k and 100k: the 1k run is dominated by fixed costs), and
    the projection to 1,000,000 posts: t(100k)·10ᵇ. The same for peak memory."""
    import math

    sizes = sorted(runs)[-2:]
    lo, hi = runs[sizes[0]], runs[sizes[1]]
    span = math.log(sizes[1] / sizes[0])
    out = {}
    for key in hi:
        if not (key.endswith("_s") or key == "peak_rss_mb") or key not in lo:
            continue
        if min(lo[key], hi[key]) <= 0.01:
            continue
        b = math.log(hi[key] / lo[key]) / span
        out[f"{key}_exponent"] = round(b, 2)
        out[f"{key}_at_1M"] = round(hi[key] * (1_000_000 / sizes[1]) ** b, 1)
    return out


def bench_cli(quick: bool) -> None:
    """Issue 17's measure: the whole CLI (``graphkit build``, a process of its own) on
    synthetic posts in one JSONL file: wall time, the CLI process's peak resident memory
    (its forked workers share its pages and are not added), and the quality of the
    modules (codelength; adjusted mutual information with the planted topics)."""
    n = 2000 if quick else 100000
    record(f"cli {n} posts", **_child("cli", [str(n)]))
    if not quick:   # the quality reference: ten InfoMap trials whatever the size
        record(f"cli {n} posts, 10 trials", **_child("cli", [str(n), "no-scale-trials"]))


def bench_engines(quick: bool) -> None:
    """Issue 17: the Spark engine in local[2] against the local engine, the same input
    (synthetic posts in JSONL files of 1,000 posts)."""
    sizes = [2000] if quick else [10000, 100000]
    for n in sizes:
        with tempfile.TemporaryDirectory() as d:
            figures = {}
            for engine in ("local", "spark"):
                figures[engine] = _child("engine", [str(n), engine, d])
            edges = {e: json.loads((Path(d) / f"{e}.edges.json").read_text())
                     for e in figures if "error" not in figures[e]}
            agreement = {}
            if len(edges) == 2:
                for kind in ("cites", "series", "topic"):
                    a = {tuple(x) for x in edges["local"][kind]}
                    b = {tuple(x) for x in edges["spark"][kind]}
                    agreement[f"{kind}_overlap"] = round(len(a & b) / max(1, len(a | b)), 4)
                    agreement[f"{kind}_edges"] = len(a)
            record(f"engines {n} posts", **{f"{e}_{k}": v for e, f in figures.items()
                                             for k, v in f.items()}, **agreement)


def bench_similarity(quick: bool) -> None:
    out = _child("similarity", ["2000" if quick else "10000", "10" if quick else "100"])
    record("topic similarity ratio", **out)


def bench_infomap(quick: bool) -> None:
    out = _child("infomap", ["10000" if quick else "100000"])
    record("infomap stage vs raw", **out)


def bench_export(quick: bool) -> None:
    sizes = [200, 2000] if quick else [200, 2000, 10000]
    for n in sizes:
        out = _child("export", [str(n)])
        record(f"export {n} nodes", **out)
    if not quick:
        out = _child("pyvis_default", ["2000"])
        record("pyvis defaults 2000 nodes", **out)


def bench_map(quick: bool) -> None:
    """Issue 12: the display partition against Louvain, label terms, map timings."""
    if not need_corpus("map"):
        return
    import networkx as nx
    from collections import Counter

    from sklearn.metrics import (adjusted_mutual_info_score, adjusted_rand_score,
                                 mutual_info_score)

    from graphkit.analysis import _undirected_weights, alluvial, module_changes
    from graphkit.community import detect_communities, display_partition
    from graphkit.pipeline import infomap_arguments
    from graphkit.keywords import in_titles

    result = corpus_build()
    g = result.graph
    posts = list(result.community.paths)

    def ami(of):
        pairs = [(g.nodes[n]["categories"][0], of[n]) for n in posts if g.nodes[n].get("categories")]
        return round(float(adjusted_mutual_info_score(*zip(*pairs))), 4)

    def agreement(of):
        """What the chance-corrected AMI weighs against: the information a partition
        holds about the first categories, its purity and ARI, and how many of its modules
        hold a categorised post."""
        truth, found = zip(*[(g.nodes[n]["categories"][0], of[n]) for n in posts
                             if g.nodes[n].get("categories")])
        table = Counter(zip(found, truth))
        best = Counter()
        for (m, _), k in table.items():
            best[m] = max(best[m], k)
        return (float(mutual_info_score(truth, found)), sum(best.values()) / len(truth),
                float(adjusted_rand_score(truth, found)), len(set(found)))

    undirected = _undirected_weights(g.subgraph(posts))
    rows = []
    for seed in (1, 2, 3, 4, 5):
        c = detect_communities(g, **infomap_arguments(result.options.with_(seed=seed)))
        d = display_partition(c)
        louvain = nx.community.louvain_communities(undirected, weight="weight", seed=seed)
        of_louvain = {n: i for i, m in enumerate(louvain) for n in m}
        rows.append((ami(d.of), ami(of_louvain), agreement(d.of), agreement(of_louvain)))
    d = result.display
    sizes = [len(v) for v in d.members().values()]

    def mean(i, j=None):
        return round(sum(r[i] if j is None else r[i][j] for r in rows) / len(rows), 4)

    record("map display partition", rule=d.rule, displayed_modules=len(d.modules),
           modules_with_10_posts=sum(1 for k in sizes if k >= 10),
           largest_share=round(max(sizes) / len(posts), 4),
           ami_categories_display_seeds_1_5=[r[0] for r in rows],
           ami_categories_louvain_seeds_1_5=[r[1] for r in rows],
           ami_display_mean=mean(0), ami_louvain_mean=mean(1),
           mutual_information_display_louvain=[mean(2, 0), mean(3, 0)],
           purity_display_louvain=[mean(2, 1), mean(3, 1)],
           ari_display_louvain=[mean(2, 2), mean(3, 2)],
           modules_with_a_category_display_louvain=[mean(2, 3), mean(3, 3)])
    # how consistently the blog files one series: series (linked by series edges) with
    # two or more categorised posts, and how many of them carry two categories or more
    chains = nx.Graph((u, v) for u, v, e in g.edges(data=True)
                      if e["kind"] == "series" and g.nodes[u].get("categories")
                      and g.nodes[v].get("categories"))
    series = list(nx.connected_components(chains))
    record("map categories of one series", series=len(series),
           with_two_categories=sum(1 for s in series
                                   if len({g.nodes[n]["categories"][0] for n in s}) > 1))
    hits = total = 0
    members = d.members()
    by_id = {m.id: m for m in result.modules}
    for mid in d.modules:
        titles = [str(g.nodes[n].get("title") or "").casefold() for n in members[mid]]
        titles += [t.casefold() for n in members[mid] for t in g.nodes[n].get("tags", [])]
        for t in by_id[mid].keywords if mid in by_id else ():
            total += 1
            hits += in_titles(t, titles)
    labels = [by_id[m].label for m in d.modules if m in by_id]
    record("map labels", label_terms=total, share_in_titles_or_tags=round(hits / max(total, 1), 4),
           duplicate_labels=len(labels) - len(set(labels)))
    from graphkit.phrases import mine_phrases

    t = time.perf_counter()
    mined = mine_phrases(result.read.posts)
    seconds = time.perf_counter() - t
    phrases = set(result.terms.phrases)
    in_labels = sorted({k for m in result.modules for k in m.keywords if k in phrases})
    record("map phrases", mined=len(mined), seconds=round(seconds, 2),
           label_terms_that_are_mined_phrases=len(in_labels), examples=in_labels[:12])
    t = time.perf_counter()
    a = alluvial(g, infomap_args=infomap_arguments(result.options), tm=result.terms, display=d)
    record("map alluvial", seconds=round(time.perf_counter() - t, 2), cuts=len(a.cuts),
           sankey_nodes=len(a.modules), **module_changes(a))
    with tempfile.TemporaryDirectory() as tmp:
        from graphkit.pipeline import write_outputs

        write_outputs(result, tmp)
        record("map in chromium", **_map_timings(Path(tmp) / "graph.html"))


def _map_timings(path: Path) -> dict:
    """Seconds from navigation to the first drawing of the module view, and to open the
    largest module, in Debian's Chromium at 1600×1000 (median of 3)."""
    import shutil
    import statistics

    if not shutil.which("chromium"):
        return {"skipped": "chromium is not installed"}
    from playwright.sync_api import sync_playwright

    draw, open_s, labels = [], [], 0
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=shutil.which("chromium"),
                              args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        for _ in range(3):
            page = b.new_page(viewport={"width": 1600, "height": 1000})
            t = time.perf_counter()
            page.goto(path.as_uri())
            page.wait_for_function("window.graphkit && window.graphkit.drawn", timeout=60000)
            draw.append(time.perf_counter() - t)
            labels = len(page.evaluate("window.graphkit.labels()"))
            first = page.evaluate("window.graphkit.data.modules[0].id")
            open_s.append(page.evaluate("""id => { const t = performance.now();
                window.graphkit.openModule(id); window.graphkit.network.redraw();
                return (performance.now() - t) / 1000; }""", first))
            page.close()
        b.close()
    return {"module_view_drawn_s": round(statistics.median(draw), 3),
            "module_opened_s": round(statistics.median(open_s), 3), "labels_drawn": labels}


def bench_blogs(quick: bool) -> None:
    """Issue 13: resolution on the zoo of fixture blogs; boilerplate, title-only posts and
    the most-cited posts on the corpus."""
    from graphkit.pipeline import relate
    from graphkit.options import BuildOptions
    from graphkit.readers import read_paths

    zoo = ROOT / "tests" / "fixtures" / "zoo"
    for blog in sorted(d for d in zoo.iterdir() if d.is_dir()):
        r = read_paths([blog])
        edges, _, _ = relate(r.posts, options=BuildOptions(layers=("cites",)))
        title = {p.key: p.title for p in r.posts}
        got = {(title[e.source], title.get(e.target, e.target)) for e in edges}
        truth = json.loads((blog / "truth.json").read_text(encoding="utf-8"))
        want = {tuple(x) for x in truth["cites"]}
        record(f"zoo {blog.name}", precision=round(len(got & want) / max(len(got), 1), 3),
               recall=round(len(got & want) / len(want), 3), citations=len(want),
               boilerplate=sum(f.reason.startswith("boilerplate") for f in r.fragments))
    record("zoo as zips and as folders uploaded", **_zoo_packed(zoo))
    if not need_corpus("corpus blogs"):
        return
    from graphkit.relate import topic_edges

    result = corpus_build()
    g = result.graph
    title_only = {n for n, d in g.nodes(data=True) if d.get("title_only")}
    topic = [(u, v) for u, v, d in g.edges(data=True) if d["kind"] == "topic"]
    touching = sum(1 for u, v in topic if u in title_only or v in title_only)
    o = result.options
    unruled = topic_edges(result.terms, top_k=o.topic_top_k, min_score=o.min_topic_similarity)
    touching_before = sum(1 for e in unruled if e.source in title_only or e.target in title_only)
    cin: dict = {}
    for u, v, d in g.edges(data=True):
        if d["kind"] == "cites":
            cin[v] = cin.get(v, 0) + 1
    top5 = [f"{g.nodes[n]['label']} ({k})" for n, k in sorted(cin.items(), key=lambda x: (-x[1], x[0]))[:5]]
    record("corpus blogs", boilerplate_paragraphs=sum(
        f.reason.startswith("boilerplate") for f in result.read.fragments),
        title_only_posts=len(title_only), topic_edges=len(topic),
        topic_share_title_only=round(touching / max(len(topic), 1), 3),
        topic_share_title_only_without_rule=round(touching_before / max(len(unruled), 1), 3),
        book_nodes=sum(1 for _, d in g.nodes(data=True) if d["kind"] == "book"),
        most_cited=top5)


def bench_strangers(quick: bool) -> None:
    """Blogs made at random with their truth (benchmarks/strangers.py): for each kind,
    the citations found, those false, the pages read as posts and the posts dated,
    tagged and given their categories right, and the series' edges found and false;
    and the built sites (the ``html`` kind) crawled over HTTP from 127.0.0.1."""
    import strangers

    seeds = range(4 if quick else 30)
    with tempfile.TemporaryDirectory() as tmp:
        for kind in strangers.KINDS:
            blogs = [strangers.write_blog(kind, s, Path(tmp) / f"{kind}-{s}") for s in seeds]
            record(f"strangers {kind}", **_strangers_figures(
                blogs, [strangers.measure(b) for b in blogs]))
        # the built sites again, served on 127.0.0.1 and crawled from their home pages
        blogs = [strangers.write_blog("html", s, Path(tmp) / f"c-{s}") for s in seeds]
        record("strangers html crawled", **_strangers_figures(
            blogs, [strangers.measure_crawled(b) for b in blogs]))


def _strangers_figures(blogs: list, runs: list) -> dict:
    """The figures of :func:`bench_strangers` for some blogs and what was read of them."""
    found, wanted = sum(m.found for m in runs), sum(m.wanted for m in runs)
    truth_posts = max(sum(m.posts - m.extra for m in runs), 1)
    return dict(blogs=len(runs), recall=round(found / max(wanted, 1), 4), citations=wanted,
                false=sum(m.false for m in runs), pages_read_as_posts=sum(m.extra for m in runs),
                dated_right=round(sum(m.dated_right for m in runs) / truth_posts, 4),
                tagged_right=round(sum(m.tagged_right for m in runs) / truth_posts, 4),
                categorized_right=round(sum(m.categorized_right for m in runs) / truth_posts, 4),
                series_edges=sum(len(b.series) for b in blogs),
                series_found=sum(m.series_found for m in runs),
                series_false=sum(m.series_false for m in runs))


def _zoo_packed(zoo: Path) -> dict:
    """Every zoo blog zipped as GitHub's "Download ZIP" packs a repository, and uploaded
    as the dashboard's folder upload sends it (each file's path below the folder)."""
    import io
    import zipfile

    from graphkit.options import BuildOptions
    from graphkit.pipeline import relate
    from graphkit.readers import read_uploads

    out = {"citations": 0}
    for blog in sorted(d for d in zoo.iterdir() if d.is_dir()):
        files = [(f.relative_to(blog).as_posix(), f.read_bytes()) for f in sorted(blog.rglob("*"))
                 if f.is_file() and f.name != "truth.json"]
        want = {tuple(x) for x in json.loads((blog / "truth.json").read_text(
            encoding="utf-8"))["cites"]}
        out["citations"] += len(want)
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
            for name, data in files:
                z.writestr(f"{blog.name}-main/{name}", data)
        for how, uploads in (("zip", [(f"{blog.name}-main.zip", buf.getvalue())]),
                             ("folder", [(f"{blog.name}/{n}", d) for n, d in files])):
            r = read_uploads(uploads)
            edges, _, _ = relate(r.posts, options=BuildOptions(layers=("cites",)))
            title = {p.key: p.title for p in r.posts}
            got = {(title[e.source], title.get(e.target, e.target)) for e in edges}
            out[f"{how}_found"] = out.get(f"{how}_found", 0) + len(got & want)
            out[f"{how}_false"] = out.get(f"{how}_false", 0) + len(got - want)
    return out


def bench_crawl(quick: bool) -> None:
    """Issue 14: pages per second against the local blog server with no politeness delay,
    and a cached rerun (conditional requests only) against the first run."""
    import statistics

    sys.path.insert(0, str(ROOT / "tests"))
    from blogserver import Blog, serve

    from graphkit.crawl import crawl
    from graphkit.options import BuildOptions

    sizes = [32, 200] if quick else [32, 200, 1000]
    for n in sizes:
        blog = Blog(posts=n)
        base, stop = serve(blog)
        try:
            first, rerun = [], []
            for _ in range(3):
                with tempfile.TemporaryDirectory() as cache:
                    opts = BuildOptions(crawl_delay=0.0, cache=cache, crawl_max_pages=n + 10)
                    t = time.perf_counter()
                    crawl(base + "/", options=opts)
                    first.append(time.perf_counter() - t)
                    t = time.perf_counter()
                    crawl(base + "/", options=opts)
                    rerun.append(time.perf_counter() - t)
        finally:
            stop()
        record(f"crawl {n} posts", first_s=round(statistics.median(first), 3),
               pages_per_s=round(n / statistics.median(first), 1),
               cached_rerun_s=round(statistics.median(rerun), 3),
               rerun_over_first=round(statistics.median(rerun) / statistics.median(first), 3))


def bench_hostile(quick: bool) -> None:
    out = _child("hostile", [])
    record("hostile inputs", **out)


def bench_dashboard_memory(quick: bool) -> None:
    sessions, changes = (2, 8) if quick else (8, 32)
    out = _child("dashboard_memory", [str(sessions), str(changes)])
    record(f"dashboard memory {sessions}x{changes}", **out)


# ---------------------------------------------------------------- children
def _child(kind: str, args: list[str]) -> dict:
    proc = subprocess.run([sys.executable, str(Path(__file__)), "--child", kind, *args],
                          cwd=ROOT, capture_output=True, text=True)
    if proc.returncode:
        return {"error": (proc.stderr.strip().splitlines() or ["failed"])[-1][:200]}
    return json.loads(proc.stdout.strip().splitlines()[-1])


def child(kind: str, args: list[str]) -> dict:
    if kind == "read":
        from graphkit.readers import read_paths

        t = time.perf_counter()
        read_paths([CORPUS / "kexue-pages"], workers=int(args[0]))
        return {"seconds": round(time.perf_counter() - t, 3), "peak_rss_mb": round(peak_rss_mb(), 1)}
    if kind == "read_zip":
        import io
        import zipfile

        from graphkit.readers import read_paths

        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
            for f in sorted((CORPUS / "kexue-pages").iterdir()):
                z.write(f, f"kexue-pages/{f.name}")
        with tempfile.TemporaryDirectory() as d:
            path = Path(d) / "kexue-pages.zip"
            path.write_bytes(buf.getvalue())
            t = time.perf_counter()
            r = read_paths([path], workers=0)
            return {"seconds": round(time.perf_counter() - t, 3), "posts": len(r.posts),
                    "zip_mb": round(path.stat().st_size / 1e6, 1),
                    "peak_rss_mb": round(peak_rss_mb(), 1)}
    if kind == "synthetic":
        return _synthetic(int(args[0]))
    if kind == "similarity":
        return _similarity(int(args[0]), int(args[1]))
    if kind == "engine":
        return _engine(int(args[0]), args[1], Path(args[2]))
    if kind == "cli":
        return _cli(int(args[0]), args[1:])
    if kind == "infomap":
        return _infomap_ratio(int(args[0]))
    if kind == "export":
        return _export(int(args[0]))
    if kind == "pyvis_default":
        return _pyvis_default(int(args[0]))
    if kind == "hostile":
        return _hostile()
    if kind == "dashboard_memory":
        return _dashboard_memory(int(args[0]), int(args[1]))
    raise SystemExit(f"unknown child {kind}")


def _synthetic(n: int) -> dict:
    from synthetic import synthetic_rows, write_jsonl

    from graphkit._runtime import batch_collection
    from graphkit.pipeline import analyse
    from graphkit.readers import read_paths

    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "posts.jsonl"
        size = write_jsonl(synthetic_rows(n), path)
        # as the CLI runs a build: the cyclic collector paused
        with batch_collection():
            t0 = time.perf_counter()
            r = read_paths([path], max_file_bytes=2**40)
            read_s = time.perf_counter() - t0
            result = analyse(r)   # times its stages: keywords, relate, infomap, labels, layout
            t = time.perf_counter()
            html = result.html()
            export_s = time.perf_counter() - t
    times = {"read_s": read_s, **{f"{k}_s": v for k, v in result.timings.items()},
             "export_s": export_s, "total_s": time.perf_counter() - t0}
    return {**{k: round(v, 3) for k, v in times.items()}, "input_mb": round(size / 1e6, 1),
            "edges": result.graph.number_of_edges(), "modules": result.community.num_top_modules,
            "html_mb": round(len(html.encode()) / 1e6, 2), "peak_rss_mb": round(peak_rss_mb(), 1),
            # the largest forked worker (segmentation, layout); it shares most pages
            # with this process copy-on-write, so the two do not add up
            "peak_worker_rss_mb": round(
                resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, 1)}


def _cli(n: int, flags: list[str]) -> dict:
    from sklearn.metrics import adjusted_mutual_info_score
    from synthetic import planted_topics, synthetic_rows, vocabulary, write_jsonl

    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "posts.jsonl"
        size = write_jsonl(synthetic_rows(n), path)
        out = Path(d) / "out"
        t = time.perf_counter()
        proc = subprocess.run([sys.executable, "-m", "graphkit", "build", str(path), "--out",
                               str(out), "--max-file-bytes", str(2 * size), "--quiet",
                               *(f"--{f}" for f in flags)],   # CLI flags named without "--"
                              cwd=ROOT, capture_output=True, text=True)
        wall = time.perf_counter() - t
        if proc.returncode:
            return {"error": (proc.stderr.strip().splitlines() or ["failed"])[-1][:200]}
        # this process's only child: its peak is the CLI's (workers are not added)
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        rep = json.loads((out / "report.json").read_text(encoding="utf-8"))
        graph = json.loads((out / "graph.json").read_text(encoding="utf-8"))
        sizes = {f"{p.name}_mb": round(p.stat().st_size / 1e6, 1) for p in sorted(out.glob("*.*"))
                 if not p.name.startswith(".")}
    planted = planted_topics(n)
    found = {int(x["id"].split(":")[1]) - 100000: x["top_module"] for x in graph["nodes"]
             if x["kind"] == "post" and x["id"].split(":")[1].isdigit()}
    rows = sorted(found)
    return {"wall_s": round(wall, 2), "peak_rss_mb": round(peak, 1),
            "input_mb": round(size / 1e6, 1), **sizes,
            "timings_s": rep["timings_seconds"],
            "codelength": round(rep["communities"]["codelength"], 5),
            "trials": rep["communities"]["parameters"]["num_trials"],
            "top_modules": rep["communities"]["num_top_modules"],
            "ami_planted_topics": round(adjusted_mutual_info_score(
                [int(planted[i]) for i in rows], [found[i] for i in rows]), 4),
            "posts_matched": len(rows),
            # 264 bundled words without ../shared/corpus: topics then share most of
            # their words, and the AMI is not comparable with a run on the corpus's
            "vocabulary_words": len(vocabulary())}


class TreeMemory:
    """Peak resident memory of this process and all its children (Spark's JVM and
    Python workers), sampled every 0.2 s, in MB."""

    def __init__(self):
        import threading

        self.peak = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self):
        import psutil

        me = psutil.Process()
        while not self._stop.is_set():
            total = 0
            for p in [me, *me.children(recursive=True)]:
                try:
                    total += p.memory_info().rss
                except psutil.Error:
                    pass
            self.peak = max(self.peak, total / 2**20)
            self._stop.wait(0.2)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()


def _engine(n: int, engine: str, folder: Path) -> dict:
    from synthetic import synthetic_rows, write_jsonl

    from graphkit.options import BuildOptions
    from graphkit.pipeline import build

    posts_dir = folder / "posts"
    if not posts_dir.exists():
        posts_dir.mkdir()
        rows = list(synthetic_rows(n))
        for i in range(0, n, 1000):
            write_jsonl(rows[i:i + 1000], posts_dir / f"part-{i // 1000:05d}.jsonl")
        del rows
    from graphkit._runtime import batch_collection

    with TreeMemory() as mem, batch_collection():   # as the CLI runs a build
        t0 = time.perf_counter()
        if engine == "spark":
            from graphkit.spark import build_spark, spark_session

            spark = spark_session("local[2]")
            start = time.perf_counter() - t0
            result = build_spark([posts_dir], options=BuildOptions(engine="spark"), spark=spark)
        else:
            start = 0.0
            result = build([posts_dir])
        t = time.perf_counter()
        result.html()
        export_s = time.perf_counter() - t
        total = time.perf_counter() - t0
        if engine == "spark":
            spark.stop()
    edges = {k: sorted([u, v, round(d["weight"], 6)] for u, v, d in result.graph.edges(data=True)
                       if d["kind"] == k) for k in ("cites", "series", "topic")}
    (folder / f"{engine}.edges.json").write_text(json.dumps(edges))
    return {"total_s": round(total, 2), "spark_start_s": round(start, 2),
            **{f"{k}_s": round(v, 2) for k, v in result.timings.items() if k != "spark_start"},
            "export_s": round(export_s, 2), "posts": len(result.read.posts),
            "peak_tree_rss_mb": round(mem.peak, 1)}


def _similarity(n: int, sample: int) -> dict:
    import numpy as np
    from synthetic import synthetic_rows

    from graphkit.keywords import keyword_matrix
    from graphkit.keywords import similar_pairs
    from graphkit.model import Post

    rows = synthetic_rows(n)
    posts = [Post(key=f"p{i:06d}", title=r["title"], label=r["title"], text=r["text"])
             for i, r in enumerate(rows)]
    tm = keyword_matrix(posts)
    k, floor = 5, 0.05
    t = time.perf_counter()
    pairs = similar_pairs(tm, top_k=k, min_score=floor)
    chunked = time.perf_counter() - t
    # naive: one Python loop over every other post per post, on a sample of rows,
    # extrapolated to all n rows
    rng = np.random.default_rng(0)
    rows_sample = sorted(rng.choice(n, size=sample, replace=False).tolist())
    from graphkit.keywords import similarity_matrix

    x = similarity_matrix(tm)  # the same matrix, compared pair by pair
    chosen = {}
    t = time.perf_counter()
    for i in rows_sample:
        scores = []
        xi = x[i]
        for j in range(n):
            if j != i:
                s = round(float(xi.multiply(x[j]).sum()), 6)
                if s >= floor:
                    scores.append((-s, j))
        chosen[i] = {j for _, j in sorted(scores)[:k]}
    naive = (time.perf_counter() - t) * n / sample
    ours = {}
    for i, j, _ in pairs:
        ours.setdefault(i, set()).add(j)
        ours.setdefault(j, set()).add(i)
    identical = all(chosen[i] <= ours.get(i, set()) for i in rows_sample)
    return {"posts": n, "chunked_s": round(chunked, 3), "naive_s_extrapolated": round(naive, 1),
            "ratio": round(naive / chunked, 1), "target_ratio": 50,
            "identical_top_k_on_sample": identical, "sample_rows": sample}


def _infomap_ratio(n: int) -> dict:
    import infomap
    import networkx as nx
    import numpy as np

    from graphkit.community import detect_communities, flow_network
    from graphkit.options import BuildOptions
    from graphkit.pipeline import infomap_arguments

    rng = np.random.default_rng(1)
    groups = max(10, n // 200)
    member = rng.integers(0, groups, size=n)
    by_group = [np.nonzero(member == g)[0] for g in range(groups)]
    g = nx.MultiDiGraph()
    g.add_nodes_from((f"post:{i}", {"kind": "post"}) for i in range(n))
    edges = []
    for i in range(n):
        for _ in range(9):
            j = int(rng.choice(by_group[member[i]])) if rng.random() < 0.8 else int(rng.integers(n))
            if j != i:
                edges.append((f"post:{i}", f"post:{j}", "cites",
                              {"kind": "cites", "weight": 1.0, "directed": True}))
    g.add_edges_from(edges)
    opts = BuildOptions(trials=1)
    t = time.perf_counter()
    ours = detect_communities(g, **infomap_arguments(opts))
    ours_s = time.perf_counter() - t
    nodes, links = flow_network(g, layer_weights=opts.layer_weights())
    t = time.perf_counter()
    im = infomap.Infomap(silent=True, seed=opts.seed, num_trials=1, directed=True)
    for a, b, w in links.tolist():
        im.add_link(int(a), int(b), w)
    res = im.run()
    raw_s = time.perf_counter() - t
    return {"nodes": n, "links": len(links), "graphkit_s": round(ours_s, 3),
            "raw_infomap_s": round(raw_s, 3), "ratio": round(ours_s / raw_s, 3),
            "target_ratio": 1.5, "same_codelength": abs(res.codelength - ours.codelength) < 1e-9}


def _map_for(n: int):
    from synthetic import synthetic_rows

    from graphkit.pipeline import analyse
    from graphkit.model import Post, ReadResult
    from graphkit.readers.kexue import archive_link_id
    from graphkit.readers.markdown import markdown_to_text

    posts = []
    for r in synthetic_rows(n):
        text, links = markdown_to_text([r["text"]])
        aid = archive_link_id(r["url"])
        posts.append(Post(key=f"post:{aid}", title=r["title"], label=r["title"], date=r["date"],
                          archive_id=aid, url=r["url"], text=text, links=tuple(links)))
    posts.sort(key=lambda p: p.key)
    return analyse(ReadResult(posts=tuple(posts)))


def _time_to_draw(html_path: Path, script: str, timeout_s: float) -> float | None:
    """Seconds from navigation until ``script`` is true in Chromium, or None past the timeout."""
    from playwright.sync_api import Error, sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path="/usr/bin/chromium", args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        page = b.new_page(viewport={"width": 1400, "height": 900})
        page.route("**/*", lambda route: route.abort()
                   if not route.request.url.startswith(("file:", "data:")) else route.continue_())
        t = time.perf_counter()
        # "commit": pyvis's default physics blocks the page before its load event
        page.goto(html_path.as_uri(), wait_until="commit", timeout=0)
        elapsed = None
        while elapsed is None and time.perf_counter() - t < timeout_s:
            try:
                left = max(1.0, timeout_s - (time.perf_counter() - t))
                page.wait_for_function(script, timeout=left * 1000, polling=100)
                elapsed = time.perf_counter() - t
            except Error as exc:  # the document was still being replaced: poll again
                if "Timeout" in type(exc).__name__ or "Timeout" in str(exc)[:40]:
                    break
                time.sleep(0.05)
        b.close()
        return elapsed


def _export(n: int) -> dict:
    result = _map_for(n)
    t = time.perf_counter()
    html = result.html()
    render_s = time.perf_counter() - t
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "graph.html"
        path.write_text(html, encoding="utf-8")
        draw = (_time_to_draw(path, "window.graphkit && window.graphkit.drawn === true", 120)
                if Path("/usr/bin/chromium").exists() else "no chromium")
    return {"nodes": result.graph.number_of_nodes(), "edges": result.graph.number_of_edges(),
            "html_mb": round(len(html.encode()) / 1e6, 2), "render_s": round(render_s, 3),
            "time_to_draw_s": round(draw, 2) if isinstance(draw, float) else
            (draw or "over 120 s")}


def _pyvis_default(n: int) -> dict:
    from pyvis.network import Network

    result = _map_for(n)
    net = Network(cdn_resources="in_line")
    g = result.graph
    net.add_nodes(list(g.nodes), label=[g.nodes[x]["label"] for x in g.nodes])
    net.add_edges([(u, v) for u, v in g.edges()])
    html = net.generate_html()
    html = html.replace("network = new vis.Network(container, data, options);",
                        "network = new vis.Network(container, data, options);"
                        "network.once('stabilized', function(){window.__stable = true;});")
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "pyvis.html"
        path.write_text(html, encoding="utf-8")
        draw = _time_to_draw(path, "window.__stable === true", 400)
    return {"nodes": g.number_of_nodes(), "time_to_stable_s": round(draw, 1) if draw else
            "over 400 s"}


def _rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as f:
        return next(int(line.split()[1]) for line in f if line.startswith("VmRSS")) / 1024


def _dashboard_memory(sessions: int, changes: int) -> dict:
    """Resident memory of one process serving ``sessions`` AppTest sessions one after
    another, each changing the Markov time ``changes`` times (every value new, so that
    every change is a cache miss: the worst case for the dashboard's caches)."""
    import gc

    from streamlit.testing.v1 import AppTest

    rss = []
    t = time.perf_counter()
    for s in range(sessions):
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=300)
        at.run()
        for c in range(changes):
            at.sidebar.number_input(key="markov_time").set_value(0.5 + 0.01 * (s * changes + c)).run()
            if at.exception:
                return {"error": str(at.exception[0].message)[:200]}
        del at
        gc.collect()
        rss.append(round(_rss_mb(), 1))
    half = len(rss) // 2
    return {"rss_after_each_session_mb": rss, "growth_second_half_mb":
            round(rss[-1] - rss[half - 1], 1) if half else 0.0,
            "seconds": round(time.perf_counter() - t, 1)}


def _hostile() -> dict:
    """Seconds of the reader on inputs that used to hang it or grow without bound."""
    from graphkit.readers.frontmatter import parse_front_matter, FrontMatterError
    from graphkit.readers.html import read_html
    from graphkit.readers.table import read_jsonl

    out = {}
    t = time.perf_counter()
    read_html("<html><body><article>" + "<div>" * 8000 + "<p>x</p>" + "</div>" * 8000
              + "</article></body></html>", "deep.html")
    out["html_8000_nested_divs_s"] = round(time.perf_counter() - t, 3)
    # theme furniture inside the post's element, removed once each however nested
    for name, page in (
            ("html_8000_nested_comments_s", '<html><body><article><p>x</p>'
             + '<div class="comments"><nav>' * 8000 + "<p>y</p>" + "</nav></div>" * 8000
             + "</article></body></html>"),
            ("html_8000_navs_in_nested_divs_s", "<html><body><article><p>x</p>"
             + '<div><nav><a href="/a/">a</a></nav>' * 8000 + "</div>" * 8000
             + "</article></body></html>"),
            ("html_30000_rel_prev_links_s", "<html><body><article><p>x</p>"
             + '<p><a rel="prev" href="/a/">a</a></p>' * 30000 + "</article></body></html>")):
        t = time.perf_counter()
        read_html(page, "furniture.html")
        out[name] = round(time.perf_counter() - t, 3)
    # a post's body alone (Substack's export, WordPress' classic content): the text
    # outside blocks is read in one pass, however nested and however many links
    for name, page in (
            ("body_only_8000_nested_divs_with_text_s",
             "<div>x " * 8000 + "<p>y</p>" + "</div> z" * 8000),
            ("body_only_100000_loose_links_s",
             '<p>x</p>' + 'see <a href="/a/">a</a>\n\n' * 100000),
            ("body_only_30000_link_cards_s",
             '<p>x</p>' + '<a href="/a/"><div>t</div><div>e</div></a>' * 30000)):
        t = time.perf_counter()
        read_html(page, "posts/1.body.html")
        out[name] = round(time.perf_counter() - t, 3)
    # an author's source: comments, raw tags and MDX markers in one 0.5 MB line each
    from graphkit.readers.markdown import markdown_to_text

    for name, line in (("ticks_comments", "`<!--`" * 100000), ("comments", "<!--x-->" * 70000),
                       ("mixed_mdx", "<!--a-->{/*b*/}`" * 40000), ("raw_tags", "<a b c d " * 60000),
                       ("quoted_tags", '<a x="' * 100000), ("jsx_tags", "<X a={b} " * 60000)):
        t = time.perf_counter()
        markdown_to_text([line], source=True, mdx=True)
        out[f"source_markdown_{name}_s"] = round(time.perf_counter() - t, 3)
    t = time.perf_counter()
    read_html("<html><body>" + "<article><p>x</p>" * 8000 + "</article>" * 8000
              + "</body></html>", "deep-articles.html")
    out["html_8000_nested_articles_s"] = round(time.perf_counter() - t, 3)
    # headings weighed as the title: the first version read each of 3,000 nested <h1>'s
    # text and descendants (6.6 s)
    page = ("<html><head><title>x</title></head><body>" + "<h1><div>标题" * 3000
            + "</div></h1>" * 3000 + "<p>正文。</p></body></html>")
    t = time.perf_counter()
    read_html(page, "h1.html")
    out["html_3000_nested_h1_s"] = round(time.perf_counter() - t, 3)
    # tag soups read flat (graphkit.readers.dom): before, lexbor alone took 4 s for 64,000
    # <div> never closed, and reading 64,000 <div><nav><a> took 64 s (both quadratic); a
    # 36 kB page of formatting elements left open grew 1.6 million elements
    para = "<p>x</p>"
    for name, page in (
            ("html_128000_nested_divs_s", "<html><body><article>" + "<div>" * 128000 + para
             + "</div>" * 128000 + "</article></body></html>"),
            ("html_128000_navs_in_nested_divs_s", "<html><body><article>" + para
             + '<div><nav><a href="/a/">a</a></nav>' * 128000 + "</div>" * 128000
             + "</article></body></html>"),
            ("html_128000_unclosed_headings_and_links_s", "<html><body>" + 'x"><h2><a h' * 128000),
            ("html_6400_formatting_left_open_64000_paragraphs_s", "<html><body><article><p>"
             + "".join(f"<b id={i}>" for i in range(6400)) + "</p>" + para * 64000
             + "</article></body></html>")):
        t = time.perf_counter()
        read_html(page, "soup.html")
        out[name] = round(time.perf_counter() - t, 3)
    # notebooks: 50,000 cells (each cell's line found once, not by counting from the
    # start), one cell of 0.5 MB of links, and JSON nested 100,000 deep
    from graphkit.readers.notebook import read_notebook

    for name, nb in (
            ("notebook_50000_cells", json.dumps({"cells": [
                {"cell_type": "markdown" if i % 2 else "code", "source": [f"段落 {i} [x](/p/{i}/)"]}
                for i in range(50000)], "nbformat": 4}, indent=1)),
            ("notebook_one_big_cell", json.dumps({"cells": [
                {"cell_type": "markdown", "source": "见 [x](/a/) 和 https://b.example/c " * 12000}],
                "nbformat": 4})),
            ("notebook_nested_100000", '{"cells": ' + "[" * 100000 + "]" * 100000 + "}")):
        t = time.perf_counter()
        read_notebook(nb, "x.ipynb")
        out[f"{name}_s"] = round(time.perf_counter() - t, 3)
    parts = [f"<div><h2>{i}</h2><ul><li><p>段落 {i} <a href='/x/{i}'>link</a>" + "文字" * 60
             + "</p></li></ul></div>" for i in range(25000)]
    page = "<html><body><main>" + "".join(parts) + "</main></body></html>"
    t = time.perf_counter()
    read_html(page, "big.html")
    out["html_mb"] = round(len(page.encode()) / 1e6, 1)
    out["html_big_s"] = round(time.perf_counter() - t, 3)
    # a page without <article> or <main>: Readability's scoring climbs five levels from
    # each paragraph, skips paragraphs inside furniture in one pass, and weighs the link
    # density of five candidates only; htmldate reads the markup once
    para = "正文的一段文字，足够长以便计分，再长一点点。"
    for name, page in (
            ("no_article_8000_nested_divs_with_text", ("<div>" + para) * 8000 + "</div>" * 8000),
            ("no_article_8000_nested_sidebars",
             ("<div class='sidebar'><p>" + para + "</p>") * 8000 + "</div>" * 8000),
            ("no_article_25000_summaries", "".join(
                f"<div class='post'><h2><a href='/x/{i}'>{i}</a></h2><p>{para}</p></div>"
                for i in range(25000))),
            ("20000_unclosed_json_ld", "<script type='application/ld+json'>{" * 20000
             + "<p>" + para + "</p>"),
            # entries, content elements and loose lines: each is weighed in one pass
            ("main_8000_nested_hentries", "<main><div class='entry-content'><p>" + para
             + "</p></div>" + ("<div class='hentry'><p>x</p>") * 8000 + "</div>" * 8000
             + "</main>"),
            ("main_30000_cards_after_post", "<main><div class='entry-content'><p>" + para
             + "</p></div><ul>" + "<li class='hentry'><a href='/p/'>卡片</a></li>" * 30000
             + "</ul></main>"),
            ("article_8000_nested_content_elements",
             "<article>" + "<div class='post-content'><p>x。</p>" * 8000 + "</div>" * 8000
             + "</article>"),
            ("article_100000_loose_lines", "<article><p>" + para + "</p>"
             + "<div>作者 <a href='/u/'>小林</a> 2020-01-02</div>" * 100000 + "</article>"),
            # line breaks inside one paragraph; a highlighter's line numbers, one per line
            ("article_100000_br_in_a_paragraph", "<article><p>" + "一行诗<br>" * 100000
             + "</p></article>"),
            ("article_50000_line_numbers", "<article><p>" + para + "</p><pre>" + "".join(
                f"<span class='ln'>{i}</span>x = {i}\n" for i in range(50000))
             + "</pre></article>")):
        t = time.perf_counter()
        read_html("<html><body>" + page + "</body></html>", "nomain.html")
        out[f"html_{name}_s"] = round(time.perf_counter() - t, 3)
    # a Logseq note: 100,000 property lines, block ids and references, each read in one pass
    from graphkit.readers import read_text as read_one

    uid = "6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b"
    for name, note in (
            ("100000_property_lines", "".join(f"key{i}:: value\n" for i in range(100_000))),
            ("100000_block_ids_and_refs", "".join(f"- 段落 (({uid})) 与[标签]([[页面{i}]])。\n"
                                                   f"  id:: {uid}\n" for i in range(50_000)))):
        t = time.perf_counter()
        read_one(note, "pages/note.md")
        out[f"logseq_{name}_s"] = round(time.perf_counter() - t, 3)
    from graphkit.sites import outbound_target

    t = time.perf_counter()
    outbound_target("https://link.example/?target=" * 30000 + "https://b.example/")
    out["outbound_30000_nested_redirects_s"] = round(time.perf_counter() - t, 3)
    bomb = "a: &a [" + ",".join(['"lol"'] * 9) + "]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [" + ",".join([f"*{chr(97 + i)}"] * 9) + "]\n"
        for i in range(8)) + "title: *i\n"
    t = time.perf_counter()
    try:
        parse_front_matter(bomb)
    except FrontMatterError:
        pass
    out["yaml_alias_bomb_s"] = round(time.perf_counter() - t, 4)
    t = time.perf_counter()
    read_jsonl('{"a": ' + "[" * 100_000 + "]" * 100_000 + "}\n", "deep.jsonl")
    out["json_100k_nested_s"] = round(time.perf_counter() - t, 4)
    # an MHTML archive of 20,000 frame parts (2 MB), and one of 3,000 nested multiparts
    # (Python's email parser recurses: reported as nested too deeply, as JSON is)
    from graphkit.readers import read_text

    frames = "".join(f"--b\nContent-Type: text/html\nContent-Location: cid:f{i}\n\n"
                     f"<html><body><p>frame {i}</p></body></html>\n" for i in range(20_000))
    t = time.perf_counter()
    read_text("From: <Saved by Blink>\nMIME-Version: 1.0\nContent-Type: multipart/related; "
              'boundary="b"\n\n' + frames + "--b--\n", "frames.mhtml")
    out["mhtml_20000_parts_s"] = round(time.perf_counter() - t, 3)
    nested = "".join(f'--b{i}\nContent-Type: multipart/related; boundary="b{i + 1}"\n\n'
                     for i in range(3000))
    t = time.perf_counter()
    try:
        read_text('MIME-Version: 1.0\nContent-Type: multipart/related; boundary="b0"\n\n'
                  + nested, "nested.mhtml")
    except RecursionError:
        pass
    out["mhtml_3000_nested_s"] = round(time.perf_counter() - t, 3)
    # Safari's web archive: a binary property list of 50,000 nested arrays (reported), and
    # one page of 20,000 frames; 2,000 saved pages, half of them naming no address, each
    # listing 100 others by title in a sidebar (named_by_listings)
    import plistlib
    import struct

    from graphkit.readers.html import named_by_listings, read_webarchive

    n = 50_000
    objects = b"".join(b"\xa1" + struct.pack(">I", i + 1) for i in range(n)) + b"\xa0"
    offsets = b"".join(struct.pack(">I", 8 + 5 * i) for i in range(n + 1))
    t = time.perf_counter()
    read_webarchive(b"bplist00" + objects + offsets
                    + struct.pack(">6xBBQQQ", 4, 4, n + 1, 0, 8 + len(objects)), "deep.webarchive")
    out["webarchive_50000_nested_s"] = round(time.perf_counter() - t, 3)
    frame = {"WebMainResource": {"WebResourceData": b"<html><body><p>f</p></body></html>",
                                 "WebResourceMIMEType": "text/html"}}
    archive = plistlib.dumps({"WebMainResource": {
        "WebResourceData": "<html><body><article><h1>标题</h1><p>正文。</p></article></body></html>"
        .encode(), "WebResourceMIMEType": "text/html", "WebResourceURL": "https://b.example/a/"},
        "WebSubframeArchives": [frame] * 20_000}, fmt=plistlib.FMT_BINARY)
    t = time.perf_counter()
    read_webarchive(archive, "frames.webarchive")
    out["webarchive_20000_frames_s"] = round(time.perf_counter() - t, 3)
    from graphkit.model import Post, Source

    pages = [Post(key=f"post:html:{i}.html", title=f"第{i}篇文章", label=f"第{i}篇文章",
                  url=None if i % 2 else f"https://b.example/p/{i}",
                  sources=(Source(path=f"{i}.html", line=1, format="html"),),
                  listed=tuple((f"第{j}篇文章", f"/p/{j}") for j in range(i, i + 100)))
             for i in range(2000)]
    t = time.perf_counter()
    named_by_listings(pages)
    out["named_by_listings_2000_pages_s"] = round(time.perf_counter() - t, 3)
    out.update(_archive_bombs())
    # reStructuredText at the size docutils is given (MAX_RST_CHARS): its costliest
    # structures measured, and a table too wide to be given to it
    from graphkit.readers.rest import MAX_RST_CHARS, read_rst

    def rst_fill(unit: str) -> str:
        return unit * (MAX_RST_CHARS // len(unit))

    for name, text in (("nested_bullets", rst_fill("- a\n\n  - b\n\n")),
                       ("small_tables", rst_fill("+-+-+\n|a|b|\n+-+-+\n\n")),
                       ("prose_links", rst_fill("一个段落，含 `链接 <https://x.example/a>`_ 和 *强调*。\n\n")),
                       ("wide_table", "+" + "-+" * 3000 + "\n" + ("|" + " |" * 3000 + "\n") * 20),
                       # transitions under one title (docutils' check of each against
                       # its siblings is left out: 26.7 s before), and one-character
                       # titles, each a warning docutils builds (the costliest left)
                       ("transitions", rst_fill("想法\n==========\n\n.. post:: 2021-09\n")),
                       ("one_char_titles", rst_fill("\n."))):
        t = time.perf_counter()
        read_rst(text, "hostile.rst")
        out[f"rst_{name}_s"] = round(time.perf_counter() - t, 2)
    out["rst_chars"] = MAX_RST_CHARS
    # one hard-wrapped paragraph of 100,000 lines, each with a link (Markdown's lines
    # joined, their sentences found by sentencex), and the same filled in Org
    from graphkit.readers.markdown import markdown_to_text
    from graphkit.readers.org import read_org

    wrapped = ["words [a link](/a/) and more. Words here, wrapped at seventy-two col"] * 100_000
    t = time.perf_counter()
    markdown_to_text(wrapped, source=True)
    out["markdown_100000_wrapped_lines_with_links_s"] = round(time.perf_counter() - t, 2)
    t = time.perf_counter()
    read_org(["#+TITLE: x", ""] + ["words [[file:b.org][a link]] and more. Words, wrapped"]
             * 100_000, "wrapped.org")
    out["org_100000_filled_lines_with_links_s"] = round(time.perf_counter() - t, 2)
    # the forty-sixth session's gemtext: 100,000 link lines, and headings and link lines
    # of one word and 200,000 spaces (a lazy heading pattern took 27 s on one such line)
    from graphkit.readers.gemtext import read_gemtext

    t = time.perf_counter()
    read_gemtext(["# x", "text"] + ["=> b.gmi a link, and more words"] * 100_000, "a.gmi")
    out["gemtext_100000_link_lines_s"] = round(time.perf_counter() - t, 2)
    t = time.perf_counter()
    read_gemtext(["# a" + " " * 200_000 + "b", "=> u a" + " " * 200_000 + "x",
                  "## a" + " \t" * 100_000 + "b", "text"], "a.gmi")
    out["gemtext_lines_of_200000_spaces_s"] = round(time.perf_counter() - t, 3)
    # Textile: 10,000 paragraphs with links (python-textile 4.0.4 took 417 s on these: the
    # reason graphkit reads Textile itself), and attributes and links never closed
    from graphkit.readers.textile import textile_to_markdown

    t = time.perf_counter()
    textile_to_markdown(['A sentence with "a link":/a/b.html and *bold* text.', ""] * 10_000)
    out["textile_10000_paragraphs_with_links_s"] = round(time.perf_counter() - t, 3)
    t = time.perf_counter()
    textile_to_markdown(["p" + "(" * 100_000 + " x", '"' * 100_000 + '":',
                         "[" * 50_000 + '"a":' + "." * 50_000])
    out["textile_unclosed_100000_chars_s"] = round(time.perf_counter() - t, 3)
    # the forty-seventh session's page captures: a Jina copy of 100,000 linked headings
    # (the post's title looked for among them), 100,000 lines of a menu, headings of
    # 200,000 spaces or " #" closings and a setext heading of 200,000 characters; and a
    # JSON Lines row holding a page of 100,000 menu lines
    from graphkit.readers import read_text

    t = time.perf_counter()
    read_text("Title: T | S\nURL Source: https://s.example/p\nMarkdown Content:\n"
              + "\n".join(f"# [t{i}](https://s.example/p{i})" for i in range(100_000)), "a.md")
    out["capture_100000_linked_headings_s"] = round(time.perf_counter() - t, 2)
    t = time.perf_counter()
    read_text("\n".join(["- [a](https://s.example/)"] * 100_000
                        + ["# [t](https://s.example/p)", "text"]), "b.md")
    out["capture_100000_menu_lines_s"] = round(time.perf_counter() - t, 2)
    t = time.perf_counter()
    read_text("\n".join(["Title: T", "Markdown Content:", "# " + " " * 200_000 + "x",
                         "## a" + " #" * 100_000 + "x", "", "a" * 200_000, "=" * 200_000]),
              "c.md")
    out["capture_headings_of_200000_chars_s"] = round(time.perf_counter() - t, 3)
    t = time.perf_counter()
    page = "\n".join(["- [a](https://s.example/)"] * 100_000 + ["# T", "text", "## Comments"])
    read_text(json.dumps({"url": "https://s.example/p", "title": "T", "markdown": page}),
              "d.jsonl")
    out["capture_row_of_100000_menu_lines_s"] = round(time.perf_counter() - t, 2)
    # the forty-eighth session's converted pages: html2text's 200,000 wrapped lines of one
    # paragraph and 100,000 addresses broken at a hyphen; Pandoc's page of 200,000 raw
    # links never closed, tags left open and attribute blocks over lines, and a line of
    # 100,000 raw links (its pattern stops at the next link's start: linear)
    menu = "[Home](/)\n\n[Posts](/posts/)\n\n# Title\n\n2021-01-01\n\n"
    t = time.perf_counter()
    read_text(menu + "\n".join(["word word word"] * 200_000) + "\n\n## Comments\n", "e.md")
    read_text(menu + "\n".join(["[a](https://x/a-", "b)"] * 100_000) + "\n\n## Comments\n",
              "f.md")
    out["capture_html2text_200000_wrapped_lines_s"] = round(time.perf_counter() - t, 2)
    pandoc = "---\ntitle: T | B\nviewport: x\n---\n\n# T\n\n2021-01-01\n\n"
    t = time.perf_counter()
    for body in ('<a href="x">t\n' * 200_000, '<span class="x"\n' * 200_000,
                 "text {#a\n" * 200_000, '<a href="x">t ' * 100_000):
        read_text(pandoc + body, "g.md")
    out["capture_pandoc_200000_open_tags_s"] = round(time.perf_counter() - t, 2)
    # the same in AsciiDoc, and the twenty-fifth session's AsciiDoc syntax never closed
    # after a run of 100,000 characters (linear: its patterns' texts hold no "[", its
    # marks' spans no mark of their kind), and an attribute bomb of eleven lines
    from graphkit.readers.asciidoc import read_asciidoc

    t = time.perf_counter()
    read_asciidoc(["= x", ""] + ["words xref:b.adoc[a link] and more. Words, wrapped"]
                  * 100_000, "wrapped.adoc")
    out["asciidoc_100000_wrapped_lines_with_links_s"] = round(time.perf_counter() - t, 2)
    for name, line in (("url_text", "https://a.example/x[" * 10_000),
                       ("link_macro", "link:a[" * 14_000),
                       ("strong", "**a " * 25_000), ("passthrough", "pass:[" * 16_000),
                       ("footnote", "footnote:[" * 10_000), ("cross_reference", "<<a" * 33_000)):
        t = time.perf_counter()
        read_asciidoc([line], "a.adoc")
        out[f"asciidoc_{name}_100000_chars_s"] = round(time.perf_counter() - t, 3)
    bomb = [":a0: xxxxxxxxxx"] + [f":a{i}: " + f"{{a{i - 1}}}" * 10 for i in range(1, 12)]
    t = time.perf_counter()
    read_asciidoc(bomb + ["", "{a11}" * 1000], "bomb.adoc")
    out["asciidoc_attribute_bomb_s"] = round(time.perf_counter() - t, 3)
    # the twenty-sixth session's TiddlyWiki: a paragraph of 100,000 lines with links, its
    # syntax never closed after a run of 100,000 characters (the first versions grew with
    # the square: "{{{" 0.4 s at 16,000 characters, "<script " before a store 7.7 s at
    # 100,000), a saved wiki of 20,000 tiddlers; YAML front matter of 100,000 keys whose
    # last value starts with "@" (read again once, quoted)
    from graphkit.readers.tiddlywiki import read_store_html, wikitext_to_text
    from graphkit.readers.frontmatter import parse_front_matter

    t = time.perf_counter()
    wikitext_to_text(["words [[a link|Title]] and more. Words, wrapped"] * 100_000)
    out["tiddlywiki_100000_lines_with_links_s"] = round(time.perf_counter() - t, 2)
    worst = 0.0
    for unit in ("{{{", "[[", "[ext[", "<$link to=a>", "<<", "<!--", "``", "<a href=#a>"):
        t = time.perf_counter()
        wikitext_to_text([unit * (100_000 // len(unit))])
        worst = max(worst, time.perf_counter() - t)
    out["tiddlywiki_constructs_never_closed_100000_chars_max_s"] = round(worst, 3)
    t = time.perf_counter()
    read_store_html("<script " * 12_500 + "<script class='tiddlywiki-tiddler-store'>[", "a.html")
    out["tiddlywiki_100000_chars_of_script_tags_s"] = round(time.perf_counter() - t, 3)
    store = ",\n".join(f'{{"title": "note {i}", "text": "see [[note {i + 1}]] and more.", '
                        f'"created": "20210101000000000"}}' for i in range(20_000))
    t = time.perf_counter()
    read_store_html('<script class="tiddlywiki-tiddler-store" type="application/json">['
                    + store + "]</script>", "wiki.html")
    out["tiddlywiki_store_of_20000_tiddlers_s"] = round(time.perf_counter() - t, 2)
    # a SiYuan document of 200,000 blocks, each with a link (read as one tree, no
    # recursion), and one nested 100,000 lists deep (the JSON parser's stack: reported);
    # a Markdown line of 100,000 block ids (" ^a" repeated) and of 50,000 wikilinks to
    # Zettelkasten ids
    from graphkit.readers.siyuan import read_siyuan

    blocks = [{"ID": f"20200101{i % 10**6:06d}-b{i % 10**6:06d}", "Type": "NodeParagraph",
               "Children": [{"Type": "NodeText", "Data": "见"}, {
                   "Type": "NodeTextMark", "TextMarkType": "block-ref", "TextMarkTextContent": "甲",
                   "TextMarkBlockRefID": "20200101120000-aaaaaaa"}]} for i in range(200_000)]
    tree = json.dumps({"ID": "20200101120000-aaaaaaa", "Type": "NodeDocument",
                       "Properties": {"title": "甲"}, "Children": blocks})
    t = time.perf_counter()
    read_siyuan(tree, "20200101120000-aaaaaaa.sy")
    out["siyuan_document_of_200000_blocks_s"] = round(time.perf_counter() - t, 2)
    t = time.perf_counter()
    read_siyuan('{"Type": "NodeDocument", "Children": ' + "[" * 100_000 + "]" * 100_000 + "}",
                "a.sy")
    out["siyuan_document_nested_100000_deep_s"] = round(time.perf_counter() - t, 3)
    from graphkit.readers.roam import read_roam

    pages = [{"title": f"page {i}", "uid": f"page{i:05d}", "children": [
        {"string": f"see [[page {i + 1}]] and ((blk{i + 1:06d})).", "uid": f"blk{i:06d}",
         "children": [{"string": "a child block", "uid": f"kid{i:06d}"}]}]}
             for i in range(20_000)]
    t = time.perf_counter()
    read_roam(json.dumps(pages), "roam.json")
    out["roam_export_of_20000_pages_s"] = round(time.perf_counter() - t, 2)
    # a Yuque document of 100,000 link cards (12 MB of Lake), an Evernote export of 20,000
    # notes linking each other by title (and one note of 50,000 encrypted passages), and
    # a lakebook of 5,000 documents read through the archive reader
    from graphkit.readers.evernote import read_enex
    from graphkit.readers.yuque import read_yuque_doc

    card = ('<card type="inline" name="bookmarkInline" value="data:%7B%22src%22%3A%22'
            'https%3A%2F%2Fwww.yuque.com%2Fu%2Fb%2Fx%22%7D"></card>')
    t = time.perf_counter()
    read_yuque_doc(json.dumps({"doc": {"slug": "s", "title": "甲",
                                       "body": "<p>" + card * 100_000 + "</p>"}}), "s.json")
    out["yuque_document_of_100000_link_cards_s"] = round(time.perf_counter() - t, 2)
    notes = "".join(
        f'<note><title>note {i}</title><created>20200101T000000Z</created><content><![CDATA['
        f'<en-note><div>see <a href="evernote:///view/1/s1/g/g/">note {(i + 1) % 20_000}</a>'
        f'</div></en-note>]]></content></note>\n' for i in range(20_000))
    t = time.perf_counter()
    read_enex('<?xml version="1.0"?>\n<en-export>\n' + notes + "</en-export>\n", "a.enex")
    out["evernote_export_of_20000_notes_s"] = round(time.perf_counter() - t, 2)
    crypt = "<en-crypt>QUJD</en-crypt>" * 50_000
    t = time.perf_counter()
    read_enex('<?xml version="1.0"?>\n<en-export><note><title>x</title><content><![CDATA['
              f"<en-note>{crypt}</en-note>]]></content></note></en-export>", "b.enex")
    out["evernote_note_of_50000_encrypted_passages_s"] = round(time.perf_counter() - t, 2)
    import io
    import tarfile

    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w:gz") as tar:
        for i in range(5_000):
            data = json.dumps({"doc": {"id": i, "slug": f"d{i}", "title": f"文档 {i}", "body":
                                       f'<p>见<a href="/u/b/d{(i + 1) % 5_000}">下一篇</a></p>'}},
                              ensure_ascii=False).encode()
            info = tarfile.TarInfo(f"book/d{i}.json")
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    from graphkit.readers import read_paths

    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "book.lakebook").write_bytes(buf.getvalue())
        t = time.perf_counter()
        read_paths([Path(folder) / "book.lakebook"])
        out["lakebook_of_5000_documents_s"] = round(time.perf_counter() - t, 2)
    # a Franklin page of 100,000 @def lines (one an array over 200 lines), a +++ block of
    # 100,000 assignments, and ERB's link helpers 50,000 times in one line
    from graphkit.readers import read_text

    defs = "".join(f'@def v{i} = ["a", Date(2021, 3, 5)]\n' for i in range(100_000))
    t = time.perf_counter()
    read_text('@def title = "甲"\n' + defs + "\n正文。\n", "posts/x.md")
    out["franklin_page_of_100000_def_lines_s"] = round(time.perf_counter() - t, 2)
    block = "".join(f'v{i} = get(ENV, "X", "y")\n' for i in range(100_000))
    t = time.perf_counter()
    read_text("+++\ndate = Date(2021, 3, 5)\n" + block + "+++\n\n正文。\n", "posts/y.md")
    out["franklin_block_of_100000_assignments_s"] = round(time.perf_counter() - t, 2)
    t = time.perf_counter()
    markdown_to_text(['见<%= link_to "甲", "/x/" %>和[乙](<%= url_for "/y/" %>)' * 50_000],
                     source=True, site_links=True)
    out["erb_link_helpers_100000_in_one_line_s"] = round(time.perf_counter() - t, 2)
    # template tags 100,000 times in one line (Hugo's, Liquid's, mdBook's, none closed
    # among them), and a Jekyll highlight block of 100,000 lines
    t = time.perf_counter()
    markdown_to_text(['甲{{< figure src="a.png" >}}乙{% include x %}{{#include a.rs}}{{<'
                      * 25_000, "{% highlight python %}", *["x = [a](b)"] * 100_000,
                      "{% endhighlight %}"], source=True, site_links=True)
    out["template_tags_100000_and_a_highlight_block_of_100000_lines_s"] = round(
        time.perf_counter() - t, 2)
    # WriteFreely's JSON export of 20,000 posts in one blog; a table of contents of
    # 100,000 pages; a book of 2,000 chapters (a README each), its SUMMARY.md listing 4,000
    from graphkit.readers.writefreely import read_writefreely

    wf = json.dumps({"username": "a", "collections": [{"alias": "a", "url": "https://w/a/",
                     "posts": [{"id": f"i{i}", "slug": f"s{i}", "title": "",
                                "created": "2021-01-01T00:00:00Z",
                                "body": f"# 标题{i}\n\n见[前文](/a/s{i - 1})。"}
                               for i in range(20_000)]}], "posts": []})
    t = time.perf_counter()
    read_writefreely(wf, "a.json")
    out["writefreely_export_of_20000_posts_s"] = round(time.perf_counter() - t, 2)
    # Tumblr: the API's posts, 20,000 in one response; a tumblr-backup of 2,000 pages
    # and its monthly pages; a page whose article opens behind 100,000 empty elements
    from graphkit.readers.tumblr import read_api_json

    api = json.dumps({"response": {"posts": [
        {"id": 10 ** 11 + i, "blog_name": "a", "type": "text", "state": "published",
         "post_url": f"https://a.tumblr.com/post/{10 ** 11 + i}/s", "timestamp": 1.6e9,
         "title": f"标题{i}", "body": f'<p>见<a href="/post/{10 ** 11 + i - 1}">前文</a>。</p>'}
        for i in range(20_000)]}})
    t = time.perf_counter()
    read_api_json(api, "posts.json")
    out["tumblr_api_response_of_20000_posts_s"] = round(time.perf_counter() - t, 2)
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "posts").mkdir()
        (Path(folder) / "archive").mkdir()
        for i in range(2_000):
            n = 10 ** 11 + i
            article = (f"<article class=text id=p-{n}>\n<header>\n<p><time datetime="
                       f"2021-03-05T02:00:00Z>x</time>\n<a class=llink href=../posts/{n}.html>"
                       f"¶</a>\n</header>\n<h2>标题{i}</h2>\n<p>见<a href=https://a.tumblr.com"
                       f"/post/{n - 1}>前文</a>。</p>\n<footer>3 notes</footer>\n</article>\n")
            page = "<!DOCTYPE html>\n<title>博客</title>\n<header><h1>博客</h1></header>\n"
            (Path(folder) / "posts" / f"{n}.html").write_text(page + article, encoding="utf-8")
            if i % 20 == 0:
                (Path(folder) / "archive" / f"m{i}.html").write_text(page + article * 20,
                                                                    encoding="utf-8")
        t = time.perf_counter()
        read_paths([Path(folder)], workers=0)
        out["tumblr_backup_of_2000_pages_and_100_months_s"] = round(time.perf_counter() - t, 2)
    from graphkit.readers import read_text
    from graphkit.readers.html import read_html

    t = time.perf_counter()         # (every page is first asked whether tumblr-backup's)
    read_text("<html><body>" + "<article " * 100_000 + "class=llink", "a.html")
    out["html_100000_article_openers_never_closed_s"] = round(time.perf_counter() - t, 2)
    t = time.perf_counter()
    read_html("<html><head><title>博客</title></head><body><header><h1>博客</h1></header>"
              "<article>" + "<span></span>" * 100_000 + "<h2>题</h2><p>正文。</p></article>"
              "</body></html>", "p.html")
    out["page_opening_behind_100000_empty_elements_s"] = round(time.perf_counter() - t, 2)
    # the forty-ninth session's list pages of built sites: 80,000 sections each opening
    # with a heading that links a page (hugo new theme's lists), 100,000 links beside one
    # <time> each in one parent (each parent looked at once), 20,000 wrappers named as
    # content nested in each other
    t = time.perf_counter()
    read_html("<html><body><main>" + "<section><h2><a href='/p/'>题</a></h2><p>摘要。</p>"
              "</section>" * 80_000 + "</main></body></html>", "l.html")
    read_html("<html><body><main><div><time>01-01</time>" + "<a href='/p/'>题</a>" * 100_000
              + "</div></main></body></html>", "t.html")
    read_html("<html><body><main>" + "<div class='post-content-container'>" * 20_000 + "文"
              + "</div>" * 20_000 + "</main></body></html>", "w.html")
    out["html_list_pages_of_built_sites_100000_entries_s"] = round(time.perf_counter() - t, 2)
    t = time.perf_counter()     # (each anchor was looked for from the text's start)
    read_html("<html><body><main><div><time>01-01</time>" + "".join(
        f"<a href='/p{i}/'>题{i}</a>" for i in range(100_000)) + "</div></main></body></html>",
        "d.html")
    out["html_one_block_of_100000_distinct_links_s"] = round(time.perf_counter() - t, 2)
    t = time.perf_counter()     # (each link looked along its line: 4,000 took 18.8 s)
    read_html("<html><body><article><h1>T</h1><p>Words of the post.</p>" + "".join(
        f"<a href='/tags/t{i}/'>t{i}</a> " for i in range(100_000)) + "</article></body></html>",
        "t.html")
    read_html("<html><body><article><h1>T</h1>" + "".join(
        f"<p>A sentence links <a href='/tags/t{i}/'>t{i}</a> to its tag.</p>"
        for i in range(50_000)) + "</article></body></html>", "s.html")
    out["html_lines_of_100000_unmarked_tag_links_s"] = round(time.perf_counter() - t, 2)
    t = time.perf_counter()     # (the fifty-eighth session: categories beside the heading,
    # each link's text transliterated to the ASCII of its slug, found around the heading)
    read_html("<html><body><div id='info'><h1>题</h1><div class='meta'>" + "".join(
        f"<a href='/categories/shu-xue-{i}/'>数学{i}</a> ► " for i in range(100_000))
        + "</div></div><article><p>文。</p></article></body></html>", "c.html")
    out["html_header_line_of_100000_transliterated_category_links_s"] = round(
        time.perf_counter() - t, 2)
    t = time.perf_counter()     # (links named by a label before them, whatever their address)
    read_html("<html><body><article><h1>T</h1><p>文。</p><div><span>标签：</span>" + "".join(
        f"<a href='/s?q=t{i}'>t{i}</a> " for i in range(100_000)) + "</div></article></body>"
        "</html>", "l.html")
    read_html("<html><body><article><h1>T</h1>" + "".join(
        f"<p><b>Tags:</b> <a href='/x{i}'>t{i}</a> and words</p>" for i in range(50_000))
        + "</article></body></html>", "m.html")
    out["html_100000_links_after_a_label_and_50000_labels_s"] = round(time.perf_counter() - t, 2)
    from graphkit.errors import InputError
    from graphkit.readers import decode_report

    # a page of 10 MB with a stray NUL byte on each of its 100,000 lines (1 % of its bytes:
    # read, each line reported), and a file of NULs (binary: refused)
    strays = ("<p>" + "文" * 30 + "\x00" + "字" * 2 + "</p>\n").encode("utf-8") * 100_000
    t = time.perf_counter()
    decode_report(strays, "nul.html")
    try:
        decode_report(b"\x00" * 10_000_000, "zeros.bin")
    except InputError:
        pass
    out["stray_nul_bytes_on_100000_lines_s"] = round(time.perf_counter() - t, 2)
    from graphkit.readers.html import read_html as _read_html

    vue = ("<html><body><main><h1>题</h1><p>" + "见<RouterLink to='/a.html'>甲</RouterLink>，"
           * 100_000 + "<RouterLink" + " to='x'" * 100_000 + "</p></main></body></html>")
    t = time.perf_counter()
    _read_html(vue, "dist/vue.html")
    out["vue_links_of_100000_components_s"] = round(time.perf_counter() - t, 2)
    from graphkit.model import Post, Source
    from graphkit.readers.html import pages_above_posts_aside, title_lists_aside

    # 100,000 dated pages of one site and 1,000 undated ones of 100,000 characters, each
    # a run of the others' titles with text between them (set aside) or prose (kept)
    def page(i, text, day=None):
        return Post(key=f"post:{i}", title=f"第{i}篇：关于注意力的笔记", label="", date=day,
                    text=text, url=f"https://b.example/{'posts/' if day else ''}p{i}/",
                    sources=(Source(path=f"site/p{i}.html", line=1, format="html"),))

    dated = [page(i, "文", "2021-01-01") for i in range(100_000)]
    runs = "".join(f"1-{i % 28 + 1} 第{i}篇：关于注意力的笔记 " for i in range(6_000))[:100_000]
    undated = [page(100_000 + i, runs if i % 2 else "字" * 100_000) for i in range(1_000)]
    t = time.perf_counter()
    pages_above_posts_aside(dated + undated)
    out["pages_above_100000_dated_pages_s"] = round(time.perf_counter() - t, 2)
    t = time.perf_counter()
    title_lists_aside(dated + undated)
    out["title_lists_of_1000_undated_pages_by_100000_titles_s"] = round(
        time.perf_counter() - t, 2)
    from graphkit.readers.books import summary_pages

    toc = "".join(f"- [第{i}章](c{i}/README.md#a)\n" for i in range(100_000))
    t = time.perf_counter()
    summary_pages(toc, "book/src/SUMMARY.md")
    out["table_of_contents_of_100000_pages_s"] = round(time.perf_counter() - t, 2)
    with tempfile.TemporaryDirectory() as folder:
        book = Path(folder) / "book"
        (book / "src").mkdir(parents=True)
        (book / "book.toml").write_text('[book]\ntitle = "书"\n', encoding="utf-8")
        (book / "src" / "SUMMARY.md").write_text(toc[:toc.index("- [第4000章]")],
                                                 encoding="utf-8")
        for i in range(2_000):
            (book / "src" / f"c{i}").mkdir()
            (book / "src" / f"c{i}" / "README.md").write_text(f"# 第{i}章\n\n正文。\n",
                                                               encoding="utf-8")
        t = time.perf_counter()
        read_paths([book], workers=0)
        out["book_of_2000_chapter_readmes_s"] = round(
            time.perf_counter() - t, 2)
    t = time.perf_counter()
    markdown_to_text([" ^a" * 33_333, "见 [[20200304120000]]" * 50_000], source=True,
                     site_links=True)
    out["markdown_block_ids_and_zettel_links_s"] = round(time.perf_counter() - t, 2)
    t = time.perf_counter()
    parse_front_matter("".join(f"k{i}: v{i}\n" for i in range(100_000)) + "last: @x\n")
    out["yaml_100000_keys_last_starting_with_at_s"] = round(time.perf_counter() - t, 2)
    # 100,000 lines in a list with indented paragraphs and code blocks (lists tracked
    # in one pass), and the syntax of Nikola, ABlog and MyST with 100,000 spaces where
    # a pattern could have backtracked over them (the first versions: 27 s each)
    nested = ["- item [a](/a/)", "", "    more [b](/b/)", "", "        code [c](/c/)", ""]
    t = time.perf_counter()
    markdown_to_text(nested * 16_667, source=True)
    out["markdown_100000_lines_of_items_and_indented_code_s"] = round(time.perf_counter() - t, 2)
    from graphkit.readers.frontmatter import read_metadata_header
    from graphkit.readers.rest import ablog_post
    from graphkit.dates import READERS_RE
    from graphkit.relate import sequel_of, series_of
    from graphkit.render import short_label
    from graphkit.sites import expand_site_links

    spaces = " " * 100_000
    for name, call in (
            ("myst_role", lambda: expand_site_links("{doc}`" + spaces + "x")),
            ("nikola_metadata", lambda: read_metadata_header(
                ["<!--", ".. title: a" + spaces + "b", "-->", "", "text"], "a.md")),
            ("ablog_directive", lambda: ablog_post(".. post::" + spaces)),
            ("ablog_option", lambda: ablog_post(".. post:: x\n   :tags: a" + spaces + "b")),
            ("sphinx_role", lambda: read_rst(":doc:`" + spaces + "x", "a.rst")),
            # (Jekyll's and Hexo's tags never closed: 6.4 s at 40,000 spaces before the
            # twenty-third session, since the first Jekyll reader)
            ("liquid_tag", lambda: expand_site_links("{% link a" + spaces)),
            ("hexo_post_link", lambda: expand_site_links("{% post_link a b" + spaces)),
            # (cubic before the twenty-fourth session, found by regexploit and a fuzz of
            # every pattern: 60 s for a title of 3,000 spaces, 18 s for a line "By" and
            # 4,000 spaces in any Markdown file)
            ("series_title", lambda: series_of("变分自编码器" + spaces + "b")),
            # (a part after a dash: 6 s in the forty-second session's first version)
            ("series_dash_title", lambda: series_of("变分自编码器" + spaces + "- b")),
            # (the part before the series' name: 第3回 Rust入門, "Part 2: …")
            ("series_part_first_title", lambda: series_of("【" + spaces + "第3回" + spaces + "b")),
            # (a sequel's mark: 75 s in the forty-first session's first version)
            ("sequel_title", lambda: sequel_of("变分自编码器" + spaces + "续篇b")),
            # (a link component of MDX, and its tag broken over 100,000 lines: the forty-first
            # session's reading keeps one bounded stretch of lines per join)
            ("link_component", lambda: markdown_to_text(
                ["<Link" + spaces + "href={`/a/${b}`}>x"] + ["a="] * 100_000, source=True)),
            ("series_label", lambda: short_label("变分自编码器" + spaces + "b")),
            ("listing_by_line", lambda: read_text("By" + spaces + "x\n\n正文。\n", "a.md"))):
        t = time.perf_counter()
        call()
        out[f"{name}_100000_spaces_s"] = round(time.perf_counter() - t, 3)
    # (quadratic before the twenty-fourth session) a run of 100,000 digits before
    # "位读者", of "<" never closed in a link's text
    for name, call in (
            ("reader_count_100000_digits", lambda: READERS_RE.search("1" * 100_000 + "x")),
            ("link_text_100000_lt", lambda: read_text(
                "---\ntitle: a\n---\n<a href='/b/'>" + "<" * 100_000 + "</a>\n", "a.md"))):
        t = time.perf_counter()
        call()
        out[f"{name}_s"] = round(time.perf_counter() - t, 3)
    # DEV's card tags, 20,000 on one line: each looks back a bounded stretch for the link
    # it may stand in (the first version searched the whole line before it: 6.2 s)
    t = time.perf_counter()
    expand_site_links("{% link user/a-post %} " * 20_000)
    out["markdown_20000_liquid_link_tags_on_one_line_s"] = round(time.perf_counter() - t, 3)
    # 20,000 saved pages of one host under one title (a theme's <title> the blog's name)
    from graphkit.merge import merge_posts
    from graphkit.model import Post, Source

    pages = [Post(key=f"post:html:{i}", title="My Blog", label="My Blog", untitled=False,
                  url=f"https://b.example/p/{i}/",
                  sources=(Source(path=f"{i}.html", line=1, format="html"),))
             for i in range(20_000)]
    t = time.perf_counter()
    out["merge_20000_pages_one_title_nodes"] = len(merge_posts(pages))
    out["merge_20000_pages_one_title_s"] = round(time.perf_counter() - t, 2)
    # a JSON line of 200,000 characters whose strings never close (each escaped quote
    # began a scan to the line's end: 21 s before the thirty-third session)
    t = time.perf_counter()
    read_text('{"title": "甲", "url": "https://b.example/a/", "text": "' + '\\"》[点](j' * 20_000,
              "rows.jsonl")
    out["jsonl_line_of_200000_chars_of_unclosed_strings_s"] = round(time.perf_counter() - t, 3)
    # a Joplin export of 20,000 notebooks each inside the next and a note in each: every
    # note's categories walk at most 64 notebooks, each walk once
    from graphkit.readers.joplin import JOPLIN, NOTE_ID, NOTEBOOK, apply_items

    items = {f"{i:032x}.md": (("type", "2"), ("title", f"n{i}"), ("id", f"{i:032x}"),
                              ("parent_id", f"{i + 1:032x}")) for i in range(20_000)}
    notes = [Post(key=f"post:j:{i}", title=f"t{i}", label=f"t{i}",
                  sources=(Source(path=f"j{i}.md", line=1, format=JOPLIN),),
                  fields=((NOTE_ID, f"{i:031x}j"), (NOTEBOOK, f"{i:032x}"))) for i in range(20_000)]
    t = time.perf_counter()
    apply_items(notes, items)
    out["joplin_20000_nested_notebooks_a_note_in_each_s"] = round(time.perf_counter() - t, 2)
    # an Eleventy site of 20,000 pages in folders 100 deep, each folder with a data file
    # whose permalink holds 10 expressions (a longer template than 500 characters is not
    # rendered): each page looks up each folder above it once
    from graphkit.sites import apply_site_configs

    chain = "/".join(f"d{k}" for k in range(100))
    folders = ["site/" + "/".join(chain.split("/")[:1 + i % 100]) for i in range(20_000)]
    template = "/" + "{{ page.fileSlug | slugify }}-{{ title | lower }}/" * 5
    data = {f"{f}/{f.rsplit('/', 1)[1]}.json": (("permalink", template),) for f in set(folders)}
    pages = [Post(key=f"post:e:{i}", title=f"T{i}", label=f"T{i}",
                  sources=(Source(path=f"{f}/p{i}.md", line=1, format="front-matter"),))
             for i, f in enumerate(folders)]
    t = time.perf_counter()
    apply_site_configs(pages, [("site/eleventy.config.js", (("generator", "eleventy"),))],
                       data_files=data)
    out["eleventy_20000_pages_100_folders_deep_with_data_files_s"] = round(
        time.perf_counter() - t, 2)
    # an Astro route page and a content config of 200,000 characters of parameters,
    # quotes and comment starts never closed (graphkit.readers.astro)
    from graphkit.readers.astro import read_content_config, read_route

    t = time.perf_counter()
    read_route("---\n" + "params: { slug: (" * 10_000 + "'/*" * 20_000, "s/src/pages/p/[s].astro")
    read_content_config("defineCollection({ base: '" * 10_000)
    out["astro_route_and_content_config_of_200000_chars_s"] = round(time.perf_counter() - t, 3)
    # a JavaScript configuration of quotes never closed, "'\\" 50,000 times (each quote
    # began a scan to the end: 30 s before the thirty-sixth session)
    from graphkit.sites import js_string_properties

    t = time.perf_counter()
    js_string_properties("'\\" * 50_000)
    out["js_config_of_50000_quotes_never_closed_s"] = round(time.perf_counter() - t, 3)
    # Korean: Kiwi is built on the first Korean word (once per process); then a post's
    # keyword window (4,000 characters) of Hangul without a space, syllables Kiwi finds
    # most ambiguous (its slowest input measured: about 47 µs a syllable, linear)
    import random

    from graphkit.keywords import KEYWORD_CHARS, tokenize

    t = time.perf_counter()
    tokenize("한국어")
    out["korean_analyser_built_on_the_first_word_s"] = round(time.perf_counter() - t, 2)
    rng = random.Random(0)
    window = "".join(rng.choice("가나다") for _ in range(KEYWORD_CHARS))
    t = time.perf_counter()
    tokenize(window)
    out["korean_keyword_window_without_a_space_s"] = round(time.perf_counter() - t, 3)
    # Japanese: Sudachi is built on the first Japanese text; then a million characters
    # of Han characters between single hiragana (its densest nouns) and a million of
    # one hiragana repeated, each analysed in pieces of JAPANESE_CHUNK_CHARS
    t = time.perf_counter()
    tokenize("日本語のテキスト")
    out["japanese_analyser_built_on_the_first_text_s"] = round(time.perf_counter() - t, 2)
    t = time.perf_counter()
    tokenize(("の" + "漢" * 50) * 20_000)
    tokenize("あ" * 1_000_000)
    out["japanese_2000000_chars_of_kanji_runs_and_hiragana_s"] = round(
        time.perf_counter() - t, 2)
    out["peak_rss_mb"] = round(peak_rss_mb(), 1)
    return out


def _gzip_of(head: bytes, chunk: bytes, times: int) -> bytes:
    """``head`` then ``chunk`` ``times`` over, compressed as one gzip stream piece by
    piece (gigabytes packed in megabytes, never held whole)."""
    import zlib

    packer = zlib.compressobj(9, zlib.DEFLATED, 31)     # gzip framing
    parts = [packer.compress(head), *(packer.compress(chunk) for _ in range(times))]
    return b"".join([*parts, packer.flush()])


def _read_timed(data: bytes, name: str, limits) -> tuple[float, list]:
    """Seconds to read an archive's members, and each member's reason (None: read)."""
    from graphkit.readers import read_members

    t = time.perf_counter()
    reasons = [r.error for _, r, _, _ in read_members(data, name, limits)]
    return time.perf_counter() - t, reasons


def _archive_bombs() -> dict:
    """Archives that would take minutes or gigabytes if read whole, at the default
    limits: a zip of 6 members of 250 MB of NUL bytes each (1.5 GB, 1.5 MB packed), a
    tar.gz of one 2 GB member, a zip of 200,001 empty members; a WARC record of 2 GB of
    NUL bytes, a WARC header line of 1 GB, and a crawl of 10,000 small pages."""
    import io
    import tarfile
    import zipfile

    from graphkit.options import BuildOptions
    from graphkit.readers import ReadLimits, read_members

    out = {}
    defaults = BuildOptions()
    limits = ReadLimits(defaults.max_file_bytes, defaults.max_posts_per_file,
                        time.monotonic() + 3600)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for i in range(6):
            with z.open(f"bomb/{i}.md", "w", force_zip64=True) as fh:
                for _ in range(250):
                    fh.write(bytes(1 << 20))
    data = buf.getvalue()
    seconds, reasons = _read_timed(data, "bomb.zip", limits)
    out["zip_bomb_1500mb_s"] = round(seconds, 2)
    out["zip_bomb_packed_bytes"] = len(data)
    out["zip_bomb_members_read"] = sum("max_archive_bytes" not in e for e in reasons)
    header = tarfile.TarInfo("bomb/zeros.md")
    header.size = 2 << 30
    zeros = bytes(1 << 20)
    data = _gzip_of(header.tobuf(format=tarfile.GNU_FORMAT), zeros, 2048)
    seconds, reasons = _read_timed(data, "bomb.tar.gz", limits)
    out["tar_gz_bomb_2gb_s"] = round(seconds, 2)
    out["tar_gz_bomb_reasons"] = reasons
    header = tarfile.TarInfo("././@PaxHeader")      # read whole by tarfile if let through
    header.type, header.size = tarfile.XHDTYPE, 2 << 30
    data = _gzip_of(header.tobuf(format=tarfile.USTAR_FORMAT), zeros, 2048)
    rss = peak_rss_mb()
    seconds, reasons = _read_timed(data, "pax.tar.gz", limits)
    out["tar_gz_2gb_pax_header_s"] = round(seconds, 4)
    out["tar_gz_2gb_pax_header_reason"] = reasons[-1]
    out["tar_gz_2gb_pax_header_peak_rss_grew_mb"] = round(peak_rss_mb() - rss, 1)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_STORED) as z:
        for i in range(200_001):
            z.writestr(f"{i}.md", b"")
    data = buf.getvalue()
    t = time.perf_counter()
    (_, report, _, _), = read_members(data, "many.zip", limits)
    out["zip_200001_members_refused_s"] = round(time.perf_counter() - t, 4)
    out["zip_200001_members_reason"] = report.error
    # web archives: a record of 2 GB of zeros, a header line of 1 GB, 10,000 pages
    data = _gzip_of(b"WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: https://b.example"
                    b"/a/\r\nContent-Length: 2147483648\r\n\r\n", zeros, 2048)
    rss = peak_rss_mb()
    seconds, reasons = _read_timed(data, "bomb.warc.gz", limits)
    out["warc_gz_2gb_record_s"] = round(seconds, 3)
    out["warc_gz_2gb_record_reason"] = reasons[-1]
    data = _gzip_of(b"WARC/1.1\r\nX-Long: ", b"a" * (1 << 20), 1024)
    seconds, reasons = _read_timed(data, "line.warc.gz", limits)
    out["warc_gz_1gb_header_line_s"] = round(seconds, 3)
    out["warc_gz_1gb_header_line_reason"] = reasons[-1]
    out["warc_gz_bombs_peak_rss_grew_mb"] = round(peak_rss_mb() - rss, 1)
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True)
    for i in range(10_000):
        body = (f"<html><head><title>Post {i}</title></head><body><article><p>Text of post "
                f"{i}, after <a href='/p/{i - 1}/'>the one before</a>.</p></article></body>"
                f"</html>").encode()
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(f"https://b.example/p/{i}/", "response",
                                                      payload=io.BytesIO(body),
                                                      http_headers=http))
    data = buf.getvalue()
    t = time.perf_counter()
    pages = sum(r.error is None for _, r, _, _ in read_members(data, "crawl.warc.gz", limits))
    out["warc_10000_pages_s"] = round(time.perf_counter() - t, 2)
    out["warc_10000_pages_read"] = pages
    out["warc_10000_pages_packed_bytes"] = len(data)
    return out


BENCHES = {"read": bench_read, "resolution": bench_resolution, "pipeline": bench_pipeline,
           "communities": bench_communities, "synthetic": bench_synthetic, "cli": bench_cli,
           "engines": bench_engines,
           "similarity": bench_similarity, "infomap": bench_infomap, "export": bench_export,
           "map": bench_map, "blogs": bench_blogs, "crawl": bench_crawl,
           "hostile": bench_hostile, "dashboard_memory": bench_dashboard_memory,
           "strangers": bench_strangers}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="small sizes, about a minute")
    ap.add_argument("--only", nargs="*", choices=sorted(BENCHES), help="run only these")
    ap.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    ns = ap.parse_args()
    if ns.child:
        print(json.dumps(child(ns.child[0], ns.child[1:])))
        return
    print(f"graphkit benchmarks ({'quick' if ns.quick else 'full'}) on "
          f"{platform.python_version()}, {os.cpu_count()} cores")
    t = time.perf_counter()
    for name in ns.only or BENCHES:
        BENCHES[name](ns.quick)
    RESULTS["_run"] = {"quick": ns.quick, "seconds": round(time.perf_counter() - t, 1),
                       "cores": os.cpu_count(), "python": platform.python_version()}
    out = HERE / "results.json"
    previous = json.loads(out.read_text(encoding="utf-8")) if out.exists() else {}
    previous.update(RESULTS)
    out.write_text(json.dumps(previous, ensure_ascii=False, indent=1, sort_keys=True) + "\n",
                   encoding="utf-8")
    print(f"wrote {out} ({RESULTS['_run']['seconds']} s)")


if __name__ == "__main__":
    main()
