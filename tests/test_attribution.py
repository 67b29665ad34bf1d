"""Article-level attribution: the writers an op-ed's headline names."""

from __future__ import annotations

from newsbrief.analysis import read_with_claims
from newsbrief.article import source_from_text


def _sources(text: str) -> list[str]:
    analysis, reading = read_with_claims(source_from_text(text))
    return [c.attribution for c in reading.claims if analysis.units[c.unit].kind == "claim"]


_BODY = (
    "We have served in government for decades.\n\n"
    "Our allies must pay for their own defense.\n\n"
    "The treaty is a relic of another age.\n\n"
    "Senator Tom Smith said the plan was late.\n"
)


def test_opinion_headline_names_its_writers():
    sources = _sources("ICYMI: Jane Roe and John Doe: Allies must pay their share\n\n" + _BODY)
    assert sources == [
        "Jane Roe and John Doe",
        "Jane Roe and John Doe",
        "Jane Roe and John Doe",
        "Tom Smith",
    ]


def test_a_genre_label_alone_names_no_writer():
    sources = _sources("Opinion: Allies must pay their share\n\n" + _BODY)
    assert sources[:3] == ["author", "author", "author"]
    assert sources[3] == "Tom Smith"


def test_a_topic_before_the_colon_is_no_writer():
    sources = _sources("Opinion: Israel and Iran: What comes next\n\n" + _BODY)
    assert sources[:3] == ["author", "author", "author"]


def test_writers_who_never_say_i_or_we_are_not_assumed():
    body = "The treaty is a relic.\n\nAllies must pay for defense.\n\nThe plan is late.\n"
    sources = _sources("ICYMI: Jane Roe and John Doe: Allies must pay their share\n\n" + body)
    assert sources == ["author", "author", "author"]


_SHEET = "FACT SHEET: Norland and Vessia Deepen Their Partnership\n\n- {}\n"


def test_a_topic_label_is_no_source():
    """A list item's leading topic names no one, though the parser reads it as a subject."""
    assert _sources(
        _SHEET.format("Regional Stability: Emphasized that the border must stay open.")
    ) == ["author"]
    assert _sources(_SHEET.format("Economic Security: “Trade makes both nations stronger.”")) == [
        "author"
    ]


def test_a_label_that_names_a_person_is_the_speaker():
    sources = _sources(
        _SHEET.format("Secretary of State Lund: “Trade makes both nations stronger.”")
    )
    assert sources == ["Secretary of State Lund"]


def test_a_label_ending_in_a_full_stop_hides_no_reporting_verb():
    """ "Advancing Trade." parses as a sentence of its own whose gerund is no main verb."""
    sources = _sources(
        _SHEET.format("Advancing Trade. The two ministers said the border would reopen.")
    )
    assert sources == ["The two ministers"]
