"""Scoring one-sentence event records: reading them, and the figures by hand."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsbrief.article import source_from_text
from newsbrief.errors import NewsbriefError
from newsbrief.events import (
    format_event_scores,
    parse_event_records,
    score_record,
    summarise,
)
from newsbrief.model import Actor, Analysis, ArticleInfo, Evidence, Mention, Relation, Unit

FIXTURE = Path(__file__).parent / "fixtures" / "event_records.txt"


def records():
    return parse_event_records(FIXTURE.read_text(encoding="utf-8"))


def analysis(text: str, actors: list[Actor], relations: list[Relation]) -> Analysis:
    source = source_from_text(text)
    return Analysis(
        article=ArticleInfo(path="<t>", title="", sha256=source.sha256, words=len(text.split())),
        text=text,
        units=(Unit(0, "claim", 0, len(text), text),),
        actors=tuple(actors),
        relations=tuple(relations),
        claims=(),
    )


def actor(ident: str, text: str, sentence: str, name: str | None = None) -> Actor:
    at = sentence.index(text)
    return Actor(ident, name or text, "state", mentions=(Mention(0, at, at + len(text), text),))


def rel(source: str, target: str, event_class: str, weak: bool = False) -> Relation:
    return Relation(
        source, target, "x", "cooperative", (Evidence(0, 0, 1, "x"),), weak, (), False, event_class
    )


def test_records_are_read_leniently_once_each_and_only_with_an_actor():
    recs = records()
    # trailing commas and the "####" remark are tolerated; the repeated sentence
    # and the record without an actor are dropped
    assert [r.id for r in recs] == ["TEST-AGREE-0001", "TEST-DEMAND-0001", "TEST-FIGHT-0001"]
    assert recs[1].event == "REQUEST"  # the draft's DEMAND is our REQUEST


def test_markup_locates_each_member_of_a_compound():
    agree, demand, fight = records()
    assert [(g.text, g.start) for g in agree.sources] == [("Norway", 0), ("Chile", 11)]
    assert agree.targets == ()
    assert len(agree.pairs) == 1  # the two sources acted together
    assert [g.text for g in fight.targets] == ["Borduria", "Syldavia"]
    assert len(fight.pairs) == 2
    assert demand.sources[0].end == 4


def test_a_pair_is_found_either_way_and_with_class_only_when_the_class_agrees():
    demand = records()[1]
    text = demand.text
    peru, bolivia = actor("PER", "Peru", text), actor("BOL", "Bolivia", text)
    backwards = analysis(text, [peru, bolivia], [rel("BOL", "PER", "REQUEST")])
    s = score_record(demand, backwards)
    assert (s.source_found, s.pair_found, s.class_found, s.cooccurring) == (True,) * 4
    other = score_record(demand, analysis(text, [peru, bolivia], [rel("PER", "BOL", "AGREE")]))
    assert (other.pair_found, other.class_found) == (True, False)
    weak = score_record(demand, analysis(text, [peru, bolivia], [rel("PER", "BOL", "", True)]))
    assert (weak.pair_found, weak.cooccurring) == (False, True)


def test_one_linked_member_pair_finds_a_compound_and_names_can_match_without_a_span():
    fight = records()[2]
    text = fight.text
    troops = actor("RUR-ARMY", "Ruritanian troops", text)
    syldavia = Actor("SYL", "Syldavia", "state")  # no mention: matched by its name
    found = score_record(
        fight, analysis(text, [troops, syldavia], [rel("RUR-ARMY", "SYL", "FIGHT")])
    )
    assert (found.pair_found, found.class_found) == (True, True)
    nothing = score_record(fight, None)  # a sentence the pipeline could not read
    assert (nothing.source_found, nothing.pair_found, nothing.cooccurring) == (False,) * 3


def test_rates_are_counted_per_class_and_over_records_with_a_pair():
    agree, demand, fight = records()
    a_text, d_text = agree.text, demand.text
    norway, chile = actor("NOR", "Norway", a_text), actor("CHL", "Chile", a_text)
    scores = [
        score_record(agree, analysis(a_text, [norway, chile], [rel("NOR", "CHL", "AGREE")])),
        score_record(demand, analysis(d_text, [actor("PER", "Peru", d_text)], [])),
        score_record(fight, None),
    ]
    summary = summarise(scores)
    assert summary["all"] == {
        "records": 3,
        "source_found": 0.667,
        "pairs": 3,
        "pair_found": 0.333,
        "pair_class": 0.333,
        "cooccurrence": 0.333,
    }
    assert summary["classes"]["REQUEST"]["source_found"] == 1.0
    assert summary["classes"]["REQUEST"]["pair_found"] == 0.0
    table = format_event_scores([("development", scores)])
    assert table.splitlines()[2].split() == ["ALL", "3", "0.667", "3", "0.333", "0.333", "0.333"]


def test_what_is_not_a_list_of_records_is_refused():
    with pytest.raises(NewsbriefError):
        parse_event_records('{"id": 1} {"id": 2}')
    with pytest.raises(NewsbriefError):
        parse_event_records("[1, 2]")


def test_the_command_scores_each_half_of_a_records_file(capsys):
    from newsbrief.cli import main

    assert main(["evaluate", "--events", str(FIXTURE)]) == 0
    out = capsys.readouterr().out
    halves = [line for line in out.splitlines() if line.endswith(":")]
    assert halves == ["development:", "held-out:", "all:"]
    rows = [line.split() for line in out.splitlines() if line.startswith("ALL")]
    assert [row[1] for row in rows] == ["2", "1", "3"]  # records 0 and 2, then record 1
