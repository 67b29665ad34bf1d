import pytest

from newsbrief.actors import extract_actors
from newsbrief.article import source_from_text
from newsbrief.gazetteer import load_gazetteer
from newsbrief.nlp import parse
from newsbrief.parsed import ArticleParse, keeping_tokens, parse_article
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


def test_a_units_walks_share_one_list_of_its_tokens():
    p = _parsed("Japan sent officers to NATO. Russia objected to the move.")
    span = p.spans[0]
    first, second = list(span), list(span)
    assert [t.text for t in first] == ["Japan", "sent", "officers", "to", "NATO", "."]
    assert all(a is b for a, b in zip(first, second, strict=True))
    # The same tokens as spaCy's own walk, span methods unchanged.
    plain = span.doc[span.start : span.end]
    assert [(t.i, t.lemma_, t.dep_) for t in first] == [(t.i, t.lemma_, t.dep_) for t in plain]
    assert span == plain and span.root.text == "sent" and span[1:3].text == "sent officers"


def test_only_the_units_walked_last_keep_their_tokens():
    text = " ".join(f"Country {k} sent officers." for k in range(6))
    source = source_from_text(text)
    blocks = split_blocks(source.text)
    docs = list(parse(b.text for b in blocks))
    spans = keeping_tokens([s for d in docs for s in d.sents], keep=10)  # two units of five
    assert len(spans) == 6 and all(len(s) == 5 for s in spans)
    first = list(spans[0])
    for span in spans[1:]:
        list(span)
    assert next(iter(spans[0])) is not first[0]  # listed again after two other units
    store = spans[0]._store
    assert len(store.tokens) == 2 and sorted(store.tokens) == [0, 5]


def test_a_unit_longer_than_the_budget_still_keeps_its_tokens_while_walked():
    text = "Japan sent officers to NATO. Chile sent ships to Peru."
    docs = list(parse([text]))
    spans = keeping_tokens(list(docs[0].sents), keep=3)
    first = list(spans[0])
    assert next(iter(spans[0])) is first[0]  # the last unit listed stays, whatever its length
    list(spans[1])
    assert sorted(spans[0]._store.tokens) == [1]


def test_an_article_under_the_budget_keeps_every_unit_listed():
    text = " ".join(f"Country {k} sent officers." for k in range(40))
    docs = list(parse([text]))
    spans = keeping_tokens(list(docs[0].sents))
    firsts = [next(iter(s)) for s in spans]
    assert len(spans) == 40
    assert all(next(iter(s)) is f for s, f in zip(spans, firsts, strict=True))


def test_curly_contractions_get_the_lemmas_of_straight_ones():
    curly = next(parse(["We’re sure the ferry’s engine failed, and it’s true they don’t know."]))
    straight = next(parse(["We're sure the ferry's engine failed, and it's true they don't know."]))
    lemmas = {t.text: t.lemma_ for t in curly if "’" in t.text}
    assert lemmas["’re"] == "be"
    assert lemmas["n’t"] == "not"
    # the possessive keeps its own; "it’s" is "it is", as "it's" is
    assert [t.lemma_ for t in curly if t.text == "’s"] == ["’s", "be"]
    assert [t.lemma_ for t in straight if t.text == "'s"][1] == "be"
    assert curly.text.count("’") == 4  # the text itself is left as written


@pytest.mark.parametrize(
    ("sentence", "tag", "lemma"),
    [
        ("The crews said they’d already left the harbour.", "VBD", "have"),
        ("The crews said they’d been warned twice.", "VBD", "have"),
        ("The crews said they’d gone home.", "VBD", "have"),
        ("The crews said they’d leave the harbour.", "MD", "would"),
        ("The crews said they’d be warned.", "MD", "would"),
        ("The crews said they’d have left by noon.", "MD", "would"),
    ],
)
def test_a_curly_d_before_a_participle_is_had(sentence, tag, lemma):
    """ "had" takes a past participle, "would" a bare infinitive."""
    d = next(t for t in next(parse([sentence])) if t.text == "’d")
    assert (d.tag_, d.lemma_) == (tag, lemma)


def test_a_curly_not_is_the_negation_of_its_verb():
    doc = next(parse(["The ferries won’t sail and the pier isn’t open."]))
    nots = [t for t in doc if t.text == "n’t"]
    assert [(t.dep_, t.pos_, t.head.text) for t in nots] == [
        ("neg", "PART", "sail"),
        ("neg", "PART", "is"),
    ]
