"""The article's genre, read off the headline and the voice of the body."""

from __future__ import annotations

import pytest

from newsbrief.analysis import analyze
from newsbrief.article import source_from_text


def genre_of(text: str) -> str:
    return analyze(source_from_text(text)).article.genre


@pytest.mark.parametrize(
    ("headline", "genre"),
    [("Fact Sheet: Allies expand training", "release"), ("Opinion: A costly delay", "opinion")],
)
def test_a_headline_word_names_the_genre(headline: str, genre: str) -> None:
    body = "The ministry expanded the programme last year. It trains officers."
    assert genre_of(f"{headline}\n\n{body}") == genre


def test_the_country_us_is_not_the_first_person_plural() -> None:
    body = " ".join(
        f"US officials and US diplomats met in round {k}. The US Navy sailed on." for k in range(8)
    )
    assert genre_of(f"Allies meet again\n\n{body}") == "analysis"


def test_first_person_plural_without_reported_speech_reads_as_remarks() -> None:
    body = " ".join(
        f"We will stand with our partners, and we will not waver {k}." for k in range(8)
    )
    assert genre_of(f"On the alliance\n\n{body}") == "remarks"


def test_first_person_singular_outside_quotes_reads_as_opinion() -> None:
    body = " ".join(f"I find this policy wrong, and my view has not changed {k}." for k in range(8))
    assert genre_of(f"A costly mistake\n\n{body}") == "opinion"
