"""Article-level attribution: the speaker of a speech.

In a transcript of remarks every sentence the text does not give to someone
else is the speaker's, and the headline names the speaker ("Remarks by
President Biden on ..."). Sentence-level attribution (reporting verbs,
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
    """Give the speaker of remarks every claim the text attributes to no one else."""
    speaker = headline_speaker(units, cues) if genre == "remarks" else None
    if not speaker:
        return list(claims)
    return [
        replace(
            c,
            attribution=speaker,
            cues={**c.cues, "attribution": ("the speaker the headline names",)},
        )
        if c.attribution == "author"
        else c
        for c in claims
    ]
