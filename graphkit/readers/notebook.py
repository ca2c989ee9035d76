"""Jupyter notebooks (``.ipynb``) as blog posts.

Blogs built with Quarto, nbdev, Jupyter Book, fastpages or Pelican's notebook plugins
publish notebooks as posts. The post is what the author wrote in the notebook's Markdown
cells, with the front matter of a leading raw cell (Quarto: ``---`` … ``---``); code
cells and their outputs are code, not the post's prose, and are listed in the report.

The notebook format: https://nbformat.readthedocs.io/en/latest/format_description.html
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..model import Fragment, Post
from ..text import loads_json, preview
from . import frontmatter

NOTEBOOK = "notebook"
# a cell's "cell_type" key as the JSON text writes it (not inside a string, where its
# quotes are escaped): the file's line of each cell, in order
_CELL_KEY_RE = re.compile(r'(?<!\\)"cell_type"\s*:')


def detect(path: str) -> bool:
    """True for a ``.ipynb`` file."""
    return path.lower().endswith(".ipynb")


def _source(cell: dict) -> str:
    """A cell's source: nbformat 4 writes a string or a list of lines."""
    src = cell.get("source", "")
    if isinstance(src, list):
        return "".join(str(s) for s in src)
    return src if isinstance(src, str) else ""


def read_notebook(text: str, path: str) -> tuple[list[Post], list[Fragment]]:
    """Read one Jupyter notebook (nbformat 4) as a post.

    Parameters
    ----------
    text : str
        The notebook's JSON text.
    path : str
        Its report name; the post's names (path, slug, date in a ``YYYY-MM-DD-`` name)
        come from it as for a Markdown file.

    Returns
    -------
    posts : list of Post
        The post, read from the Markdown cells as :mod:`graphkit.readers.frontmatter`
        reads a Markdown file: front matter from a raw cell that opens the notebook
        with ``---``, the title from it or from the first ``# heading``. Lines and
        fragments name the notebook's own lines.
    fragments : list of Fragment
        The code cells and their outputs (one entry), and what the Markdown reader set
        aside; the whole file when it is not a notebook of nbformat 4.
    """
    lines_total = text.count("\n") + 1
    try:
        nb = loads_json(text)
    except (ValueError, RecursionError) as exc:
        line = getattr(exc, "lineno", 1)
        return [], [Fragment(path=path, line=line, end_line=lines_total,
                             reason=f"not a Jupyter notebook: broken JSON ({exc})", text="")]
    cells = nb.get("cells") if isinstance(nb, dict) else None
    if not isinstance(cells, list):
        why = ("a notebook of nbformat 3 or older (no cells list), not read; convert it with "
               "jupyter nbconvert --to notebook" if isinstance(nb, dict) and "worksheets" in nb
               else "not a Jupyter notebook (no cells list)")
        return [], [Fragment(path=path, line=1, end_line=lines_total, reason=why,
                             text=preview(text))]
    starts, line, pos = [], 1, 0
    for m in _CELL_KEY_RE.finditer(text):
        line += text.count("\n", pos, m.start())
        pos = m.start()
        starts.append(line)
    if len(starts) != len(cells):      # a key written otherwise: name the cells' first line
        starts = [1] * len(cells)
    lines: list[str] = []
    origin: list[int] = []            # the notebook's line of the cell each line comes from
    code: list[int] = []              # the lines of the cells not read
    for cell, at in zip(cells, starts):
        kind = cell.get("cell_type") if isinstance(cell, dict) else None
        src = _source(cell) if isinstance(cell, dict) else ""
        front = kind == "raw" and not lines and src.lstrip().startswith("---")
        if kind == "markdown" or front:    # (a leading raw cell of --- is front matter)
            block = (src.strip() if front else src).split("\n") + [""]
            lines += block
            origin += [at] * len(block)
        elif src.strip() or (isinstance(cell, dict) and cell.get("outputs")):
            code.append(at)
    frags: list[Fragment] = []
    if code:
        frags.append(Fragment(
            path=path, line=code[0], end_line=lines_total,
            reason=f"{len(code)} code or raw cell(s) and their outputs: code, not the post's "
                   f"prose", text=""))
    if not any(line.strip() for line in lines):
        frags.append(Fragment(path=path, line=1, end_line=lines_total,
                              reason="a notebook without Markdown text: no post", text=""))
        return [], frags
    if frontmatter.detect(lines):
        posts, more = frontmatter.read_front_matter(lines, path)
    else:
        posts, more = frontmatter.read_plain_markdown(lines, path)

    def at(line: int) -> int:
        return origin[min(max(line, 1), len(origin)) - 1]

    frags += [replace(f, line=at(f.line), end_line=max(at(f.line), at(f.end_line)))
              for f in more]
    posts = [replace(p, sources=tuple(replace(s, line=at(s.line), format=NOTEBOOK)
                                      for s in p.sources)) for p in posts]
    return posts, frags
