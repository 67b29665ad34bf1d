"""Corpus mode on Dask: the same per-article work as tasks on ``dask.distributed``.

``newsbrief analyze DIR --out OUT --scheduler dask`` starts a
:class:`~distributed.LocalCluster` sized to the machine;
``--scheduler dask://HOST:PORT`` (or ``tcp://HOST:PORT``) uses a running
scheduler, whose workers may sit on other machines. Workers return the
analysis JSON text and this process writes ``OUT/<stem>.json``, so workers
need no shared folder and an article is written once, when its task is
done. A worker that dies has its tasks run again elsewhere (Dask's own
retry); a bounded window of tasks keeps memory flat in the number of
articles.
"""

from __future__ import annotations

import gc
import os
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from tqdm import tqdm

from .errors import NewsbriefError
from .pool import _warm_up

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator, Sequence

__all__ = ["client_for", "map_articles_dask", "parse_scheduler"]

#: Tasks in flight per worker thread: enough to hide scheduling latency.
_QUEUE_PER_WORKER = 4
#: Articles per task at most: the scheduler's overhead is per task, not per article.
_MAX_BATCH = 16


def parse_scheduler(value: str) -> str | None:
    """``dask`` means a local cluster (None); ``dask://H:P`` or ``tcp://H:P`` an address.

    Raises
    ------
    NewsbriefError
        For anything else.
    """
    if value == "dask":
        return None
    for prefix in ("dask://", "tcp://", "tls://"):
        if value.startswith(prefix) and len(value) > len(prefix):
            rest = value[len(prefix) :]
            return ("tcp://" if prefix == "dask://" else prefix) + rest
    raise NewsbriefError(
        f"--scheduler {value!r}: use pool, dask, dask://HOST:PORT or tcp://HOST:PORT"
    )


def client_for(address: str | None, jobs: int = 0) -> tuple[Any, Any]:
    """A Dask client and the local cluster it started (None when given an address).

    A local cluster has one single-threaded worker process per core (or ``jobs``).
    """
    # dask.distributed loads only for this mode (about a second).
    import dask
    from distributed import Client, LocalCluster

    if address is None:
        workers = jobs if jobs > 0 else os.cpu_count() or 1
        # Workers fork from this process once it holds the loaded pipeline, as
        # the process pool's do: no worker loads spaCy again.
        _warm_up()
        # The statistical profiler samples every task's stack 100 times a second
        # and keeps the samples: about 8% more CPU and memory that grows with the
        # number of articles. The workers get this setting from their nanny.
        quiet = {
            "distributed.worker.multiprocessing-method": "fork",
            "distributed.worker.profile.enabled": False,
            # Idle bookkeeping polls that a batch job does not need ten times a second.
            "distributed.admin.system-monitor.interval": "2s",
            "distributed.worker.memory.monitor-interval": "1s",
        }
        with dask.config.set(quiet):
            cluster = LocalCluster(
                n_workers=workers,
                threads_per_worker=1,
                processes=True,
                dashboard_address=None,
                host="127.0.0.1",
                # Even without a dashboard the scheduler serves its health routes,
                # on port 8787 unless told otherwise: a second cluster on the machine
                # (another user's notebook, a parallel test run) would collide.
                scheduler_kwargs={"dashboard_address": "127.0.0.1:0"},
            )
        return Client(cluster), cluster
    try:
        return Client(address, timeout="10s"), None
    except OSError as exc:
        raise NewsbriefError(f"{address}: no Dask scheduler answers ({exc})") from None


@lru_cache(maxsize=1)
def _warm_worker() -> None:
    """Load the pipeline once per worker, then keep the collector off it.

    The process pool does the same before it forks: spaCy's and the lexicons'
    long-lived objects are many, and a collector that walks them after every
    article costs more CPU than the article itself.
    """
    _warm_up()
    gc.collect()
    gc.freeze()


def _run_batch(task: Callable[[str], Any], names: Sequence[str]) -> list[Any]:
    _warm_worker()
    return [task(name) for name in names]


def map_articles_dask(
    task: Callable[[str], Any],
    names: Sequence[str],
    client: Any,
    progress: bool = False,
    batch: int | None = None,
) -> Iterator[Any]:
    """Run ``task`` (which returns an ``Outcome``) on each path as Dask tasks; yield as they finish.

    Articles go to the workers in small batches, so the scheduler's cost per
    task is shared by several articles; at most a few batches per worker
    thread are in flight, so memory does not grow with the number of articles.
    """
    from distributed import as_completed  # heavy, as in client_for

    threads = sum(client.nthreads().values()) or 1
    window = threads * _QUEUE_PER_WORKER
    size = batch or max(1, min(_MAX_BATCH, len(names) // window))
    batches = [list(names[i : i + size]) for i in range(0, len(names), size)]
    queue = list(reversed(batches))
    bar = tqdm(total=len(names), unit="article", disable=not progress or None)

    def submit(group: list[str]) -> Any:
        # pure=False: the same articles may be submitted again in a later run.
        return client.submit(_run_batch, task, group, pure=False)

    running = as_completed([submit(queue.pop()) for _ in range(min(window, len(queue)))])
    try:
        for future in running:
            outcomes = future.result()
            future.release()
            yield from outcomes
            bar.update(len(outcomes))
            if queue:
                running.add(submit(queue.pop()))
    finally:
        bar.close()
