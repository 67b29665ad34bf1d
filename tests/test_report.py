"""The report: notebooks run on one analysis, HTML and PDF briefing, data files.

The two reports (default article, hostile synthetic article) are built once
per session; every test reads them.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import networkx as nx
import pandas as pd
import pytest

from newsbrief import briefing, report
from newsbrief.analysis import load_analysis
from newsbrief.cli import main
from newsbrief.config import DEFAULT_ARTICLE
from newsbrief.errors import NewsbriefError
from newsbrief.files import publish_folder
from newsbrief.model import CATEGORIES, Actor

FIXTURES = Path(__file__).parent / "fixtures"
HOSTILE = FIXTURES / "report_hostile.txt"
DATE = "2024-05-01"

needs_chromium = pytest.mark.skipif(
    shutil.which("chromium") is None, reason="Chromium is needed to print the PDF"
)
needs_poppler = pytest.mark.skipif(
    shutil.which("pdftotext") is None or shutil.which("pdftoppm") is None,
    reason="poppler-utils is needed to read the PDF",
)


@dataclass(frozen=True)
class Built:
    folder: Path
    progress: str

    def text(self, name: str) -> str:
        return (self.folder / name).read_text(encoding="utf-8")


def _build(article: Path, out: Path) -> Built:
    stream = io.StringIO()
    folder = report.build_report(article, out_dir=out, date=DATE, stream=stream)
    return Built(folder, stream.getvalue())


@pytest.fixture(scope="session")
def reports(tmp_path_factory) -> dict[str, Built]:
    out = tmp_path_factory.mktemp("reports")
    return {"default": _build(DEFAULT_ARTICLE, out), "hostile": _build(HOSTILE, out)}


@pytest.fixture(scope="session", params=["default", "hostile"])
def built(request, reports) -> Built:
    return reports[request.param]


def _pdftotext(pdf: Path) -> str:
    """The PDF's text on one line; words split at a line-end hyphen are joined again."""
    out = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, check=True)
    return " ".join(out.stdout.decode("utf-8").split()).replace("- ", "-")


# --------------------------------------------------------------------------- files


EXPECTED = (
    "briefing.html",
    "briefing.pdf",
    "claims.csv",
    "actors.csv",
    "relations.csv",
    "graph.graphml",
    "graph.png",
    "graph.svg",
    "analysis.json",
    *(f"notebooks/{name}" for name in report.NOTEBOOKS),
)


def test_report_folder_is_named_after_the_article(reports):
    assert reports["default"].folder.name == DEFAULT_ARTICLE.stem
    assert reports["hostile"].folder.name == HOSTILE.stem


def test_report_has_every_file(built):
    for name in EXPECTED:
        assert (built.folder / name).stat().st_size > 0, name


def test_no_temporary_folder_is_left(built):
    assert not [p.name for p in built.folder.parent.iterdir() if p.name.startswith(".")]


def test_one_progress_line_per_step(built):
    lines = built.progress.splitlines()
    assert [line[:5] for line in lines] == [f"[{i}/7]" for i in range(1, 8)]
    assert [line.split()[1] for line in lines] == list(report._STEPS)


def test_claims_csv_is_the_claims_table(built):
    from newsbrief.tables import claims_table

    analysis = load_analysis(built.folder / "analysis.json")
    csv = pd.read_csv(built.folder / "claims.csv", keep_default_na=False)
    expected = claims_table(analysis)
    assert list(csv.columns) == list(expected.columns)
    assert csv["index"].tolist() == expected["index"].tolist()
    assert csv["text"].tolist() == expected["text"].tolist()


def test_actors_csv_and_graphml_hold_the_actors(built):
    analysis = load_analysis(built.folder / "analysis.json")
    ids = {a.id for a in analysis.actors}
    assert set(pd.read_csv(built.folder / "actors.csv")["id"]) == ids
    assert set(nx.read_graphml(built.folder / "graph.graphml").nodes) == ids


def test_figures_are_png_and_svg(built):
    assert (built.folder / "graph.png").read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
    assert "<svg" in built.text("graph.svg")


def test_notebooks_ran_on_the_one_analysis(built):
    import nbformat

    for name in report.NOTEBOOKS:
        nb = nbformat.read(built.folder / "notebooks" / name, as_version=4)
        injected = [c for c in nb.cells if "injected-parameters" in c.metadata.get("tags", [])]
        assert len(injected) == 1, name
        assert 'analysis_json = "analysis.json"' in injected[0].source
        assert not [o for c in nb.cells for o in c.get("outputs", []) if o.output_type == "error"]


# --------------------------------------------------------------------------- HTML


def test_html_has_no_code_and_no_prompts(built):
    html = built.text("briefing.html")
    for marker in (
        'class="jp-InputArea',
        'class="highlight',
        'class="jp-InputPrompt',
        'class="jp-OutputPrompt',
        "<pre><span",
    ):
        assert marker not in html, marker


def test_html_embeds_its_figure(built):
    assert "data:image/png;base64," in built.text("briefing.html")


def test_html_loads_nothing_from_the_network(built):
    html = built.text("briefing.html")
    assert not re.search(r"""(src|href)\s*=\s*["']?\s*(https?:)?//""", html, re.IGNORECASE)
    assert not re.search(r"""url\(\s*["']?\s*(https?:)?//""", html, re.IGNORECASE)
    assert not re.search(r"@import", html)
    assert "<script" not in html.lower()


def test_html_briefing_reads_as_a_briefing(reports):
    html = reports["default"].text("briefing.html")
    analysis = load_analysis(reports["default"].folder / "analysis.json")
    assert f"<title>{analysis.article.title}</title>" in html
    for heading in (
        "Bottom line up front",
        "Who does what to whom",
        "Key claims by category",
        "Relations and their evidence",
        "Method and limits",
    ):
        assert heading in html
    assert f'<span class="nb-date">{DATE}</span>' in html


def test_article_markup_is_shown_as_text(reports):
    html = reports["hostile"].text("briefing.html")
    assert "<script" not in html
    assert "<img src=x" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html


def test_notebook_outputs_escape_article_markup(reports):
    import nbformat

    for name in report.NOTEBOOKS:
        nb = nbformat.read(reports["hostile"].folder / "notebooks" / name, as_version=4)
        for cell in nb.cells:
            for output in cell.get("outputs", []):
                markup = output.get("data", {}).get("text/html", "")
                assert "<script" not in markup and "<img src=x" not in markup, name


# --------------------------------------------------------------------------- PDF


@needs_chromium
@needs_poppler
def test_pdf_is_a4_with_page_numbers(built):
    info = subprocess.run(
        ["pdfinfo", str(built.folder / "briefing.pdf")], capture_output=True, check=True, text=True
    ).stdout
    assert "(A4)" in info
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    text = _pdftotext(built.folder / "briefing.pdf")
    assert f"Page 1 of {pages}" in text
    assert f"Page {pages} of {pages}" in text


@needs_chromium
@needs_poppler
def test_pdf_holds_title_categories_and_actors(built):
    analysis = load_analysis(built.folder / "analysis.json")
    text = _pdftotext(built.folder / "briefing.pdf")
    assert " ".join(analysis.article.title.split()) in text
    present = {c.category for c in analysis.claims if c.category}
    for category in CATEGORIES:
        if category in present:
            assert category.capitalize() in text, category
    for actor in analysis.actors:
        assert actor.name in text, actor.name


@needs_chromium
@needs_poppler
def test_pdf_has_no_code(reports):
    text = _pdftotext(reports["default"].folder / "briefing.pdf")
    for code in ("briefing.load", "analysis_json", "import ", "In [", "Out["):
        assert code not in text


@needs_chromium
@needs_poppler
def test_pdf_shows_article_markup_as_text(reports):
    text = _pdftotext(reports["hostile"].folder / "briefing.pdf")
    assert "<script>alert(1)</script>" in text


@needs_chromium
@needs_poppler
def test_first_pdf_page_is_not_blank(built, tmp_path):
    from PIL import Image

    subprocess.run(
        [
            "pdftoppm",
            "-png",
            "-r",
            "50",
            "-f",
            "1",
            "-l",
            "1",
            str(built.folder / "briefing.pdf"),
            str(tmp_path / "page"),
        ],
        check=True,
    )
    (png,) = tmp_path.glob("page*.png")
    with Image.open(png) as image:
        grey = image.convert("L")
        dark = sum(grey.histogram()[:200])
        assert dark / (grey.width * grey.height) > 0.01


def _pdf_page_one(pdf: Path, *tool: str) -> str:
    args = [tool[0], *tool[1:], "-f", "1", "-l", "1", str(pdf)]
    args += ["-"] if tool[0] == "pdftotext" else []
    return subprocess.run(args, capture_output=True, check=True).stdout.decode("utf-8")


@needs_poppler
def test_first_pdf_page_holds_bottom_line_counts_and_graph(built):
    """Page one is what an analyst hands on: bottom line, counts and the graph."""
    pdf = built.folder / "briefing.pdf"
    text = _pdf_page_one(pdf, "pdftotext", "-layout")
    assert "BOTTOM LINE" in text
    assert re.search(r"^\s*author\b.*\btotal\s*$", text, re.M), text  # the counts' header
    rows = [r.split() for r in _pdf_page_one(pdf, "pdfimages", "-list").splitlines()[2:]]
    images = [r for r in rows if r[2] == "image"]
    assert images, "no image on page one"
    # pdfimages gives pixels and pixels per inch: the printed width follows.
    width_mm = max(int(r[3]) / float(r[12]) * 25.4 for r in images)
    assert width_mm >= 90, f"the graph is printed {width_mm:.0f} mm wide"


# --------------------------------------------------------------------------- failures


def test_missing_article_leaves_no_output_folder(tmp_path):
    out = tmp_path / "out"
    with pytest.raises(NewsbriefError, match=r"step 1/7 \(analysis\)"):
        report.build_report(tmp_path / "missing.txt", out_dir=out, stream=io.StringIO())
    assert not out.exists()


def test_failed_step_keeps_the_previous_report(tmp_path, monkeypatch):
    out = tmp_path / "out"
    previous = out / DEFAULT_ARTICLE.stem
    previous.mkdir(parents=True)
    (previous / "briefing.html").write_text("earlier report", encoding="utf-8")
    monkeypatch.setattr(report, "NOTEBOOKS_DIR", tmp_path / "no-notebooks")
    with pytest.raises(NewsbriefError, match=r"step 4/7 \(notebooks\) failed: .*missing"):
        report.build_report(DEFAULT_ARTICLE, out_dir=out, pdf=False, stream=io.StringIO())
    assert [p.name for p in out.iterdir()] == [DEFAULT_ARTICLE.stem]
    assert (previous / "briefing.html").read_text(encoding="utf-8") == "earlier report"


def test_publish_replaces_an_earlier_report(tmp_path):
    target = tmp_path / "art"
    target.mkdir()
    (target / "old.txt").write_text("old", encoding="utf-8")
    new = tmp_path / ".art.new.tmp"
    new.mkdir()
    (new / "new.txt").write_text("new", encoding="utf-8")
    publish_folder(new, target)
    assert [p.name for p in tmp_path.iterdir()] == ["art"]
    assert [p.name for p in target.iterdir()] == ["new.txt"]


def test_cli_report_error_is_one_line(tmp_path, capsys):
    status = main(["report", str(tmp_path / "missing.txt"), "--out", str(tmp_path / "out")])
    err = capsys.readouterr().err.strip().splitlines()
    assert status == 2
    assert err[-1].startswith("newsbrief: error: report step 1/7 (analysis) failed:")
    assert not (tmp_path / "out").exists()


# --------------------------------------------------------------------------- briefing text


def test_core_event_of_the_default_article(default_analysis):
    unit, times = briefing.core_event(default_analysis)
    claim = default_analysis.claim_for(unit)
    assert claim.category == "event"
    restated = sum(1 for c in default_analysis.claims if c.restates == unit)
    assert times == 1 + restated >= 2


def test_core_event_names_an_actor_before_an_earlier_one_that_names_none(default_analysis):
    from dataclasses import replace

    claims = default_analysis.claims
    first, second = claims[0].unit, claims[1].unit
    edited = []
    for c in claims:
        if c.unit == first:
            c = replace(c, category="event", actors=(), restates=None)
        elif c.unit == second:
            c = replace(c, category="event", actors=("JPN",), restates=None)
        elif c.category == "event" or c.restates is not None:
            c = replace(c, category="context", restates=None)
        edited.append(c)
    analysis = replace(default_analysis, claims=tuple(edited))
    assert briefing.core_event(analysis) == (second, 1)
    nameless = replace(analysis, claims=tuple(replace(c, actors=()) for c in edited))
    assert briefing.core_event(nameless) == (first, 1)


def _invented(text: str):
    """The analysis of a made-up article (the name only labels it)."""
    from newsbrief.analysis import analyze
    from newsbrief.article import source_from_text

    return analyze(source_from_text(text, "invented.txt"))


def _remarks_of_events(text: str):
    """The analysis of ``text`` with every claim an event naming one actor.

    Only the words can then tell a greeting from the news.
    """
    from dataclasses import replace

    analysis = _invented(text)
    claims = tuple(
        replace(c, category="event", actors=("CAN",), restates=None) for c in analysis.claims
    )
    return replace(analysis, claims=claims)


def test_core_event_is_no_greeting_that_opens_remarks():
    analysis = _remarks_of_events(
        "THE PRESIDENT: Good afternoon.\n\n"
        "I met the Prime Minister of Canada today, and we agreed to widen our trade talks.\n\n"
        "Thank you."
    )
    unit, times = briefing.core_event(analysis)
    assert analysis.units[unit].text.startswith("I met the Prime Minister"), unit
    assert times == 1


def _news_of_events(genre: str, lead_actors: tuple[str, ...] = ("CAN",)):
    """A made-up news story whose later claim is restated twice, as ``genre``.

    Every claim is an event naming one actor, the lead ``lead_actors``; the
    third claim is restated by the fourth and fifth.
    """
    from dataclasses import replace

    analysis = _invented(
        "Canadian border guards on Monday seized a truck carrying forged passports.\n\n"
        "The truck was stopped at a crossing near Windsor, police said.\n\n"
        "A spokesman for the agency said the driver was detained for questioning.\n\n"
        "The driver is being questioned, the spokesman said again on Tuesday.\n\n"
        "Officers confirmed that the driver remains in custody."
    )
    units = [c.unit for c in analysis.claims]
    assert len(units) == 5, units
    claims = tuple(
        replace(
            c,
            category="event",
            actors=lead_actors if c.unit == units[0] else ("CAN",),
            restates=units[2] if c.unit in units[3:] else None,
        )
        for c in analysis.claims
    )
    article = replace(analysis.article, genre=genre)
    return replace(analysis, article=article, claims=claims), units


def test_core_event_of_a_news_story_is_its_lead():
    analysis, units = _news_of_events("news")
    assert briefing.core_event(analysis) == (units[0], 1)


def test_core_event_outside_news_is_the_most_restated_event():
    analysis, units = _news_of_events("release")
    assert briefing.core_event(analysis) == (units[2], 3)


def test_core_event_of_a_news_story_whose_lead_names_no_actor_is_the_most_restated():
    analysis, units = _news_of_events("news", lead_actors=())
    assert briefing.core_event(analysis) == (units[2], 3)


def test_sources_naming_the_same_parties_in_another_order_are_one(default_analysis):
    names = {a.name for a in default_analysis.actors}
    assert {"Japan", "NATO"} <= names
    from dataclasses import replace

    written = ["Japan and NATO", "NATO and Japan", "the NATO, and Japan", "Japan and analysts"]
    claims = [
        replace(c, attribution=written[i % len(written)])
        for i, c in enumerate(default_analysis.claims)
    ]
    canonical = briefing.source_names(replace(default_analysis, claims=tuple(claims)))
    assert canonical["nato and japan"] == canonical["the nato, and japan"] == "Japan and NATO"
    assert canonical["japan and analysts"] == "Japan and analysts"


def test_a_source_noun_that_opens_its_sentence_is_cited_in_lower_case():
    """ "Analysts said ..." is cited as "analysts"; a one-word name keeps its capital."""
    text = (
        "Border talks resume\n\n"
        "Analysts said the border talks between Chile and Peru would resume in May.\n\n"
        "Reuters said the delegations had met twice before.\n"
    )
    analysis = _invented(text)
    assert {c.attribution for c in analysis.claims} >= {"Analysts", "Reuters"}
    canonical = briefing.source_names(analysis)
    assert canonical["analysts"] == "analysts"
    assert canonical["reuters"] == "Reuters"
    bluf = briefing.bottom_line(analysis).data
    assert "Every claim cites a source: analysts (1) and Reuters (1)." in bluf
    assert "(per analysts)" in briefing.key_claims(analysis).data


@pytest.mark.parametrize(
    ("sources", "ending"),
    [
        (
            ["Keller", "Keller", "Brandt", "Okafor", "Varga", "Lund", "Moss"],
            "Lund (1) and Moss (1).",
        ),
        (
            ["Keller", "Keller", "Brandt", "Okafor", "Varga", "Lund", "Moss", "Ruiz", "Sato"],
            "Lund (1) and 3 other sources, one claim each.",
        ),
        (
            ["Keller", "Brandt", "Okafor", "Varga", "Lund", "Moss"] * 2 + ["Ruiz"],
            "Lund (2) and 2 other sources (3 claims).",
        ),
    ],
)
def test_bottom_line_says_what_the_sources_past_those_named_are(sources, ending):
    """One source past the five named is named too; more are counted as sources with claims."""
    from dataclasses import replace

    sentences = " ".join(f"Officials said the port would reopen on day {i}." for i in range(14))
    analysis = _invented(f"Port reopens\n\n{sentences}\n")
    claims = [c for c in analysis.claims if c.category is not None]
    assert len(claims) >= len(sources)
    names = iter(sources)
    new = tuple(
        replace(c, attribution=next(names, "author")) if c.category else c for c in analysis.claims
    )
    bluf = briefing.bottom_line(replace(analysis, claims=new)).data
    assert ending in bluf, bluf
    assert " more (" not in bluf


def test_a_common_word_that_opens_its_sentence_is_lowered_when_a_source_is_cited():
    """The parse, not a word list, tells "Senior clerks" from a name that opens a sentence."""
    text = (
        "Port strike widens\n\n"
        "Senior clerks at the port said the cranes had stopped on Monday.\n\n"
        "Aid workers said the strike would delay food deliveries.\n\n"
        "Okonkwo said the port would stay closed until Friday.\n"
    )
    analysis = _invented(text)
    assert {c.attribution for c in analysis.claims} >= {"Senior clerks", "Aid workers"}
    canonical = briefing.source_names(analysis)
    assert canonical["senior clerks"] == "senior clerks"
    assert canonical["aid workers"] == "aid workers"
    assert canonical["okonkwo"] == "Okonkwo"
    assert "(per senior clerks)" in briefing.key_claims(analysis).data
    # A source an analyst's override gives keeps the case it was given.
    from dataclasses import replace

    claims = tuple(
        replace(c, attribution="Dock Union") if c.attribution == "Senior clerks" else c
        for c in analysis.claims
    )
    assert briefing.source_names(replace(analysis, claims=claims))["dock union"] == "Dock Union"


def test_an_indefinite_article_that_opens_a_source_is_lowered_when_cited():
    """ "A" is all capitals, as an acronym is, but a common word: "per A ..." read wrong."""
    text = (
        "Port strike widens\n\n"
        "A Chilean port spokesman said the cranes had stopped on Monday.\n\n"
        "I think the strike will end soon, Okonkwo said.\n"
    )
    analysis = _invented(text)
    canonical = briefing.source_names(analysis)
    assert canonical["a chilean port spokesman"] == "a Chilean port spokesman"
    assert "(per a Chilean port spokesman)" in briefing.key_claims(analysis).data


def test_a_one_claim_article_is_counted_in_the_singular():
    text = "Harbour deal signed\n\nChile signed a fishing accord on Monday.\n"
    analysis = _invented(text)
    title = briefing.title_block(analysis, "2025-01-01").data
    assert "· 1 claim · 1 actor<br>" in title, title
    header = briefing.article_header(analysis).data
    assert "· 2 units · 1 claim · 1 actor · 0 relations" in header, header
    bluf = briefing.bottom_line(analysis).data
    assert "The one claim gives no source (the author’s own voice); no one else" in bluf
    two = _invented(text + "\nAnalysts said the accord would hold.\n")
    bluf = briefing.bottom_line(two).data
    assert (
        "1 of 2 claims gives no source (the author’s own voice); the other cites analysts (1)."
        in bluf
    )


def test_bottom_line_leaves_out_empty_shares():
    """No "interprets (0%)": the shares held by no claim are left out, and one
    share left still reads as a sentence."""
    from dataclasses import replace

    text = (
        "Harbour deal signed\n\n"
        "Chile signed a fishing accord on Monday.\n\n"
        "The accord may ease the quarrel over the northern shoals.\n"
    )
    analysis = _invented(text)
    claims = [c for c in analysis.claims if c.category is not None]
    assert len(claims) == 2

    def categorised(*categories: str):
        it = iter(categories)
        new = tuple(replace(c, category=next(it)) if c.category else c for c in analysis.claims)
        return briefing.bottom_line(replace(analysis, claims=new)).data

    bluf = categorised("implication", "implication")
    assert "none of the text reports fact (events and context): it speculates (100%)." in bluf
    assert "(0%)" not in bluf
    bluf = categorised("event", "implication")
    assert re.search(
        r"\d+% of the text reports fact \(events and context\); the rest speculates \(\d+%\)\.",
        bluf,
    )
    assert "(0%)" not in bluf
    bluf = categorised("event", "event")
    assert "100% of the text reports fact (events and context).</p>" in bluf
    assert "the rest" not in bluf


def test_a_release_s_leaders_are_the_parties_it_names():
    """ "The leaders" of a joint statement that names its parties is one source with them."""
    from dataclasses import replace

    text = (
        "Joint statement of Chile and Peru\n\n"
        "Chile and Peru affirmed their commitment to the fishing accord.\n\n"
        "The leaders agreed to meet again in May.\n\n"
        "Both sides welcomed the new patrol schedule.\n\n"
        "The ministers praised the port workers.\n"
    )
    analysis = _invented(text)
    sources = ["Chile and Peru", "The leaders", "Both sides", "The ministers"]
    claims = tuple(
        replace(c, attribution=sources.pop(0)) if c.category is not None and sources else c
        for c in analysis.claims
    )
    assert not sources
    release = replace(analysis, claims=claims, article=replace(analysis.article, genre="release"))
    canonical = briefing.source_names(release)
    assert canonical["the leaders"] == canonical["both sides"] == canonical["chile and peru"]
    assert canonical["the ministers"] == "the ministers"
    # Named twice over, as persons and as states: "the leaders" are the persons.
    sources = ["Anna Keller and Tomas Brandt", "Chile and Peru", "The leaders", "Both sides"]
    claims = tuple(
        replace(c, attribution=sources.pop(0)) if c.category is not None and sources else c
        for c in analysis.claims
    )
    people = {
        "anna-keller": Actor("anna-keller", "Anna Keller", "person", aliases=("Anna Keller",)),
        "tomas-brandt": Actor("tomas-brandt", "Tomas Brandt", "person", aliases=("Tomas Brandt",)),
    }
    twice = replace(release, claims=claims, actors=(*release.actors, *people.values()))
    canonical = briefing.source_names(twice)
    assert canonical["the leaders"] == "Anna Keller and Tomas Brandt"
    assert canonical["both sides"].casefold() == "both sides"  # persons or states: not said
    # News keeps "the leaders" as written: whose leaders is for the reader to tell.
    news = briefing.source_names(replace(release, article=replace(analysis.article, genre="news")))
    assert news["the leaders"] == "the leaders"


def test_shares_cover_the_claims(default_analysis):
    shares = briefing.shares(default_analysis)
    assert set(shares) == set(briefing.BUCKETS)
    assert sum(shares.values()) == pytest.approx(1.0)


def test_bottom_line_escapes_and_names_the_actors(reports):
    analysis = load_analysis(reports["hostile"].folder / "analysis.json")
    bluf = briefing.bottom_line(analysis).data
    assert "<script" not in bluf
    top = max(analysis.actors, key=lambda a: len(a.mentions))
    assert top.name in bluf


def test_bottom_line_names_the_most_mentioned_actors_as_the_text_writes_them():
    """ "Most mentioned: United States (3), Chile (2)" read unlike the rest of the briefing."""
    analysis = _invented(
        "Ports pact\n\nThe United States signed a port agreement with Chile on Monday. "
        "The United States said Chile would host the fleet. "
        "Peru and the United States welcomed the agreement.\n"
    )
    bluf = briefing.bottom_line(analysis).data
    assert "Most mentioned: the United States (3), Chile (2) and Peru (1)." in bluf, bluf


@pytest.mark.parametrize(
    ("times", "said"),
    [
        (1, "The article states it once."),
        (2, "The article states it twice, the second time in other words."),
        (4, "The article states it 4 times, the other 3 in other words."),
    ],
)
def test_bottom_line_says_how_often_the_core_event_is_stated(monkeypatch, times, said):
    """ "2 times (first, then 1 more in other words)" read like a form, not a sentence."""
    from newsbrief.briefing import prose

    analysis = _invented("Ports pact\n\nChile signed a port agreement with Peru on Monday.\n")
    unit = next(c.unit for c in analysis.claims if c.category is not None)
    monkeypatch.setattr(prose, "core_event", lambda _: (unit, times))
    assert said in prose.bottom_line(analysis).data


def test_bottom_line_and_counts_table_order_tied_sources_alike():
    """Sources cited as often are listed in reading order, as the table's columns are."""
    text = (
        "Harbour talks\n\n"
        "Minister Lena Varga said the harbour would reopen in May. "
        "Tomas Brandt said the fleet would leave in June. "
        "Anna Keller said the talks had gone well.\n"
    )
    analysis = _invented(text)
    bluf = briefing.bottom_line(analysis).data
    heads = re.findall(r"<th>([^<]*)</th>", briefing.claim_counts(analysis, top=2).data)
    named = [h for h in heads if h in ("Lena Varga", "Tomas Brandt", "Anna Keller")]
    assert named == ["Lena Varga", "Tomas Brandt"], heads
    assert "Lena Varga (1), Tomas Brandt (1) and Anna Keller (1)." in bluf, bluf


def test_headers_count_the_claims_the_counts_table_counts():
    """A lead-in is a unit, not a claim: header and counts table agree."""
    text = (
        "Ministers meet in Oslo\n\n"
        "The ministers met in Oslo on Monday.\n\n"
        "The ministers agreed to:\n\n"
        "- expand joint patrols;\n"
        "- share radar data.\n"
    )
    analysis = _invented(text)
    kinds = [u.kind for u in analysis.units]
    assert "lead_in" in kinds
    n = kinds.count("claim")
    header = briefing.title_block(analysis, date="2024-05-01").data
    assert f"· {n} claims ·" in header
    assert f"· {n} claims ·" in briefing.article_header(analysis).data
    totals = re.findall(
        r"<t[dh][^>]*>total</t[dh]>(.*?)</tr>", briefing.claim_counts(analysis).data, re.S
    )
    assert totals and re.findall(r">(\d+)<", totals[-1])[-1] == str(n)


def test_collapsed_claims_fold_restatements(default_analysis):
    from newsbrief.tables import claims_table

    full = claims_table(default_analysis)
    folded = briefing.collapsed_claims(default_analysis)
    assert len(folded) + int(full["restates"].notna().sum()) == len(full)
    assert folded["restated"].sum() == full["restates"].notna().sum()


def test_source_label_has_no_machine_paths(default_analysis):
    assert briefing.source_label(default_analysis) == "data/articles/japan-sdf-nato-ukraine.txt"


def test_analysis_date_is_iso():
    assert briefing.analysis_date("2024-05-01") == "2024-05-01"
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", briefing.analysis_date())


def test_same_article_gives_byte_identical_briefing(reports, tmp_path):
    again = report.build_report(
        DEFAULT_ARTICLE, out_dir=tmp_path, date=DATE, stream=io.StringIO(), pdf=False
    )
    first = reports["default"].folder
    for name in ("briefing.html", "analysis.json", "claims.csv", "graph.svg"):
        assert (again / name).read_bytes() == (first / name).read_bytes(), name


def test_cli_report_gazetteer_reaches_the_analysis_the_notebooks_read(tmp_path, monkeypatch):
    gaz = tmp_path / "extra.yaml"
    gaz.write_text(
        "groups:\n  - {id: BLUE-LEAGUE, name: Blue League, aliases: [Blue League]}\n",
        encoding="utf-8",
    )
    article = tmp_path / "league.txt"
    article.write_text(
        "League plans\n\nThe Blue League said on Monday that Japan will send officers to NATO.\n",
        encoding="utf-8",
    )
    seen = []

    def run_notebook(notebook, output, parameters, cwd, started=None):
        seen.append(dict(parameters))
        shutil.copy(notebook, output)  # not executed: this test is about what it is given

    monkeypatch.setattr(report, "run_notebook", run_notebook)
    out = tmp_path / "out"
    args = ["report", str(article), "--out", str(out), "--no-pdf", "--gazetteer", str(gaz)]
    assert main(args) == 0
    analysis_json = out / "league" / "analysis.json"
    assert "BLUE-LEAGUE" in [a.id for a in load_analysis(analysis_json).actors]
    assert len(seen) == len(report.NOTEBOOKS)
    for parameters in seen:
        assert parameters["analysis_json"] == "analysis.json"
        assert parameters["gazetteers"] == [str(gaz)]
    assert "BLUE-LEAGUE" in [a.id for a in briefing.load(analysis_json=analysis_json).actors]


def test_a_source_of_two_people_is_not_the_second_by_surname():
    """ "Anna Keller and Tomas Brandt" ends in Brandt's surname but is both of them."""
    text = (
        "Talks in Vienna\n\n"
        "Chancellor Anna Keller met Prime Minister Tomas Brandt in Vienna on Monday. "
        "Keller and Brandt said the talks had gone well. "
        "Brandt said the two countries would expand trade.\n"
    )
    analysis = _invented(text)
    assert {a.name for a in analysis.actors} >= {"Anna Keller", "Tomas Brandt"}
    written = {c.attribution for c in analysis.claims}
    assert "Anna Keller and Tomas Brandt" in written, written
    canonical = briefing.source_names(analysis)
    assert canonical["anna keller and tomas brandt"] == "Anna Keller and Tomas Brandt"
    assert canonical["tomas brandt"] == "Tomas Brandt"
    counts = briefing.claim_counts(analysis).data
    assert "<th>Anna Keller and Tomas…</th>" in counts  # truncated to fit the column


def test_bottom_line_and_counts_when_every_claim_has_a_speaker():
    """Remarks give each claim a speaker: no "0 of N give no source", no empty column."""
    from dataclasses import replace

    text = (
        "Remarks in Oslo\n\n"
        "Chancellor Anna Keller said the two countries would expand trade. "
        "Keller said the talks with Norway had gone well.\n"
    )
    analysis = _invented(text)
    claims = tuple(replace(c, attribution="Anna Keller") for c in analysis.claims)
    analysis = replace(analysis, claims=claims)
    n = sum(1 for c in claims if c.category is not None)
    bluf = briefing.bottom_line(analysis).data
    assert f"Every claim cites a source: Anna Keller ({n})." in bluf, bluf
    assert "give no source" not in bluf
    counts = briefing.claim_counts(analysis).data
    assert "<th>author</th>" not in counts
    assert "<th>Anna Keller</th>" in counts


def test_bottom_line_of_remarks_names_the_speaker_and_what_others_say():
    """A transcript's sentences are its speaker's: "Every claim cites a source:
    President Okafor (5)" told the analyst nothing; the share in the speaker's
    own words, the reporters' questions and who else is quoted do."""
    text = (
        "Remarks by President Okafor on the Harbour Accord\n\n"
        "THE PRESIDENT: We signed the harbour accord with Varnia this morning. "
        "Our ships will share the northern port from June. "
        "Minister Tomas Brandt said the fleet would withdraw by March.\n\n"
        "Q Mr. President, will the fleet withdraw before the summer?\n\n"
        "THE PRESIDENT: We expect the fleet to leave in the spring.\n"
    )
    analysis = _invented(text)
    claims = [c for c in analysis.claims if c.category is not None]
    by = Counter(c.attribution for c in claims)
    assert by["reporter"] == 1 and by["Tomas Brandt"] == 1, by
    own = by["President Okafor"]
    assert own == len(claims) - 2
    bluf = briefing.bottom_line(analysis).data
    assert (
        # The speaker is named as every person is, without the office (shown_name).
        f"The remarks of one speaker: {own} of {len(claims)} claims are Okafor’s"
        " own words and 1 is a reporter’s question; the other cites Tomas Brandt (1)."
    ) in bluf, bluf
    assert "Every claim cites a source" not in bluf
    key = briefing.key_claims(analysis).data
    assert "per President Okafor" not in key  # the speaker's own words, as the author's
    assert "per Tomas Brandt)" in key


def test_header_counts_relations_as_the_bottom_line_does():
    """Co-mentions are no relations: header and bottom line give one number."""
    text = (
        "Talks in Oslo\n\n"
        "Norway signed a trade agreement with Sweden on Monday. "
        "Officials from Denmark and Finland attended the ceremony in Oslo.\n"
    )
    analysis = _invented(text)
    strong = sum(1 for r in analysis.relations if not r.weak)
    assert 0 < strong < len(analysis.relations), analysis.relations
    relations = f"{strong} relation" + ("" if strong == 1 else "s")
    assert f"· {relations}</p>" in briefing.article_header(analysis).data
    assert f"states {relations} between actors" in briefing.bottom_line(analysis).data


def test_a_bare_surname_counts_with_the_one_full_name_it_ends(default_analysis):
    """Quoted people who are no actors: "Ortmann" is "Lena Ortmann", once."""
    from dataclasses import replace

    assert not {"Ortmann", "Lee"} & {a.name.split()[-1] for a in default_analysis.actors}
    written = ["Lena Ortmann", "Ortmann", "Ann Lee", "Tom Lee", "Lee", "Analysts", "Some analysts"]
    claims = [
        replace(c, attribution=written[i % len(written)])
        for i, c in enumerate(default_analysis.claims)
    ]
    canonical = briefing.source_names(replace(default_analysis, claims=tuple(claims)))
    assert canonical["ortmann"] == "Lena Ortmann"
    assert canonical["lee"] == "Lee"  # two people end in Lee: no guess
    assert canonical["analysts"] == "analysts"  # not "Some analysts"; lower case in a sentence


def test_key_claims_put_a_greeting_that_opens_remarks_last():
    analysis = _remarks_of_events(
        "THE PRESIDENT: Good afternoon.\n\n"
        "I met the Prime Minister of Canada today.\n\n"
        "We signed a trade pact with Mexico.\n\n"
        "Our navy held drills with Japan on Monday.\n"
    )
    html = briefing.key_claims(analysis, per_category=3).data
    assert "Good afternoon" not in html
    assert "trade pact with Mexico" in html


def test_key_claims_count_as_the_table_and_name_sources_as_the_bottom_line():
    """A claim folded into an earlier one still counts in its category's heading."""
    from dataclasses import replace

    text = (
        "Talks in Oslo\n\n"
        "Chancellor Anna Keller met the Prime Minister of Norway in Oslo on Monday. "
        "Keller said the two countries would expand trade. "
        "Keller said Norway would buy more grain. "
        "Keller said the talks had gone well.\n"
    )
    analysis = _invented(text)
    first, *rest = [c for c in analysis.claims if c.category is not None]
    assert len(rest) == 3, analysis.claims
    # The last objective restates the event, so it is folded into it; the
    # sources are written two ways, "Keller" and "Anna Keller".
    claims = (
        replace(first, category="event", attribution="author", restates=None),
        replace(rest[0], category="objective", attribution="Keller", restates=None),
        replace(rest[1], category="objective", attribution="Anna Keller", restates=None),
        replace(rest[2], category="objective", attribution="Keller", restates=first.unit),
    )
    analysis = replace(analysis, claims=claims)
    html = briefing.key_claims(analysis, per_category=3).data
    assert ">Objective</span> (3 claims, 2 shown)" in html, html
    assert "per Keller" not in html and html.count("per Anna Keller") == 2, html
    assert "stated twice" in html and "stated 2 times" not in html
    assert "<td>3</td>" in briefing.claim_counts(analysis).data


def test_a_source_that_opened_its_sentence_reads_in_lower_case_after_per(default_analysis):
    from dataclasses import replace

    written = ["The leaders", "The Daily Courier", "The Atlantis and Borduria delegations"]
    claims = [
        replace(c, attribution=written[i % len(written)])
        for i, c in enumerate(default_analysis.claims)
    ]
    canonical = briefing.source_names(replace(default_analysis, claims=tuple(claims)))
    assert canonical["the leaders"] == "the leaders"
    assert canonical["the daily courier"] == "The Daily Courier"  # a name keeps its "The"
    assert canonical["the atlantis and borduria delegations"] == (
        "the Atlantis and Borduria delegations"
    )


def test_a_relative_pythonpath_reaches_the_kernels_as_an_absolute_one(tmp_path, monkeypatch):
    import os

    from newsbrief.kernels import kernel_env

    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join(["src", str(tmp_path / "lib")]))
    env = kernel_env()
    assert env is not None
    assert env["PYTHONPATH"].split(os.pathsep) == [
        str((tmp_path / "src").resolve()),
        str((tmp_path / "lib").resolve()),
    ]
    monkeypatch.delenv("PYTHONPATH")
    assert kernel_env() is None


def test_a_report_of_another_article_with_the_same_stem_is_named_before_it_is_replaced(
    tmp_path,
):
    folder = tmp_path / "koravia"
    folder.mkdir()
    (folder / "analysis.json").write_text(
        '{"article": {"path": "feeds/koravia.html"}}', encoding="utf-8"
    )
    assert report._other_article(folder, "notes/koravia.txt") == "feeds/koravia.html"
    assert report._other_article(folder, "feeds/koravia.html") is None  # a re-run
    assert report._other_article(tmp_path / "absent", "koravia.txt") is None
    (folder / "analysis.json").write_text("not json", encoding="utf-8")
    assert report._other_article(folder, "koravia.txt") is None


def test_an_actor_the_text_names_with_the_keeps_the_when_cited():
    """ "The Atlantic states" is cited as "the Atlantic states", not "Atlantic states"."""
    from dataclasses import replace

    from newsbrief.model import Actor

    text = (
        "Ports reopen\n\n"
        "Chile and Peru reopened their ports on Monday. "
        "Peru said the ports would stay open.\n"
    )
    analysis = _invented(text)
    group = Actor(id="ATL", name="Atlantic states", type="group", aliases=("the Atlantic states",))
    state = Actor(id="XYZ", name="Borduria", type="state", aliases=("Borduria",))
    written = ["The Atlantic states", "Borduria"]
    claims = tuple(
        replace(c, attribution=written[i % len(written)]) for i, c in enumerate(analysis.claims)
    )
    analysis = replace(analysis, claims=claims, actors=(*analysis.actors, group, state))
    canonical = briefing.source_names(analysis)
    assert canonical["the atlantic states"] == "the Atlantic states"
    assert canonical["borduria"] == "Borduria"


def test_an_organization_most_often_written_with_the_keeps_it_when_cited():
    """Mentions decide: "the Harbour Council" twice, "Harbour Council-led" not counted."""
    from dataclasses import replace

    from newsbrief.model import Actor, Mention

    text = (
        "Ports reopen\n\n"
        "The Harbour Council said the ports of Chile would reopen on Monday. "
        "Peru welcomed the Harbour Council decision and the Harbour Council-led talks.\n"
    )
    analysis = _invented(text)
    spans = [m.start() for m in re.finditer("Harbour Council", analysis.text)]
    council = Actor(
        id="HC",
        name="Harbour Council",
        type="organization",
        mentions=tuple(Mention(0, s, s + 15, "Harbour Council") for s in spans),
    )
    claims = tuple(replace(c, attribution="The Harbour Council") for c in analysis.claims)
    # First, ahead of any actor the pipeline found for the same name.
    analysis = replace(analysis, claims=claims, actors=(council, *analysis.actors))
    assert briefing.source_names(analysis)["the harbour council"] == "the Harbour Council"
    # One mention of three with "the" before it is not most of them.
    fewer = replace(council, mentions=council.mentions[2:] * 2 + council.mentions[:1])
    analysis = replace(analysis, actors=(fewer, *analysis.actors[1:]))
    assert briefing.source_names(analysis)["the harbour council"] == "Harbour Council"


def test_a_cut_column_head_is_not_mistaken_for_another_column():
    from newsbrief.briefing.prose import _column_heads

    pair, one = "the Varnian delegates and the Ostrel envoys", "the Varnian delegates"
    heads = _column_heads(["", "author", pair, one, "total"])
    assert heads == ["", "author", "the Varnian delegates and…", one, "total"]
    # With no column it could be taken for, a head is cut at the usual width.
    assert _column_heads(["", pair]) == ["", "the Varnian delegates…"]


def test_relation_lines_name_actors_as_the_text_writes_them():
    """ "Chile praised United States" read as no sentence; a line opens with "The"."""
    from newsbrief.briefing.prose import relations_evidence

    analysis = _invented(
        "Ports pact\n\nThe United States signed a port agreement with Chile on Monday. "
        "Chile praised the United States for the deal. The US Navy is part of the United States.\n"
    )
    lines = re.sub(r"<blockquote>.*?</blockquote>", "", relations_evidence(analysis).data)
    assert "<li><strong>The United States</strong> signed an agreement with <strong>Chile" in lines
    assert "<li><strong>Chile</strong> praised <strong>the United States</strong>" in lines
    assert "Structure: <strong>the US Navy</strong> part of <strong>the United States" in lines


@pytest.mark.parametrize(
    ("wording", "subject", "expected"),
    [
        ("condemns", "the Andean countries", "condemn"),
        ("provides assistance to", "Coastal Defence Forces", "provide assistance to"),
        ("supplies", "the two sides", "supply"),
        ("punishes", "the rebels", "punish"),
        ("harasses", "Armed Forces of Varnia", "harass"),
        ("has ties with", "the Gulf states", "have ties with"),
        ("condemned", "the Andean countries", "condemned"),
        ("condemns", "the United States", "condemns"),
        ("supports", "the United Nations", "supports"),
        ("supports", "Chile", "supports"),
    ],
)
def test_a_relation_line_agrees_with_a_plural_subject(wording, subject, expected):
    """ "The Nordic countries condemns Russia": the wording is made for one actor."""
    from newsbrief.briefing.prose import _agreeing

    assert _agreeing(wording, subject) == expected


def test_relation_lines_after_a_plural_actor_read_as_sentences():
    """The line of an invented bloc reads "... countries condemn Varnia"."""
    from dataclasses import replace

    from newsbrief.briefing.prose import relations_evidence

    analysis = _invented(
        "Bloc statement\n\nChile condemned Peru on Monday for the border raid. "
        "Chile supports Bolivia.\n"
    )
    chile = next(a for a in analysis.actors if a.name == "Chile")
    bloc = replace(chile, name="Andean countries", aliases=("the Andean countries",))
    actors = tuple(bloc if a is chile else a for a in analysis.actors)
    lines = relations_evidence(replace(analysis, actors=actors)).data
    assert "countries</strong> condemn <strong>Peru" in lines
    assert "countries</strong> support <strong>Bolivia" in lines


def test_a_request_line_says_the_target_is_asked_to_act():
    """ "Chile urged Peru" read as if Peru were what Chile urged."""
    from newsbrief.briefing.prose import relations_evidence

    analysis = _invented(
        "Border talks\n\nChile urged Peru to reopen the border crossing on Monday.\n"
    )
    assert [r.type for r in analysis.relations if not r.weak] == ["urged"]
    lines = re.sub(r"<blockquote>.*?</blockquote>", "", relations_evidence(analysis).data)
    assert "<strong>Chile</strong> urged <strong>Peru</strong> to … <em>" in lines


def test_a_group_named_by_its_members_takes_a_plural_verb():
    """ "Houthis condemns Israel": a one-word plural name, told by its singular alias."""
    from dataclasses import replace

    from newsbrief.briefing.prose import _members_name, relations_evidence
    from newsbrief.model import Actor

    assert _members_name(Actor("ZOR", "Zorvians", "group", aliases=("Zorvians", "Zorvian")))
    assert not _members_name(Actor("VEL", "Velmas", "group", aliases=("Velmas",)))
    assert not _members_name(Actor("OST", "Ostrels", "state", aliases=("Ostrel",)))
    assert not _members_name(Actor("KAS", "Kass", "group", aliases=("Kas",)))
    # The analysis keeps the text's forms only; the gazetteer's entry has the singular.
    assert _members_name(Actor("HOUTHIS", "Houthis", "group", aliases=("Houthis",)))

    analysis = _invented("Bloc statement\n\nChile condemned Peru on Monday for the raid.\n")
    chile = next(a for a in analysis.actors if a.name == "Chile")
    group = replace(chile, name="Zorvians", type="group", aliases=("Zorvians", "Zorvian"))
    actors = tuple(group if a is chile else a for a in analysis.actors)
    lines = relations_evidence(replace(analysis, actors=actors)).data
    assert "Zorvians</strong> condemn <strong>Peru" in lines


def test_a_relation_line_names_a_person_without_the_office_before_the_name():
    """ "Secretary General Stoltenberg met ...": the title was read as part of the name."""
    from dataclasses import replace

    from newsbrief.briefing.prose import relations_evidence

    analysis = _invented("Talks\n\nChile condemned Peru on Monday for the raid.\n")
    chile = next(a for a in analysis.actors if a.name == "Chile")
    person = replace(chile, name="Secretary General Varga", type="person", aliases=())
    actors = tuple(person if a is chile else a for a in analysis.actors)
    lines = relations_evidence(replace(analysis, actors=actors)).data
    assert "<li><strong>Varga</strong> condemns <strong>Peru" in lines


def test_an_actor_is_named_with_the_capitals_the_text_gives_it():
    """The gazetteer's "Varnian armed forces" is the text's proper name "Varnian Armed Forces"."""
    from dataclasses import replace

    from newsbrief.briefing.frames import _as_written
    from newsbrief.model import Actor, Mention

    text = (
        "HEADLINE: VARNIAN ARMED FORCES MOVE\n\nThe Varnian Armed Forces moved north. The VAF left."
    )
    spans = [(m.start(), m.end()) for m in re.finditer(r"varnian armed forces|VAF", text, re.I)]
    mentions = tuple(Mention(0, a, b, text[a:b]) for a, b in spans)
    forces = Actor("VAR-MIL", "Varnian armed forces", "military", mentions=mentions)
    assert _as_written(replace(forces, mentions=mentions[1:]), text) == "the Varnian Armed Forces"
    # Written only in capitals, or not in full at all, the name stays as it is.
    assert _as_written(replace(forces, mentions=mentions[:1]), text) == "Varnian armed forces"
    assert _as_written(replace(forces, mentions=mentions[2:]), text) == "Varnian armed forces"


def test_a_state_the_text_names_only_by_its_short_form_keeps_its_the():
    """Only "US" in the text: the gazetteer's "the United States" decides, not a bare name."""
    from newsbrief.briefing.frames import _as_written
    from newsbrief.model import Actor, Mention

    text = "Varnian rebels fired on US ships. The US said little."
    spans = [(m.start(), m.end()) for m in re.finditer(r"\bUS\b", text)]
    mentions = tuple(Mention(0, a, b, text[a:b]) for a, b in spans)
    usa = Actor("USA", "United States", "state", mentions=mentions, aliases=("US",))
    assert _as_written(usa, text) == "the United States"
    # A state whose name takes no "the" stays bare.
    assert _as_written(Actor("PER", "Peru", "state", mentions=mentions[:1]), text) == "Peru"


def test_a_names_the_that_only_opens_sentences_is_lowered_when_cited():
    """ "The Varnian Harbour Forum" written only at a sentence's start is cited as "the ..."."""
    from dataclasses import replace

    text = (
        "Harbour talks\n\n"
        "The Varnian Harbour Forum said the cranes would stop on Monday.\n\n"
        "Clerks met at The Old Pier Office, and The Old Pier Office said fees would rise.\n"
    )
    analysis = _invented(text)
    sources = ["The Varnian Harbour Forum", "The Old Pier Office"]
    claims = tuple(replace(c, attribution=s) for c, s in zip(analysis.claims, sources, strict=True))
    canonical = briefing.source_names(replace(analysis, claims=claims))
    assert canonical["the varnian harbour forum"] == "the Varnian Harbour Forum"
    # Written with "The" inside a sentence too, the capital is the name's own.
    from newsbrief.briefing.frames import _the_of_the_sentence

    names = {s.casefold(): s for s in sources}
    assert _the_of_the_sentence(analysis, names) == {"The Varnian Harbour Forum"}


def test_bottom_line_head_is_bold_without_the_stylesheet():
    """JupyterLab shows the notebook without briefing.css: the head is set inline."""
    analysis = _invented("Port talks\n\nChile and Peru met in Lima on Monday.\n")
    bluf = briefing.bottom_line(analysis).data
    assert '<p class="nb-bluf-head" style="font-weight: bold;">Bottom line up front</p>' in bluf


def test_bottom_line_says_whom_a_quoted_core_event_is_reported_from(monkeypatch):
    """The key claims marked a quoted core event "(per ...)"; the bottom line did not."""
    from dataclasses import replace

    from newsbrief.briefing import prose

    analysis = _invented("Ports pact\n\nChile signed a port agreement with Peru on Monday.\n")
    unit = next(c.unit for c in analysis.claims if c.category is not None)
    monkeypatch.setattr(prose, "core_event", lambda _: (unit, 1))
    assert "(per " not in prose.bottom_line(analysis).data  # the author's own voice
    claims = tuple(
        replace(c, attribution="Minister <Lena> Varga") if c.unit == unit else c
        for c in analysis.claims
    )
    bluf = prose.bottom_line(replace(analysis, claims=claims)).data
    assert "” <em>(per Minister &lt;Lena&gt; Varga)</em> The article states it once." in bluf, bluf


def test_method_note_counts_one_corrected_item_in_the_singular_with_typographic_apostrophes():
    """ "An analyst corrected 1 items" read as a slip; "spaCy's" stood beside "author’s"."""
    from dataclasses import replace

    from newsbrief.briefing import prose

    analysis = _invented("Ports pact\n\nChile signed a port agreement with Peru on Monday.\n")
    first = analysis.claims[0]
    claims = (replace(first, curated=True), *analysis.claims[1:])
    note = prose.method_note(replace(analysis, claims=claims)).data
    assert "An analyst corrected 1 item by hand." in note, note
    assert "'" not in note and "spaCy’s" in note
    assert "No item was corrected by hand." in prose.method_note(analysis).data


def test_key_claims_list_a_reporters_question_last():
    """A transcript's question is asked, not claimed: it stood among the key implications."""
    from dataclasses import replace

    text = (
        "Remarks by President Okafor on the Harbour Accord\n\n"
        "Q Mr. President, will the fleet leave Varnia before the summer?\n\n"
        "THE PRESIDENT: The accord with Varnia may open the northern port by June. "
        "Our ships could share the harbour with Varnia from the spring. "
        "The fleet might withdraw from Varnia by March.\n"
    )
    analysis = _invented(text)
    claims = tuple(
        replace(c, category="implication") if c.category is not None else c for c in analysis.claims
    )
    asked = [c for c in claims if c.attribution == "reporter"]
    assert len(asked) == 1 and len([c for c in claims if c.category]) == 4
    key = briefing.key_claims(replace(analysis, claims=claims), per_category=3).data
    assert "Mr. President, will the fleet" not in key, key
    assert "(4 claims, 3 shown)" in key
