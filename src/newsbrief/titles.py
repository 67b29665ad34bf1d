"""The titles a person is named with, and a person's name without the office before it.

The list has one home, at the bottom of the package: the actor step (which
names the persons spaCy finds), the persons step (which reads a title run
for the body a person serves), the claims rules (whose source a colon label
names) and the graph (which shows a name) all read it, and the actor step
sits below the persons step, which held the list before.
"""

from __future__ import annotations

__all__ = ["OFFICE_WORDS", "STYLES", "office_words_before", "without_office"]

#: Capitalised words of a title, in front of a name ("Secretary of State", "Lt. Gen."); an
#: honorific with or without its stop, as British news writes it ("Mr Putin", "Dr Biden").
OFFICE_WORDS = frozenset(  # a word list reads best as words
    """President Vice Prime Minister Secretary General State Defense Defence Foreign
    Chancellor King Queen Premier Ambassador Governor Senator Spokesperson
    Spokesman Spokeswoman Chairman Chair Director Commander Chief Advisor Adviser
    National Security Mr. Ms. Mrs. Dr. Mr Ms Mrs Dr Gen. Lt. Col. Maj. Adm. Admiral Sen. Rep.
    Crown Prince Sheikh Justice Treasury Interior Finance Administrator Envoy
    Special Supreme Leader Pope Emir Sultan Representative Speaker Mayor Judge
    Deputy Attorney Marshal Colonel Major Captain""".split()  # noqa: SIM905
)
#: Titles that are part of how a person is named ("King Abdullah II", "Pope
#: Francis", "Sheikh Tamim"), not an office put before the name.
STYLES = frozenset({"King", "Queen", "Pope", "Emir", "Sultan", "Sheikh", "Crown", "Prince"})
_OFFICES = OFFICE_WORDS - STYLES
#: Words that join a title to its body ("Secretary of State", "Minister of
#: Foreign Affairs"): where the office runs on past them its end cannot be
#: told from the name's start by the word list, so such a name is left whole.
_GLUE = frozenset({"of", "the", "for"})


def office_words_before(words: list[str], keep: int = 1) -> int:
    """How many words of an office open a person's name, when ``keep`` words of name are left.

    Zero when the name opens with no office, when fewer than ``keep`` words
    would be left ("Secretary General" is all the text gives), or when the
    office runs on with "of" ("Minister of Foreign Affairs Ana Varga": the
    list knows "Foreign" but not "Affairs").

    Examples
    --------
    >>> office_words_before("Mayor Ana Ortiz".split(), keep=2)
    1
    >>> office_words_before("Mayor Ortiz".split(), keep=2)
    0
    """
    start = next((i for i, word in enumerate(words) if word not in _OFFICES), len(words))
    if start == 0 or len(words) - start < keep or words[start] in _GLUE:
        return 0
    return start


def without_office(name: str, keep: int = 1) -> str:
    """A person's name without the office before it, as long as ``keep`` words of name are left.

    Examples
    --------
    >>> without_office("Prime Minister Ana Varga"), without_office("King Tomas II")
    ('Ana Varga', 'King Tomas II')
    >>> without_office("Secretary General"), without_office("Secretary of State Varga")
    ('Secretary General', 'Secretary of State Varga')
    """
    words = name.split()
    start = office_words_before(words, keep)
    return " ".join(words[start:]) if start else name
