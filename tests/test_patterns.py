import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsbrief.patterns import FormMatcher

FORMS = ["UN", "UN Security Council", "Security Council", "U.S.", "the alliance", "Seoul"]


def _alternation(forms: list[str], before: str = "") -> re.Pattern[str]:
    """What FormMatcher replaces: the forms longest first in one regex alternation."""
    alts = "|".join(re.escape(f) for f in sorted(forms, key=lambda s: (-len(s), s)))
    return re.compile(rf"(?<![\w{re.escape(before)}])(?:{alts})(?!\w)")


def _all(matcher, text: str) -> list[tuple[int, int, str]]:
    out, pos = [], 0
    while (m := matcher.search(text, pos)) is not None:
        out.append((m.start(), m.end(), m.group(0)))
        pos = m.end()
    return out


def test_the_longest_form_wins_and_a_word_boundary_is_needed():
    m = FormMatcher(FORMS)
    text = "the UN Security Council, the UNSC and the U.S. met in Seoul."
    assert _all(m, text) == [(4, 23, "UN Security Council"), (42, 46, "U.S."), (54, 59, "Seoul")]


def test_a_shorter_form_is_tried_when_a_word_follows_the_longer_one():
    # "UN Security Councils": the long form runs into a word; "UN" still fits.
    assert _all(FormMatcher(FORMS), "UN Security Councils") == [(0, 2, "UN")]


def test_characters_before_a_match_can_be_refused():
    m = FormMatcher(FORMS, before="’'")
    assert _all(m, "d'Seoul and l’UN but Seoul") == [(21, 26, "Seoul")]
    assert _all(FormMatcher(FORMS), "d'Seoul") == [(2, 7, "Seoul")]


def test_match_is_anchored_at_its_position_and_looks_behind_it():
    m = FormMatcher(FORMS)
    assert m.match("the alliance", 0).span() == (0, 12)
    assert m.match("xthe alliance", 1) is None  # "x" before it: inside a word
    assert m.match("the alliance", 1) is None
    assert m.search("UN", 1) is None


def test_no_forms_never_match_and_only_group_zero_exists():
    assert FormMatcher([""]).search("anything") is None
    hit = FormMatcher(["a"]).search("a")
    assert hit is not None and hit.group(0) == "a"
    with pytest.raises(IndexError):
        hit.group(1)


_ALPHABET = "ab .'’-"


@settings(max_examples=300, deadline=None)
@given(
    forms=st.lists(st.text(_ALPHABET, min_size=1, max_size=5), min_size=1, max_size=8),
    text=st.text(_ALPHABET, max_size=40),
    start=st.integers(0, 40),
)
def test_same_matches_as_the_regex_alternation(forms, text, start):
    matcher, regex = FormMatcher(forms, before="’'"), _alternation(forms, before="’'")
    assert _all(matcher, text) == _all(regex, text)
    ours, theirs = matcher.search(text, start), regex.search(text, start)
    assert (ours and ours.span()) == (theirs and theirs.span())
    ours, theirs = matcher.match(text, start), regex.match(text, start)
    assert (ours and ours.span()) == (theirs and theirs.span())
