"""Build an article's report: executed notebooks, HTML and PDF briefing, data files.

``build_report`` analyzes the article once, writes the analysis JSON, runs the
three notebooks in ``notebooks/`` on it with papermill, and exports the
briefing notebook with nbconvert (HTML through the ``newsbrief`` template,
PDF through the same page printed by Chromium). Everything is built in a
temporary folder beside the target and moved into place at the end, so a
failed build leaves nothing half-written; the failure is raised as a
:class:`~newsbrief.errors.NewsbriefError` naming the step.

The report folder ``<out>/<article-stem>/`` holds::

    briefing.html  briefing.pdf  claims.csv  actors.csv  relations.csv
    graph.graphml  graph.png  graph.svg  analysis.json
    notebooks/01_claims.ipynb  notebooks/02_actor_graph.ipynb  notebooks/03_briefing.ipynb
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as _dt
import os
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

import nbformat
import papermill
from jupyter_client.kernelspec import KernelSpecManager
from jupyter_client.manager import AsyncKernelManager
from jupyter_core.paths import jupyter_runtime_dir
from jupyter_core.utils import ensure_event_loop
from nbclient import NotebookClient
from traitlets import default

from .analysis import to_json
from .config import DEFAULT_ARTICLE, DEFAULT_MAX_BYTES, NOTEBOOKS_DIR, REPORTS_DIR
from .curation import curated_analysis
from .errors import NewsbriefError
from .exporter import BriefingHTMLExporter, SystemChromiumWebPDFExporter
from .figures import figure_bytes, graph_figure
from .graph import actor_graph, export_graph
from .tables import actors_table, claims_table, relations_table, safe_csv

if TYPE_CHECKING:
    from .model import Analysis

__all__ = [
    "BRIEFING_NOTEBOOK",
    "EXPORT_OPTIONS",
    "NOTEBOOKS",
    "build_report",
    "export_html",
    "export_pdf",
    "kernel_name",
    "refresh_notebooks",
    "run_notebook",
]

#: The notebooks run for every report, in order; the last one is the briefing.
NOTEBOOKS = ("01_claims.ipynb", "02_actor_graph.ipynb", "03_briefing.ipynb")
BRIEFING_NOTEBOOK = NOTEBOOKS[-1]

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


def kernel_name() -> str:
    """Return the Jupyter kernel that runs the notebooks.

    ``newsbrief`` when ``make install`` registered it (the venv's Python),
    else ``python3``, which jupyter_client runs with the current interpreter.

    Returns
    -------
    str
    """
    return "newsbrief" if "newsbrief" in KernelSpecManager().find_kernel_specs() else "python3"


def _kernel_manager_class(started: list | None = None) -> type:
    """A kernel manager for local, quiet kernels.

    The kernel talks over IPC sockets: it is on the same machine, and over TCP
    without CurveZMQ keys ipykernel (>= 7) warns on every start. Its own log
    (stderr) is dropped unless ``NEWSBRIEF_DEBUG`` is set: jupyter_client
    interrupts a kernel before shutting it down, which ipykernel logs as an
    error. Cell errors still reach the report through the notebook.
    """

    class LocalKernelManager(AsyncKernelManager):
        @default("transport")
        def _transport_default(self) -> str:
            return "ipc"

        @default("ip")
        def _ip_default(self) -> str:
            # An absolute, unique socket prefix: the kernel runs in another folder,
            # and several kernels run at once.
            Path(jupyter_runtime_dir()).mkdir(parents=True, exist_ok=True)
            return str(Path(jupyter_runtime_dir()) / f"newsbrief-{uuid.uuid4().hex[:12]}")

        # jupyter_client types the base method as synchronous; this class is async.
        async def start_kernel(self, **kw: Any) -> None:  # type: ignore[override]
            if not os.environ.get("NEWSBRIEF_DEBUG"):
                kw.setdefault("stderr", subprocess.DEVNULL)
            await super().start_kernel(**kw)
            if started is not None:
                started.append(self)

    return LocalKernelManager


def run_notebook(
    notebook: str | Path,
    output: str | Path,
    parameters: dict[str, Any],
    cwd: str | Path,
    started: list | None = None,
) -> None:
    """Execute a notebook with papermill, writing the executed copy to ``output``.

    Parameters
    ----------
    notebook : str or pathlib.Path
        The source notebook (it must have a cell tagged ``parameters``).
    output : str or pathlib.Path
        Where the executed notebook goes.
    parameters : dict
        Values injected after the ``parameters`` cell; names the notebook does
        not declare are left out.
    cwd : str or pathlib.Path
        The kernel's working folder; relative paths in ``parameters`` resolve here.
    started : list, optional
        Gets the kernel manager once the kernel runs, so an interrupted report
        can stop it (:func:`stop_kernels`).
    """
    declared = papermill.inspect_notebook(str(notebook))
    papermill.execute_notebook(
        str(notebook),
        str(output),
        parameters={k: v for k, v in parameters.items() if k in declared},
        kernel_name=kernel_name(),
        progress_bar=False,
        log_output=False,
        # The kernel starts in ``cwd`` (nbclient reads resources.metadata.path);
        # papermill's own ``cwd=`` would chdir the whole process instead, which
        # notebooks run side by side in threads must not do.
        resources={"metadata": {"path": str(cwd)}},
        kernel_manager_class=_kernel_manager_class(started),
    )


def stop_kernels(managers: list) -> None:
    """Kill running kernels; their own threads then remove connection files and sockets."""
    for km in managers:
        process = getattr(getattr(km, "provisioner", None), "process", None)
        if process is not None and process.poll() is None:
            process.kill()


def refresh_notebooks(names: tuple[str, ...] = NOTEBOOKS) -> list[Path]:
    """Re-execute the committed notebooks in place on the default article.

    Run this after a deliberate change to the analysis or the briefing, then
    commit the notebooks: nbval compares their outputs in ``make test``.
    Parameters keep their defaults (no injected cell), the kernel starts in
    ``notebooks/``, and no timing metadata is recorded, so a re-run on
    unchanged code leaves the files unchanged apart from the date of analysis.

    Parameters
    ----------
    names : tuple of str
        Notebook file names in :data:`newsbrief.config.NOTEBOOKS_DIR`.

    Returns
    -------
    list of pathlib.Path
        The notebooks written.
    """
    written = []
    for name in names:
        path = NOTEBOOKS_DIR / name
        nb = nbformat.read(path, as_version=4)
        NotebookClient(
            nb,
            kernel_name=kernel_name(),
            kernel_manager_class=_kernel_manager_class(),
            resources={"metadata": {"path": str(NOTEBOOKS_DIR)}},
            record_timing=False,
        ).execute()
        nbformat.write(nb, path)
        written.append(path)
    return written


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


def _analyze(article: Path, max_bytes: int, overrides: str | Path | None) -> Analysis:
    return curated_analysis(article, max_bytes, overrides)


def _write(path: Path, data: str | bytes) -> None:
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)


def _write_tables(analysis: Analysis, tmp: Path) -> None:
    _write(tmp / "claims.csv", safe_csv(claims_table(analysis)))
    _write(tmp / "actors.csv", safe_csv(actors_table(analysis)))
    _write(tmp / "relations.csv", safe_csv(relations_table(analysis)))


def _write_graph(analysis: Analysis, tmp: Path) -> None:
    graph = actor_graph(analysis)
    _write(tmp / "graph.graphml", export_graph(graph, "graphml"))
    for fmt in ("png", "svg"):
        _write(tmp / f"graph.{fmt}", figure_bytes(graph_figure(graph), fmt))


def _run_notebooks(article: Path, tmp: Path, date: str) -> None:
    """Run the notebooks side by side (one kernel each) on the analysis in ``tmp``."""
    missing = [n for n in NOTEBOOKS if not (NOTEBOOKS_DIR / n).is_file()]
    if missing:
        raise NewsbriefError(f"{NOTEBOOKS_DIR}: missing {', '.join(missing)}")
    (tmp / "notebooks").mkdir()
    parameters = {
        "article": str(article),
        "analysis_json": "analysis.json",
        "analysis_date": date,
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

    with ThreadPoolExecutor(max_workers=len(NOTEBOOKS)) as pool:
        futures = [pool.submit(run, name) for name in NOTEBOOKS]
        try:
            for future in futures:
                future.result()
        except BaseException:
            for future in futures:
                future.cancel()
            stop_kernels(started)
            raise


def _close_thread_loop() -> None:
    """Close the event loop that nbclient (via jupyter_core) made for this worker thread."""
    ensure_event_loop().close()
    asyncio.set_event_loop(None)


STALE_SECONDS = 24 * 3600


def remove_stale_staging(target: Path, now: float | None = None) -> list[Path]:
    """Remove staging folders of ``target`` left by a killed run more than a day ago."""
    removed: list[Path] = []
    if not target.parent.is_dir():
        return removed
    now = time.time() if now is None else now
    for folder in target.parent.glob(f".{target.name}.*.tmp"):
        try:
            old = now - folder.lstat().st_mtime > STALE_SECONDS
        except OSError:
            continue
        if old and folder.is_dir() and not folder.is_symlink():
            shutil.rmtree(folder, ignore_errors=True)
            removed.append(folder)
    return removed


@contextlib.contextmanager
def _staging(target: Path) -> Iterator[Path]:
    """Yield a fresh folder beside ``target``; on failure remove it (and an empty parent)."""
    remove_stale_staging(target)
    parent = target.parent
    created = [p for p in (parent, *parent.parents) if not p.exists()]
    parent.mkdir(parents=True, exist_ok=True)
    tmp = parent / f".{target.name}.{uuid.uuid4().hex[:8]}.tmp"
    tmp.mkdir()  # unlike mkdtemp, honours the umask: the report is as readable as any file
    try:
        yield tmp
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        for folder in created:  # innermost first; stop at the first that is not empty
            try:
                folder.rmdir()
            except OSError:
                break
        raise


def _publish(tmp: Path, target: Path) -> None:
    """Move ``tmp`` to ``target``, replacing an earlier report in one rename."""
    old = None
    if target.exists():
        old = target.parent / f".{target.name}.{uuid.uuid4().hex[:8]}.old"
        old.mkdir()
        os.replace(target, old / target.name)
    try:
        os.replace(tmp, target)
    except BaseException:
        if old is not None:
            os.replace(old / target.name, target)
        raise
    finally:
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)


def _stem(article: Path) -> str:
    name = article.name
    for suffix in (".analysis.json", ".json"):
        if name.endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)]
    return article.stem or "article"


def build_report(
    article: str | Path | None = None,
    out_dir: str | Path | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    overrides: str | Path | None = None,
    pdf: bool = True,
    *,
    date: str | None = None,
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
    with progress.step("analysis", str(source)):
        analysis = _analyze(source, max_bytes, overrides)
    with _staging(target) as tmp:
        _write(tmp / "analysis.json", to_json(analysis))
        steps: list[tuple[str, Callable[[], object]]] = [
            ("tables", lambda: _write_tables(analysis, tmp)),
            ("graph", lambda: _write_graph(analysis, tmp)),
            ("notebooks", lambda: _run_notebooks(source.resolve(), tmp, day)),
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
            _publish(tmp, target)
    return target
