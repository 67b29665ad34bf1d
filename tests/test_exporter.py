"""The nbconvert exporters: the offline ``newsbrief`` template and system-Chromium PDF."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

from newsbrief import exporter
from newsbrief.exporter import (
    GRAPH_MIN_MM,
    PAGE_CONTENT_MM,
    BriefingHTMLExporter,
    SystemChromiumWebPDFExporter,
    find_chromium,
    graph_on_page_one,
    templates_dir,
)

needs_chromium = pytest.mark.skipif(find_chromium() is None, reason="Chromium is not installed")
NO_INPUT = {"exclude_input": True, "exclude_input_prompt": True, "exclude_output_prompt": True}
PIXEL = (  # a 1x1 PNG
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk"
    "YPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="
)


@pytest.fixture
def notebook():
    """A small executed notebook: markdown, a code cell with HTML and PNG output."""
    code = new_code_cell("show()", execution_count=1)
    code.outputs = [
        new_output(
            "execute_result",
            data={"text/html": "<table><tr><td>cell</td></tr></table>", "text/plain": "x"},
            execution_count=1,
        ),
        new_output("display_data", data={"image/png": PIXEL, "text/plain": "img"}),
    ]
    nb = new_notebook(
        cells=[new_markdown_cell("# A title\n\nSome prose, $x^2$."), code],
        metadata={
            "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}
        },
    )
    nb.metadata["title"] = "A title"
    return nb


def test_template_ships_with_the_package():
    folder = templates_dir() / exporter.TEMPLATE_NAME
    assert (folder / "index.html.j2").is_file()
    assert (folder / "conf.json").is_file()
    assert (folder / "static" / "briefing.css").is_file()


def test_html_export_is_offline_and_has_no_inputs(notebook):
    html, _ = BriefingHTMLExporter(**NO_INPUT).from_notebook_node(notebook)
    assert "<script" not in html.lower()
    assert not re.search(r"""(src|href)\s*=\s*["']?\s*(https?:)?//""", html, re.IGNORECASE)
    assert 'class="jp-InputArea' not in html
    assert "show()" not in html
    assert "data:image/png;base64," in html
    assert "<td>cell</td>" in html
    assert "A title" in html


def test_html_export_uses_the_briefing_stylesheet(notebook):
    html, _ = BriefingHTMLExporter().from_notebook_node(notebook)
    assert "body.newsbrief" in html
    assert "size: A4" in html
    assert 'class="jp-Notebook newsbrief"' in html


def test_pdf_exporter_is_registered_with_nbconvert():
    from nbconvert.exporters import get_exporter

    assert get_exporter("newsbrief_webpdf") is SystemChromiumWebPDFExporter


def test_pdf_exporter_defaults_to_the_newsbrief_template():
    pdf = SystemChromiumWebPDFExporter()
    assert pdf.template_name == exporter.TEMPLATE_NAME
    assert pdf.file_extension == ".pdf"


def test_chromium_from_the_environment(monkeypatch):
    monkeypatch.setenv("NEWSBRIEF_CHROMIUM", sys.executable)
    assert find_chromium() == sys.executable
    assert SystemChromiumWebPDFExporter().chromium_executable == sys.executable


def test_missing_chromium_is_a_clear_error(notebook):
    pdf = SystemChromiumWebPDFExporter(chromium_executable="", **NO_INPUT)
    with pytest.raises(RuntimeError, match="no Chromium found"):
        pdf.from_notebook_node(notebook)


@needs_chromium
def test_pdf_export_prints_a4(notebook):
    pdf, _ = SystemChromiumWebPDFExporter(**NO_INPUT).from_notebook_node(notebook)
    assert pdf.startswith(b"%PDF-")
    if shutil.which("pdfinfo"):
        import tempfile

        with tempfile.NamedTemporaryFile(suffix=".pdf") as fh:
            fh.write(pdf)
            fh.flush()
            info = subprocess.run(["pdfinfo", fh.name], capture_output=True, text=True).stdout
        assert "(A4)" in info


@needs_chromium
def test_jupyter_nbconvert_to_newsbrief_webpdf(notebook, tmp_path):
    path = tmp_path / "brief.ipynb"
    nbformat.write(notebook, path)
    subprocess.run(
        [
            sys.executable,
            "-m",
            "jupyter",
            "nbconvert",
            "--to",
            "newsbrief_webpdf",
            "--no-input",
            str(path),
        ],
        check=True,
        capture_output=True,
    )
    assert (tmp_path / "brief.pdf").read_bytes().startswith(b"%PDF-")


def _print_prose_then_figure(tmp_path, lines: int):
    """A title, LINES lines of prose, a figure heading with its caption, then the figure, as PDF."""
    import base64
    import io

    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGB", (600, 500), (40, 90, 160)).save(buf, "PNG")
    filler = "".join(
        f"<p>Line {i} of invented prose, one line on the page.</p>" for i in range(lines)
    )
    first = new_code_cell("bottom_line()", execution_count=1)
    first.outputs = [
        new_output("display_data", data={"text/html": f"<h1>Title</h1>{filler}", "text/plain": ""})
    ]
    figure = new_code_cell("figure()", execution_count=2)
    figure.outputs = [
        new_output(
            "display_data",
            data={"image/png": base64.b64encode(buf.getvalue()).decode(), "text/plain": ""},
        )
    ]
    nb = new_notebook(
        cells=[first, new_markdown_cell("## Figure heading\n\nIts caption."), figure],
        metadata={"title": "Title"},
    )
    pdf, _ = SystemChromiumWebPDFExporter(**NO_INPUT).from_notebook_node(nb)
    path = tmp_path / "brief.pdf"
    path.write_bytes(pdf)
    return path


@needs_chromium
@pytest.mark.skipif(shutil.which("pdfimages") is None, reason="poppler-utils not installed")
def test_a_heading_moves_to_the_next_page_with_its_figure(tmp_path):
    """A figure never splits; its heading and caption must not end the page above it."""
    path = _print_prose_then_figure(tmp_path, lines=20)

    def run(*args: str) -> str:
        return subprocess.run(args, capture_output=True, check=True, text=True).stdout

    (image_page,) = {
        int(row.split()[0]) for row in run("pdfimages", "-list", str(path)).splitlines()[2:]
    }
    assert image_page == 2  # the filler leaves room for the heading only, not the figure
    text = run("pdftotext", "-f", "2", "-l", "2", str(path), "-")
    assert "Figure heading" in text and "Its caption." in text


def test_page_one_keeps_its_graph_smaller_or_with_the_counts_moved_under_it():
    """The graph never splits: moved whole to page two it left page one half empty."""
    page, least = 1000.0, 250.0
    assert graph_on_page_one(400, 300, 120, page, least) == (False, None)  # fits as it is
    assert graph_on_page_one(720, 300, 120, page, least) == (False, 280)  # fits smaller
    assert graph_on_page_one(800, 300, 120, page, least) == (True, None)  # fits, counts after
    assert graph_on_page_one(850, 300, 120, page, least) == (True, 270)  # both
    assert graph_on_page_one(850, 300, 0, page, least) == (False, None)  # no room: page two
    assert graph_on_page_one(1100, 300, 50, page, least) == (False, None)


def test_page_one_is_measured_on_the_paper_the_stylesheet_prints():
    css = (templates_dir() / "newsbrief" / "static" / "briefing.css").read_text(encoding="utf-8")
    page = re.search(r"@page\s*{[^}]*?size:\s*A4;\s*margin:\s*([\d\s.mm]+);", css)
    top, right, bottom, left = (float(m) for m in re.findall(r"([\d.]+)mm", page.group(1)))
    assert (210 - left - right, 297 - top - bottom) == PAGE_CONTENT_MM


@needs_chromium
@pytest.mark.skipif(shutil.which("pdfimages") is None, reason="poppler-utils not installed")
def test_a_figure_that_fits_page_one_smaller_is_printed_there(tmp_path):
    """Prose that leaves 65-80 mm under the figure's heading: the figure is made to fit."""
    path = _print_prose_then_figure(tmp_path, lines=15)
    rows = subprocess.run(
        ["pdfimages", "-list", str(path)], capture_output=True, check=True, text=True
    ).stdout.splitlines()[2:]
    (row,) = [r.split() for r in rows]
    height_mm = int(row[4]) / float(row[13]) * 25.4
    assert row[0] == "1", "the figure went to page two"
    assert GRAPH_MIN_MM <= height_mm < 80


def _printed_pages(nb, tmp_path) -> list[str]:
    """The text of each page the PDF exporter prints for ``nb``."""
    pdf, _ = SystemChromiumWebPDFExporter(**NO_INPUT).from_notebook_node(nb)
    path = tmp_path / "brief.pdf"
    path.write_bytes(pdf)
    return subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, check=True, text=True
    ).stdout.split("\f")


@needs_chromium
@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
def test_a_relation_and_its_quoted_sentence_print_on_one_page(tmp_path):
    """A break between a relation's line and its sentence left the line alone at a page foot."""
    quote = " ".join(["An invented sentence that fills about one printed line here."] * 3)
    items = "".join(
        f"<li><strong>Actor {i}</strong> met with <strong>Other {i}</strong> "
        f"<em>(cooperative, CONSULT)</em><blockquote>“{quote}” <small>[unit {i}]</small>"
        "</blockquote></li>"
        for i in range(40)
    )
    cell = new_code_cell("relations()", execution_count=1)
    cell.outputs = [
        new_output("display_data", data={"text/html": f"<ul>{items}</ul>", "text/plain": ""})
    ]
    nb = new_notebook(cells=[cell], metadata={"title": "Title"})
    pages = _printed_pages(nb, tmp_path)
    assert len(pages) > 2
    for i in range(40):
        (page,) = [p for p in pages if f"Actor {i} " in p]
        assert f"[unit {i}]" in page, f"relation {i} split from its sentence"


@needs_chromium
@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
def test_a_heading_moves_to_the_next_page_with_the_list_it_introduces(tmp_path):
    """The list's first item does not split; its heading must not end the page above it."""
    filler = "".join(f"<p>Line {i} of invented prose, one line on the page.</p>" for i in range(20))
    first = new_code_cell("bottom_line()", execution_count=1)
    first.outputs = [
        new_output("display_data", data={"text/html": f"<h1>Title</h1>{filler}", "text/plain": ""})
    ]
    quote = " ".join(["An invented sentence that fills about one printed line here."] * 12)
    items = "".join(
        f"<li><strong>Actor {i}</strong> met with <strong>Other</strong>"
        f"<blockquote>“{quote}” <small>[unit {i}]</small></blockquote></li>"
        for i in range(2)
    )
    listed = new_code_cell("relations()", execution_count=2)
    listed.outputs = [
        new_output("display_data", data={"text/html": f"<ul>{items}</ul>", "text/plain": ""})
    ]
    heading = new_markdown_cell("## List heading\n\nIts caption.")
    nb = new_notebook(cells=[first, heading, listed], metadata={"title": "Title"})
    pages = _printed_pages(nb, tmp_path)
    (head,) = [i for i, p in enumerate(pages) if "List heading" in p]
    (item,) = [i for i, p in enumerate(pages) if "Actor 0" in p]
    assert (head, item) == (1, 1)  # the filler leaves room for the heading only


def _print_prose_then_full_graph(tmp_path, lines: int) -> Path:
    """LINES lines of prose, then the full graph's cell: its heading and the figure."""
    import base64
    import io

    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGB", (600, 400), (40, 90, 160)).save(buf, "PNG")
    filler = "".join(f"<p>Line {i} of invented prose, one line.</p>" for i in range(lines))
    prose = new_code_cell("method()", execution_count=1)
    prose.outputs = [
        new_output("display_data", data={"text/html": f"<h1>Title</h1>{filler}", "text/plain": ""})
    ]
    full = new_code_cell("full_graph_image(analysis)", execution_count=2)
    heading = '<h2 class="nb-full-graph">All 30 actors</h2>'
    full.outputs = [
        new_output("display_data", data={"text/html": heading, "text/plain": ""}),
        new_output(
            "display_data",
            data={"image/png": base64.b64encode(buf.getvalue()).decode(), "text/plain": ""},
        ),
    ]
    nb = new_notebook(cells=[prose, full], metadata={"title": "Title"})
    pdf, _ = SystemChromiumWebPDFExporter(**NO_INPUT).from_notebook_node(nb)
    path = tmp_path / f"full{lines}.pdf"
    path.write_bytes(pdf)
    return path


@needs_chromium
@pytest.mark.skipif(shutil.which("pdfimages") is None, reason="poppler-utils not installed")
def test_the_full_graph_follows_the_text_when_it_fits_and_keeps_its_heading(tmp_path):
    """A forced page break before it left two lines of text on a page of their own."""

    def pages(path: Path) -> tuple[set[int], list[str]]:
        rows = subprocess.run(
            ["pdfimages", "-list", str(path)], capture_output=True, check=True, text=True
        ).stdout.splitlines()[2:]
        text = subprocess.run(
            ["pdftotext", str(path), "-"], capture_output=True, check=True, text=True
        ).stdout.split("\f")
        return {int(r.split()[0]) for r in rows}, text

    image_pages, text = pages(_print_prose_then_full_graph(tmp_path, lines=3))
    assert image_pages == {1} and "All 30 actors" in text[0]
    # Text that leaves no room for the figure: heading and figure start the next page.
    (page,), text = pages(_print_prose_then_full_graph(tmp_path, lines=40))
    assert page > 1 and "All 30 actors" in text[page - 1]
    assert "All 30 actors" not in text[page - 2] and "Line 39" in text[page - 2]


@needs_chromium
@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
def test_a_markdown_heading_stands_in_the_column_of_the_text_around_it(tmp_path):
    """Lab lays markdown out as a padded table cell: its heading stood right of the column."""
    prose = new_code_cell("method()", execution_count=1)
    prose.outputs = [
        new_output("display_data", data={"text/html": "<p>Leftmost words.</p>", "text/plain": ""})
    ]
    nb = new_notebook(
        cells=[prose, new_markdown_cell("## Headword here")], metadata={"title": "Title"}
    )
    pdf, _ = SystemChromiumWebPDFExporter(**NO_INPUT).from_notebook_node(nb)
    path = tmp_path / "brief.pdf"
    path.write_bytes(pdf)
    boxes = subprocess.run(
        ["pdftotext", "-bbox", str(path), "-"], capture_output=True, check=True, text=True
    ).stdout
    left = {
        m.group(2): float(m.group(1)) for m in re.finditer(r'xMin="([\d.]+)"[^>]*>(\w+)<', boxes)
    }
    assert abs(left["Headword"] - left["Leftmost"]) < 0.5


def test_markdown_cells_print_as_blocks_of_the_column_width():
    """A table cell shrinks to its widest line: a short heading's rule stopped at its end."""
    css = (templates_dir() / "newsbrief" / "static" / "briefing.css").read_text(encoding="utf-8")
    rule = re.search(r"body\.newsbrief \.nb-prose \{([^}]*)\}", css)
    assert rule is not None
    assert "display: block" in rule.group(1) and "padding-left: 0" in rule.group(1)


def test_graphs_take_the_columns_width_on_screen():
    """Shown at the notebook's 560 px, page one's graph had its names at about 9 px."""
    css = (templates_dir() / "newsbrief" / "static" / "briefing.css").read_text(encoding="utf-8")
    screen = re.search(r"@media screen \{(.*?)\n\}", css, re.DOTALL)
    assert screen is not None
    rule = re.search(r"\.jp-RenderedImage img \{([^}]*)\}", screen.group(1))
    assert rule is not None and "width: 100%" in rule.group(1)


def _print_counts_then_figure(tmp_path, lines: int) -> list[str]:
    """Title and LINES of prose, a small counts table, the graph's heading and a tall figure."""
    import base64
    import io

    from PIL import Image

    def html(text: str, count: int):
        cell = new_code_cell("show()", execution_count=count)
        cell.outputs = [new_output("display_data", data={"text/html": text, "text/plain": ""})]
        return cell

    buf = io.BytesIO()
    Image.new("RGB", (600, 500), (40, 90, 160)).save(buf, "PNG")
    filler = "".join(
        f"<p>Line {i} of invented prose, one line on the page.</p>" for i in range(lines)
    )
    rows = "".join(f"<tr><th>kind {i}</th><td>{i}</td><td>{i}</td></tr>" for i in range(6))
    table = (
        '<table class="nb-counts"><thead><tr><th></th><th>author</th><th>total</th></tr>'
        f"</thead><tbody>{rows}</tbody></table>"
    )
    figure = new_code_cell("figure()", execution_count=3)
    figure.outputs = [
        new_output(
            "display_data",
            data={"image/png": base64.b64encode(buf.getvalue()).decode(), "text/plain": ""},
        )
    ]
    cells = [html(f"<h1>Title</h1>{filler}", 1), html(table, 2)]
    nb = new_notebook(
        cells=[*cells, new_markdown_cell("## Graph heading\n\nIts caption."), figure],
        metadata={"title": "Title"},
    )
    return _printed_pages(nb, tmp_path)


@needs_chromium
@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
def test_the_counts_table_moved_after_the_graph_opens_page_two_with_its_caption(tmp_path):
    """Moved after the graph, the bare table of numbers opened page two with no heading."""
    caption = exporter.COUNTS_CAPTION.upper()  # printed in capitals, as the bottom line's head
    pages = _print_counts_then_figure(tmp_path, lines=16)
    assert "Graph heading" in pages[0] and "kind 0" not in pages[0]  # the table was moved
    assert pages[1].startswith(caption + "\n")
    # In its place under the bottom line it needs none.
    pages = _print_counts_then_figure(tmp_path, lines=10)
    assert "kind 0" in pages[0] and caption not in "".join(pages).upper()
