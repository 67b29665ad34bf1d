"""Speakers a release introduces by office and name before their words.

A White House or ministry release quotes its officials one after another::

    Director of National Intelligence Jane Roe: "The operation succeeded."

spaCy's small model reads the office and the name as one organization
("National Intelligence Jane Roe"), so the person is lost. The layout says
who speaks: a line that opens with an office word and ends, before the colon
and the quotation, with a name. The last capitalised words before the colon
are that name (a nickname in quotation marks between them is left out).
"""

from __future__ import annotations

import re
import unicodedata
from typing import TYPE_CHECKING

from .gazetteer import Entry
from .identity import Located
from .model import Mention

if TYPE_CHECKING:
    from collections.abc import Collection, Sequence

    from spacy.tokens import Span, Token

    from .model import Unit

__all__ = ["labelled_speakers"]

#: "Office ... Name: “" at the start of a sentence: a speaker's label before a quotation.
_LABEL = re.compile(r"^([A-Z][^:]{3,150}?):\s*[“\"]")
#: A name is a given name and a family name (a middle one would be a guess).
_NAME_WORDS = 2


def labelled_speakers(
    units: Sequence[Unit],
    spans: Sequence[Span],
    located: Sequence[Located],
    office_words: Collection[str],
) -> list[Located]:
    """The persons named at the end of a speaker label no other mention covers.

    Examples
    --------
    'Director of National Intelligence Tulsi Gabbard: “...' -> the person
    "Tulsi Gabbard".
    """
    out: list[Located] = []
    for unit, span in zip(units, spans, strict=True):
        m = _LABEL.match(unit.text)
        if unit.kind != "claim" or m is None or m.group(1).split()[0] not in office_words:
            continue
        found = _trailing_name(span, span.start_char + m.end(1), office_words)
        if found is None:
            continue
        start, end, name = found
        start, end = unit.start + start - span.start_char, unit.start + end - span.start_char
        if any(
            x.mention.start < end and start < x.mention.end and x.entry.type == "person"
            for x in located
        ):
            continue  # a known person ("Secretary of Defense Pete Hegseth")
        text = unit.text[start - unit.start : end - unit.start]
        ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
        entry = Entry("-".join(re.findall(r"[a-z0-9]+", ascii_name.lower())), name, "person")
        out.append(Located(entry, Mention(unit.index, start, end, text), "title"))
    return out


def _trailing_name(
    span: Span, label_end: int, office_words: Collection[str]
) -> tuple[int, int, str] | None:
    """(start, end, name) of the capitalised words that end the label, else None."""
    toks = [t for t in span if t.idx + len(t.text) <= label_end]
    words: list[Token] = []
    quoted = False
    for tok in reversed(toks):
        if tok.text in ("“", "”", '"'):
            quoted = not quoted
            continue
        if quoted:
            continue  # a nickname: Dan “Razin” Caine
        if tok.pos_ != "PROPN" or not tok.text[:1].isupper() or tok.text in office_words:
            break
        words.insert(0, tok)
        if len(words) == _NAME_WORDS:
            break
    if len(words) < _NAME_WORDS:
        return None
    return words[0].idx, words[-1].idx + len(words[-1].text), " ".join(t.text for t in words)
