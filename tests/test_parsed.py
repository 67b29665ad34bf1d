from newsbrief.actors import extract_actors
from newsbrief.article import source_from_text
from newsbrief.gazetteer import load_gazetteer
from newsbrief.nlp import parse
from newsbrief.parsed import ArticleParse, parse_article
from newsbrief.units import split_blocks


def _parsed(text: str) -> ArticleParse:
    source = source_from_text(text)
    blocks = split_blocks(source.text)
    return parse_article(source.text, blocks, list(parse(b.text for b in blocks)))


def test_units_and_spans_stay_aligned():
    p = _parsed("Japan sent officers to NATO.\n\nRussia objected to the move.")
    assert len(p.units) == len(p.spans)
    for unit, span in zip(p.units, p.spans, strict=True):
        assert "".join(unit.text.split()) == "".join(span.text.split())
    assert p.mentions == ()


def test_actor_step_returns_the_parse_with_its_mentions():
    p = _parsed("Japan sent officers to NATO.\n\nRussia objected to the move.")
    actors, with_mentions = extract_actors(p, load_gazetteer(()))
    assert with_mentions.units is p.units and with_mentions.spans is p.spans
    assert {a.id for a in actors} == {"JPN", "NATO", "RUS"}
    by_unit = {u: [loc.entry.id for loc in with_mentions.mentions_in(u)] for u in (0, 1)}
    assert by_unit == {0: ["JPN", "NATO"], 1: ["RUS"]}
    tokens = with_mentions.actor_tokens(0)
    words = {p.spans[0].doc[i].text: ids for i, ids in tokens.items()}
    assert words == {"Japan": ["JPN"], "NATO": ["NATO"]}


def test_a_step_changing_its_token_map_does_not_change_another_steps():
    p = _parsed("Japan sent officers to NATO.")
    _, p = extract_actors(p, load_gazetteer(()))
    first = p.actor_tokens(0)
    for ids in first.values():
        ids.append("XXX")
    first[999] = ["YYY"]
    assert all("XXX" not in ids for ids in p.actor_tokens(0).values())
    assert 999 not in p.actor_tokens(0)
