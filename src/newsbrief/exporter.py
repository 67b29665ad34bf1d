"""nbconvert exporters for the briefing: the ``newsbrief`` template, printed by system Chromium.

nbconvert's :class:`~nbconvert.exporters.WebPDFExporter` renders a notebook
to HTML and prints it with the Chromium that Playwright downloads. That
download is not available here, so :class:`SystemChromiumWebPDFExporter`
changes only the print step: it launches the system's Chromium
(``/usr/bin/chromium`` on Debian, or ``$NEWSBRIEF_CHROMIUM``) and prints on
the paper that the template's ``@page`` rule asks for (A4, page numbers in
the footer, no browser header). Everything else - the HTML, the template
machinery, the traitlets - is nbconvert's own.

Both exporters default to the ``newsbrief`` template shipped in
``newsbrief/data/templates``, so the HTML briefing and the PDF share one
template and one stylesheet. nbconvert finds the PDF exporter by its entry
point: ``jupyter nbconvert --to newsbrief_webpdf --no-input notebook.ipynb``.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

from nbconvert.exporters import HTMLExporter, WebPDFExporter
from traitlets import HasTraits, Unicode, default

from .config import package_file

__all__ = [
    "COUNTS_CAPTION",
    "GRAPH_MIN_MM",
    "PAGE_CONTENT_MM",
    "TEMPLATE_NAME",
    "BriefingHTMLExporter",
    "SystemChromiumWebPDFExporter",
    "find_chromium",
    "graph_on_page_one",
    "templates_dir",
]

#: The template directory below ``newsbrief/data/templates``.
TEMPLATE_NAME = "newsbrief"

#: Executables tried in order when neither the trait nor the variable names one.
CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


def templates_dir() -> Path:
    """Return the folder that holds the ``newsbrief`` nbconvert template.

    Returns
    -------
    pathlib.Path
        ``newsbrief/data/templates`` inside the installed package.

    Examples
    --------
    >>> (templates_dir() / "newsbrief" / "index.html.j2").is_file()
    True
    """
    return package_file("templates")


def find_chromium() -> str | None:
    """Return the Chromium executable to print with, or None when there is none.

    ``$NEWSBRIEF_CHROMIUM`` wins; otherwise the first of ``chromium``,
    ``chromium-browser``, ``google-chrome`` found on ``PATH``.

    Returns
    -------
    str or None
        An absolute path.
    """
    named = os.environ.get("NEWSBRIEF_CHROMIUM")
    if named:
        return shutil.which(named) or named
    return next((p for p in map(shutil.which, CHROMIUM_NAMES) if p), None)


class _NewsbriefTemplate(HasTraits):
    """Mixin: default to the ``newsbrief`` template shipped with the package."""

    @default("template_name")
    def _template_name_default(self) -> str:
        return TEMPLATE_NAME

    @default("extra_template_basedirs")
    def _default_extra_template_basedirs(self) -> list[str]:
        return [str(templates_dir()), os.getcwd()]


class BriefingHTMLExporter(_NewsbriefTemplate, HTMLExporter):
    """The HTML briefing: nbconvert's HTML exporter with the ``newsbrief`` template."""

    export_from_notebook = "newsbrief HTML"


class SystemChromiumWebPDFExporter(_NewsbriefTemplate, WebPDFExporter):
    """nbconvert's WebPDF exporter, printing with the system's Chromium.

    Only :meth:`run_playwright` differs from nbconvert's: Playwright launches
    ``chromium_executable`` instead of its own download, the sandbox is off
    when running as root (Chromium refuses to start otherwise), and the page
    is printed at the size its CSS ``@page`` rule sets (A4 in the
    ``newsbrief`` template), with no browser header or footer; the page
    numbers come from the stylesheet's ``@page`` margin boxes.
    """

    export_from_notebook = "newsbrief PDF"

    chromium_executable = Unicode(
        help="Chromium to print with (default: $NEWSBRIEF_CHROMIUM, else chromium on PATH)."
    ).tag(config=True)

    @default("chromium_executable")
    def _chromium_executable_default(self) -> str:
        return find_chromium() or ""

    @default("disable_sandbox")
    def _disable_sandbox_default(self) -> bool:
        return hasattr(os, "geteuid") and os.geteuid() == 0

    def run_playwright(self, html: str) -> bytes:
        """Print ``html`` to PDF bytes with the system's Chromium.

        Parameters
        ----------
        html : str
            The rendered page.

        Returns
        -------
        bytes
            The PDF.
        """
        if not self.chromium_executable:
            msg = (
                "no Chromium found to print the PDF: install chromium "
                "(apt-get install chromium) or set NEWSBRIEF_CHROMIUM"
            )
            raise RuntimeError(msg)
        with tempfile.TemporaryDirectory(prefix="newsbrief-pdf-") as tmp:
            page = Path(tmp) / "briefing.html"
            page.write_text(html, encoding="utf-8")
            # Playwright's sync and async APIs refuse to run inside a running
            # event loop (a Jupyter kernel has one), hence a worker thread.
            with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
                return pool.submit(asyncio.run, self._print(page)).result()

    async def _print(self, page_path: Path) -> bytes:
        from playwright.async_api import async_playwright  # heavy: only when printing a PDF

        args = list(self.browser_args)
        if self.disable_sandbox:
            args.append("--no-sandbox")
        async with async_playwright() as playwright:
            browser = await playwright.chromium.launch(
                executable_path=self.chromium_executable,
                args=args,
                handle_sigint=False,
                handle_sigterm=False,
                handle_sighup=False,
            )
            try:
                page = await browser.new_page()
                await page.emulate_media(media="print")
                await page.goto(page_path.as_uri(), wait_until="networkidle")
                await page.wait_for_timeout(self.page_render_timeout)
                options: dict[str, Any] = {"print_background": True}
                if self.paginate:
                    await _graph_on_page_one(page)
                    options.update(format="A4", prefer_css_page_size=True)
                else:
                    options.update(await _whole_page_size(page))
                return await page.pdf(**options)
            finally:
                await browser.close()


async def _whole_page_size(page: Any) -> dict[str, int]:
    """One page as large as the document (nbconvert's ``paginate=False``)."""
    size = await page.evaluate(
        "() => { const r = document.body.getBoundingClientRect();"
        " return {width: Math.ceil(r.width) + 1, height: Math.ceil(r.height) + 1}; }"
    )
    # 200 inches is the largest page Adobe Reader opens.
    return {"width": min(size["width"], 200 * 72), "height": min(size["height"], 200 * 72)}


#: One millimetre in CSS pixels (96 to the inch), the unit Chromium prints in.
_MM = 96 / 25.4
#: The A4 page's content box, as ``briefing.css``'s ``@page`` rule sets it:
#: 210 x 297 mm less margins of 15 and 15 mm, 16 and 18 mm.
PAGE_CONTENT_MM = (210 - 15 - 15, 297 - 16 - 18)
#: The graph is made smaller to stay on page one down to this height: at
#: 65 mm the figure is 90 mm wide (its 1.39 aspect), where its labels still
#: read on paper; below it the graph goes to page two whole.
GRAPH_MIN_MM = 65
#: Slack left under the graph, and under the line its image sits on, for
#: what the print adds to the measure: with 2 mm a test figure measured to
#: fit went to page two, with 4 mm it stays.
_SLACK_MM = 4

#: Measures page one's layout at the printed column's width: where the first
#: figure (the graph) starts, its height and the space its output adds under
#: it, and how tall the counts table's cell is in the flow when it comes
#: before the graph.
_MEASURE = """() => {
  const img = document.querySelector("main img");
  const cell = img && img.closest(".jp-Cell");
  const heading = cell && cell.previousElementSibling;
  if (!img || !heading) return null;
  const counts = document.querySelector("table.nb-counts");
  const countsCell = counts && counts.closest(".jp-Cell");
  const before = countsCell && (countsCell.compareDocumentPosition(heading) & 4);
  const box = (e) => e.getBoundingClientRect();
  return {
    top: box(img).top + window.scrollY,
    height: box(img).height,
    below: box(img.closest(".jp-OutputArea-child") || img).bottom - box(img).bottom,
    counts: before ? box(heading).top - box(countsCell).top : 0,
  };
}"""
#: The counts table's caption when it is moved after the graph. In its place
#: under the bottom line it needs none; after the graph it opened page two
#: (remarks, analysis in the corpus) as a bare grid of numbers.
COUNTS_CAPTION = "Claims by category and source"
#: Moves the counts table's cell after the graph, with a caption, and caps the graph's height.
_APPLY = """([moveCounts, maxHeight, caption]) => {
  const img = document.querySelector("main img");
  const cell = img.closest(".jp-Cell");
  if (moveCounts) {
    const counts = document.querySelector("table.nb-counts");
    counts.createCaption().textContent = caption;
    cell.after(counts.closest(".jp-Cell"));
  }
  if (maxHeight) img.style.maxHeight = maxHeight + "px";
}"""


def graph_on_page_one(
    top: float, height: float, counts: float, page: float, minimum: float
) -> tuple[bool, float | None]:
    """How page one keeps its graph: (move the counts table after it, cap its height).

    The graph never splits, so when it does not fit under the header and the
    bottom line it went to page two whole with its heading, and the claims
    after it: page one was left half empty. It is made smaller to fit, down
    to ``minimum``; when even that does not fit, the counts table (which the
    bottom line and the claims' headings repeat) goes under the graph to
    make room. When neither helps, nothing changes.

    Parameters
    ----------
    top, height : float
        Where the graph starts on the page, and its height, in CSS pixels.
    counts : float
        The counts table's height in the flow when it comes before the graph, else 0.
    page : float
        The page's content height.
    minimum : float
        The least height the graph may be given.

    Returns
    -------
    tuple of (bool, float or None)
        Whether to move the counts table after the graph, and the graph's
        new maximum height (None: as it is).
    """
    if top + height <= page:
        return False, None
    for move in (False, True) if counts else (False,):
        room = page - (top - counts if move else top)
        if room >= height:
            return move, None
        if room >= minimum:
            return move, room
    return False, None


async def _graph_on_page_one(page: Any) -> None:
    """Lay page one out as :func:`graph_on_page_one` decides, measured at the column's width."""
    width, height = (round(mm * _MM) for mm in PAGE_CONTENT_MM)
    await page.set_viewport_size({"width": width, "height": height})
    box = await page.evaluate(_MEASURE)
    if not box:
        return
    bottom = height - box["below"] - _SLACK_MM * _MM
    move, cap = graph_on_page_one(
        box["top"], box["height"], box["counts"], bottom, GRAPH_MIN_MM * _MM
    )
    if move or cap:
        await page.evaluate(_APPLY, [move, cap, COUNTS_CAPTION])
