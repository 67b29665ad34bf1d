"""Open the notebooks in a real JupyterLab, in headless Chromium, and use the widgets.

Starts JupyterLab on 127.0.0.1 with a random token, first opens the committed
``01_claims`` as a new user gets it, untrusted and not run, and checks that
its claims table still shows the category colours and left-aligned text
(JupyterLab strips ``<style>`` from untrusted outputs, so those must be
inline). Then it opens ``01_claims`` and ``02_actor_graph``, runs every
cell, filters the claims, reads one in context, clicks an actor and a
relation of the graph and filters it by polarity, taking a screenshot after
each step into ``--out`` (default
``reports/labcheck``). Every request the page makes to a host other than
127.0.0.1 is blocked and counted: the widgets must work with no network.
The server is stopped at the end, whatever happened. It serves a copy of
the notebooks, so running them leaves the committed ones as they were.

Usage: ``python scripts/labcheck.py [--out DIR] [--chromium PATH] [--untrusted-only]``
(``make lab-check``).
Exit status 0 when every check passed, 1 otherwise (the failed checks are
printed), 2 for bad arguments or a missing browser.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Any

from playwright.sync_api import TimeoutError as PlaywrightTimeout

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
TIMEOUT_MS = int(
    os.environ.get("LABCHECK_TIMEOUT_MS", "180000")
)  # a cold kernel loads spaCy and analyzes the article


def free_port() -> int:
    """A port on 127.0.0.1 that nothing listens on now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_lab(port: int, token: str, home: Path, root: Path) -> subprocess.Popen[bytes]:
    """JupyterLab on loopback only, with its settings in a throw-away folder."""
    env = {**os.environ, "JUPYTER_CONFIG_DIR": str(home / "config"), "HOME": str(home)}
    env["JUPYTERLAB_SETTINGS_DIR"] = str(home / "settings")
    env["JUPYTERLAB_WORKSPACES_DIR"] = str(home / "workspaces")
    cmd = [
        sys.executable,
        "-m",
        "jupyterlab",
        "--no-browser",
        "--allow-root",
        "--LabApp.extension_manager=readonly",
        "--ServerApp.ip=127.0.0.1",
        f"--ServerApp.port={port}",
        "--ServerApp.port_retries=0",
        f"--IdentityProvider.token={token}",
        f"--ServerApp.root_dir={root}",
        "--LabApp.news_url=",
        "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
    ]
    log = (home / "lab.log").open("wb")
    return subprocess.Popen(cmd, env=env, stdout=log, stderr=subprocess.STDOUT)


def wait_ready(lab: subprocess.Popen[bytes], port: int, token: str, seconds: float = 90) -> None:
    """Wait until the server answers, or fail at once when it has exited."""
    url = f"http://127.0.0.1:{port}/api/status?token={token}"
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if lab.poll() is not None:
            raise RuntimeError(f"JupyterLab exited with status {lab.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2) as r:  # loopback only
                if r.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    raise RuntimeError(f"JupyterLab did not answer on 127.0.0.1:{port} in {seconds:.0f} s")


class Check:
    """Collects pass/fail lines and the screenshots."""

    def __init__(self, out: Path) -> None:
        self.out = out
        self.failed: list[str] = []
        self.shots: list[Path] = []

    def expect(self, ok: bool, what: str) -> None:
        """Print one check's line and remember a failure."""
        print(f"{'ok  ' if ok else 'FAIL'} {what}", flush=True)
        if not ok:
            self.failed.append(what)

    def shot(self, page: Any, name: str) -> None:
        """Screenshot the page as the next numbered PNG."""
        path = self.out / f"{len(self.shots) + 1:02d}-{name}.png"
        page.screenshot(path=str(path))
        self.shots.append(path)


def open_notebook(page: Any, base: str, notebook: str) -> None:
    """Open a notebook in JupyterLab and accept the kernel dialog if it asks."""
    page.goto(f"{base}/lab/tree/{notebook}")
    page.locator(".jp-NotebookPanel .jp-Cell").first.wait_for(timeout=TIMEOUT_MS)
    dialog = page.locator(".jp-Dialog .jp-mod-accept")  # "Select Kernel", when it asks
    with contextlib.suppress(PlaywrightTimeout):
        dialog.click(timeout=8000)


def run_all(page: Any, notebook: str, base: str) -> None:
    """Open a notebook and run every cell through the Run menu.

    On a loaded machine the kernel can still be starting when the menu is
    clicked, and JupyterLab then drops the request: the cells stay unrun and
    the check times out waiting for a widget. So the run waits for the kernel
    to report idle first, and asks once more if no cell has started after it.
    """
    open_notebook(page, base, notebook)
    idle = page.locator('.jp-Notebook-ExecutionIndicator[data-status="idle"]')
    with contextlib.suppress(PlaywrightTimeout):
        idle.first.wait_for(timeout=TIMEOUT_MS)
    print(f"     {notebook}: open, running all cells", flush=True)
    started = page.locator(".jp-InputPrompt", has_text=re.compile(r"\[(\*|\d+)\]"))
    for _ in range(2):
        page.get_by_role("menuitem", name="Run", exact=True).click()
        page.get_by_role("menuitem", name="Run All Cells", exact=True).click()
        try:
            started.first.wait_for(timeout=30000)
            return
        except PlaywrightTimeout:
            print(f"     {notebook}: no cell started, asking again", flush=True)


def check_claims(page: Any, base: str, check: Check) -> None:
    """Filter the claims by each category, search, and read one claim in context."""
    run_all(page, "01_claims.ipynb", base)
    box = page.locator(".nb-claims-explorer")
    box.wait_for(timeout=TIMEOUT_MS)
    box.scroll_into_view_if_needed()
    page.wait_for_timeout(1000)
    check.shot(page, "claims-explorer")
    total = box.locator("table.nb-explorer tbody tr").count()
    check.expect(total > 0, f"claims table rendered with {total} rows")
    selects = box.locator("select")
    category = selects.nth(0)
    options = [o for o in category.locator("option").all_inner_texts() if o != "(all)"]
    counts = {}
    for option in options:
        category.select_option(label=option)
        page.wait_for_timeout(700)
        counts[option] = box.locator("table.nb-explorer tbody tr").count()
    check.expect(
        (bool(counts) and all(0 < n < total for n in counts.values())) or len(options) == 1,
        f"category filter narrows the table: {counts} of {total}",
    )
    check.expect(sum(counts.values()) == total, "the categories partition the claims")
    category.select_option(label=options[-1])
    page.wait_for_timeout(700)
    check.shot(page, "claims-filtered")
    category.select_option(label="(all)")
    search = box.locator("input[type='text']").first
    search.fill("zzqqxx")
    search.press("Enter")
    page.wait_for_timeout(900)
    empty = box.locator("table.nb-explorer tbody tr").count()
    check.expect(empty == 0, f"a search for a missing word leaves {empty} rows")
    search.fill("")
    search.press("Enter")
    page.wait_for_timeout(900)
    reader = selects.last
    reader.select_option(index=1)
    page.wait_for_timeout(1000)
    text = box.inner_text()
    check.expect("Cues" in text, "choosing a claim shows it in context with its cues")
    box.locator("mark, b").last.scroll_into_view_if_needed()
    check.shot(page, "claim-in-context")


_TABLE_JS = """
() => {
  const heads = t => [...t.querySelectorAll('thead th')].map(th => th.textContent.trim());
  const t = [...document.querySelectorAll('.jp-OutputArea-output table')]
    .find(t => heads(t).includes('category') && heads(t).includes('text'));
  if (!t) return null;
  const h = heads(t), rows = [...t.querySelectorAll('tbody tr')];
  const css = (col, prop) => rows.map(r => getComputedStyle(r.children[h.indexOf(col)])[prop]);
  const none = 'rgba(0, 0, 0, 0)';
  return {rows: rows.length,
          coloured: css('category', 'backgroundColor').filter(c => c !== none).length,
          colours: new Set(css('category', 'backgroundColor')).size,
          left: css('text', 'textAlign').filter(a => a === 'left' || a === 'start').length};
}
"""


def check_untrusted(page: Any, base: str, check: Check) -> None:
    """Open the committed claims notebook without running it: colours and alignment hold."""
    open_notebook(page, base, "01_claims.ipynb")
    table = page.locator(".jp-OutputArea-output table").nth(1)
    table.wait_for(timeout=TIMEOUT_MS)
    found = page.evaluate(_TABLE_JS)
    check.expect(found is not None, "the committed claims table is shown untrusted")
    if found is None:
        return
    page.locator(".jp-OutputArea-output table").nth(1).scroll_into_view_if_needed()
    page.wait_for_timeout(800)
    check.shot(page, "claims-untrusted")
    rows = found["rows"]
    check.expect(
        rows > 0 and found["coloured"] == rows and found["colours"] > 1,
        f"untrusted: {found['coloured']} of {rows} category cells coloured,"
        f" {found['colours']} colours",
    )
    check.expect(
        rows > 0 and found["left"] == rows,
        f"untrusted: {found['left']} of {rows} texts left-aligned",
    )


_CY_JS = """
(kind) => {
  const el = [...document.querySelectorAll('.nb-graph-explorer div')]
    .find(d => d._cyreg && d._cyreg.cy);
  if (!el) return null;
  const cy = el._cyreg.cy, box = el.getBoundingClientRect();
  const items = kind === 'node' ? cy.nodes() : cy.edges();
  return {count: items.length, points: items.map(e => {
    const p = kind === 'node' ? e.renderedPosition() : e.renderedMidpoint();
    return {x: box.left + p.x, y: box.top + p.y, id: e.id()};
  })};
}
"""


def cy(page: Any, kind: str) -> dict[str, Any] | None:
    """Count the drawn nodes or edges and where they are on the screen."""
    return page.evaluate(_CY_JS, kind)


def check_graph(page: Any, base: str, check: Check) -> None:
    """Click an actor and a relation, then keep one polarity."""
    run_all(page, "02_actor_graph.ipynb", base)
    box = page.locator(".nb-graph-explorer")
    box.wait_for(timeout=TIMEOUT_MS)
    box.scroll_into_view_if_needed()
    page.wait_for_timeout(2500)
    nodes, edges = cy(page, "node"), cy(page, "edge")
    check.expect(bool(nodes and nodes["count"]), f"graph drew {nodes and nodes['count']} actors")
    check.expect(bool(edges and edges["count"]), f"graph drew {edges and edges['count']} edges")
    check.shot(page, "graph")
    if not (nodes and edges and nodes["count"] and edges["count"]):
        return
    details = box.locator(".widget-html").last
    node = nodes["points"][0]
    page.mouse.click(node["x"], node["y"])
    page.wait_for_timeout(1200)
    check.expect("mentions" in details.inner_text(), f"clicking actor {node['id']} names it")
    check.shot(page, "graph-node")
    edge = edges["points"][0]
    page.mouse.click(edge["x"], edge["y"])
    page.wait_for_timeout(1200)
    shown = details.inner_text()
    check.expect("class" in shown and "→" in shown, f"clicking relation {edge['id']} shows it")
    check.shot(page, "graph-edge")
    polarity = box.locator("select").first
    options = [o for o in polarity.locator("option").all_inner_texts() if o != "(all)"]
    polarity.select_option(label=options[0])
    page.wait_for_timeout(2000)
    kept = cy(page, "edge")
    check.expect(
        kept is not None and 0 < kept["count"] <= edges["count"],
        f"polarity {options[0]} keeps {kept and kept['count']} of {edges['count']} edges",
    )
    check.shot(page, "graph-filtered")


def browse(base: str, token: str, chromium: str, check: Check, untrusted_only: bool) -> None:
    """Drive both notebooks in headless Chromium with every outside request blocked."""
    from playwright.sync_api import sync_playwright

    blocked: list[str] = []

    def route(r: Any) -> None:
        if r.request.url.startswith(("http://127.0.0.1", "ws://127.0.0.1", "data:", "blob:")):
            r.continue_()
        else:
            blocked.append(r.request.url)
            r.abort()

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.route("**/*", route)
            page.goto(f"{base}/lab?token={token}")  # the token becomes a cookie
            with contextlib.suppress(PlaywrightTimeout):  # the "Jupyter news?" toast
                page.get_by_role("button", name="No", exact=True).click(timeout=15000)
            try:
                check_untrusted(page, base, check)  # first: running cells trusts the notebook
                if not untrusted_only:
                    check_claims(page, base, check)
                    check_graph(page, base, check)
            except Exception:
                check.shot(page, "failure")  # what the page showed when a step gave up
                raise
        finally:
            browser.close()
    check.expect(not blocked, f"no request left the machine ({len(blocked)} blocked)")
    for url in blocked[:5]:
        print(f"     blocked: {url}")


def main(argv: list[str] | None = None) -> int:
    """Run the check; see the module docstring."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "reports" / "labcheck")
    parser.add_argument("--chromium", default=shutil.which("chromium") or "/usr/bin/chromium")
    parser.add_argument(
        "--untrusted-only", action="store_true", help="only open 01_claims untrusted, run nothing"
    )
    args = parser.parse_args(argv)
    if not Path(args.chromium).is_file():
        print(f"labcheck: no Chromium at {args.chromium}", file=sys.stderr)
        return 2
    args.out.mkdir(parents=True, exist_ok=True)
    for old in args.out.glob("*.png"):
        old.unlink()
    home = args.out / "home"
    shutil.rmtree(home, ignore_errors=True)
    home.mkdir()
    port, token = free_port(), secrets.token_hex(16)
    check = Check(args.out)
    # A copy of the notebooks: JupyterLab saves the ones it runs, and the
    # committed notebooks (their outputs are what nbval holds) must not change.
    root = home / "notebooks"
    shutil.copytree(NOTEBOOKS, root, ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    lab = start_lab(port, token, home, root)
    try:
        wait_ready(lab, port, token)
        browse(f"http://127.0.0.1:{port}", token, args.chromium, check, args.untrusted_only)
    except Exception as exc:  # a crash is one more failed check, and the server still stops
        check.expect(False, f"{type(exc).__name__}: {str(exc).splitlines()[0]}")
    finally:
        lab.terminate()
        try:
            lab.wait(timeout=20)
        except subprocess.TimeoutExpired:
            lab.kill()
    summary = {"failed": check.failed, "screenshots": [p.name for p in check.shots]}
    (args.out / "labcheck.json").write_text(json.dumps(summary, indent=1) + "\n")
    print(f"labcheck: {len(check.failed)} failed, screenshots in {args.out}")
    return 1 if check.failed else 0


if __name__ == "__main__":
    sys.exit(main())
