"""Article-level attribution: the speaker of a speech.

In a transcript of remarks every sentence the text does not give to someone
else is the speaker's, and the headline names the speaker ("Remarks by
President Biden on ..."); a paragraph that opens with "Q" is a reporter's
question (the White House transcript convention). Sentence-level attribution (reporting verbs,
quotations, positions stated in a readout) is read by :mod:`.rules`.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Sequence

    from ..model import Claim, Unit
    from .rules import Cues

__all__ = ["headline_speaker", "speaker_of_remarks"]

_QUESTION = re.compile(r"^Q(?:[.:]?\s+\S|[.:]?$)")
#: What the speaker of remarks says in their own voice, or as "I" and "we".
_SPEAKER_WORDS = frozenset({"author", "i", "we"})
_LABEL = re.compile(r"^[A-Z][A-Z .'’-]+:")


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


def speaker_of_remarks(
    claims: Sequence[Claim], units: Sequence[Unit], genre: str, cues: Cues
) -> list[Claim]:
    """Give the speaker of remarks every claim the text attributes to no one else.

    Their "I" and "we" are theirs too; a reporter's question is the reporter's.
    """
    speaker = headline_speaker(units, cues) if genre == "remarks" else None
    if not speaker:
        return list(claims)
    asked = _questions(units)
    return [
        replace(c, attribution="reporter", cues={**c.cues, "attribution": ("a reporter asks",)})
        if c.unit in asked
        else replace(
            c,
            attribution=speaker,
            cues={**c.cues, "attribution": ("the speaker the headline names",)},
        )
        if c.attribution.lower() in _SPEAKER_WORDS
        else c
        for c in claims
    ]


def _questions(units: Sequence[Unit]) -> set[int]:
    """Units a reporter speaks: from a "Q" ("Q Mr. President, ...") to the next speaker label.

    A question ends with its paragraph or where a label gives the floor back
    ("THE PRESIDENT: ...").
    """
    out: set[int] = set()
    paragraph: int | None = None
    for unit in units:
        if _QUESTION.match(unit.text):
            paragraph = unit.paragraph
        elif unit.paragraph != paragraph or _LABEL.match(unit.text):
            paragraph = None
        if paragraph is not None:
            out.add(unit.index)
    return out
