"""Benchmark newsbrief against its floors: what spaCy, papermill and Chromium cost alone.

Run by ``make bench`` (never by the test suite); prints a table and writes
``benchmarks/results.json``. ``--quick`` shrinks every size for a smoke run.

Sections
--------
throughput   analysis vs the bare spaCy pipeline over the same block texts,
             single process, on a corpus of the project's articles repeated;
             each variant three times, interleaved, the median kept
cold start   ``newsbrief analyze`` as a fresh process vs ``spacy.load``,
             interleaved, medians (``make bench`` first compiles the sources'
             bytecode, as an installed package has it)
report       ``newsbrief report`` split by step vs papermill on an empty
             notebook plus Chromium printing a static page
corpus       ``newsbrief analyze DIR`` with 1 and 2 workers (and spaCy's own
             ``n_process`` engine for comparison); peak memory at 100 vs 1,000
             articles

Every measurement runs in a fresh child process, so its peak memory is its
own: the largest process from ``wait4``'s rusage, and for process trees the
sum of proportional set sizes (PSS) sampled from ``/proc``.
"""

from __future__ import annotations

import argparse
import inspect
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from newsbrief.config import DEFAULT_ARTICLE, PROJ_ROOT, SHARED_CORPUS

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results.json"
BIN = Path(sys.executable).parent
NEWSBRIEF = str(BIN / "newsbrief")
CHROMIUM = "/usr/bin/chromium"
MB = 1024 * 1024

SECTIONS = ("throughput", "cold_start", "report", "corpus", "dask", "long")
FULL = {"articles": 100, "reps": 9, "report_reps": 3, "corpus": 200, "corpus_reps": 2}
QUICK = {"articles": 40, "reps": 3, "report_reps": 1, "corpus": 40, "corpus_reps": 1}
# Throughput runs each variant this many times, interleaved, and keeps the
# median: on a shared machine one run of each, in a row, drifts apart.
FULL["throughput_reps"], QUICK["throughput_reps"] = 3, 1
FULL["memory"], QUICK["memory"] = (100, 1000), (40, 200)
# Book-length single inputs: the 2 MB read limit and a quarter of it, to see
# whether time and memory grow linearly with the text.
FULL["long_kb"], QUICK["long_kb"] = (500, 1950), (100, 400)


# --------------------------------------------------------------------------- processes


@dataclass
class Run:
    """One child process: wall time, peak memory, output lines with arrival times."""

    wall: float
    cpu: float
    returncode: int
    maxrss_mb: float
    tree_pss_mb: float | None
    stdout: str
    lines: list[tuple[float, str]] = field(default_factory=list)


def _descendants(root: int) -> list[int]:
    parents: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        parents.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo.extend(parents.get(pid, []))
    return found


def _pss_mb(pids: list[int]) -> float:
    total = 0
    for pid in pids:
        try:
            rollup = Path(f"/proc/{pid}/smaps_rollup").read_text()
        except OSError:
            continue
        m = re.search(r"^Pss:\s+(\d+) kB", rollup, re.MULTILINE)
        total += int(m.group(1)) if m else 0
    return total / 1024


class _TreeSampler(threading.Thread):
    """Peak PSS of a process and all its descendants, sampled every ``interval`` s."""

    def __init__(self, pid: int, interval: float = 0.1) -> None:
        super().__init__(daemon=True)
        self.pid, self.interval, self.peak = pid, interval, 0.0
        self.done = threading.Event()

    def run(self) -> None:
        while not self.done.wait(self.interval):
            self.peak = max(self.peak, _pss_mb(_descendants(self.pid)))


def _reader(stream, sink: list, start: float) -> None:
    for line in iter(stream.readline, ""):
        sink.append((time.perf_counter() - start, line.rstrip("\n")))
    stream.close()


def run(cmd: list[str], *, tree: bool = False, quiet: bool = False) -> Run:
    """Run ``cmd``; return wall time, exit status, peak memory and output.

    ``quiet`` sends standard output to /dev/null; ``tree`` samples the PSS of
    the whole process tree (workers included).
    """
    start = time.perf_counter()
    stdout = subprocess.DEVNULL if quiet else subprocess.PIPE
    proc = subprocess.Popen(cmd, stdout=stdout, stderr=subprocess.PIPE, text=True)
    out: list[tuple[float, str]] = []
    err: list[tuple[float, str]] = []
    readers = [threading.Thread(target=_reader, args=(proc.stderr, err, start), daemon=True)]
    if not quiet:
        readers.append(
            threading.Thread(target=_reader, args=(proc.stdout, out, start), daemon=True)
        )
    sampler = _TreeSampler(proc.pid) if tree and Path("/proc/self/smaps_rollup").exists() else None
    for t in [*readers, *([sampler] if sampler else [])]:
        t.start()
    _, status, usage = os.wait4(proc.pid, 0)  # rusage of this child and its descendants
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if sampler:
        sampler.done.set()
        sampler.join()
    for t in readers:
        t.join()
    return Run(
        wall=wall,
        cpu=usage.ru_utime + usage.ru_stime,
        returncode=proc.returncode,
        maxrss_mb=usage.ru_maxrss / 1024,
        tree_pss_mb=round(sampler.peak, 1) if sampler else None,
        stdout="\n".join(line for _, line in out),
        lines=sorted(out + err),
    )


def child(*args: object) -> list[str]:
    return [sys.executable, str(Path(__file__).resolve()), "--child", *map(str, args)]


def checked(r: Run, what: str) -> Run:
    if r.returncode != 0:
        tail = "\n".join(line for _, line in r.lines[-5:])
        raise RuntimeError(f"{what} failed (exit {r.returncode}):\n{tail}")
    return r


# --------------------------------------------------------------------------- corpus


def corpus_texts() -> list[Path]:
    """The articles the benchmark reads: the repository's and the shared corpus."""
    found = [
        *sorted((PROJ_ROOT / "data" / "articles").glob("*.txt")),
        *sorted((PROJ_ROOT / "tests" / "fixtures").glob("*.txt")),
        *sorted(SHARED_CORPUS.glob("*.txt")),
    ]
    if not found:
        raise RuntimeError("no articles found to benchmark on")
    return found


def repeated(n: int) -> list[Path]:
    """``n`` articles: the corpus in order, begun again when it runs out."""
    texts = corpus_texts()
    return [texts[i % len(texts)] for i in range(n)]


def make_folder(root: Path, n: int) -> Path:
    """A folder of ``n`` articles, the corpus texts written again under new names."""
    root.mkdir(parents=True, exist_ok=True)
    for i, path in enumerate(repeated(n)):
        (root / f"{i:05d}-{path.name}").write_bytes(path.read_bytes())
    return root


# --------------------------------------------------------------------------- child modes


def _sources(n: int):
    from newsbrief.article import read_source

    cache = {p: read_source(p) for p in corpus_texts()}
    return [cache[p] for p in repeated(n)]


def _warm(sources) -> None:
    from newsbrief.analysis import analyze

    analyze(sources[0])  # load the pipeline and lexicons outside the timed loop


def child_throughput(kind: str, n: int) -> dict:
    """Single-process time of one variant over ``n`` articles; model loaded beforehand."""
    from newsbrief.analysis import analyze, analyze_sources
    from newsbrief.article import split_blocks
    from newsbrief.nlp import load_nlp

    sources = _sources(n)
    _warm(sources)
    blocks = [b.text for s in sources for b in split_blocks(s.text, s.line_kinds)]
    start, cpu = time.perf_counter(), time.process_time()
    if kind == "floor":
        for _ in load_nlp().pipe(blocks, batch_size=64):
            pass
    elif kind == "stream":
        for _ in analyze_sources(sources):
            pass
    elif kind == "per_article":
        for s in sources:
            analyze(s)
    else:
        raise SystemExit(f"unknown throughput kind {kind!r}")
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    words = sum(len(s.text.split()) for s in sources)
    return {
        "seconds": seconds,
        "cpu_seconds": cpu,
        "articles": len(sources),
        "words": words,
        "blocks": len(blocks),
    }


def child_nprocess(folder: str, out: str, n_process: int) -> dict:
    """Corpus mode built on ``analyze_sources(n_process=...)`` (spaCy's multiprocessing)."""
    from newsbrief.analysis import analyze_sources, to_json
    from newsbrief.article import read_source
    from newsbrief.cli import write_atomic

    paths = sorted(Path(folder).iterdir())
    sources = (read_source(p) for p in paths)
    count = 0
    for analysis in analyze_sources(sources, n_process=n_process):
        write_atomic(Path(out) / f"{Path(analysis.article.path).stem}.json", to_json(analysis))
        count += 1
    return {"articles": count}


def child_report(out: str) -> dict:
    """``build_report`` with its own step timings, when it offers them."""
    from newsbrief.report import build_report

    timings: dict[str, float] = {}
    build_report(DEFAULT_ARTICLE, out_dir=out, timings=timings)
    return {"timings": timings}


def run_child(argv: list[str]) -> None:
    kind, *rest = argv
    if kind == "throughput":
        result = child_throughput(rest[0], int(rest[1]))
    elif kind == "nprocess":
        result = child_nprocess(rest[0], rest[1], int(rest[2]))
    elif kind == "report":
        result = child_report(rest[0])
    else:
        raise SystemExit(f"unknown child {kind!r}")
    print(json.dumps(result))


# --------------------------------------------------------------------------- sections


def rate(r: dict) -> dict:
    return {
        "seconds": round(r["seconds"], 2),
        "cpu_seconds": round(r["cpu_seconds"], 2),
        "articles_per_s": round(r["articles"] / r["seconds"], 2),
        "words_per_s": round(r["words"] / r["seconds"]),
    }


def bench_throughput(n: int, reps: int = 1) -> dict:
    """Each variant ``reps`` times, interleaved; the run of median time stands for it."""
    kinds = ("floor", "stream", "per_article")
    runs: dict[str, list[tuple[dict, Run]]] = {kind: [] for kind in kinds}
    for _ in range(reps):
        for kind in kinds:
            r = checked(run(child("throughput", kind, n)), f"throughput {kind}")
            runs[kind].append((json.loads(r.stdout), r))
    out: dict = {"reps": reps}
    for kind in kinds:
        ordered = sorted(runs[kind], key=lambda dr: dr[0]["seconds"])
        data, r = ordered[len(ordered) // 2]
        cpu = statistics.median(d["cpu_seconds"] for d, _ in runs[kind])
        out[kind] = {
            **rate({**data, "cpu_seconds": cpu}),
            "seconds_all": [round(d["seconds"], 2) for d, _ in runs[kind]],
            "peak_rss_mb": round(max(x.maxrss_mb for _, x in runs[kind]), 1),
        }
        out.update(articles=data["articles"], words=data["words"], blocks=data["blocks"])
        print(f"  throughput {kind}: {out[kind]}", file=sys.stderr)
    for kind, name in (("stream", "ratio_stream"), ("per_article", "ratio_articles")):
        out[name] = round(out[kind]["seconds"] / out["floor"]["seconds"], 2)
        out[f"{name}_cpu"] = round(out[kind]["cpu_seconds"] / out["floor"]["cpu_seconds"], 2)
    return out


def bench_cold_start(reps: int) -> dict:
    from newsbrief.nlp import model_in_use

    model = model_in_use()
    commands = {
        "newsbrief": [NEWSBRIEF, "analyze"],
        "spacy_load": [sys.executable, "-c", f"import spacy; spacy.load({model!r})"],
    }
    runs: dict[str, list[Run]] = {k: [] for k in commands}
    for _ in range(reps):  # interleaved, so drift hits both alike
        for name, cmd in commands.items():
            runs[name].append(checked(run(cmd, quiet=True), name))
    out: dict = {"model": model, "runs": reps}
    for name, rs in runs.items():
        out[name] = {
            "median_s": round(statistics.median(r.wall for r in rs), 3),
            "walls_s": [round(r.wall, 3) for r in rs],
            "median_cpu_s": round(statistics.median(r.cpu for r in rs), 3),
            "peak_rss_mb": round(max(r.maxrss_mb for r in rs), 1),
        }
    out["ratio"] = round(out["newsbrief"]["median_s"] / out["spacy_load"]["median_s"], 2)
    cpu = out["newsbrief"]["median_cpu_s"] / out["spacy_load"]["median_cpu_s"]
    out["ratio_cpu"] = round(cpu, 2)
    return out


_STEP = re.compile(r"\[(\d+)/(\d+)\] (\w+).*?\.\.\. ?(?:(\d+(?:\.\d+)?) s|failed)")


def _report_steps(r: Run) -> dict[str, float | None]:
    """Step times from ``[n/N] step ... 3.2 s`` progress lines (None: the step failed)."""
    steps: dict[str, float | None] = {}
    for _, line in r.lines:
        m = _STEP.search(line)
        if m:
            steps[m.group(3)] = float(m.group(4)) if m.group(4) else None
    return steps


def _median_run(runs: list[Run]) -> Run:
    return sorted(runs, key=lambda r: r.wall)[len(runs) // 2]


def _report_runs(reps: int, tmp: Path) -> dict:
    from newsbrief.report import build_report

    with_timings = "timings" in inspect.signature(build_report).parameters
    runs = []
    for i in range(reps):
        out = tmp / f"report-{i}"
        cmd = child("report", out) if with_timings else [NEWSBRIEF, "report", "--out", str(out)]
        runs.append(run(cmd))
    r = _median_run(runs)
    steps = json.loads(r.stdout)["timings"] if with_timings and r.returncode == 0 else None
    steps = steps or _report_steps(r)
    known = sum(v for v in steps.values() if v)
    return {
        "median_s": round(r.wall, 2),
        "walls_s": [round(x.wall, 2) for x in runs],
        "peak_rss_mb": round(max(x.maxrss_mb for x in runs), 1),
        "returncode": r.returncode,
        "error": None if r.returncode == 0 else r.lines[-1][1] if r.lines else "",
        "steps_s": {k: (round(v, 2) if v is not None else "failed") for k, v in steps.items()},
        "startup_and_rest_s": round(r.wall - known, 2),
        "source": "build_report(timings=...)" if with_timings else "progress lines (0.1 s)",
    }


def _floor_runs(reps: int, tmp: Path) -> dict:
    import nbformat

    from newsbrief.report import kernel_name

    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("")])
    nb.metadata["kernelspec"] = {"name": kernel_name(), "display_name": "bench"}
    empty = tmp / "empty.ipynb"
    nbformat.write(nb, empty)
    page = tmp / "page.html"
    page.write_text("<!doctype html><title>floor</title><h1>Floor</h1><p>A static page.</p>")
    papermill = [str(BIN / "papermill"), str(empty), str(tmp / "out.ipynb"), "--no-progress-bar"]
    chromium = [
        CHROMIUM,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        f"--print-to-pdf={tmp / 'page.pdf'}",
        page.as_uri(),
    ]
    pm = [checked(run(papermill), "papermill") for _ in range(reps)]
    cr = [checked(run(chromium, tree=True), "chromium") for _ in range(reps)]
    return {
        "papermill_empty_s": round(statistics.median(r.wall for r in pm), 2),
        "papermill_peak_rss_mb": round(max(r.maxrss_mb for r in pm), 1),
        "chromium_print_s": round(statistics.median(r.wall for r in cr), 2),
        "chromium_peak_rss_mb": round(max(r.maxrss_mb for r in cr), 1),
        "chromium_tree_pss_mb": max(r.tree_pss_mb or 0 for r in cr),
    }


def bench_report(reps: int) -> dict:
    import importlib.util

    if importlib.util.find_spec("newsbrief.report") is None:
        return {"skipped": "newsbrief.report is not written yet"}
    if not Path(CHROMIUM).exists():
        return {"skipped": f"{CHROMIUM} not installed"}
    with tempfile.TemporaryDirectory(prefix="newsbrief-bench-") as tmp:
        report = _report_runs(reps, Path(tmp))
        floor = _floor_runs(reps, Path(tmp))
    floor["total_s"] = round(floor["papermill_empty_s"] + floor["chromium_print_s"], 2)
    out = {"report": report, "floor": floor}
    if report["returncode"] == 0:
        out["ratio"] = round(report["median_s"] / floor["total_s"], 2)
    return out


def _analyze_dir(folder: Path, out: Path, jobs: int) -> Run:
    return checked(
        run([NEWSBRIEF, "analyze", str(folder), "--out", str(out), "--jobs", str(jobs)], tree=True),
        f"newsbrief analyze {folder} --jobs {jobs}",
    )


def _mode(r: Run, n: int) -> dict:
    return {
        "wall_s": round(r.wall, 2),
        "cpu_s": round(r.cpu, 2),
        "articles_per_s": round(n / r.wall, 2),
        "peak_rss_mb": round(r.maxrss_mb, 1),
        "tree_pss_mb": r.tree_pss_mb,
    }


def _scaling(folder: Path, root: Path, n: int, reps: int) -> dict:
    """Best of ``reps`` interleaved runs per mode: the least disturbed by other work."""
    modes = {
        "jobs_1": lambda i: _analyze_dir(folder, root / f"out-1-{i}", 1),
        "jobs_2": lambda i: _analyze_dir(folder, root / f"out-2-{i}", 2),
        "spacy_n_process_2": lambda i: checked(
            run(child("nprocess", folder, root / f"out-np-{i}", 2), tree=True), "n_process=2"
        ),
    }
    runs: dict[str, list[Run]] = {name: [] for name in modes}
    for i in range(reps):
        for name, go in modes.items():
            runs[name].append(go(i))
            print(f"  corpus {name} run {i + 1}: {runs[name][-1].wall:.1f} s", file=sys.stderr)
    return {
        name: {**_mode(min(rs, key=lambda r: r.wall), n), "walls_s": [round(r.wall, 2) for r in rs]}
        for name, rs in runs.items()
    }


def bench_corpus(n: int, sizes: tuple[int, int], reps: int, startup_s: float) -> dict:
    with tempfile.TemporaryDirectory(prefix="newsbrief-bench-") as tmp:
        root = Path(tmp)
        out: dict = {"articles": n, "cpus": os.cpu_count(), "reps": reps}
        out.update(_scaling(make_folder(root / f"corpus-{n}", n), root, n, reps))
        one, two = out["jobs_1"], out["jobs_2"]
        out["speedup"] = round(one["wall_s"] / two["wall_s"], 2)
        out["speedup_net_of_startup"] = round(
            (one["wall_s"] - startup_s) / (two["wall_s"] - startup_s), 2
        )
        out["cpu_jobs_2_over_1"] = round(two["cpu_s"] / one["cpu_s"], 2)
        out["speedup_spacy_n_process"] = round(
            one["wall_s"] / out["spacy_n_process_2"]["wall_s"], 2
        )
        for size in sizes:
            folder = make_folder(root / f"memory-{size}", size)
            r = _analyze_dir(folder, root / f"memory-out-{size}", 0)
            out[f"memory_{size}"] = _mode(r, size)
            print(f"  corpus memory {size}: {out[f'memory_{size}']}", file=sys.stderr)
        small, large = (out[f"memory_{s}"] for s in sizes)
        out["memory_growth_pss"] = round(large["tree_pss_mb"] / small["tree_pss_mb"] - 1, 3)
        out["memory_growth_rss"] = round(large["peak_rss_mb"] / small["peak_rss_mb"] - 1, 3)
    return out


def bench_dask(sizes: tuple[int, int]) -> dict:
    """The process pool and a local Dask cluster, both on 2 workers, at two corpus sizes."""
    with tempfile.TemporaryDirectory(prefix="newsbrief-bench-") as tmp:
        root = Path(tmp)
        out: dict = {}
        runs: dict[str, Run] = {}
        for n in sizes:
            folder = make_folder(root / f"dask-in-{n}", n)
            runs[f"pool_{n}"] = _analyze_dir(folder, root / f"pool-{n}", 2)
            runs[f"dask_{n}"] = checked(
                run(
                    [NEWSBRIEF, "analyze", str(folder), "--out", str(root / f"dask-{n}"),
                     "--jobs", "2", "--scheduler", "dask"],
                    tree=True,
                ),
                f"newsbrief analyze {folder} --scheduler dask",
            )  # fmt: skip
            for mode in ("pool", "dask"):
                out[f"{mode}_{n}"] = _mode(runs[f"{mode}_{n}"], n)
                print(f"  dask section {mode} {n}: {out[f'{mode}_{n}']}", file=sys.stderr)
        small, large = sizes
        pool, dask = runs[f"pool_{large}"], runs[f"dask_{large}"]
        out["dask_throughput_over_pool"] = round(pool.wall / dask.wall, 3)
        out["dask_overhead_ms_per_article"] = round((dask.wall - pool.wall) / large * 1000, 1)
        out["dask_memory_growth_pss"] = round(
            out[f"dask_{large}"]["tree_pss_mb"] / out[f"dask_{small}"]["tree_pss_mb"] - 1, 3
        )
    return out


# --------------------------------------------------------------------------- report


def long_article(path: Path, kb: int) -> Path:
    """Corpus articles' bodies run together into one article of ``kb`` kilobytes."""
    parts = ["A long article made of the benchmark corpus"]
    size = len(parts[0])
    while size < kb * 1000:
        for text in corpus_texts():
            body = text.read_text(encoding="utf-8").split("\n", 1)[-1].strip()
            parts.append(body)
            size += len(body.encode()) + 2
    data = "\n\n".join(parts).encode()[: kb * 1000]
    path.write_bytes(data.decode("utf-8", "ignore").encode())
    return path


def unpunctuated(path: Path, kb: int) -> Path:
    """One line of corpus words with every punctuation mark removed."""
    words = " ".join(t.read_text(encoding="utf-8") for t in corpus_texts())
    words = " ".join("".join(c for c in words if c.isalnum() or c.isspace()).split())
    line = (words + " ") * (1 + kb * 1000 // max(1, len(words)))
    path.write_text("A line without punctuation\n\n" + line[: kb * 1000] + "\n", encoding="utf-8")
    return path


def _analyze_one(path: Path, out: Path) -> dict:
    r = checked(run([NEWSBRIEF, "analyze", str(path), "--out", str(out)], quiet=True), str(path))
    size = path.stat().st_size
    return {
        "bytes": size,
        "wall_s": round(r.wall, 2),
        "cpu_s": round(r.cpu, 2),
        "cpu_s_per_mb": round(r.cpu / (size / 1e6), 2),
        "peak_rss_mb": round(r.maxrss_mb, 1),
    }


def bench_long(sizes_kb: tuple[int, int]) -> dict:
    """Time and peak memory of one very long article, and how they scale."""
    out: dict = {}
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        for kb in sizes_kb:
            path = long_article(root / f"long-{kb}kb.txt", kb)
            out[f"article_{kb}kb"] = _analyze_one(path, root / "out.json")
            print(f"  long {kb} KB: {out[f'article_{kb}kb']}", file=sys.stderr)
        path = unpunctuated(root / "unpunctuated.txt", 200)
        out["unpunctuated_200kb"] = _analyze_one(path, root / "out.json")
    small, large = (out[f"article_{kb}kb"] for kb in sizes_kb)
    # CPU per megabyte at the large size over the small one: 1.0 is linear.
    out["cpu_per_mb_growth"] = round(large["cpu_s_per_mb"] / small["cpu_s_per_mb"], 2)
    return out


def targets(res: dict) -> list[dict]:
    """Each goal against the sections that ran; a failed section is named, a skipped one listed."""
    failed = [name for name in SECTIONS if "error" in (res.get(name) or {})]
    if failed:
        return [{"measure": f"(failed: {', '.join(failed)}; see the error)", "value": None,
                 "target": "", "met": False}]  # fmt: skip
    rows: list[tuple[str, object, str, bool]] = []
    if t := res.get("throughput"):
        rows += [
            ("analysis / spaCy floor (stream)", t["ratio_stream"], "<= 1.5",
             t["ratio_stream"] <= 1.5),
            ("analysis / spaCy floor (per article)", t["ratio_articles"], "<= 1.5",
             t["ratio_articles"] <= 1.5),
        ]  # fmt: skip
    if c := res.get("cold_start"):
        rows += [
            ("cold start / spacy.load", c["ratio"], "<= 1.3", c["ratio"] <= 1.3),
            ("cold start (s)", c["newsbrief"]["median_s"], "< 2", c["newsbrief"]["median_s"] < 2),
        ]
    if k := res.get("corpus"):
        rows += [
            ("corpus 2 jobs / 1 job", k["speedup"], ">= 1.6", k["speedup"] >= 1.6),
            (f"corpus memory growth {'/'.join(map(str, res['sizes']))} (PSS)",
             k["memory_growth_pss"], "<= 0.10", abs(k["memory_growth_pss"]) <= 0.10),
        ]  # fmt: skip
    rows += _scale_rows(res)
    skipped = [name for name in ("throughput", "cold_start", "corpus") if name not in res]
    if skipped:
        rows.append((f"(not run: {', '.join(skipped)})", None, "", False))
    return [{"measure": m, "value": v, "target": g, "met": ok} for m, v, g, ok in rows]


def _scale_rows(res: dict) -> list[tuple[str, object, str, bool]]:
    """The goals of the Dask and long-article sections, when they ran."""
    rows: list[tuple[str, object, str, bool]] = []
    d = res.get("dask") or {}
    if "dask_throughput_over_pool" in d:
        rows += [
            ("dask local / pool throughput", d["dask_throughput_over_pool"], ">= 0.85",
             d["dask_throughput_over_pool"] >= 0.85),
            ("dask memory growth (PSS)", d["dask_memory_growth_pss"], "<= 0.10",
             abs(d["dask_memory_growth_pss"]) <= 0.10),
        ]  # fmt: skip
    g = res.get("long") or {}
    if "cpu_per_mb_growth" in g:
        big = g[max((k for k in g if k.startswith("article_")), key=lambda k: g[k]["bytes"])]
        rows += [
            ("long article: CPU per MB growth", g["cpu_per_mb_growth"], "<= 1.2",
             g["cpu_per_mb_growth"] <= 1.2),
            (f"long article {big['bytes'] // 1000} KB: wall s", big["wall_s"], "< 30",
             big["wall_s"] < 30),
            (f"long article {big['bytes'] // 1000} KB: peak RSS MB", big["peak_rss_mb"], "< 400",
             big["peak_rss_mb"] < 400),
        ]  # fmt: skip
    return rows


def _table(rows: list[tuple[str, ...]]) -> str:
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) for r in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def _figure_rows(res: dict) -> list[tuple[str, ...]]:
    header = ("measure", "newsbrief", "floor", "ratio", "peak RSS MB (nb / floor)")
    failed = [(name, f"error: {res[name]['error']}", "", "", "") for name in SECTIONS
              if "error" in res.get(name, {})]  # fmt: skip
    if failed:
        return [header, *failed]
    missing = [name for name in ("throughput", "cold_start", "corpus") if name not in res]
    if missing:
        return [header, (f"not run: {', '.join(missing)}", "", "", "", "")]
    t, c, k = res["throughput"], res["cold_start"], res["corpus"]
    rows = [header]
    rows.append((
        f"throughput, {t['articles']} articles, words/s",
        f"{t['stream']['words_per_s']} (per article {t['per_article']['words_per_s']})",
        f"{t['floor']['words_per_s']}",
        f"{t['ratio_stream']} / {t['ratio_articles']} "
        f"(CPU {t['ratio_stream_cpu']} / {t['ratio_articles_cpu']})",
        f"{t['stream']['peak_rss_mb']} / {t['floor']['peak_rss_mb']}",
    ))  # fmt: skip
    rows.append((
        "cold start, median s",
        f"{c['newsbrief']['median_s']}",
        f"{c['spacy_load']['median_s']}",
        f"{c['ratio']} (CPU {c['ratio_cpu']})",
        f"{c['newsbrief']['peak_rss_mb']} / {c['spacy_load']['peak_rss_mb']}",
    ))  # fmt: skip
    rows.extend(_report_rows(res["report"]))
    rows.append((
        f"corpus {k['articles']} articles, articles/s",
        f"2 jobs {k['jobs_2']['articles_per_s']} (spaCy n_process=2 "
        f"{k['spacy_n_process_2']['articles_per_s']})",
        f"1 job {k['jobs_1']['articles_per_s']}",
        f"{k['speedup']} ({k['speedup_spacy_n_process']}); CPU x{k['cpu_jobs_2_over_1']}",
        f"{k['jobs_2']['tree_pss_mb']} / {k['jobs_1']['tree_pss_mb']} (PSS)",
    ))  # fmt: skip
    small, large = res["sizes"]
    rows.append((
        f"corpus memory, {large} vs {small} articles, PSS MB",
        f"{k[f'memory_{large}']['tree_pss_mb']}",
        f"{k[f'memory_{small}']['tree_pss_mb']}",
        f"{1 + k['memory_growth_pss']:.3f}",
        f"{k[f'memory_{large}']['peak_rss_mb']} / {k[f'memory_{small}']['peak_rss_mb']}",
    ))  # fmt: skip
    d = res.get("dask") or {}
    if "dask_throughput_over_pool" in d:
        rows.append((
            f"corpus {large} articles, articles/s: Dask local (2 workers)",
            f"{d[f'dask_{large}']['articles_per_s']}",
            f"pool {d[f'pool_{large}']['articles_per_s']}",
            f"{d['dask_throughput_over_pool']}; {d['dask_overhead_ms_per_article']} ms/article",
            f"{d[f'dask_{large}']['tree_pss_mb']} / {d[f'dask_{small}']['tree_pss_mb']} "
            f"({small}) PSS",
        ))  # fmt: skip
    return rows


def _report_rows(rep: dict) -> list[tuple[str, ...]]:
    if "skipped" in rep:
        return [("report", f"skipped: {rep['skipped']}", "", "", "")]
    r, f = rep["report"], rep["floor"]
    status = "" if r["returncode"] == 0 else f" (failed: {r['error']})"
    rows = [(
        "report, median s" + status,
        f"{r['median_s']}",
        f"{f['total_s']} (papermill {f['papermill_empty_s']} + chromium {f['chromium_print_s']})",
        f"{rep.get('ratio', '-')}",
        f"{r['peak_rss_mb']} / {f['papermill_peak_rss_mb']}, {f['chromium_peak_rss_mb']}",
    )]  # fmt: skip
    rows += [(f"  report step {k}", f"{v}", "", "", "") for k, v in r["steps_s"].items()]
    rows.append(("  report start-up and rest", f"{r['startup_and_rest_s']}", "", "", ""))
    return rows


def _pressure() -> float | None:
    """Share of the last 60 s in which some runnable task waited for a CPU (Linux PSI)."""
    try:
        text = Path("/proc/pressure/cpu").read_text()
    except OSError:
        return None
    m = re.search(r"some avg10=\S+ avg60=(\S+)", text)
    return float(m.group(1)) if m else None


def machine() -> dict:
    import spacy

    from newsbrief.nlp import load_nlp, model_in_use

    meta = load_nlp().meta
    return {
        "cpus": os.cpu_count(),
        "platform": platform.platform(),
        "python": platform.python_version(),
        "spacy": spacy.__version__,
        "model": f"{model_in_use()} {meta.get('version', '')}".strip(),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small sizes, for a smoke run")
    parser.add_argument("--out", type=Path, default=RESULTS, help="results JSON")
    parser.add_argument("--articles", type=int, help="articles per throughput run (a test's slice)")
    parser.add_argument("--reps", type=int, help="repetitions of the timed runs (a test's slice)")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    parser.add_argument(
        "--sections",
        nargs="+",
        choices=SECTIONS,
        help="run only these sections, keeping the others' results from --out",
    )
    args = parser.parse_args(argv)
    if args.child:
        run_child(args.child)
        return 0
    size = dict(QUICK if args.quick else FULL)
    if args.articles:
        size["articles"] = args.articles
    if args.reps:
        size["reps"] = size["throughput_reps"] = args.reps
    began = time.perf_counter()
    chosen = args.sections or list(SECTIONS)
    earlier = json.loads(args.out.read_text()) if args.sections and args.out.is_file() else {}
    res: dict = {
        **earlier,
        "quick": args.quick,
        "machine": machine(),
        "sizes": list(size["memory"]),
    }
    res["texts"] = [str(p) for p in corpus_texts()]
    res["load_average"] = earlier.get("load_average", {})
    sections = {
        "throughput": lambda: bench_throughput(size["articles"], size["throughput_reps"]),
        "cold_start": lambda: bench_cold_start(size["reps"]),
        "report": lambda: bench_report(size["report_reps"]),
        "corpus": lambda: bench_corpus(
            size["corpus"],
            size["memory"],
            size["corpus_reps"],
            res["cold_start"].get("spacy_load", {}).get("median_s", 0),
        ),
        "dask": lambda: bench_dask(size["memory"]),
        "long": lambda: bench_long(size["long_kb"]),
    }
    for name in chosen:
        print(f"newsbrief bench: {name} ...", file=sys.stderr)
        # Other work on the machine skews wall times: record how busy it was.
        res["load_average"][name] = {"load1": os.getloadavg()[0], "cpu_pressure": _pressure()}
        try:
            res[name] = sections[name]()
        except (RuntimeError, OSError, ValueError, KeyError) as exc:
            print(f"newsbrief bench: {name} failed: {exc}", file=sys.stderr)
            res[name] = {"error": str(exc).splitlines()[-1]}
    res["targets"] = targets(res)
    res["total_s"] = round(time.perf_counter() - began, 1)
    args.out.write_text(json.dumps(res, indent=2) + "\n", encoding="utf-8")
    print()
    print(_table(_figure_rows(res)))
    print()
    target_rows = [("target", "value", "goal", "met")]
    target_rows += [(t["measure"], str(t["value"]), t["target"], "yes" if t["met"] else "NO")
                    for t in res["targets"]]  # fmt: skip
    print(_table(target_rows))
    print(f"\nwritten {args.out} in {res['total_s']} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
