"""The ``claimtrail`` command: ``analyze`` articles, ``eval`` on annotated data, ``--version``;
and the corpus store: ``ingest``, ``who``, ``claims --about``, ``search``, ``failures``, ``export``;
``serve`` (the REST API and web app); ``cluster`` and ``clusters [ID]`` (the same claim across articles).

Exit codes: 0 done; 1 a single input could not be analysed, or a batch in which nothing could;
2 a usage error (bad option, unknown evaluation, missing data path).
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from . import __version__
from .config import Options
from .model import Dossier, Failure

PROG = "claimtrail"


def main(argv: list[str] | None = None) -> int:
    from .store.base import StoreError

    args = _parser().parse_args(argv)
    try:
        return int(args.run(args))
    except StoreError as exc:  # locked, read-only, newer schema, unreachable: one clear line
        print(f"{PROG}: {exc}", file=sys.stderr)
        return 1
    except BrokenPipeError:  # `claimtrail analyze … | head` is fine: stop quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no second error at exit
        return 0
    except KeyboardInterrupt:
        return 130


def _parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog=PROG, description="Who said what, about whom, when, and how sure "
                                                        "anyone is: news articles into dossiers.")
    ap.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    sub = ap.add_subparsers(dest="command", required=True, metavar="COMMAND")

    an = sub.add_parser("analyze", help="analyse articles into dossiers",
                        description="Analyse articles (.txt, .html/.htm, .jsonl, folders, - for stdin). "
                                    "One article prints a readable dossier; several, a folder or a .jsonl "
                                    "print one JSON dossier per line.")
    an.add_argument("paths", nargs="+", metavar="PATH")
    an.add_argument("--format", choices=("text", "json", "jsonl"),
                    help="text (default for one article), json (the contract JSON; a list for several) "
                         "or jsonl (default for several: one dossier or failure per line)")
    an.add_argument("--published", type=_iso_date, metavar="YYYY-MM-DD",
                    help="publication date of the input(s); wins over dates found in the input")
    an.add_argument("--max-bytes", type=_positive, default=Options.max_bytes, metavar="N",
                    help=f"refuse inputs (and JSONL lines) over N bytes (default {Options.max_bytes:,})")
    an.add_argument("--stdin-format", choices=("auto", "text", "html", "jsonl"), default="auto",
                    help="how to read '-' (auto: JSONL if the first line starts with '{', HTML if it "
                         "starts with <html or <!doctype html, else text)")
    an.add_argument("--no-language-check", action="store_true", help="analyse texts even if not English")
    an.set_defaults(run=_analyze)

    ev = sub.add_parser("eval", help="score claimtrail on an annotated data set")
    from .eval import EVALUATORS  # a plain table: no spaCy

    # argparse refuses an unknown NAME (exit 2, with the choices); eval.evaluate checks for library callers
    ev.add_argument("name", metavar="NAME", choices=list(EVALUATORS), help=", ".join(EVALUATORS))
    ev.add_argument("path", type=Path, metavar="PATH")
    ev.add_argument("--json", action="store_true", help="print the scores as JSON")
    ev.set_defaults(run=_eval)
    _corpus_commands(sub)
    _cluster_commands(sub)
    _serve_command(sub)
    return ap


def _corpus_commands(sub: Any) -> None:
    """The store's commands: each a few lines over ``claimtrail.corpus`` and ``claimtrail.store``."""
    from .store import DEFAULT_DB

    def db(p: argparse.ArgumentParser) -> argparse.ArgumentParser:
        p.add_argument("--db", default=DEFAULT_DB, metavar="URL",
                       help=f"SQLite file or postgresql://… URL (default {DEFAULT_DB} in this folder)")
        return p

    ing = db(sub.add_parser("ingest", help="analyse articles and store them (skips what is stored)"))
    ing.add_argument("paths", nargs="+", metavar="PATH")
    ing.add_argument("--workers", type=_positive, default=1, metavar="N",
                     help="analyse in N processes (a local Dask cluster on 127.0.0.1)")
    ing.add_argument("--scheduler", metavar="ADDRESS",
                     help="analyse on a running Dask cluster (tcp://host:8786) whose workers have claimtrail installed")
    ing.add_argument("--published", type=_iso_date, metavar="YYYY-MM-DD", help="publication date of the inputs")
    ing.add_argument("--max-bytes", type=_positive, default=Options.max_bytes, metavar="N")
    ing.add_argument("--no-language-check", action="store_true", help="analyse texts even if not English")
    ing.add_argument("--no-cluster", action="store_true",
                     help="store only; cluster claims across articles later with `claimtrail cluster`")
    ing.set_defaults(run=_ingest)
    for name, helptext in (("who", "every article's person (or org) known by NAME"),
                           ("claims", "claims about someone, by publication date"),
                           ("search", "full-text search over the stored articles")):
        q = db(sub.add_parser(name, help=helptext))
        if name == "claims":
            q.add_argument("--about", required=True, metavar="NAME")
        else:
            q.add_argument("query", nargs="+", metavar="NAME" if name == "who" else "TEXT")
        q.add_argument("--limit", type=_positive, default=100 if name != "search" else 20, metavar="N")
        if name == "search":
            q.add_argument("--offset", type=int, default=0, metavar="N", help="skip the first N hits (paging)")
        q.add_argument("--json", action="store_true", help="one JSON object a line")
        q.set_defaults(run=_query, query_kind=name)
    fl = db(sub.add_parser("failures", help="list stored failures, or --retry them"))
    fl.add_argument("--retry", action="store_true", help="read the failed inputs again and store what works now")
    fl.add_argument("--workers", type=_positive, default=1, metavar="N")
    fl.set_defaults(run=_failures)
    ex = db(sub.add_parser("export", help="every stored dossier as JSONL, attributions as CSV, or brat files"))
    ex.add_argument("--format", choices=("jsonl", "csv", "brat"), default="jsonl",
                    help="jsonl (dossiers), csv (one row per attribution) or brat (a .txt and .ann per "
                         "article, written into --out DIR)")
    ex.add_argument("--out", type=Path, metavar="PATH",
                    help="a folder for brat (required there); a file for jsonl/csv (default stdout)")
    ex.set_defaults(run=_export)


def _serve_command(sub: Any) -> None:
    sv = sub.add_parser("serve", help="the REST API (/api/v1) and the web app over a store",
                        description="Serve a store over HTTP. Tokens come from CLAIMTRAIL_READ_TOKEN and "
                                    "CLAIMTRAIL_WRITE_TOKEN, or a TOML --config FILE ([serve] db, read_token, "
                                    "write_token; the environment wins over the file); without a write token, "
                                    "writing is turned off.")
    sv.add_argument("--db", metavar="URL", help="SQLite file or postgresql://… URL (default: the config's db, "
                                                "else claimtrail.db in this folder)")
    sv.add_argument("--host", default="127.0.0.1")
    sv.add_argument("--port", type=_positive, default=8000)
    sv.add_argument("--config", type=Path, metavar="FILE", help="TOML file with a [serve] table")
    sv.set_defaults(run=_serve)


def _serve(args: argparse.Namespace) -> int:
    from .api.serve import serve  # FastAPI and uvicorn load only for this command

    return serve(args.db, args.host, args.port, args.config)


def _progress_printer() -> Any:
    """A progress line on stderr: rewritten in place on a terminal, printed once at the end otherwise."""
    tty = sys.stderr.isatty()
    last = [0.0]

    def show(st: Any) -> None:
        if not (st.done or st.elapsed - last[0] >= (0.2 if tty else 10.0)):
            return
        last[0] = st.elapsed
        line = (f"{PROG}: {st.stored} stored, {st.skipped} already stored, {st.failed} failed — "
                f"{st.rate:.1f} articles/s, {st.elapsed:.1f} s")
        print(("\r" + line + "\033[K") if tty else line, end="\n" if st.done or not tty else "",
              file=sys.stderr, flush=True)
    return show


def _ingest(args: argparse.Namespace) -> int:
    from .corpus import ingest

    options = Options(max_bytes=args.max_bytes, check_language=not args.no_language_check,
                      scheduler=args.scheduler)
    st = ingest(args.paths, args.db, options, workers=args.workers, published=args.published,
                progress=_progress_printer(), cluster=not args.no_cluster)
    if st.cluster_note:
        print(f"{PROG}: {st.cluster_note}", file=sys.stderr)
    return 0 if st.stored or st.skipped or not st.failed else 1


def _query(args: argparse.Namespace) -> int:
    from dataclasses import asdict

    from . import corpus_view
    from .people import link_people
    from .store import open_store

    with open_store(args.db, create=False) as store:
        if args.query_kind == "who":  # grouped into people: one name, roles that differ, kept apart
            items, lines = link_people(store.who(" ".join(args.query), args.limit)), corpus_view.who_lines
        elif args.query_kind == "claims":
            items, lines = store.claims_about(args.about, args.limit), corpus_view.claim_lines
        else:
            items, lines = store.search(" ".join(args.query), args.limit, max(0, args.offset)), corpus_view.search_lines
    for line in ((json.dumps(asdict(i), ensure_ascii=False) for i in items) if args.json else lines(items)):
        print(line)
    if not items:
        print(f"{PROG}: nothing found", file=sys.stderr)
    return 0 if items else 1


def _failures(args: argparse.Namespace) -> int:
    from . import corpus_view
    from .corpus import retry_failures
    from .store import open_store

    if args.retry:
        retry_failures(args.db, workers=args.workers, progress=_progress_printer())
    with open_store(args.db, create=False) as store:
        failures = store.failures()
    for line in corpus_view.failure_lines(failures):
        print(line)
    print(f"{PROG}: {_n(len(failures), 'failure')} stored", file=sys.stderr)
    return 0


def _export(args: argparse.Namespace) -> int:
    from .store import open_store
    from .store.export import write_export

    if args.format == "brat" and (args.out is None or (args.out.exists() and not args.out.is_dir())):
        print(f"{PROG}: --format brat writes one .txt and one .ann per article: give --out DIR, a folder",
              file=sys.stderr)
        return 2
    with open_store(args.db, create=False) as store:
        try:
            if args.format == "brat":
                from .store.export import write_brat

                n = write_brat(store.dossiers(), args.out)
            elif args.out:
                with open(args.out, "w", encoding="utf-8", newline="") as out:
                    n = write_export(store.dossiers(), args.format, out)
            else:
                n = write_export(store.dossiers(), args.format, sys.stdout)
        except (IsADirectoryError, NotADirectoryError, PermissionError, FileExistsError) as exc:
            print(f"{PROG}: cannot write the export: {exc}", file=sys.stderr)
            return 1
    print(f"{PROG}: {_n(n, 'article')} exported" + (f" to {args.out}" if args.out else ""), file=sys.stderr)
    return 0


def _cluster_commands(sub: Any) -> None:
    """Claim clusters across articles: ``cluster`` (re)builds them, ``clusters`` lists or shows one."""
    from .store import DEFAULT_DB

    cl = sub.add_parser("cluster", help="cluster stored claims across articles (ingest does this too)")
    cl.add_argument("--db", default=DEFAULT_DB, metavar="URL")
    cl.add_argument("--rebuild", action="store_true", help="forget every cluster and cluster all claims again")
    cl.set_defaults(run=_cluster)
    cs = sub.add_parser("clusters", help="claim clusters, or one cluster's timeline (clusters ID)")
    cs.add_argument("id", nargs="?", type=_positive, metavar="ID", help="show this cluster's timeline")
    cs.add_argument("--db", default=DEFAULT_DB, metavar="URL")
    cs.add_argument("--about", metavar="NAME", help="clusters with a claim about NAME")
    cs.add_argument("--status", metavar="S", help="confirmed, asserted, denied, disputed, unconfirmed, unclear")
    cs.add_argument("--min", type=_positive, default=1, metavar="N", help="clusters of at least N claims")
    cs.add_argument("--limit", type=_positive, default=50, metavar="N")
    cs.add_argument("--format", choices=("text", "json"), default="text")
    cs.set_defaults(run=_clusters)


def _cluster(args: argparse.Namespace) -> int:
    from .store import open_store
    from .trail import cluster_store

    with open_store(args.db, create=False) as store:
        st = cluster_store(store, rebuild=args.rebuild)
        n = store.cluster_counts()["clusters"]
    print(f"{PROG}: {_n(st.claims, 'claim')} clustered ({st.created} new clusters, {st.joined} joined one) "
          f"in {st.seconds:.1f} s; {_n(n, 'cluster')} stored", file=sys.stderr)
    return 0


def _clusters(args: argparse.Namespace) -> int:
    from dataclasses import asdict

    from . import corpus_view
    from .store import open_store
    from .store.queries import Filter

    with open_store(args.db, create=False) as store:
        if args.id is not None:
            found = store.cluster(args.id)
            if found is None:
                print(f"{PROG}: no cluster #{args.id}", file=sys.stderr)
                return 1
            out = [json.dumps(asdict(found), ensure_ascii=False, indent=1)] if args.format == "json" \
                else list(corpus_view.timeline_lines(found))
        else:
            page = store.list_clusters(Filter(entity=args.about, status=args.status, limit=args.limit),
                                       min_claims=args.min)
            out = [json.dumps(asdict(c), ensure_ascii=False) for c in page.items] if args.format == "json" \
                else list(corpus_view.cluster_list_lines(page.items))
            if not page.items:
                print(f"{PROG}: no clusters found", file=sys.stderr)
                return 1
            if page.total > len(page.items):
                print(f"{PROG}: {len(page.items)} of {page.total} clusters shown", file=sys.stderr)
    for line in out:
        print(line)
    return 0


def _analyze(args: argparse.Namespace) -> int:
    from .ingest.files import STDIN, is_batch, read_inputs, sniff_stdin

    options = Options(max_bytes=args.max_bytes, check_language=not args.no_language_check)
    stdin_format, stdin = args.stdin_format, None
    if STDIN in args.paths and stdin_format == "auto":  # the output format depends on what comes in
        stdin_format, stdin = sniff_stdin(sys.stdin.buffer)
    batch = is_batch(args.paths, stdin_format)
    fmt = args.format or ("jsonl" if batch else "text")
    articles = read_inputs(args.paths, options, published=args.published, stdin_format=stdin_format, stdin=stdin)
    results = _analyzed(articles if batch else list(articles), options)
    done = failed = 0
    for result, out in _formatted(results, fmt, batch):
        if isinstance(result, Failure):
            failed += 1
            print(f"{PROG}: {result.origin}: {result.message} [{result.code}]", file=sys.stderr)
        elif result is not None:
            done += 1
        if out:
            sys.stdout.write(out)
            sys.stdout.flush()
    if batch:
        print(f"{PROG}: {_n(done + failed, 'article')}, {failed} failed", file=sys.stderr)
    return 0 if done and (batch or not failed) else 1


def _analyzed(articles: Iterator[Any] | list[Any], options: Options) -> Iterator[Dossier | Failure]:
    """Results in input order; the model is loaded once, and not at all for one input that fails."""
    prechecked = isinstance(articles, list)
    if prechecked:  # one input, already read: refuse it before loading spaCy
        from .ingest.checks import checked

        articles = list(checked(articles, options))
        if all(isinstance(a, Failure) for a in articles):
            yield from articles
            return
    from .nlp.pipeline import Pipeline

    yield from Pipeline(options).pipe(articles, prechecked=prechecked)


def _formatted(results: Iterator[Dossier | Failure], fmt: str,
               batch: bool) -> Iterator[tuple[Dossier | Failure | None, str]]:
    """Each result with its output text ("" when it prints nothing; a lone failure only goes to stderr).

    A batch as ``--format json`` is one array, given at the end with no result beside it."""
    from . import view

    color = sys.stdout.isatty() and not os.environ.get("NO_COLOR")
    items: list[dict[str, Any]] = []
    for i, r in enumerate(results):
        sep = "\n" + "─" * view.WIDTH + "\n\n" if i else ""
        if fmt == "jsonl" and (batch or isinstance(r, Dossier)):
            yield r, json.dumps(r.to_dict(), ensure_ascii=False) + "\n"
        elif fmt == "json" and batch:
            items.append(r.to_dict())
            yield r, ""
        elif isinstance(r, Failure):
            yield r, sep + view.render_failure(r) if batch else ""
        elif fmt == "json":
            yield r, json.dumps(r.to_dict(), indent=1, ensure_ascii=False) + "\n"
        else:
            yield r, sep + view.render(r, color=color)
    if fmt == "json" and batch:  # several dossiers as JSON: one array, failures in their places
        yield None, json.dumps(items, indent=1, ensure_ascii=False) + "\n"


def _eval(args: argparse.Namespace) -> int:
    from .eval import evaluate

    if not args.path.exists():
        print(f"{PROG}: {args.path}: no such file or directory", file=sys.stderr)
        return 2
    try:
        scores = evaluate(args.name, args.path)
    except ModuleNotFoundError as exc:
        if not (exc.name or "").startswith("claimtrail.eval"):
            raise
        print(f"{PROG}: the {args.name} evaluation is not available in this build ({exc.name})", file=sys.stderr)
        return 2
    except (FileNotFoundError, NotADirectoryError) as exc:  # the data is not where PATH says
        print(f"{PROG}: eval {args.name}: {exc}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(scores, indent=1, ensure_ascii=False, default=str))
    else:
        print(score_table(args.name, scores))
    return 0


def score_table(name: str, scores: dict[str, Any]) -> str:
    """Scores as an aligned two-column table; nested dicts are flattened to dotted keys."""
    flat = dict(_flatten(scores))
    width = max((len(k) for k in flat), default=0)
    lines = [f"{name}", "-" * max(width + 12, len(name))]
    for key, value in flat.items():
        shown = f"{value:.3f}" if isinstance(value, float) else str(value)
        lines.append(f"{key:<{width}}  {shown:>9}")
    return "\n".join(lines)


def _flatten(d: dict[str, Any], prefix: str = "") -> Iterator[tuple[str, Any]]:
    for k, v in d.items():
        if isinstance(v, dict):
            yield from _flatten(v, f"{prefix}{k}.")
        else:
            yield f"{prefix}{k}", v


def _iso_date(value: str) -> str:
    from .ingest.dates import parse_given

    try:
        return parse_given(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _positive(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None
    if n <= 0:
        raise argparse.ArgumentTypeError("must be more than 0")
    return n


def _n(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


if __name__ == "__main__":
    raise SystemExit(main())
