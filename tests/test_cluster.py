"""Corpus mode on Dask: same output as the process pool, and no article lost when a worker dies."""

from __future__ import annotations

import os
import socket
import sys
from functools import partial
from pathlib import Path

import pytest

from newsbrief.cli import main
from newsbrief.cluster import client_for, map_articles_dask, parse_scheduler
from newsbrief.corpus import _attempt
from newsbrief.errors import NewsbriefError

STORIES = [
    "Japan will send officers to NATO. NATO welcomed the decision on Monday.",
    "Russia launched drones at Ukraine overnight. Ukraine said it shot most of them down.",
    "China and the Philippines agreed to talks. Manila said the deal was fragile.",
    "Poland summoned the Russian ambassador. Warsaw called the incursion a provocation.",
    "The leaders reaffirmed their commitment to peace. They will meet again in May.",
    "Iran warned Israel against further strikes. Analysts say the conflict could widen.",
]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("feed")
    for k, text in enumerate(STORIES):
        (folder / f"story{k}.txt").write_text(text + "\n", encoding="utf-8")
    (folder / "broken.txt").write_bytes(b"\x00\x01\x02")
    return folder


@pytest.fixture(scope="module")
def client():
    client, cluster = client_for(None, jobs=2)
    yield client
    client.close()
    cluster.close()


def test_a_local_cluster_does_not_need_the_default_dashboard_port():
    # Another Dask on the machine holds 8787: the cluster must start without a
    # warning (warnings are errors here) and serve its routes elsewhere.
    holder = socket.socket()
    try:
        holder.bind(("127.0.0.1", 8787))
        holder.listen()
    except OSError:
        pass  # someone else already holds it, which is the case under test
    try:
        client, cluster = client_for(None, jobs=1)
        try:
            assert cluster.scheduler.http_server.port != 8787
            assert client.submit(sum, [1, 2]).result() == 3
        finally:
            client.close()
            cluster.close()
    finally:
        holder.close()


def test_scheduler_addresses():
    assert parse_scheduler("dask") is None
    assert parse_scheduler("dask://10.0.0.5:8786") == "tcp://10.0.0.5:8786"
    assert parse_scheduler("tcp://127.0.0.1:8786") == "tcp://127.0.0.1:8786"
    with pytest.raises(NewsbriefError):
        parse_scheduler("spark://x")


def test_dask_output_is_byte_identical_to_the_pool(corpus, tmp_path, capsys):
    pool, dask = tmp_path / "pool", tmp_path / "dask"
    assert main(["analyze", str(corpus), "--out", str(pool), "--jobs", "2"]) == 0
    assert (
        main(["analyze", str(corpus), "--out", str(dask), "--scheduler", "dask", "--jobs", "2"])
        == 0
    )
    names = sorted(p.name for p in pool.iterdir())
    assert names == sorted(p.name for p in dask.iterdir()) == [f"story{k}.json" for k in range(6)]
    for name in names:
        assert (pool / name).read_bytes() == (dask / name).read_bytes(), name
    err = capsys.readouterr().err
    assert err.count("newsbrief: warning: ") == 2  # broken.txt, once per run
    assert "analyzed 6 articles, skipped 1" in err


def test_a_list_file_feeds_the_same_articles(corpus, tmp_path, capsys):
    listing = tmp_path / "feed.txt"
    listing.write_text(
        "# two of them\n" + "\n".join(str(corpus / f"story{k}.txt") for k in (0, 3)) + "\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    assert main(["analyze", f"@{listing}", "--out", str(out), "--jobs", "1"]) == 0
    assert sorted(p.name for p in out.iterdir()) == ["story0.json", "story3.json"]
    assert main(["graph", str(out), "--format", "json"]) == 0  # graph reads the output folder
    assert '"JPN"' in capsys.readouterr().out


def _dies_once(marker_dir: str, path: str) -> str:
    """A task whose worker process dies the first time it meets story2."""
    marker = Path(marker_dir) / "died"
    if path.endswith("story2.txt") and not marker.exists():
        marker.write_text("x")
        os._exit(1)
    return Path(path).read_text(encoding="utf-8")


def test_a_dead_worker_loses_and_duplicates_nothing(corpus, tmp_path, client):
    import cloudpickle

    cloudpickle.register_pickle_by_value(sys.modules[__name__])
    names = [str(corpus / f"story{k}.txt") for k in range(6)]
    task = partial(_attempt, partial(_dies_once, str(tmp_path)))
    outcomes = list(map_articles_dask(task, names, client))
    assert (tmp_path / "died").exists()  # a worker did die mid-run
    assert sorted(o.path for o in outcomes) == sorted(names)  # each once, none lost
    assert all(o.error is None for o in outcomes)
