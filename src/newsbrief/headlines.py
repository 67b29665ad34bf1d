"""Persons a headline names by title: "Remarks by President Biden Announcing ...".

A headline is in title case, so spaCy's small model cannot tell a name from
the words around it ("Biden Announcing Cessation of Hostilities" comes out as
one organization). The headline's own grammar can: a title run after "by",
"from" or "with" ("Remarks by President X", "Call with Prime Minister Y"),
or before a possessive ("President X's Meeting"), names a speaker or a party,
and the word right after the title is the surname.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Collection

    from spacy.tokens import Span

    from .model import Unit

__all__ = ["headline_name"]

#: Words before a title run that make it a person in a headline.
_BEFORE = frozenset({"by", "from", "with"})
_POSSESSIVE = frozenset({"’s", "'s"})


def headline_name(
    unit: Unit, span: Span, start: int, covered: Collection[int], office_words: Collection[str]
) -> tuple[int, int] | None:
    """The surname token range [i, j) after the title run at ``start`` in a headline, or None.

    Examples
    --------
    "Remarks by President Biden Announcing ..." -> the range of "Biden".
    """
    if unit.kind != "title":
        return None
    i = start
    while i < span.end and span.doc[i].text in office_words:
        i += 1
    if i == start or i >= span.end or i in covered:
        return None
    name = span.doc[i]
    before = span.doc[start - 1].lower_ if start > span.start else ""
    after = span.doc[i + 1].text if i + 1 < span.end else ""
    if not name.text[:1].isupper() or not name.is_alpha:
        return None
    if name.text.endswith("ing"):  # "President Announcing ...": a verb, not a name
        return None
    if before not in _BEFORE and after not in _POSSESSIVE:
        return None
    return i, i + 1
