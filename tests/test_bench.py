"""The benchmark script: its goals table, and a small slice of a real run.

The full benchmark (`make bench`) takes minutes and is never a timed test;
this slice checks that a run writes results whose ratios and goals agree.
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "benchmarks" / "bench.py"


@pytest.fixture(scope="module")
def bench():
    spec = importlib.util.spec_from_file_location("newsbrief_bench", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up by name
    try:
        spec.loader.exec_module(module)
        yield module
    finally:
        sys.modules.pop(spec.name, None)


def _throughput(stream: float, per_article: float) -> dict:
    return {"ratio_stream": stream, "ratio_articles": per_article}


def test_goals_of_the_sections_that_ran_and_the_ones_that_did_not(bench):
    rows = bench.targets({"throughput": _throughput(1.4, 1.6), "sizes": [10, 100]})
    assert [(r["measure"], r["value"], r["met"]) for r in rows] == [
        ("analysis / spaCy floor (stream)", 1.4, True),
        ("analysis / spaCy floor (per article)", 1.6, False),
        ("(not run: cold_start, corpus)", None, False),
    ]


def test_a_failed_section_is_named(bench):
    rows = bench.targets({"throughput": _throughput(1.0, 1.0), "cold_start": {"error": "boom"}})
    assert [r["measure"] for r in rows] == ["(failed: cold_start; see the error)"]


def test_cold_start_goals(bench):
    cold = {"ratio": 1.31, "newsbrief": {"median_s": 1.9}}
    rows = {r["measure"]: r["met"] for r in bench.targets({"cold_start": cold})}
    assert rows["cold start / spacy.load"] is False
    assert rows["cold start (s)"] is True


def test_a_small_run_writes_consistent_results(tmp_path):
    out = tmp_path / "results.json"
    args = ["--sections", "throughput", "cold_start", "--articles", "2", "--reps", "1"]
    done = subprocess.run(
        [sys.executable, str(SCRIPT), *args, "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    res = json.loads(out.read_text(encoding="utf-8"))
    t, c = res["throughput"], res["cold_start"]
    assert t["articles"] == 2
    assert t["ratio_stream"] == round(t["stream"]["seconds"] / t["floor"]["seconds"], 2)
    assert t["ratio_articles"] == round(t["per_article"]["seconds"] / t["floor"]["seconds"], 2)
    assert c["runs"] == 1
    assert c["ratio"] == round(c["newsbrief"]["median_s"] / c["spacy_load"]["median_s"], 2)
    goals = {r["measure"]: r for r in res["targets"]}
    assert goals["cold start / spacy.load"]["value"] == c["ratio"]
    assert goals["cold start / spacy.load"]["met"] is (c["ratio"] <= 1.3)
    assert "(not run: corpus)" in goals
    assert "not run: corpus" in done.stdout
