"""graphkit dashboard: ``streamlit run app.py``.

Reads the source and the options from the sidebar, calls cached graphkit functions
(:mod:`views.cache`) and hands the build to one view per tab (:mod:`views`). Reading and
keyword segmentation are cached per source, the analysis per source and options, so a
display filter re-runs neither.
"""

from __future__ import annotations

import hashlib
import logging
import os

import streamlit as st

from graphkit.errors import GraphkitError
from graphkit.options import EDGE_KINDS, BuildOptions, option_table
from graphkit.pipeline import DEFAULT_DATA
from graphkit.readers import blog_name
from views import Page, md
from views import gaps_view, map_view, modules_view, post_view, report_view, time_view
from views.cache import load, run, terms

st.set_page_config(page_title="graphkit", layout="wide")
DISPLAY_DEFAULTS = {"display_max_share": BuildOptions().display_max_share, "display_level": 0}


def sidebar_options() -> BuildOptions:
    """Every option of the table; the input limits are the server's, shown but fixed.
    The engine options are the command line's: a dashboard computes in its own process
    (a visitor must not point the server at a Spark cluster)."""
    values = {}
    for row in option_table():
        name, default, fixed = row["name"], row["default"], row["group"] == "input"
        if row["group"] == "engine":
            continue
        if name == "layers":
            values[name] = tuple(st.sidebar.multiselect("edge layers", EDGE_KINDS,
                                                        default=list(default), key=name))
        elif row["type"] == "bool":
            values[name] = st.sidebar.checkbox(row["help"], value=default, key=name)
        elif row["type"] == "list":
            text = st.sidebar.text_input(name.replace("_", " "), value=",".join(default),
                                         help=row["help"] + " (comma-separated)", key=name)
            values[name] = tuple(v.strip() for v in text.split(",") if v.strip())
        elif row["type"] == "str":   # the HTTP cache folder is the server's
            st.sidebar.text_input(name, value=os.environ.get("GRAPHKIT_CACHE", default),
                                  help=row["help"] + " (set by the server: GRAPHKIT_CACHE)",
                                  key=name, disabled=True)
            values[name] = os.environ.get("GRAPHKIT_CACHE", default)
        else:
            kind = int if row["type"] == "int" else float
            value = st.sidebar.number_input(
                name.replace("_", " "), min_value=kind(row["min"]), max_value=kind(row["max"]),
                value=kind(default), help=row["help"] + (" (set by the server)" if fixed else ""),
                key=name, disabled=fixed, **({"step": 1} if kind is int else {"format": "%.3f"}))
            if not fixed:
                values[name] = kind(value)
    return BuildOptions(**values)


def source_choice() -> tuple[str, tuple, tuple[str, ...] | None]:
    """The source key, uploaded files and allowed roots. A server folder is offered only
    where whoever runs the server lists them: GRAPHKIT_FOLDERS=/srv/blogs:/data."""
    roots = tuple(p for p in os.environ.get("GRAPHKIT_FOLDERS", "").split(os.pathsep) if p)
    choices = ["embedded data/", "upload files", "upload a folder", "blog address"] + (
        ["server folder"] if roots else [])
    choice = st.sidebar.radio("source", choices, key="source")
    files = None
    if choice == "upload files":
        files = st.sidebar.file_uploader(
            "post files (.md, .html, .jsonl, .csv, .xml, .json, .txt, .rst…) or a blog's "
            "source as one archive (.zip, .tar.gz)", accept_multiple_files=True, key="uploads")
    elif choice == "upload a folder":
        files = st.sidebar.file_uploader(
            "a blog's folder (its generator's settings and folders, such as _config.yml and "
            "_posts/, are read as on disk; hidden files such as .git/ are passed over)",
            accept_multiple_files="directory", key="folder_upload")
    if choice in ("upload files", "upload a folder"):
        if files:
            uploads = tuple((f.name, f.getvalue()) for f in files)
            digest = hashlib.sha256()
            for name, data in uploads:
                digest.update(hashlib.sha256(name.encode("utf-8", "replace")).digest())
                digest.update(hashlib.sha256(data).digest())
            return "upload:" + digest.hexdigest(), uploads, None
    elif choice == "blog address":
        address = st.sidebar.text_input("blog address (https://…)", key="address").strip()
        if address:
            return "address:" + address, (), None
    elif choice == "server folder":
        folder = st.sidebar.text_input(f"folder under {', '.join(roots)}", value=roots[0],
                                       key="folder")
        return "folder:" + folder, (), roots
    return "data:" + os.environ.get("GRAPHKIT_DATA", str(DEFAULT_DATA)), (), None


def read_blog(source: str, options: BuildOptions):
    """Crawl a blog address (public addresses only, unless the server allows private ones
    with GRAPHKIT_ALLOW_PRIVATE_CRAWL=1) with a progress bar: pages done of found."""
    from graphkit.crawl import is_address, public_address

    address = source.split(":", 1)[1]
    if not is_address(address):
        raise GraphkitError(f"{address}: not an http(s) address")
    if os.environ.get("GRAPHKIT_ALLOW_PRIVATE_CRAWL") != "1" and not public_address(address):
        raise GraphkitError(f"{address}: not a public address; this server reads public "
                            f"blogs only")
    bar = st.progress(0.0, text="finding the blog's posts…")
    state = {"bytes": 0}

    def on_bytes(n: int) -> None:
        state["bytes"] = n

    def progress(done: int, total: int, url: str) -> None:
        bar.progress(done / max(total, 1),
                     text=f"{done} of {total} pages · {state['bytes'] / 1e6:.1f} MB")

    crawl_key = ";".join(f"{row['name']}={getattr(options, row['name'])}"
                         for row in option_table() if row["group"] == "crawl")
    result = load(source, _options=options, _progress=(progress, on_bytes), crawl_key=crawl_key)
    bar.empty()
    return result


st.sidebar.title("graphkit")
source, uploads, roots = source_choice()
st.sidebar.header("options")
try:
    options = sidebar_options()
    if source.startswith("address:"):
        read_result = read_blog(source, options)
    else:
        read_result = load(source, uploads, roots)
    tm = terms(source, options.keyword_chars, options.mine_phrases, read_result)
    # display-only options are not part of the analysis' cache key
    result = run(source, options.with_(show_extra_nodes=True, **DISPLAY_DEFAULTS),
                 read_result, tm)
    if any(getattr(options, k) != v for k, v in DISPLAY_DEFAULTS.items()):
        result = result.with_display(max_share=options.display_max_share,
                                     level=options.display_level)
except GraphkitError as exc:
    st.error(md(str(exc)))
    st.stop()
except Exception as exc:  # noqa: BLE001 - a visitor sees one line, the server log the rest
    logging.getLogger("graphkit.app").exception("build failed")
    st.error(f"graphkit could not map this input ({type(exc).__name__}); "
             "the server log has the details.")
    st.stop()

page = Page.of(source, options, result)
c = result.community
st.title(md(f"{blog_name(read_result) or 'graphkit'} · knowledge map"))
(st.warning if c.trivial else st.caption)(c.message)
for col, (name, value) in zip(st.columns(5), [
        ("posts", len(read_result.posts)), ("edges", result.graph.number_of_edges()),
        ("top modules", c.num_top_modules), ("levels", c.num_levels),
        ("skipped fragments", len(read_result.fragments))]):
    col.metric(name, value)
# a post chosen anywhere (search, a table row) is the post page's post and the map's focus
if "post" in st.session_state and st.session_state["post"] not in page.post_keys:
    del st.session_state["post"]

tabs = st.tabs(["Map", "Modules", "Post", "Time", "Gaps", "Reading report"])
for tab, view in zip(tabs, (map_view, modules_view, post_view, time_view, gaps_view,
                            report_view)):
    with tab:
        view.show(page)
