"""The notebooks' tables keep their look when JupyterLab drops ``<style>`` blocks.

A committed notebook opens untrusted, and JupyterLab's sanitizer then removes
``<style>`` elements but keeps ``style`` attributes with common properties.
These tests read the rendered HTML as the sanitizer leaves it: every colour
and alignment must sit on the cell itself, and the article's text stays
escaped.
"""

from __future__ import annotations

import json
import re
from dataclasses import replace
from html.parser import HTMLParser

import pandas as pd
import pytest

from newsbrief import vocabulary
from newsbrief.analysis import analyze
from newsbrief.article import source_from_text
from newsbrief.briefing import (
    actors_view,
    claims_view,
    counts_view,
    relations_evidence,
    relations_view,
    structure_view,
)
from newsbrief.briefing.inline import NO_MATHS, Column, html_block, inline_table, no_maths
from newsbrief.config import NOTEBOOKS_DIR
from newsbrief.model import Evidence, Relation

TEXT = (
    "Kelmar Summons Envoy Over <script>alert(1)</script> Border Dispute\n"
    "Kelmar summoned the Ostrian ambassador on Monday after troops crossed the border,"
    " the foreign ministry said.\n"
    "The crossing may signal a wider campaign, analysts said.\n"
    "Kelmar must respond firmly & quickly to the <b>incursion</b>, the minister argued.\n"
)

#: Properties that @jupyterlab/apputils' Sanitizer keeps in a style attribute
#: (a subset of its ``allowedStyles``): the ones these tables may use.
KEPT_BY_JUPYTERLAB = {
    "background-color",
    "color",
    "font-style",
    "font-weight",
    "min-width",
    "text-align",
    "vertical-align",
}


class _Cells(HTMLParser):
    """The header and body cells of one table: their text and their inline style."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.rows: list[list[tuple[str, str]]] = []
        self.styles: int = 0
        self._cell: list[str] | None = None
        self._style = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "style":
            self.styles += 1
        elif tag == "tr":
            self.rows.append([])
        elif tag in ("td", "th"):
            self._cell, self._style = [], dict(attrs).get("style") or ""

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._cell is not None:
            self.rows[-1].append(("".join(self._cell), self._style))
            self._cell = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)


def cells(html: str) -> _Cells:
    parser = _Cells()
    parser.feed(html)
    return parser


def css(style: str) -> dict[str, str]:
    pairs = (p.split(":", 1) for p in style.split(";") if p.strip())
    return {k.strip(): v.strip() for k, v in pairs}


def column(table: _Cells, name: str) -> list[tuple[str, str]]:
    head = [text for text, _ in table.rows[0]]
    return [row[head.index(name)] for row in table.rows[1:]]


@pytest.fixture(scope="module")
def analysis():
    return analyze(source_from_text(TEXT))


def test_claims_view_carries_colours_and_alignment_inline(analysis):
    table = cells(claims_view(analysis).data)
    assert table.styles == 0
    categories = column(table, "category")
    assert categories
    for text, style in categories:
        assert css(style)["background-color"] == vocabulary.CATEGORY_COLOURS[text]
        assert css(style)["text-align"] == "left"
    for (_, style), (modality, _) in zip(
        column(table, "text"), column(table, "modality"), strict=True
    ):
        assert css(style)["text-align"] == "left"
        marks = css(vocabulary.MODALITY_STYLES.get(modality, ""))
        assert {k: css(style)[k] for k in marks} == marks


def test_every_inline_property_survives_the_sanitizer(analysis):
    for view in (claims_view, counts_view, actors_view, relations_view, structure_view):
        table = cells(view(analysis).data)
        used = {k for row in table.rows for _, style in row for k in css(style)}
        assert used and used <= KEPT_BY_JUPYTERLAB, (view.__name__, used - KEPT_BY_JUPYTERLAB)


def test_counts_view_colours_each_category_not_the_total(analysis):
    rows = column(cells(counts_view(analysis).data), "category")
    assert [text for text, _ in rows] == [*vocabulary.CATEGORIES, "total"]
    assert "background-color" not in css(rows[-1][1])
    assert all("background-color" in css(style) for _, style in rows[:-1])


def test_article_text_is_escaped(analysis):
    html = claims_view(analysis).data + actors_view(analysis).data
    assert "<script>" not in html and "<b>" not in html
    assert "&lt;b&gt;incursion&lt;/b&gt;" in html and "&amp;" in html


#: Made up: two dollar amounts in one sentence, which MathJax read as "$...$".
DOLLARS = (
    "Velmar Pledges $4 Billion to Ostria\n"
    "Velmar pledged $4 billion and Kelmar $2 billion to Ostria on Monday, the treasury said.\n"
    "Velmar signed a $3 million loan deal with Ostria, officials said.\n"
)


@pytest.fixture(scope="module")
def dollars():
    return analyze(source_from_text(DOLLARS))


def _outputs(analysis) -> dict[str, str]:
    """Every text/html output the briefing makes for one analysis, by the function's name."""
    from newsbrief import briefing
    from newsbrief.corpusview import articles_table, shown

    made = {
        f.__name__: f(analysis).data
        for f in (
            briefing.title_block,
            briefing.article_header,
            briefing.bottom_line,
            briefing.claim_counts,
            briefing.key_claims,
            briefing.relations_evidence,
            briefing.method_note,
            claims_view,
            counts_view,
            structure_view,
            briefing.attribution_view,
            actors_view,
            relations_view,
            briefing.metrics_view,
        )
    }
    made["shown"] = shown(articles_table([analysis]), "articles").data
    return made


def test_every_html_output_is_one_block_mathjax_leaves_alone(dollars):
    """JupyterLab typesets $...$ in HTML outputs: "$4 billion and Kelmar $" read as maths."""
    opening = f'<div class="{NO_MATHS}">'
    outputs = _outputs(dollars)
    assert NO_MATHS == "mathjax_ignore tex2jax_ignore"
    for name, html in outputs.items():
        assert html.startswith(opening) and html.endswith("</div>"), name
        inner = html[len(opening) : -len("</div>")]
        assert "mathjax_ignore" not in inner, name  # one wrapper, at the top
        assert html == no_maths(inner), name
    claims = outputs["claims_view"] + outputs["key_claims"] + outputs["title_block"]
    assert "$4 billion and Kelmar $2 billion" in claims  # the dollars as written
    assert "Pledges $4 Billion" in outputs["title_block"]


def test_the_wrapper_is_a_plain_div_and_leaves_the_markup_as_it_was():
    """The printed briefing must not move: no style, no other attribute on the wrapper."""
    markup = '<h2 id="x">A</h2>\n<ul><li>$5 and $3</li></ul>'
    assert html_block(markup).data == f'<div class="{NO_MATHS}">{markup}</div>'
    table = inline_table(pd.DataFrame({"a": ["$1"]}), "t").data
    assert table.startswith(f'<div class="{NO_MATHS}"><table id="t"')
    assert cells(table).rows == [
        [("a", "text-align: left; vertical-align: top;")],
        [("$1", "text-align: left; vertical-align: top;")],
    ]


def test_inline_table_aligns_numbers_right_and_escapes_styles():
    df = pd.DataFrame({"name": ['a "quoted" <i>'], "n": [3], "share": [0.5], "gap": [None]})
    evil = Column(css=lambda row: 'color: red;" onmouseover="x')
    table = cells(inline_table(df, "t", {"name": evil}).data)
    assert table.styles == 0
    (name, n, share, gap) = table.rows[1]
    assert name[0] == 'a "quoted" <i>'  # read back as text: it was escaped, not a tag
    assert name[1].endswith('color: red;" onmouseover="x')  # the quote stays inside the style
    assert (n[0], css(n[1])["text-align"]) == ("3", "right")
    assert (share[0], gap[0]) == ("0.500", "")
    with pytest.raises(KeyError, match="nope"):
        inline_table(df, "t", {"nope": Column()})


@pytest.mark.parametrize("notebook", ["01_claims.ipynb", "02_actor_graph.ipynb", "04_corpus.ipynb"])
def test_committed_notebook_tables_need_no_style_block(notebook):
    """What a new user sees: the stored outputs, opened untrusted."""
    nb = json.loads((NOTEBOOKS_DIR / notebook).read_text(encoding="utf-8"))
    views = [
        "".join(cell["outputs"][0]["data"]["text/html"])
        for cell in nb["cells"]
        if cell["cell_type"] == "code"
        and ("_view(" in "".join(cell["source"]) or "shown(" in "".join(cell["source"]))
    ]
    assert len(views) == {"01_claims.ipynb": 4, "02_actor_graph.ipynb": 3}.get(notebook, 4)
    for html in views:
        table = cells(html)
        assert table.styles == 0 and len(table.rows) > 1
        head = [text for text, _ in table.rows[0]]
        for row in table.rows[1:]:
            for (text, style), name in zip(row, head, strict=True):
                assert css(style)["text-align"] in ("left", "right")
                if name == "category" and text != "total":
                    assert css(style)["background-color"] == vocabulary.CATEGORY_COLOURS[text]


def test_relations_evidence_quotes_a_sentence_once_and_lists_structure_compactly(analysis):
    """Two events from one sentence quote it once; a part-of link is not quoted."""
    unit = next(u for u in analysis.units if "summoned" in u.text)
    ev = (Evidence(unit.index, 0, 1, "x"),)
    relations = (
        Relation("KEL", "OST", "summons", "conflictual", ev, event_class="DISAPPROVE"),
        Relation("KEL", "OST", "accuses", "conflictual", ev, event_class="DISAPPROVE"),
        Relation("MIN", "KEL", "part_of", "structural", ev, event_class="PART_OF"),
    )
    html = relations_evidence(replace(analysis, relations=relations)).data
    assert html.count("<blockquote>") == 1
    assert f"[unit {unit.index}, quoted above]" in html.replace("\u00a0", " ")
    structure = html[html.index("Structure:") :]
    assert "part of" in structure and "<blockquote>" not in structure
    assert "(conflictual, DISAPPROVE)" in html


def test_relations_evidence_notes_shared_sentences_on_the_relations_own_line(analysis):
    """A relation with a new sentence and two quoted above notes both before its quote."""
    first, second, third = (u.index for u in analysis.units[:3])
    relations = (
        Relation("KEL", "OST", "summons", "conflictual", (Evidence(first, 0, 1, "x"),)),
        Relation("KEL", "OST", "accuses", "conflictual", (Evidence(second, 0, 1, "x"),)),
        Relation(
            "KEL",
            "OST",
            "threatens",
            "conflictual",
            tuple(Evidence(i, 0, 1, "x") for i in (third, first, second)),
        ),
    )
    html = relations_evidence(replace(analysis, relations=relations)).data.replace("\u00a0", " ")
    item = html[html.index("threatens") : html.index("</li>", html.index("threatens"))]
    note = f"[units {first}, {second}, quoted above]"
    assert note in item and item.index(note) < item.index("<blockquote>")
    assert item.count("<blockquote>") == 1 and item.count("quoted above") == 1
    assert item.rstrip().endswith("</blockquote>")


def test_relations_evidence_unit_notes_do_not_break_inside(analysis):
    """A line may not end in "[unit" and leave "4]" alone below (spaces are no-break)."""
    first, second = (u.index for u in analysis.units[:2])
    evidence = (Evidence(first, 0, 1, "x"), Evidence(second, 0, 1, "x"))
    relations = (
        Relation("KEL", "OST", "summons", "conflictual", evidence[:1]),
        Relation("KEL", "OST", "accuses", "conflictual", evidence),
        Relation("MIN", "KEL", "part_of", "structural", evidence, event_class="PART_OF"),
    )
    html = relations_evidence(replace(analysis, relations=relations)).data
    notes = re.findall(r"<small>(.*?)</small>", html)
    nbsp = "\u00a0"
    assert notes == [
        f"[unit{nbsp}{first}]",
        f"[unit{nbsp}{first},{nbsp}quoted{nbsp}above]",
        f"[unit{nbsp}{second}]",
        f"[units{nbsp}{first},{nbsp}{second}]",
    ]


def test_relations_evidence_says_so_when_there_are_none(analysis):
    html = relations_evidence(replace(analysis, relations=())).data
    assert "states no relations" in html


def test_actors_view_names_a_parent_the_article_does_not_list():
    analysis = analyze(source_from_text("Vladimir Putin met the Chinese envoy on Tuesday."))
    html = actors_view(analysis).data
    assert "Russia" in html and ">RUS<" not in html


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("Orlen said: “The dam is lost.", "Orlen said: “The dam is lost.”"),
        ("It cannot be rebuilt.” He left.", "“It cannot be rebuilt.” He left."),
        ("“Whole,” she said, “and done.”", "“Whole,” she said, “and done.”"),
        ("No quotes at all.", "No quotes at all."),
    ],
)
def test_a_sentence_of_a_longer_quotation_is_shown_with_its_quotes_balanced(text, shown):
    from newsbrief.briefing.prose import balanced_quotes

    assert balanced_quotes(text) == shown


def test_key_claims_close_a_quotation_that_runs_on_past_the_sentence():
    from newsbrief.briefing.prose import key_claims

    text = (
        "Koravia rejects the plan\n\n"
        "The Koravian minister warned: “The plan will fail. It cannot work.” "
        "Koravia said it would wait.\n"
    )
    html = key_claims(analyze(source_from_text(text))).data
    assert "“The plan will fail.”" in html and "“It cannot work.”" in html


def test_a_label_that_ends_in_a_full_stop_leaves_no_stray_mark_in_key_claims():
    from newsbrief.briefing.prose import key_claims

    text = (
        "Koravia and Chile review their partnership\n\n"
        "The partnership has three lines of effort:\n\n"
        "- Fisheries. Koravia will provide Chile with two patrol boats by next spring.\n"
        "- Ports: Chile will open a harbour office to Koravian inspectors next year.\n"
    )
    html = key_claims(analyze(source_from_text(text))).data
    assert "<strong>Fisheries:</strong> Koravia will provide" in html
    assert "<strong>Ports:</strong> Chile will open" in html
    assert ": ." not in html


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("Orlen said: “The dam is lost.”", "Orlen said: ‘The dam is lost.’"),
        ("Orlen said: “The dam is lost.", "Orlen said: ‘The dam is lost.’"),
        ('Orlen said: "The dam is lost."', "Orlen said: ‘The dam is lost.’"),
        ('A 6" pipe burst.', 'A 6" pipe burst.'),
        ("No quotes at all.", "No quotes at all."),
    ],
)
def test_a_sentence_the_briefing_quotes_has_its_own_quotes_made_single(text, shown):
    from newsbrief.briefing.prose import inner_quotes

    assert inner_quotes(text) == shown


def _crowded_graph(actors: int):
    """A made-up graph: actors 0-5 related to each other, the rest only co-mentioned."""
    import networkx as nx

    g = nx.MultiDiGraph(title="crowded")
    for i in range(actors):
        g.add_node(f"A{i}", name=f"Actor {i}", type="state", mentions=i % 7, first_unit=i)
    for i in range(5):
        g.add_edge(f"A{i}", f"A{i + 1}", key="meets", type="meets", polarity="cooperative")
    for i in range(6, actors):
        g.add_edge("A0", f"A{i}", key="co_mentioned", type="co_mentioned", weak=True)
    return g


def test_page_one_graph_draws_related_actors_first_then_the_most_mentioned():
    from newsbrief.briefing.images import page_one_actors

    g = _crowded_graph(30)
    drawn = page_one_actors(g, limit=11)
    assert len(drawn) == 11
    assert {f"A{i}" for i in range(6)} <= set(drawn)  # in relations, whatever their mentions
    # The other five: six mentions (A6, A13, A20, A27), then five (A12 before A19: named first).
    assert set(drawn) - {f"A{i}" for i in range(6)} == {"A6", "A13", "A20", "A27", "A12"}
    assert page_one_actors(_crowded_graph(8), limit=10) == [f"A{i}" for i in range(8)]


def test_a_large_graph_says_what_page_one_leaves_out_and_gets_a_page_of_its_own(monkeypatch):
    from newsbrief.briefing import images

    shown: list[str] = []
    monkeypatch.setattr(images, "display", lambda obj: shown.append(obj.data))
    monkeypatch.setattr(images, "actor_graph", lambda analysis: _crowded_graph(30))
    assert images.graph_image(None).format == "png"  # type: ignore[arg-type]
    assert shown == [
        no_maths(
            '<p class="nb-graph-note">18 of the 30 actors are drawn here: those in relations,'
            " most mentioned first. All 30 are in the graph on the last page.</p>"
        )
    ]
    assert images.full_graph_image(None) is not None  # type: ignore[arg-type]
    assert shown[-1] == no_maths('<h2 class="nb-full-graph">All 30 actors</h2>')
    monkeypatch.setattr(images, "actor_graph", lambda analysis: _crowded_graph(12))
    assert images.full_graph_image(None) is None  # type: ignore[arg-type]
    images.graph_image(None)  # type: ignore[arg-type]
    assert len(shown) == 2  # no note: every actor is drawn


def test_page_ones_graph_is_drawn_for_print_and_the_full_one_for_the_screen(monkeypatch):
    from newsbrief.briefing import images
    from newsbrief.figures import PAGE_ONE, SCREEN

    frames = []
    monkeypatch.setattr(images, "display", lambda obj: None)
    monkeypatch.setattr(images, "actor_graph", lambda analysis: _crowded_graph(30))
    monkeypatch.setattr(images, "_image", lambda fig, width=720: fig)
    monkeypatch.setattr(images, "graph_figure", lambda g, frame=SCREEN: frames.append(frame))
    images.graph_image(None)  # type: ignore[arg-type]
    images.full_graph_image(None)  # type: ignore[arg-type]
    monkeypatch.setattr(images, "actor_graph", lambda analysis: _crowded_graph(5))
    images.graph_image(None)  # type: ignore[arg-type]
    assert frames == [PAGE_ONE, SCREEN, PAGE_ONE]
