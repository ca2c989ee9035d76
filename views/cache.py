"""The dashboard's cached work. Every cache is bounded (entries and age), so a server's
memory does not grow with visitors or option changes; sources are keyed by what they hold
(the hash of uploaded bytes), never by file names. graphkit's functions are called
through their modules (``pipeline.analyse``), so a test can count the calls."""

from __future__ import annotations

import streamlit as st

from graphkit import pipeline
from graphkit.analysis import alluvial, structural_gaps
from graphkit.options import BuildOptions
from graphkit.readers import read_uploads

CACHE = {"max_entries": 8, "ttl": 3600}


@st.cache_resource(show_spinner="Reading posts…", **CACHE)
def load(source: str, _uploads: tuple[tuple[str, bytes], ...] = (),
         _roots: tuple[str, ...] | None = None, _options: BuildOptions | None = None,
         _progress=None, crawl_key: str = ""):
    if source.startswith("upload:"):
        return read_uploads(_uploads)  # in memory: no upload folder to remove
    path = source.split(":", 1)[1]
    if source.startswith("address:"):
        from graphkit.crawl import crawl

        progress, on_bytes = _progress or (None, None)
        return crawl(path, options=_options or BuildOptions(), progress=progress,
                     on_bytes=on_bytes)
    return pipeline.read([path], workers=0, allowed_roots=_roots)  # no fork from a threaded server


@st.cache_resource(show_spinner="Segmenting text…", **CACHE)
def terms(source: str, keyword_chars: int, mine_phrases: bool, _read_result):
    return pipeline.keyword_terms(_read_result.posts, options=BuildOptions(
        keyword_chars=keyword_chars, mine_phrases=mine_phrases))


@st.cache_resource(show_spinner="Relating posts and running InfoMap…", **CACHE)
def run(source: str, options: BuildOptions, _read_result, _terms):
    return pipeline.analyse(_read_result, options=options, terms=_terms)


@st.cache_resource(show_spinner="Running InfoMap on each year's network…", max_entries=4,
                   ttl=3600)
def run_alluvial(source: str, options: BuildOptions, _result):
    return alluvial(_result.graph, infomap_args=pipeline.infomap_arguments(options),
                    tm=_result.terms,
                    display=_result.display)


@st.cache_resource(show_spinner=False, **CACHE)
def run_gaps(source: str, options: BuildOptions, _result):
    return structural_gaps(_result.graph, _result.community, _result.terms,
                           display=_result.display)
