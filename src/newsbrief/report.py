"""Build an article's report: executed notebooks, HTML and PDF briefing, data files.

``build_report`` analyzes the article once, writes the analysis JSON, runs the
three notebooks in ``notebooks/`` on it with papermill, and exports the
briefing notebook with nbconvert (HTML through the ``newsbrief`` template,
PDF through the same page printed by Chromium). Everything is built in a
temporary folder beside the target and moved into place at the end, so a
failed build leaves nothing half-written; the failure is raised as a
:class:`~newsbrief.errors.NewsbriefError` naming the step. The kernels live in
:mod:`newsbrief.kernels` and the folder transaction (stage, then publish in
one rename) in :mod:`newsbrief.files`; this module orchestrates the steps.

The report folder ``<out>/<article-stem>/`` holds::

    briefing.html  briefing.pdf  claims.csv  actors.csv  relations.csv
    graph.graphml  graph.png  graph.svg  analysis.json
    notebooks/01_claims.ipynb  notebooks/02_actor_graph.ipynb  notebooks/03_briefing.ipynb
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import json
import logging
import sys
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

import nbformat

from .analysis import Settings, to_json
from .article import language_warning
from .config import DEFAULT_ARTICLE, DEFAULT_MAX_BYTES, NOTEBOOKS_DIR, REPORTS_DIR
from .curation import curated_analysis
from .errors import NewsbriefError
from .exporter import BriefingHTMLExporter, SystemChromiumWebPDFExporter
from .figures import figure_bytes, graph_figure
from .files import (
    STALE_SECONDS,
    check_folder,
    publish_folder,
    remove_stale_staging,
    staging_folder,
)
from .graph import actor_graph, export_graph
from .kernels import (
    BRIEFING_NOTEBOOK,
    NOTEBOOKS,
    _close_thread_loop,
    kernel_name,
    refresh_notebooks,
    run_notebook,
    stop_kernels,
)
from .tables import actors_table, claims_table, relations_table, safe_csv

if TYPE_CHECKING:
    from .model import Analysis

__all__ = [
    "BRIEFING_NOTEBOOK",
    "EXPORT_OPTIONS",
    "NOTEBOOKS",
    "STALE_SECONDS",
    "build_report",
    "export_html",
    "export_pdf",
    "kernel_name",
    "refresh_notebooks",
    "remove_stale_staging",
    "run_notebook",
]


#: The briefing is for a reader who will not see the code: no inputs, no prompts.
EXPORT_OPTIONS = {
    "exclude_input": True,
    "exclude_input_prompt": True,
    "exclude_output_prompt": True,
}

_STEPS = ("analysis", "tables", "graph", "notebooks", "html", "pdf", "publish")


@dataclass
class _Progress:
    """One line per step on ``stream``: ``[1/7] analysis ... 3.2 s``."""

    stream: TextIO = field(default_factory=lambda: sys.stderr)
    timings: dict[str, float] = field(default_factory=dict)

    @contextlib.contextmanager
    def step(self, name: str, detail: str = "") -> Iterator[None]:
        number = _STEPS.index(name) + 1
        about = f" {detail}" if detail else ""
        print(f"[{number}/{len(_STEPS)}] {name}{about} ...", end="", file=self.stream, flush=True)
        start = time.perf_counter()
        try:
            yield
        except NewsbriefError as exc:
            print(" failed", file=self.stream, flush=True)
            raise NewsbriefError(
                f"report step {number}/{len(_STEPS)} ({name}) failed: {exc}"
            ) from exc
        except Exception as exc:
            print(" failed", file=self.stream, flush=True)
            msg = f"report step {number}/{len(_STEPS)} ({name}) failed: {_describe(exc)}"
            raise NewsbriefError(msg) from exc
        elapsed = time.perf_counter() - start
        self.timings[name] = elapsed
        print(f" {elapsed:.1f} s", file=self.stream, flush=True)

    def skip(self, name: str, why: str) -> None:
        number = _STEPS.index(name) + 1
        print(f"[{number}/{len(_STEPS)}] {name} skipped ({why})", file=self.stream, flush=True)


def _describe(exc: BaseException) -> str:
    """One line about an exception, with a notebook error's own name and value."""
    ename = getattr(exc, "ename", None)
    if ename:
        return f"{ename}: {getattr(exc, 'evalue', '')}".strip()
    text = " ".join(str(exc).split())
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def _read(path: Path) -> nbformat.NotebookNode:
    return nbformat.read(path, as_version=4)


def _titled(nb: nbformat.NotebookNode, title: str) -> nbformat.NotebookNode:
    nb.metadata["title"] = title
    return nb


def stable_cell_ids(path: Path) -> None:
    """Give the cell papermill injects a fixed id, so the same input gives the same bytes.

    papermill draws a random id for its ``injected-parameters`` cell; the
    HTML briefing shows cell ids as element ids.
    """
    nb = _read(path)
    for k, cell in enumerate(nb.cells):
        if "injected-parameters" in cell.get("metadata", {}).get("tags", []):
            cell["id"] = f"injected-parameters-{k}"
    _write(path, nbformat.writes(nb) + "\n")


def export_html(nb: nbformat.NotebookNode) -> str:
    """Render an executed notebook as the self-contained HTML briefing.

    Parameters
    ----------
    nb : nbformat.NotebookNode

    Returns
    -------
    str
        HTML with inputs and prompts hidden and figures embedded.
    """
    html, _ = BriefingHTMLExporter(**EXPORT_OPTIONS).from_notebook_node(nb)
    return html


def export_pdf(nb: nbformat.NotebookNode) -> bytes:
    """Print an executed notebook to an A4 PDF (same template as :func:`export_html`).

    Parameters
    ----------
    nb : nbformat.NotebookNode

    Returns
    -------
    bytes
    """
    pdf, _ = SystemChromiumWebPDFExporter(**EXPORT_OPTIONS).from_notebook_node(nb)
    return pdf


def _analyze(
    article: Path, max_bytes: int, overrides: str | Path | None, settings: Settings
) -> Analysis:
    return curated_analysis(article, max_bytes, overrides, settings)


def _write(path: Path, data: str | bytes) -> None:
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)


def _write_tables(analysis: Analysis, tmp: Path) -> None:
    """The three CSV files, UTF-8 with a byte-order mark.

    Excel reads a CSV without the mark in the system's code page, so every
    curly quote and accent of an article came out as two or three wrong
    characters; pandas, LibreOffice and Python's ``utf-8-sig`` read the mark
    as such.
    """
    for name, table in (
        ("claims.csv", claims_table(analysis)),
        ("actors.csv", actors_table(analysis)),
        ("relations.csv", relations_table(analysis)),
    ):
        (tmp / name).write_text(safe_csv(table), encoding="utf-8-sig")


def _write_graph(analysis: Analysis, tmp: Path) -> None:
    graph = actor_graph(analysis)
    _write(tmp / "graph.graphml", export_graph(graph, "graphml"))
    for fmt in ("png", "svg"):
        _write(tmp / f"graph.{fmt}", figure_bytes(graph_figure(graph), fmt))


def _run_notebooks(article: Path, tmp: Path, date: str, settings: Settings) -> None:
    """Run the notebooks side by side (one kernel each) on the analysis in ``tmp``."""
    missing = [n for n in NOTEBOOKS if not (NOTEBOOKS_DIR / n).is_file()]
    if missing:
        raise NewsbriefError(f"{NOTEBOOKS_DIR}: missing {', '.join(missing)}")
    (tmp / "notebooks").mkdir()
    parameters = {
        "article": str(article),
        "analysis_json": "analysis.json",
        "analysis_date": date,
        **settings.parameters(),
    }

    started: list = []

    def run(name: str) -> None:
        try:
            run_notebook(NOTEBOOKS_DIR / name, tmp / "notebooks" / name, parameters, tmp, started)
        except Exception as exc:
            raise NewsbriefError(f"{name}: {_describe(exc)}") from exc
        finally:
            _close_thread_loop()
        stable_cell_ids(tmp / "notebooks" / name)

    # Once a notebook fails or the report is interrupted, the kernels are
    # killed on purpose: papermill's threads would log "Kernel died ..." for
    # each of them above the one line that names the cause.
    papermill_log = logging.getLogger("papermill")
    was_disabled = papermill_log.disabled
    try:
        with ThreadPoolExecutor(max_workers=len(NOTEBOOKS)) as pool:
            futures = [pool.submit(run, name) for name in NOTEBOOKS]
            try:
                for future in futures:
                    future.result()
            except BaseException:
                papermill_log.disabled = True
                for future in futures:
                    future.cancel()
                stop_kernels(started)
                raise
    finally:
        papermill_log.disabled = was_disabled


def _stem(article: Path) -> str:
    name = article.name
    for suffix in (".analysis.json", ".json"):
        if name.endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)]
    return article.stem or "article"


def _other_article(target: Path, path: str) -> str | None:
    """The article whose report ``target`` holds, when its file name is not ``path``'s.

    The folder is named by the stem: "a.txt" and "a.html", or "a.txt" of two
    folders, share it, and the second report replaced the first without a word.
    A re-run of the same article (edited or not) is no news.
    """
    try:
        old = json.loads((target / "analysis.json").read_text(encoding="utf-8"))
        before = str(old["article"]["path"])
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return before if Path(before).name != Path(path).name else None


def build_report(
    article: str | Path | None = None,
    out_dir: str | Path | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    overrides: str | Path | None = None,
    pdf: bool = True,
    *,
    date: str | None = None,
    settings: Settings | None = None,
    stream: TextIO | None = None,
    timings: dict[str, float] | None = None,
) -> Path:
    """Build the report of one article into ``out_dir/<article-stem>/``.

    Parameters
    ----------
    article : str, pathlib.Path or None
        An article (.txt, .md, .html) or an analysis JSON; None means
        :data:`newsbrief.config.DEFAULT_ARTICLE`.
    out_dir : str, pathlib.Path or None
        The reports folder; None means :data:`newsbrief.config.REPORTS_DIR`.
    max_bytes : int
        Size limit of the article.
    overrides : str, pathlib.Path or None
        Analyst overrides YAML; default ``ARTICLE.overrides.yaml`` when present.
    pdf : bool
        Print ``briefing.pdf`` (needs Chromium).
    date : str, optional
        Date of analysis shown in the briefing (``YYYY-MM-DD``); today by default.
    settings : Settings, optional
        The user's lexicons (``--gazetteer``...). They shape the analysis,
        which the notebooks read from ``analysis.json``, and reach the
        notebooks as papermill parameters too.
    stream : file, optional
        Where progress lines go; standard error by default.
    timings : dict, optional
        Filled with the seconds each step took (for the benchmark).

    Returns
    -------
    pathlib.Path
        The report folder.

    Raises
    ------
    NewsbriefError
        When a step fails; the message names the step. Nothing is left behind.
    """
    source = Path(article) if article is not None else DEFAULT_ARTICLE
    target = Path(out_dir if out_dir is not None else REPORTS_DIR) / _stem(source)
    day = date or _dt.date.today().isoformat()
    progress = _Progress(stream or sys.stderr, timings if timings is not None else {})
    check_folder(target.parent)
    with progress.step("analysis", str(source)):
        settings = settings or Settings()
        analysis = _analyze(source, max_bytes, overrides, settings)
    warning = language_warning(analysis.text, str(source))
    if warning:
        print(f"newsbrief: warning: {warning}", file=progress.stream, flush=True)
    replaced = _other_article(target, analysis.article.path)
    if replaced:
        print(
            f"newsbrief: warning: {target} holds the report of {replaced}, another article "
            f"with the same stem; it is replaced by this one",
            file=progress.stream,
            flush=True,
        )
    with staging_folder(target) as tmp:
        _write(tmp / "analysis.json", to_json(analysis))
        steps: list[tuple[str, Callable[[], object]]] = [
            ("tables", lambda: _write_tables(analysis, tmp)),
            ("graph", lambda: _write_graph(analysis, tmp)),
            ("notebooks", lambda: _run_notebooks(source.resolve(), tmp, day, settings)),
        ]
        for name, run in steps:
            with progress.step(name):
                run()
        briefing = _titled(_read(tmp / "notebooks" / BRIEFING_NOTEBOOK), analysis.article.title)
        with progress.step("html"):
            _write(tmp / "briefing.html", export_html(briefing))
        if pdf:
            with progress.step("pdf"):
                _write(tmp / "briefing.pdf", export_pdf(briefing))
        else:
            progress.skip("pdf", "--no-pdf")
        with progress.step("publish", str(target)):
            publish_folder(tmp, target)
    return target
