"""Jupyter kernels for the notebooks: local, quiet, stoppable; papermill and nbclient runs.

The report runs its notebooks through here, side by side in threads, and
``make regen-fixtures`` re-executes the committed ones in place.
"""

from __future__ import annotations

import asyncio
import os
import subprocess
import uuid
from pathlib import Path
from typing import Any

import nbformat
import papermill
from jupyter_client.kernelspec import KernelSpecManager
from jupyter_client.manager import AsyncKernelManager
from jupyter_core.paths import jupyter_runtime_dir
from jupyter_core.utils import ensure_event_loop
from nbclient import NotebookClient
from traitlets import default

from .config import NOTEBOOKS_DIR

__all__ = [
    "BRIEFING_NOTEBOOK",
    "NOTEBOOKS",
    "kernel_env",
    "kernel_name",
    "refresh_notebooks",
    "run_notebook",
    "stop_kernels",
]

#: The notebooks run for every report, in order; the last one is the briefing.
NOTEBOOKS = ("01_claims.ipynb", "02_actor_graph.ipynb", "03_briefing.ipynb")
BRIEFING_NOTEBOOK = NOTEBOOKS[-1]


def kernel_name() -> str:
    """Return the Jupyter kernel that runs the notebooks.

    ``newsbrief`` when ``make install`` registered it (the venv's Python),
    else ``python3``, which jupyter_client runs with the current interpreter.

    Returns
    -------
    str
    """
    return "newsbrief" if "newsbrief" in KernelSpecManager().find_kernel_specs() else "python3"


def kernel_env() -> dict[str, str] | None:
    """The environment for a kernel, its ``PYTHONPATH`` made absolute; None if unset.

    The kernel starts in another folder (the report's), where a relative entry
    (``PYTHONPATH=src``, a checkout run without installing) names nothing: the
    kernel then imported the installed newsbrief, so the briefing's prose came
    from other code than the analysis it showed. An empty entry is the
    current folder, as Python reads it.
    """
    path = os.environ.get("PYTHONPATH")
    if not path:
        return None
    entries = (str(Path(entry).resolve()) for entry in path.split(os.pathsep))
    return {**os.environ, "PYTHONPATH": os.pathsep.join(entries)}


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
            env = kernel_env()
            if env is not None:
                kw.setdefault("env", env)
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


def _close_thread_loop() -> None:
    """Close the event loop that nbclient (via jupyter_core) made for this worker thread."""
    ensure_event_loop().close()
    asyncio.set_event_loop(None)
