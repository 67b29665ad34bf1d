"""The article's genre: news, analysis, opinion, release or remarks.

Genre changes what a present-tense sentence does (a fact in a fact sheet, a
judgement in an opinion column), so it is a feature of every claim and is
shown in the notebooks and the briefing. It is read off general signals: the
headline's form words, first-person voice outside quotation marks, and how
much of the text is reported speech.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Sequence

    from ..model import Unit
    from .rules import Cues

__all__ = ["GENRES", "detect_genre"]

from ..vocabulary import GENRES

_QUOTED = re.compile(r"[\"“][^\"”]*[\"”]")
_FIRST_SINGULAR = re.compile(r"\b(?:I|my|me)\b")
# Case matters: "US" and "U.S." are the country, not "us".
_FIRST_PLURAL = re.compile(r"\b(?:[Ww]e|[Oo]urs?|us)\b")
_REPORTED = re.compile(r"\b(?:said|says|told|according to)\b", re.IGNORECASE)


def detect_genre(units: Sequence[Unit], cues: Cues) -> tuple[str, str]:
    """Return the genre and the cue that decided it.

    Parameters
    ----------
    units : sequence of Unit
        The article's units (the title's words weigh most).
    cues : Cues
        ``genre`` in ``claims.yaml``: headline words per genre.
    """
    title = next((u.text.lower() for u in units if u.kind == "title"), "")
    for genre in ("remarks", "release", "opinion"):
        for word in sorted(cues.words("genre", f"{genre}_titles")):
            if re.search(rf"\b{re.escape(word)}\b", title):
                return genre, f"headline word '{word}'"
    body = " ".join(u.text for u in units if u.kind == "claim")
    outside = _QUOTED.sub(" ", body)
    words = max(1, len(body.split()))
    singular = len(_FIRST_SINGULAR.findall(outside)) / words
    plural = len(_FIRST_PLURAL.findall(outside)) / words
    reported = len(_REPORTED.findall(body)) / words
    if singular > 0.004:
        return "opinion", "first person singular outside quotes"
    if plural > 0.01 and reported < 0.004:
        return "remarks", "first person plural, little reported speech"
    if reported >= 0.006:
        return "news", "reported speech"
    return "analysis", "little reported speech"
