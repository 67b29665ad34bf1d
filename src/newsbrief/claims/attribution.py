"""Article-level attribution: the speaker of a speech, the writers of an op-ed.

In a transcript of remarks every sentence the text does not give to someone
else is the speaker's, and the headline names the speaker ("Remarks by
President Biden on ..."); a paragraph that opens with "Q" is a reporter's
question (the White House transcript convention). An opinion piece whose
headline opens with its writers' names ("Jane Roe and John Doe: Why ...",
the op-ed page convention) is theirs in the same way: its own voice, and its
"I" and "we", are the writers' named position, not an anonymous author's.
Sentence-level attribution (reporting verbs, quotations, positions stated in
a readout) is read by :mod:`.rules`.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from ..gazetteer import load_gazetteer
from ..units import QUESTION_LABEL, SPEAKER_LABEL

if TYPE_CHECKING:
    from collections.abc import Sequence

    from ..model import Claim, Unit
    from .rules import Cues

__all__ = [
    "REPORTER",
    "SPEAKER_CUE",
    "WRITERS_CUE",
    "headline_speaker",
    "headline_writers",
    "reporter_questions",
    "speaker_of_remarks",
    "writers_of_opinion",
]

#: The attribution cue of a claim in the own voice of the speaker of remarks
#: or of the writers an op-ed's headline names: the briefing tells these from
#: sources the text cites.
SPEAKER_CUE = "the speaker the headline names"
WRITERS_CUE = "the writers the headline names"
#: Who asks a transcript's questions ("Q Mr. President, will you ...?").
REPORTER = "reporter"
#: What the speaker of remarks says in their own voice, or as "I" and "we".
_SPEAKER_WORDS = frozenset({"author", "i", "we"})
_GENRES = ("opinion", "release", "remarks")
#: "Jane Roe:", "Jane Roe and John Doe:", "J. Roe, J. Doe and R. Poe:" before an op-ed's headline.
_NAME = r"[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3}"
_WRITERS = re.compile(rf"^({_NAME}(?:\s*,\s*{_NAME})*(?:,?\s+(?:and|&)\s+{_NAME})?)\s*:\s+\S")
_FIRST_PERSON = re.compile(r"\b(?:I|we|We|our|Our|my|My|us)\b")
_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"")
#: Writers speak as "I" or "we" in more than one sentence of their own.
_MIN_FIRST_PERSON = 2


def headline_speaker(units: Sequence[Unit], cues: Cues) -> str | None:
    """The speaker the headline names, or None."""
    title = next((u.text for u in units if u.kind == "title"), None)
    if title is None:
        return None
    for pattern in sorted(cues.words("attribution", "speaker_titles")):
        m = re.search(pattern, title, re.IGNORECASE)
        if m:
            return title[m.start(1) : m.end(1)].strip(" ,.:")
    return None


def headline_writers(units: Sequence[Unit], cues: Cues) -> str | None:
    """The writers an opinion headline opens with ("Jane Roe and John Doe: ..."), or None.

    A label that names the genre ("Opinion:", "ICYMI:") names no one; the writers may follow it.
    A topic is no writer: the names must be no actor the gazetteer knows
    ("Israel and Iran: what next"), and the writers must speak as "I" or
    "we" outside quotation marks.
    """
    title = next((u.text for u in units if u.kind == "title"), "")
    labels = {w for g in _GENRES for w in cues.words("genre", f"{g}_titles")}
    while (m := _WRITERS.match(title)) is not None and m.group(1).casefold() in labels:
        title = title[m.end(1) :].lstrip(" :")
    if m is None:
        return None
    names = m.group(1).strip()
    if len(names.split()) < 2 or next(load_gazetteer().finditer(names), None) is not None:
        return None
    own = [u for u in units if u.kind == "claim" and _FIRST_PERSON.search(_QUOTED.sub(" ", u.text))]
    return names if len(own) >= _MIN_FIRST_PERSON else None


def speaker_of_remarks(
    claims: Sequence[Claim], units: Sequence[Unit], genre: str, cues: Cues
) -> list[Claim]:
    """Give the speaker of remarks every claim the text attributes to no one else.

    Their "I" and "we" are theirs too; a reporter's question is the reporter's.
    """
    speaker = headline_speaker(units, cues) if genre == "remarks" else None
    if not speaker:
        return list(claims)
    asked = reporter_questions(units)
    return [
        replace(c, attribution=REPORTER, cues={**c.cues, "attribution": ("a reporter asks",)})
        if c.unit in asked
        else replace(
            c,
            attribution=speaker,
            cues={**c.cues, "attribution": (SPEAKER_CUE,)},
        )
        if c.attribution.lower() in _SPEAKER_WORDS
        else c
        for c in claims
    ]


def writers_of_opinion(
    claims: Sequence[Claim], units: Sequence[Unit], genre: str, cues: Cues
) -> list[Claim]:
    """Give the writers an op-ed's headline names every claim in its own voice.

    This runs after the claim features are read: the category and restatement
    models learned what an author's own sentence looks like, and an op-ed's
    sentences are still the article's own voice; only who holds them changes.
    """
    writers = headline_writers(units, cues) if genre == "opinion" else None
    if not writers:
        return list(claims)
    cue = (WRITERS_CUE,)
    return [
        replace(c, attribution=writers, cues={**c.cues, "attribution": cue})
        if c.attribution.lower() in _SPEAKER_WORDS
        else c
        for c in claims
    ]


def reporter_questions(units: Sequence[Unit]) -> set[int]:
    """Units a reporter speaks: from a "Q" ("Q Mr. President, ...") to the next speaker label.

    A question ends with its paragraph or where a label gives the floor back
    ("THE PRESIDENT: ...").
    """
    out: set[int] = set()
    paragraph: int | None = None
    for unit in units:
        if QUESTION_LABEL.match(unit.text):
            paragraph = unit.paragraph
        elif unit.paragraph != paragraph or SPEAKER_LABEL.match(unit.text):
            paragraph = None
        if paragraph is not None:
            out.add(unit.index)
    return out
