"""Command line: ``python -m graphkit build [PATH ...] --out DIR``.

The flags of ``build`` are generated from :func:`graphkit.options.option_table`.
User errors (a missing path, a bad option, nothing readable) print one line
``graphkit: error: …`` on standard error and exit with code 1 (2 for a malformed
command line); there is no traceback.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import fields

from .errors import GraphkitError
from .options import BuildOptions, option_table, options_markdown

EXIT_OK, EXIT_USER_ERROR, EXIT_USAGE = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # one line, no usage dump
        self.exit(EXIT_USAGE, f"graphkit: error: {message}\n")


def _parser() -> argparse.ArgumentParser:
    p = _Parser(prog="python -m graphkit",
                description="Knowledge-graph explorer of blog-post relationships.")
    sub = p.add_subparsers(dest="command", required=True, parser_class=_Parser)
    b = sub.add_parser("build", help="read posts, relate them, find communities, write the map")
    b.add_argument("paths", nargs="*", metavar="PATH",
                   help="files, folders or archives (.zip, .tar.gz…, read as folders) to "
                        "read (default: the embedded data/ folder)")
    b.add_argument("--out", required=True, metavar="DIR", help="folder for the outputs")
    b.add_argument("--quiet", action="store_true", help="print nothing on success")
    for row in option_table():
        flag = "--" + row["name"].replace("_", "-")
        if row["type"] == "bool":
            b.add_argument(flag, dest=row["name"], action=argparse.BooleanOptionalAction,
                           default=None, help=f"{row['help']} (default: {row['default']})")
        elif row["type"] == "list":
            b.add_argument(flag, dest=row["name"], default=None, metavar="A,B",
                           help=f"{row['help']}, comma-separated (default: "
                                f"{','.join(row['default'])})")
        elif row["type"] == "str":
            b.add_argument(flag, dest=row["name"], default=None, choices=row["choices"],
                           metavar="|".join(row["choices"]) if row["choices"] else "TEXT",
                           help=f"{row['help']} (default: {row['default']!r})")
        else:
            kind = {"int": int, "float": float}[row["type"]]
            b.add_argument(flag, dest=row["name"], type=kind, default=None,
                           help=f"{row['help']} (default: {row['default']})")
    sub.add_parser("options", help="print the table of build options as Markdown")
    return p


def options_from_args(ns: argparse.Namespace) -> BuildOptions:
    """Build :class:`BuildOptions` from parsed flags (unset flags keep their defaults)."""
    changes = {}
    for f in fields(BuildOptions):
        value = getattr(ns, f.name, None)
        if value is None:
            continue
        if isinstance(f.default, tuple):
            value = tuple(v.strip() for v in value.split(",") if v.strip())
        changes[f.name] = value
    return BuildOptions(**changes)


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    ns = _parser().parse_args(argv)
    if ns.command == "options":
        print(options_markdown())
        return EXIT_OK
    try:
        options = options_from_args(ns)

        bar = None

        def progress(done: int, total: int, path: str) -> None:
            """A progress bar on standard error (tqdm) for crawls and large folders."""
            nonlocal bar
            if ns.quiet or total < 50 and not path.startswith(("http://", "https://")):
                return
            if bar is None:
                from tqdm import tqdm

                unit = "page" if path.startswith(("http://", "https://")) else "file"
                bar = tqdm(total=total, unit=unit, file=sys.stderr, mininterval=0.5,
                           desc="fetch" if unit == "page" else "read")
            bar.total = total
            bar.update(done - bar.n)
            if done == total:
                bar.close()

        import time

        from ._runtime import batch_collection
        from .graph import EXCERPT_CHARS
        from .pipeline import analyse, read_any, write_outputs

        # a batch run pauses the cyclic collector (see batch_collection); a library
        # caller's build() never touches process settings
        if options.engine == "spark":
            from .spark import build_spark

            with batch_collection(collect=False):   # the process ends after it
                result = build_spark(ns.paths or None, options=options, progress=progress,
                                     exclude=[ns.out])
                files = write_outputs(result, ns.out)
        else:
            with batch_collection(collect=False):   # the process ends after it
                t = time.perf_counter()
                read = [read_any(ns.paths or None, options=options, progress=progress,
                                 exclude=[ns.out])]
                read_seconds = time.perf_counter() - t
                # handed over (popped, not named here), so that analyse can drop the
                # posts' whole texts once the graph is built: nothing written needs them
                result = analyse(read.pop(), options=options, read_seconds=read_seconds,
                                 cut_texts=EXCERPT_CHARS, keep_term_weights=False)
                files = write_outputs(result, ns.out)
    except GraphkitError as exc:
        print(f"graphkit: error: {exc}", file=sys.stderr)
        return EXIT_USER_ERROR
    except OSError as exc:  # e.g. the output folder cannot be written
        print(f"graphkit: error: {exc.filename or ''}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_USER_ERROR
    if not ns.quiet:
        r = result.read
        skipped = len(r.fragments)
        print(f"read {len(r.files)} files: {len(r.posts)} posts from {r.sightings} sightings, "
              f"{skipped} skipped fragments (see report.json)")
        print(result.community.message)
        for name, path in files.items():
            print(f"wrote {path}")
    return EXIT_OK
