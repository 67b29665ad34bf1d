"""The office words before a person's name (made-up names)."""

from __future__ import annotations

import pytest

from newsbrief.titles import OFFICE_WORDS, office_words_before, without_office


@pytest.mark.parametrize(
    ("name", "keep", "shown"),
    [
        ("Mayor Lina Coravel", 2, "Lina Coravel"),
        ("Deputy Prime Minister Lina Coravel", 2, "Lina Coravel"),
        ("Mayor Coravel", 2, "Mayor Coravel"),  # a surname alone keeps its title
        ("Mayor Coravel", 1, "Coravel"),
        ("Mayor", 1, "Mayor"),  # the text gives only the title
        ("Sheikh Tamir Coravel", 2, "Sheikh Tamir Coravel"),  # a style is part of the name
        ("Minister of Harbours Lina Coravel", 2, "Minister of Harbours Lina Coravel"),
        ("Lina Coravel", 2, "Lina Coravel"),
    ],
)
def test_a_name_loses_the_office_before_it_when_a_name_is_left(name, keep, shown):
    assert without_office(name, keep) == shown


def test_the_offices_a_name_opens_with_are_counted_in_words():
    assert office_words_before(["Spokesperson", "Lina", "Coravel"], keep=2) == 1
    assert office_words_before(["Lina", "Coravel"], keep=2) == 0
    assert {"Mayor", "Spokesperson", "Mr."} <= OFFICE_WORDS
