from __future__ import annotations

from dataclasses import replace

import pytest

from newsbrief.analysis import analyze, to_json
from newsbrief.article import source_from_text
from newsbrief.config import SAMPLE_CORPUS_OUTPUT
from newsbrief.corpusview import (
    actors_across,
    article_date,
    articles_table,
    corpus_graph,
    corroboration_table,
    load_corpus,
    timeline_table,
)
from newsbrief.errors import NewsbriefError

TEXTS = {
    "a.txt": "TOKYO, 12 March 2025 - Russia invaded Ukraine. Officials said Japan supports NATO.",
    "b.txt": "Russia invaded Ukraine, analysts said. Poland criticized Russia.",
    "c.txt": "On April 31, 2025 nothing happened. Japan supports NATO, said Kishida.",
}


def _analysis(name, text):
    a = analyze(source_from_text(text))
    return replace(a, article=replace(a.article, path=f"some/folder/{name}"))


@pytest.fixture(scope="module")
def analyses():
    return [_analysis(n, t) for n, t in TEXTS.items()]


def test_load_reads_json_in_name_order(tmp_path, analyses):
    for a in reversed(analyses):
        (tmp_path / f"{a.article.path.rsplit('/', 1)[1]}.json").write_text(to_json(a))
    loaded = load_corpus(tmp_path)
    assert [x.article.path for x in loaded] == [a.article.path for a in analyses]


def test_load_bad_folders_give_one_line_errors(tmp_path):
    with pytest.raises(NewsbriefError, match="not a folder"):
        load_corpus(tmp_path / "missing")
    with pytest.raises(NewsbriefError, match=r"no \*\.json"):
        load_corpus(tmp_path)
    (tmp_path / "x.json").write_text("{}")
    with pytest.raises(NewsbriefError, match=r"x\.json"):
        load_corpus(tmp_path)


def test_article_date_reads_day_month_year_forms(analyses):
    assert article_date(analyses[0]) == "2025-03-12"
    assert article_date(analyses[1]) is None
    assert article_date(analyses[2]) is None  # April 31 is no date
    iso = _analysis("d.txt", "Japan met NATO on May 2, 2024. The talks of 2024-07-16 ended.")
    assert article_date(iso) == "2024-07-16"  # the latest date stated


def test_article_date_prefers_the_head_then_the_latest_date():
    background = _analysis(
        "e.txt",
        "On September 15, 2021, the three leaders announced a pact. "
        "On 8 February 2032 Japan met NATO in Brussels. Russia criticized the meeting.",
    )
    assert article_date(background) == "2032-02-08"  # not the background's 2021
    dated = _analysis(
        "f.txt",
        "Japan and NATO hold talks\n\nOsaka, 2 May 2031\n\n"
        "Japan met NATO on Monday. The next round is due on 9 June 2031, officials said.",
    )
    assert article_date(dated) == "2031-05-02"  # the date line, not the later plan
    titled = _analysis(
        "g.txt",
        "Ten years after 15 September 2021\n\nJapan met NATO on 8 February 2031, officials said.",
    )
    assert article_date(titled) == "2031-02-08"  # a headline's date is its subject


def test_article_date_takes_a_markdown_front_matters_date_first(tmp_path):
    md = (
        "---\ntitle: Japan and NATO hold talks\ndate: 2031-06-02\n---\n\n"
        "Japan met NATO on 8 February 2031, officials said.\n"
    )
    dated = analyze(source_from_text(md, path="h.md"))
    assert dated.article.date == "2031-06-02"
    (tmp_path / "h.json").write_text(to_json(dated))
    loaded = load_corpus(tmp_path)[0]
    assert article_date(loaded) == "2031-06-02"  # the file's date, not the text's
    undated = analyze(source_from_text("---\nlayout: post\n---\n\nJapan met NATO.\n", path="i.md"))
    assert article_date(undated) is None and '"date"' not in to_json(undated)


def test_corroboration_counts_articles_and_cited_sources(analyses):
    df = corroboration_table(analyses)
    invaded = df[(df["source"] == "Russia") & (df["target"] == "Ukraine")].iloc[0]
    assert invaded["articles"] == 2
    assert invaded["reported in"] == "a.txt, b.txt"  # file names, not machine paths
    assert list(df["articles"]) == sorted(df["articles"], reverse=True)
    assert set(df["cited"].str.split(", ").sum()) >= {"author"}
    assert df["articles"].max() <= len(analyses)


def test_actors_across_counts_articles(analyses):
    df = actors_across(analyses)
    row = df.set_index("actor").loc["Russia"]
    assert row["articles"] == 2 and row["mentions"] >= 3 and row["relations"] >= 2
    assert list(df["articles"]) == sorted(df["articles"], reverse=True)
    assert len(actors_across(analyses, top=2)) == 2


def test_timeline_keeps_dated_articles_only(analyses):
    df = timeline_table(analyses)
    assert set(df["article"]) == {"a.txt"}
    assert (df["date"] == "2025-03-12").all()
    assert any(rel.startswith("Russia ") for rel in df["relation"])


def test_merged_graph_and_articles_table(analyses):
    g = corpus_graph(analyses)
    assert g.graph["articles"] == ["a.txt", "b.txt", "c.txt"]
    assert not any(d.get("weak") for _, _, d in g.edges(data=True))
    table = articles_table(analyses)
    assert list(table["article"]) == ["a.txt", "b.txt", "c.txt"]
    assert list(table["date"]) == ["2025-03-12", "undated", "undated"]


def test_committed_sample_is_current_enough_to_load():
    analyses = load_corpus(None)
    assert len(analyses) == len(list(SAMPLE_CORPUS_OUTPUT.glob("*.json"))) >= 3
    assert corroboration_table(analyses)["articles"].max() >= 2  # the sample corroborates


def test_graph_core_keeps_the_most_connected_actors(analyses):
    from newsbrief.corpusview import graph_core

    g = corpus_graph(analyses)
    linked = {n for e in g.edges for n in e[:2]}
    core = graph_core(g, top=2)
    assert core.number_of_nodes() == 2 and set(core) <= linked
    assert "Russia" in {core.nodes[n]["name"] for n in core}  # named in two articles
    assert set(graph_core(g, top=100)) == linked  # actors with no relation are left out
    assert g.number_of_nodes() >= len(linked)  # the merged graph itself is unchanged


def test_articles_table_counts_claims_as_the_header_does():
    text = (
        "Ministers of Freedonia and Sylvania met on Monday.\n\n"
        "The ministers agreed to:\n\n"
        "- Expand trade between the two countries.\n"
        "- Hold regular talks on border security.\n\n"
        "Analysts said the meeting could ease tensions.\n"
    )
    a = _analysis("lead-in.txt", text)
    lead_ins = [c for c in a.claims if c.category is None]
    assert len(lead_ins) == 1  # "The ministers agreed to:" opens the list, it claims nothing
    assert articles_table([a])["claims"].tolist() == [len(a.claims) - 1]


def test_corpus_tables_write_relation_types_in_words():
    text = "TOKYO, 3 May 2025 - Japan held talks with NATO on Monday."
    a = _analysis("talks.txt", text)
    assert [r.type for r in a.relations if not r.weak] == ["held_talks_with"]
    assert corroboration_table([a])["type"].tolist() == ["held talks with"]
    assert timeline_table([a])["relation"].tolist() == ["Japan held talks with NATO"]


def test_corpus_graph_evidence_holds_whole_sentences(analyses):
    g = corpus_graph(analyses)
    evidence = [e for _, _, d in g.edges(data=True) for e in d["evidence"]]
    assert evidence and all(e["text"] in e["sentence"] for e in evidence)
    assert any(e["sentence"] == "Poland criticized Russia." for e in evidence)


@pytest.fixture(scope="module")
def namesakes():
    """Two made-up articles naming one person in full, then by title and surname."""
    texts = {
        "x.txt": "Polish President Marek Kowalczyk criticized Russia. Kowalczyk said Poland "
        "would respond.",
        "y.txt": "On Monday, Polish President Kowalczyk criticized Russia.",
    }
    return [_analysis(n, t) for n, t in texts.items()]


def test_actors_across_counts_one_person_named_two_ways_once(namesakes):
    people = actors_across(namesakes).query("type == 'person'")
    assert list(people["actor"]) == ["Marek Kowalczyk"]
    assert list(people["articles"]) == [2]
    assert corpus_graph(namesakes).nodes["marek-kowalczyk"]["articles"] == ["x.txt", "y.txt"]


def test_corroboration_joins_one_person_named_two_ways(namesakes):
    df = corroboration_table(namesakes)
    rows = df[(df["source"] == "Marek Kowalczyk") & (df["target"] == "Russia")]
    assert list(rows["articles"]) == [2]
    assert not df["source"].str.contains("President Kowalczyk").any()


def test_article_date_of_a_web_page_is_its_time_line():
    page = (
        "<!doctype html><html><head><title>Ostrel opens dam</title></head><body><article>"
        '<h1>Ostrel opens dam</h1><time datetime="2031-05-02">May 2, 2031</time>'
        "<p>Ostrel opened its new dam on Monday, officials said. Its turbines start on"
        " 3 June 2031.</p><p>Kell criticized the dam, its minister said on Tuesday in a"
        " speech to parliament.</p></article></body></html>"
    )
    a = analyze(source_from_text(page, path="dam.html"))
    assert article_date(a) == "2031-05-02"  # the page's <time>, not the later plan
