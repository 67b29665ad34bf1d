"""The ``newsbrief`` command line: analyze, claims, graph, report, evaluate.

The modules that load heavy libraries (``tables``: pandas; ``formats``:
networkx and matplotlib; ``report``: nbconvert and papermill; ``corpus``: the
process pool and tqdm) are imported inside the commands that need them, and so
are the scoring and training modules (``evaluate``, ``crossval``,
``agreement``, ``claims.train``), which ``analyze`` never runs: a cold
``newsbrief analyze`` then loads only what the analysis needs (the target is
1.3x a bare ``spacy.load``); every other import sits at the top. Every user-facing
problem ends as one line on stderr and exit status 2; outputs are written to a
temporary file and renamed, so a failure never leaves a half-written file behind.
"""

from __future__ import annotations

import argparse
import gc
import os
import signal
import sys
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from .analysis import Settings, json_chunks
from .article import language_warning, local_path
from .config import (
    DEFAULT_ARTICLE,
    DEFAULT_MAX_BYTES,
    JSON_MAX_BYTES,
    package_file,
    read_text_file,
)
from .curation import curated_analysis
from .errors import NewsbriefError
from .files import check_target, write_atomic

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from .model import Analysis

__all__ = ["GC_THRESHOLDS", "main", "run", "write_atomic"]

#: The cyclic collector's thresholds while the program runs (Python's: 700, 10, 10).
#: Loading spaCy and its model makes hundreds of thousands of objects that live
#: as long as the process and hardly any garbage cycles: at 700 allocations a
#: collection, 300 collections walked them during a cold ``newsbrief analyze``
#: and found nothing to free. Fifty thousand keeps the walks few and the young
#: generation's garbage small (peak memory did not move).
GC_THRESHOLDS = (50_000, 20, 20)

#: The registries' names (``newsbrief.formats``), spelt here so that ``--help``
#: does not load pandas and matplotlib; a test checks they are the same.
_TABLE_CHOICES = ("csv", "json", "markdown")
_GRAPH_CHOICES = ("graphml", "gexf", "json", "plover", "png", "svg")


def _article_help(more: str = "") -> str:
    return f"article (.txt, .md, .html) or analysis .json{more}; default: the bundled article"


def _emit(data: str | bytes | Iterable[str], out: str | None) -> None:
    if out:
        write_atomic(out, data)
    elif isinstance(data, bytes):
        sys.stdout.buffer.write(data)
    else:
        sys.stdout.writelines([data] if isinstance(data, str) else data)


def _jobs(value: str) -> int:
    """``--jobs``: a count of processes, 0 for all cores; a negative one was read as 0."""
    try:
        jobs = int(value)
    except ValueError:
        jobs = -1
    if jobs < 0:
        raise argparse.ArgumentTypeError(f"{value!r}: a number of processes, 0 for all cores")
    return jobs


def _many(name: str) -> bool:
    """Whether the article argument names many articles: a folder or an @LIST.

    ``Path.is_dir()`` raised OSError for a name the system refuses (300
    characters), an internal error; such a name is one article, and its
    reader names the problem in one line.
    """
    if name.startswith("@"):
        return True
    try:
        return Path(name).is_dir()
    except OSError:
        return False


def _check_out_file(args: argparse.Namespace) -> None:
    """Refuse an ``--out`` file that cannot be written before the work, not after it.

    ``evaluate --cv`` and ``train`` run for minutes before they write; a
    folder or a path under a file as ``--out`` was found only then (and
    ``graph --out FOLDER.txt`` blamed the format 'txt'). A folder or @LIST
    of articles and the report write into a folder, checked where they run.
    """
    out = getattr(args, "out", None)
    if not out or args.command == "report":
        return
    if args.command in ("analyze", "graph") and _many(args.article):
        return
    check_target(out)


def _settings(args: argparse.Namespace) -> Settings:
    return Settings(gazetteers=tuple(args.gazetteer or ()))


def _load(args: argparse.Namespace) -> Analysis:
    """Analyze the article argument, or read it when it is an analysis JSON.

    An article that does not read as English is analyzed all the same, with
    one warning line on standard error (exit status 0).
    """
    analysis = curated_analysis(
        args.article, args.max_bytes, getattr(args, "overrides", None), _settings(args)
    )
    warning = language_warning(analysis.text, args.article)
    if warning:
        print(f"newsbrief: warning: {_printable(warning)}", file=sys.stderr)
    return analysis


def _cmd_analyze(args: argparse.Namespace) -> int:
    if _many(args.article):
        from .corpus import analyze_corpus  # the pool and its progress bar: folders only

        if args.format != "json":
            # It was ignored: an analyst asking for CSV got a folder of JSON.
            raise NewsbriefError(
                f"--format {args.format} is for one article; a folder or @LIST is written as "
                "OUTDIR/<stem>.json (newsbrief claims ARTICLE --format csv gives one table)"
            )
        return analyze_corpus(
            args.article,
            args.out,
            jobs=args.jobs,
            max_bytes=args.max_bytes,
            settings=_settings(args),
            scheduler=args.scheduler,
        )
    if args.scheduler != "pool":
        raise NewsbriefError("--scheduler is for a folder or an @LIST of articles")
    analysis = _load(args)
    if args.format == "csv":
        from .tables import claims_table, safe_csv  # pandas: heavy, only for CSV

        _emit(safe_csv(claims_table(analysis)), args.out)
        return 0
    _emit(json_chunks(analysis), args.out)
    return 0


def _cmd_claims(args: argparse.Namespace) -> int:
    from .tables import claims_table, render_table  # pandas: heavy

    _emit(render_table(claims_table(_load(args)), args.format), args.out)
    return 0


def _cmd_graph(args: argparse.Namespace) -> int:
    from .formats import write_analysis_graph, write_graph  # networkx, matplotlib: heavy

    fmt = _graph_format(args.format, args.out)
    if fmt == "png" and not args.out and sys.stdout.isatty():
        # Checked before the analysis: a PNG's bytes printed to a terminal
        # are noise that can leave it in a broken state.
        raise NewsbriefError(
            "--format png is binary: give --out FILE.png or redirect standard output"
        )
    if _many(args.article):
        from .corpus import merged_graph  # the pool and its progress bar: folders only

        graph = merged_graph(
            args.article, jobs=args.jobs, max_bytes=args.max_bytes, settings=_settings(args)
        )
        _emit(write_graph(graph, fmt), args.out)
    else:
        _emit(write_analysis_graph(_load(args), fmt), args.out)
    return 0


def _graph_format(given: str | None, out: str | None) -> str:
    """The graph format: --format, else --out's suffix, else json; checked before the work.

    An --out without a suffix said "unknown graph format ''" and only after
    the analysis; "graph.PNG" was unknown too, a suffix's case says nothing.
    """
    from .formats import GRAPH_FORMATS, graph_output  # networkx: heavy

    if given:
        return given
    if not out:
        return "json"
    suffix = Path(out).suffix.lstrip(".").lower()
    if not suffix:
        known = ", ".join(sorted({f.suffix for f in GRAPH_FORMATS.values()}))
        raise NewsbriefError(
            f"{out}: no suffix to tell the graph format; end it in one of {known}, or give --format"
        )
    graph_output(suffix)
    return suffix


def _cmd_report(args: argparse.Namespace) -> int:
    from .report import build_report  # nbconvert, papermill: heavy

    build_report(
        args.article,
        out_dir=args.out,
        max_bytes=args.max_bytes,
        overrides=args.overrides,
        pdf=not args.no_pdf,
        settings=_settings(args),
    )
    return 0


def _cmd_evaluate(args: argparse.Namespace) -> int:
    from .crossval import cross_validate, format_cv, load_gold_articles  # not for analyze
    from .evaluate import evaluate_files, format_scores  # not for analyze

    if args.events:
        from .events import evaluate_events, format_event_scores  # not for analyze

        text = read_text_file(args.gold, "event records", JSON_MAX_BYTES)
        try:
            halves = evaluate_events(text, _settings(args))
        except NewsbriefError as exc:
            if not str(exc).startswith("event record"):
                raise  # a lexicon's error, which names its own file
            raise NewsbriefError(f"{args.gold}: {exc}") from None
        _emit(format_event_scores(halves), args.out)
        return 0
    if args.cv:
        articles = load_gold_articles(args.gold, _settings(args), at_least=2)
        _emit(format_cv(cross_validate(articles)), args.out)
        return 0
    scores = evaluate_files(
        args.gold, args.article, args.max_bytes, _settings(args), args.overrides
    )
    _emit(format_scores(scores, args.format), args.out)
    return 0


def _cmd_agreement(args: argparse.Namespace) -> int:
    from .agreement import agreement_files, format_agreement  # not for analyze

    second = Path(args.second_dir)
    for folder in (Path(args.gold_dir), second):
        if not folder.is_dir():
            what = "is not a folder" if folder.exists() else "no such folder"
            raise NewsbriefError(f"{folder}: {what}")
    pairs = [
        (path.stem, agreement_files(Path(args.gold_dir) / path.name, path))
        for path in sorted(second.glob("*.yaml"))
        if (Path(args.gold_dir) / path.name).is_file()
    ]
    if not pairs:
        raise NewsbriefError(f"{second}: no gold file here has a twin in {args.gold_dir}")
    _emit(format_agreement(pairs), args.out)
    return 0


def _cmd_train(args: argparse.Namespace) -> int:
    from .claims.train import fit_models, write_models  # not for analyze
    from .crossval import curated_articles, load_gold_articles  # not for analyze

    # The analyst's files first (seconds, before the gold's minutes): a missing
    # article or misnamed overrides file is one line at once.
    curated = curated_articles(args.curated or [], args.overrides or [])
    for art in curated:
        if not art.rows:  # an override of sources or actors only: no label to learn
            print(
                f"newsbrief: warning: {art.name}: its overrides set no category or modality; "
                "nothing learnt from it",
                file=sys.stderr,
            )
    articles = load_gold_articles(args.gold_dir, models={}) + curated
    out = args.out or str(package_file("claims_model.json"))
    write_models(fit_models(articles), out)
    claims = sum(len(a.rows) for a in articles)
    mine = sum(len(a.rows) for a in curated)
    theirs = f" ({mine} of them an analyst's)" if curated else ""
    print(f"newsbrief: fitted on {claims} claims of {len(articles)} articles{theirs} -> {out}")
    if args.out:
        print(f"newsbrief: to use it, set NEWSBRIEF_CLAIMS_MODEL={out}")
    return 0


class _Parser(argparse.ArgumentParser):
    """A parser whose usage errors are one line, like every other error here.

    argparse prints the whole usage block before its message: for a mistyped
    ``--format`` six lines of which the one that matters is the last, and a
    script that reads the first line of standard error gets the usage.
    """

    def error(self, message: str) -> NoReturn:
        print(
            f"newsbrief: error: {_printable(message)} (see {self.prog} --help)",
            file=sys.stderr,
        )
        sys.exit(2)


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="newsbrief",
        description="Turn a news article into an analyst's briefing.",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def command(name: str, summary: str, description: str) -> argparse.ArgumentParser:
        """A subcommand whose ``--help`` opens with what it does, not only its usage."""
        return sub.add_parser(name, help=summary, description=description)

    def max_bytes(p: argparse.ArgumentParser) -> None:
        p.add_argument(
            "--max-bytes",
            type=int,
            default=DEFAULT_MAX_BYTES,
            metavar="N",
            help=f"refuse an article file over N bytes (default: {DEFAULT_MAX_BYTES:,})",
        )

    def common(
        p: argparse.ArgumentParser,
        formats: Sequence[str],
        default: str | None,
        out_help: str = "write here instead of standard output",
        article_help: str = "",
        format_help: str | None = None,
    ) -> None:
        p.add_argument(
            "article", nargs="?", default=str(DEFAULT_ARTICLE), help=article_help or _article_help()
        )
        p.add_argument(
            "--format",
            choices=formats,
            default=default,
            help=format_help or f"output format (default: {default})",
        )
        p.add_argument("--out", help=out_help)
        max_bytes(p)
        p.add_argument(
            "--overrides", help="analyst overrides YAML (default: ARTICLE.overrides.yaml)"
        )
        p.add_argument(
            "--gazetteer", action="append", help="extra actor gazetteer YAML (repeatable)"
        )

    p = command(
        "analyze",
        "analyze an article (or a folder) to JSON",
        "Analyze an article into JSON: its units (sentences, headings, list items) with "
        "each claim's category, modality and source, its actors and their relations. "
        "A folder or @LIST analyzes every article into OUTDIR/<stem>.json.",
    )
    common(
        p,
        ("json", "csv"),
        "json",
        out_help="file to write (a folder, OUTDIR, for a folder or @LIST of articles)",
        article_help=_article_help(", a folder of them, or @LIST (a file of their paths)"),
        format_help="json (the whole analysis, default) or csv (the claims table)",
    )
    p.add_argument("--jobs", type=_jobs, default=0, help="processes for a folder (0: all cores)")
    p.add_argument(
        "--scheduler",
        default="pool",
        help="for a folder or @LIST: pool (default), dask (local cluster), dask://HOST:PORT",
    )
    p.set_defaults(func=_cmd_analyze)

    p = command(
        "claims",
        "the categorized claims table",
        "The claims table: one row per claim with its category, modality, source, "
        "actors, the earlier claim it restates and the cues that decided them.",
    )
    common(p, _TABLE_CHOICES, "markdown")
    p.set_defaults(func=_cmd_claims)

    p = command(
        "graph",
        "the actor-relationship graph",
        "The actor-relationship graph: who does what to whom, each relation with its "
        "PLOVER class and evidence sentences. A folder merges its articles' graphs.",
    )
    common(
        p,
        _GRAPH_CHOICES,
        None,
        article_help=_article_help(", or a folder of them (one merged graph)"),
        format_help="output format (default: --out's suffix, else json); plover: "
        "PLOVER-style event records",
    )
    p.add_argument("--jobs", type=_jobs, default=0, help="processes for a folder (0: all cores)")
    p.set_defaults(func=_cmd_graph)

    p = command(
        "report",
        "build the HTML and PDF briefing",
        "Build the briefing of one article in OUT/<article-stem>/: briefing.html and "
        ".pdf, the claims, actors and relations as CSV, the graph, the analysis JSON "
        "and the executed notebooks. A failed step leaves no files behind.",
    )
    # The briefing is several files (HTML, PDF, CSV, GraphML, the run notebooks).
    common(
        p,
        ("html",),
        "html",
        out_help="folder that receives ARTICLE-STEM/ (default: reports/)",
        format_help="html (the only format; the PDF is printed from it)",
    )
    p.add_argument("--no-pdf", action="store_true", help="skip the PDF (no Chromium needed)")
    p.set_defaults(func=_cmd_report)

    p = command(
        "evaluate",
        "score an analysis against a gold YAML file",
        "Score newsbrief against hand-made gold annotations: one article, every article "
        "left out in turn (--cv), or PLOVER-style event records (--events).",
    )
    p.add_argument("gold", help="gold YAML (ANNOTATION.md format), or a folder of them with --cv")
    p.add_argument("article", nargs="?", help="article or analysis JSON (default: from the gold)")
    p.add_argument(
        "--format", choices=("text", "json"), default="text", help="output format (default: text)"
    )
    p.add_argument("--out", help="write the scores here instead of standard output")
    max_bytes(p)
    p.add_argument(
        "--cv", action="store_true", help="leave-one-article-out over a folder of gold files"
    )
    p.add_argument(
        "--events",
        action="store_true",
        help="GOLD is a file of PLOVER-style event records: score each sentence alone",
    )
    p.add_argument("--gazetteer", action="append", help="extra actor gazetteer YAML (repeatable)")
    p.add_argument("--overrides", help="analyst overrides YAML (default: ARTICLE.overrides.yaml)")
    p.set_defaults(func=_cmd_evaluate)

    p = command(
        "agreement",
        "Cohen's kappa between two annotators' gold files",
        "Cohen's kappa (and raw agreement) of category, modality, attribution and "
        "restatement between two annotators of the same articles.",
    )
    p.add_argument("gold_dir", help="folder of the first annotator's gold files")
    p.add_argument("second_dir", help="folder of the second annotator's files (same names)")
    p.add_argument("--out", help="write the table here instead of standard output")
    p.set_defaults(func=_cmd_agreement)

    p = command(
        "train",
        "refit the claim models on a folder of gold files",
        "Refit the category, modality, genre and restatement models on gold files "
        "and on analysts' overrides (--curated ARTICLE, or --overrides FILE), whose "
        "categories and modalities count as gold.",
    )
    p.add_argument("gold_dir", help="folder of gold YAML files")
    p.add_argument(
        "--out",
        help="models file to write (default: the package's own); set "
        "NEWSBRIEF_CLAIMS_MODEL=FILE for analyze, claims and report to use it",
    )
    p.add_argument(
        "--curated",
        action="append",
        metavar="ARTICLE",
        help="also learn from this article's ARTICLE.overrides.yaml (repeatable)",
    )
    p.add_argument(
        "--overrides",
        action="append",
        metavar="FILE",
        help="also learn from this overrides YAML, for the article beside it named FILE "
        "without .overrides.yaml (.txt, .md, .html, .htm tried; repeatable)",
    )
    p.set_defaults(func=_cmd_train)
    return parser


class Terminated(KeyboardInterrupt):
    """SIGTERM, raised where the program is, so that every cleanup runs as for Ctrl-C."""


def _terminate(signum: int, frame: object) -> None:
    raise Terminated


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; return the exit status (0 ok, 2 bad input, 1 internal error)."""
    args = _parser().parse_args(argv)
    previous = signal.signal(signal.SIGTERM, _terminate)
    try:
        if getattr(args, "max_bytes", 1) < 1:
            raise NewsbriefError(f"--max-bytes {args.max_bytes}: the size limit must be at least 1")
        if getattr(args, "article", None) == "":
            # Path("") is the current folder: an empty shell variable would
            # otherwise analyze every article in it, or say ": is a folder".
            raise NewsbriefError("the article path is empty")
        if getattr(args, "article", None):
            # Before any command makes it a Path, which folds "file://host" into a folder.
            args.article = local_path(args.article)
        _check_out_file(args)
        return args.func(args)
    except NewsbriefError as exc:
        print(f"newsbrief: error: {_printable(str(exc))}", file=sys.stderr)
        return 2
    except KeyboardInterrupt as exc:
        what = "terminated" if isinstance(exc, Terminated) else "interrupted"
        print(f"newsbrief: error: {what} during {args.command}", file=sys.stderr)
        return 143 if isinstance(exc, Terminated) else 130
    except BrokenPipeError:
        return 0
    except Exception as exc:
        if os.environ.get("NEWSBRIEF_DEBUG"):
            raise
        print(
            f"newsbrief: error: internal error ({type(exc).__name__}: {_printable(str(exc))}); "
            "please report it (NEWSBRIEF_DEBUG=1 shows the traceback)",
            file=sys.stderr,
        )
        return 1
    finally:
        signal.signal(signal.SIGTERM, previous)


def _printable(text: str) -> str:
    """One line without control characters: a hostile file name cannot drive the terminal."""
    return "".join(ch if ch.isprintable() else "?" for ch in " ".join(text.split()))[:500]


def run() -> None:
    """The ``newsbrief`` program: :func:`main` in a process of its own, then exit.

    A process that ends has no use for the collector, so its thresholds are
    raised (:data:`GC_THRESHOLDS`) and everything left is frozen before the
    exit, which would otherwise walk every object once more to find no
    garbage: together 1.0-1.4 s of CPU of a cold ``analyze`` under load
    (5.5 -> 4.1-4.4 s; a bare ``spacy.load`` took 4.3 s), about a fifth of it
    the walk at exit. Outputs are closed (written to a temporary file and
    renamed) before it, so nothing waits for a finalizer. :func:`main` itself
    leaves the collector alone, for callers in a longer-lived process.
    """
    gc.set_threshold(*GC_THRESHOLDS)
    status = main()
    gc.freeze()
    sys.exit(status)


if __name__ == "__main__":  # pragma: no cover
    run()
