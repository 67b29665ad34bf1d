"""The process pool of corpus mode: whole articles to forked, warm workers.

Articles are independent, so a folder is shared out among worker processes,
each of which reads, analyzes and writes whole articles; only a one-line
outcome travels back to the parent. Workers are forked after the pipeline is
loaded (:func:`_warm_up`), so they share its memory and skip the load. The
Dask scheduler (:mod:`newsbrief.cluster`) warms its workers the same way.
"""

from __future__ import annotations

import gc
import multiprocessing as mp
import os
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tqdm import tqdm

from .analysis import analyze
from .article import source_from_text
from .errors import NewsbriefError

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator, Sequence

__all__ = ["Outcome", "map_articles"]

#: Articles queued per worker: enough to keep every worker busy, few enough
#: that the parent holds a bounded number of pending results.
_QUEUE_PER_WORKER = 4


@dataclass(frozen=True)
class Outcome:
    """What became of one article: a value, or the one-line problem that skipped it."""

    path: str
    value: Any = None
    error: str | None = None


def _attempt(task: Callable[[str], Any], path: str) -> Outcome:
    """Run ``task(path)``, turning any failure into a one-line problem."""
    try:
        return Outcome(path, value=task(path))
    except NewsbriefError as exc:
        return Outcome(path, error=str(exc).removeprefix(f"{path}: "))
    except Exception as exc:
        if os.environ.get("NEWSBRIEF_DEBUG"):
            raise
        return Outcome(path, error=f"internal error ({type(exc).__name__}: {exc})")


def _warm_up() -> None:
    """Load the pipeline and lexicons before forking, so workers inherit them."""
    analyze(source_from_text("Japan will send officers to NATO."))


def _context() -> mp.context.BaseContext:
    """Fork where the platform has it: workers then share the loaded pipeline."""
    return mp.get_context("fork" if "fork" in mp.get_all_start_methods() else None)


def map_articles(
    task: Callable[[str], Any], paths: Sequence[str | Path], jobs: int = 0, progress: bool = False
) -> Iterator[Outcome]:
    """Run ``task`` on each article, in worker processes, yielding outcomes in order.

    Parameters
    ----------
    task : callable
        ``task(path) -> value``, picklable (a module-level function or a
        :func:`functools.partial` of one). A :class:`NewsbriefError` it raises
        becomes the outcome's ``error``.
    paths : sequence of str or pathlib.Path
        The articles.
    jobs : int
        Worker processes, at most one per article; ``0`` means one per CPU,
        ``1`` runs in this process.
    progress : bool
        Show a progress bar on standard error (when it is a terminal).

    Yields
    ------
    Outcome
        One per path, in the order of ``paths``; at most a few per worker
        are pending at any time.

    Examples
    --------
    >>> [o.value for o in map_articles(len, ["a", "bb"], jobs=1)]
    [1, 2]
    """
    names = [str(p) for p in paths]
    jobs = min(jobs if jobs > 0 else os.cpu_count() or 1, len(names))
    if jobs <= 1:
        outcomes = (_attempt(task, name) for name in names)
        yield from tqdm(outcomes, total=len(names), unit="article", disable=not progress or None)
        return
    yield from _pooled(task, names, jobs, progress)


def _pooled(
    task: Callable[[str], Any], names: list[str], jobs: int, progress: bool
) -> Iterator[Outcome]:
    _warm_up()
    # Keep the collector off the objects the workers inherit: collecting
    # them would write to their pages and make each worker copy them.
    gc.freeze()
    try:
        with ProcessPoolExecutor(jobs, mp_context=_context()) as pool:
            window = jobs * _QUEUE_PER_WORKER
            pending = deque((name, pool.submit(_attempt, task, name)) for name in names[:window])
            # The bar's monitor thread starts only now, after the workers are forked.
            bar = tqdm(total=len(names), unit="article", disable=not progress or None)
            try:
                for name in names[window:]:
                    yield _result(*pending.popleft())
                    bar.update()
                    pending.append((name, pool.submit(_attempt, task, name)))
                while pending:
                    yield _result(*pending.popleft())
                    bar.update()
            finally:
                bar.close()
                for _, future in pending:  # stopped early: drop the queued articles
                    future.cancel()
    finally:
        gc.unfreeze()


def _result(path: str, future: Future) -> Outcome:
    try:
        return future.result()
    except BrokenProcessPool:
        raise NewsbriefError(
            f"{path}: a worker process died (out of memory?); try fewer --jobs"
        ) from None
