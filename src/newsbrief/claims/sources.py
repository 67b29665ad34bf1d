"""Sources named as fully as the article names them.

The rules read a claim's source off the parse as written: "he", "the former
president", "The two leaders", "I". The coreference step
(:mod:`newsbrief.coref`) has linked such words to the actors the article
named, so here a source that is one of those links becomes the actors' names
("Joe Biden and Xi Jinping"). An "I" or "we" that no link explains is the
speaker of the quotation it stands in: the source named where the quote is
introduced, or the one who spoke just before.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from ..coref import COREF
from ..identity import by_unit
from ..signatures import SIGNATORY
from .speech import QUOTE_CARRIED

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from spacy.tokens import Span, Token

    from ..actors import Located
    from ..model import Claim, Mention, Unit

__all__ = [
    "COMMON_OPENING",
    "bodies_in_apposition",
    "carry_given_names",
    "full_names_of_surnames",
    "in_running_text",
    "name_sources",
    "persons_of_colon_intros",
]

#: The attribution cue of a source whose first word is capitalised only
#: because it opens the sentence (:func:`in_running_text`).
COMMON_OPENING = "opens its sentence with a common word"
_FIRST_PERSON = frozenset({"i", "we", "me", "us"})
_UNNUMBERED = re.compile(r"coref:collective [a-z]+$")
_RESOLVED = re.compile(r"^resolved:(.+)$")
#: Sources that stand for a body, never a person: the last body that spoke.
_IMPERSONAL = frozenset({"it", "the report", "the statement"})
_WITNESSED = re.compile(r",?\s+(?:as\s+)?(?:witnessed|in the presence of)\b", re.IGNORECASE)
_ARTICLE = re.compile(r"^(?:the|The)\s+")
#: A source keeps its "a"/"an" as written; a coreference link may not.
_INDEFINITE = re.compile(r"^an?\s+")
_TITLE_GAP = 12  # " Admiral ", " Lt. Gen. ": a rank between a title and a name
_POSSESSIVE = re.compile(r"(?:['’]s?)?$")
_COLON_INTRO = re.compile(r"^([^:]{2,160}?):\s*[“\"]")


def _resourced(claim: Claim, source: str, cue: str) -> Claim:
    """The claim given another source, with the cue that says why.

    Each later reading of a source (a name given in full before, the person a
    title leads to) keeps the earlier cues, so the claims table shows how
    the source it prints was reached.
    """
    cues = {**claim.cues, "attribution": (*claim.cues.get("attribution", ()), cue)}
    return replace(claim, attribution=source, cues=cues)


def _names(located: Sequence[Located]) -> dict[str, str]:
    out: dict[str, str] = {}
    for loc in located:
        out.setdefault(loc.entry.id, loc.entry.name)
    return out


def _linked(unit: int, source: str, located: Sequence[Located]) -> list[str]:
    """Actor ids of the coreference link whose words are the source ("The two leaders").

    A collective without a number ("the leaders") stays as the article wrote it.
    """
    wanted = _INDEFINITE.sub("", source.strip().lower())
    hits: list[str] = []
    for loc in located:
        if loc.mention.unit != unit or not loc.how.startswith(COREF):
            continue
        if _UNNUMBERED.match(loc.how):
            continue
        said = _INDEFINITE.sub("", loc.mention.text.strip().lower())
        if said == wanted and loc.entry.id not in hits:
            hits.append(loc.entry.id)
    return hits


def _described(unit: Unit, source: str, located: Sequence[Located]) -> str | None:
    """The person a description with a name in front stands for ("The Chinese foreign minister").

    Coreference links only the title ("foreign minister"), so that the name in
    front (the person's state) and the person can still relate; the source is
    that person when every word before the title is "the" or part of a name.
    """
    at = unit.text.find(source)
    if at < 0 or not source.strip():
        return None
    start, end = unit.start + at, unit.start + at + len(source.rstrip())
    named = [x.mention for x in located if not x.how.startswith(COREF)]
    for loc in located:
        m = loc.mention
        linked = loc.how.startswith(COREF) and loc.entry.type == "person"
        before = unit.text[at : max(at, m.start - unit.start)]
        if linked and start < m.start and m.end == end and _all_named(before, start, named):
            return loc.entry.name
    return None


def _all_named(words: str, offset: int, named: Sequence[Mention]) -> bool:
    """Whether each word (but "the") lies inside a named mention: "The Norwegian", "China's"."""
    for w in re.finditer(r"\S+", words):
        if w.group().lower() == "the":
            continue
        word = _POSSESSIVE.sub("", w.group())  # "China's" is inside the mention "China"
        s, e = offset + w.start(), offset + w.start() + len(word)
        if not any(n.start <= s and e <= n.end for n in named):
            return False
    return True


def _persons_within(unit: Unit, source: str, located: Sequence[Located]) -> str | None:
    """The persons a coordinated source names ("The President and Prime Minister").

    Each conjunct is a mention of a person (a title the coreference step
    resolved, or a name); the source is all of them, named in full.
    """
    at = unit.text.find(source)
    if at < 0 or " and " not in source:
        return None
    start, end = unit.start + at, unit.start + at + len(source)
    found: list[str] = []
    for loc in located:
        m = loc.mention
        inside = m.unit == unit.index and start <= m.start and m.end <= end
        if inside and loc.entry.type == "person" and loc.entry.name not in found:
            found.append(loc.entry.name)
    return " and ".join(found) if len(found) >= 2 else None


def _signed_by(source: str, located: Sequence[Located]) -> str | None:
    """The signatories whose offices the source names ("We, the Prime Minister of X and ...").

    Witnesses ("as witnessed by the President of Y") are not the source.
    """
    parties = _WITNESSED.split(source)[0].casefold()
    found: list[str] = []
    for loc in located:
        if loc.how != SIGNATORY:
            continue
        office = _ARTICLE.sub("", loc.mention.text).casefold()
        named = len(office.split()) > 2 and office in parties
        if named and loc.entry.name not in found:
            found.append(loc.entry.name)
    return " and ".join(found) if found else None


def _person_named_at(unit: Unit, source: str, located: Sequence[Located]) -> str | None:
    """The person a titled source stands for ("IDF chief spokesperson [Admiral] Daniel Hagari").

    The person's name overlaps the source's words or follows them after at
    most a rank or title, or stands in apposition to them between commas
    ("Estland's defence minister, Mira Kask, said": the source was the
    title, and the briefing counted her and her title as two sources).
    """
    at = unit.text.find(source)
    if at < 0 or not source.strip():
        return None
    start, end = unit.start + at, unit.start + at + len(source)
    for loc in located:
        m = loc.mention
        if m.unit != unit.index or loc.entry.type != "person" or loc.how.startswith(COREF):
            continue
        between = unit.text[end - unit.start : m.start - unit.start]
        if m.start < end and start < m.end:
            return loc.entry.name
        if 0 <= m.start - end <= _TITLE_GAP and _is_rank(between.strip()):
            return loc.entry.name
        if between == ", " and unit.text[m.end - unit.start :].startswith(","):
            return loc.entry.name  # in apposition: "Kell's mayor, Ana Ruiz, said"
    return None


def _is_rank(gap: str) -> bool:
    """Whether the words between a title and a name are nothing or one rank ("Admiral").

    A rank before a name is capitalised; a lower-case word is the sentence's
    own ("The IDF said Shukr ...": the name after "said" is what the source
    speaks of, not the source).
    """
    return not gap or (" " not in gap and gap[:1].isupper())


def _named_person(unit: int, source: str, located: Sequence[Located]) -> str | None:
    """The full name of the person a short source names ("Sikorski" -> "Radoslaw Sikorski")."""
    wanted = source.strip().lower()
    for loc in located:
        if (
            loc.mention.unit == unit
            and loc.entry.type == "person"
            and not loc.how.startswith(COREF)
            and loc.mention.text.lower().endswith(wanted)
            and len(loc.entry.name) > len(source)
        ):
            return " and ".join(_conjuncts(loc, located))
    return None


def _conjuncts(first: Located, located: Sequence[Located]) -> list[str]:
    """The names of persons joined by "and" to ``first`` ("President X and President Y")."""
    names = [first.entry.name]
    end = first.mention.end
    for loc in sorted(located, key=lambda x: x.mention.start):
        gap = loc.mention.start - end
        if (
            loc.mention.unit == first.mention.unit
            and loc.entry.type == "person"
            and not loc.how.startswith(COREF)
            and 0 < gap <= 6
            and loc.mention.text not in names
            and loc.entry.name not in names
        ):
            names.append(loc.entry.name)
            end = loc.mention.end
    return names


def _introduced(unit: Unit, located: Sequence[Located], names: dict[str, str]) -> str | None:
    """The actor named before the colon of ``X: “...”``."""
    m = _COLON_INTRO.match(unit.text)
    if not m:
        return None
    for loc in located:
        if (
            loc.mention.unit == unit.index
            and loc.entry.type == "person"
            and loc.mention.start - unit.start < m.end(1)
            and not loc.how.startswith(COREF)
        ):
            return names.get(loc.entry.id, loc.entry.name)
    intro = m.group(1).strip()
    # Someone who is no actor (an expert) is still the one the colon introduces.
    return intro if any(w[:1].isupper() for w in intro.split()[1:]) else None


def _names_body(source: str, bodies: set[str], persons: set[str]) -> bool:
    """Whether a source is a named body ("HRW", "the Foreign Ministry", "Global Times").

    A person's name, and a common noun ("the doctor"), are not.
    """
    words = source.split()
    if not words or any(words[-1] == p.split()[-1] for p in persons if p.split()):
        return False
    if any(source.casefold().endswith(b) for b in bodies):
        return True
    return any(w[:1].isupper() for w in words[1:]) or (len(words) == 1 and words[0].isupper())


def name_sources(
    claims: Sequence[Claim],
    units: Sequence[Unit],
    located: Sequence[Located],
) -> list[Claim]:
    """Replace pronoun, description and collective sources by the actors they refer to.

    Parameters
    ----------
    claims : sequence of Claim
        Claims as the rules attributed them.
    units : sequence of Unit
        The article's units.
    located : sequence of Located
        Every mention, coreferent ones included (``how`` = ``coref:...``).

    Returns
    -------
    list of Claim
        The same claims; a resolved source says which link it came from in
        its ``attribution`` cue.
    """
    names = _names(located)
    persons = {loc.entry.name for loc in located if loc.entry.type == "person"}
    bodies = {
        loc.mention.text.casefold()
        for loc in located
        if loc.entry.type != "person" and not loc.how.startswith(COREF)
    }
    bodies = {b for b in bodies if len(b) > 2}
    out: list[Claim] = []
    grouped = by_unit(located)
    # Every attributed claim may name signatories' offices: their mentions
    # picked once, as a scan of all mentions per claim grew with the square
    # of a long input.
    signatories = [loc for loc in located if loc.how == SIGNATORY]
    spoke: dict[str, str | None] = {"speaker": None, "body": None}
    for claim in claims:
        here = grouped.get(claim.unit, [])
        new, cue = _renamed(claim, units[claim.unit], signatories, names, spoke, here)
        if new:
            claim = _resourced(claim, new, cue)
        if claim.attribution != "author" and claim.attribution.lower() not in _FIRST_PERSON:
            spoke["speaker"] = claim.attribution
            if _names_body(claim.attribution, bodies, persons):
                spoke["body"] = claim.attribution
        out.append(claim)
    return out


def _renamed(
    claim: Claim,
    unit: Unit,
    signatories: Sequence[Located],
    names: dict[str, str],
    spoke: dict[str, str | None],
    here: Sequence[Located],
) -> tuple[str | None, str]:
    """The claim's source named in full, and the cue; None when it stays as written.

    ``here`` holds the mentions of the claim's own unit, which every test but
    the signatories' reads, and ``signatories`` the article's signatory
    mentions: a scan of all mentions per claim is quadratic.
    """
    source = claim.attribution
    if source == "author":
        return None, ""
    written = next(
        (m.group(1) for c in claim.cues.get("attribution", ()) if (m := _RESOLVED.match(c))),
        source,
    )
    body = spoke["body"]
    ids = _linked(claim.unit, written, here)
    if written.lower() in _IMPERSONAL and body and body != source:
        return body, f"the body that spoke last: {written}"
    if ids:
        return " and ".join(names.get(i, i) for i in ids), f"coreference: {source}"
    if (described := _described(unit, written, here)) is not None:
        return described, f"coreference: {source}"
    if (pair := _persons_within(unit, written, here)) is not None:
        return pair, f"the persons it names: {source}"
    if signed := _signed_by(source, signatories):
        return signed, "the signatories of the offices named"
    if (full := _named_person(claim.unit, source, here)) is not None:
        return full, f"named in full: {source}"
    if (titled := _person_named_at(unit, written, here)) is not None:
        return titled, f"the person so titled: {source}"
    if source.lower() in _FIRST_PERSON:
        return _introduced(unit, here, names) or spoke["speaker"], (
            f"speaker of the quotation: {source}"
        )
    return None, ""


def carry_given_names(written: Sequence[Claim], named: Sequence[Claim]) -> list[Claim]:
    """A quotation's later sentences take the name its speaker was given where it opened.

    ``written`` are the claims before :func:`name_sources`, ``named`` after.
    "Secretary of Defense Pete Hegseth: “...” gives the first sentence "Pete
    Hegseth" (its unit names him); the quotation's later sentences carry the
    title as written, and the table showed both. This runs after the claims'
    features and restatement bags are read: renaming the carried sources
    before them lowered the restatement F1 on both halves (development 0.353
    -> 0.294, held-out 0.414 -> 0.387), the same speaker counting as another.
    """
    given: dict[str, str] = {}
    out = []
    for before, claim in zip(written, _closings_carried_back(written, named), strict=True):
        if claim.attribution != before.attribution and before.attribution != "author":
            # The latest opening before the sentence, as read: the first one
            # the article gives anywhere cost the development half's
            # attribution 0.947 -> 0.943.
            given[before.attribution] = claim.attribution
        carried = QUOTE_CARRIED in claim.cues.get("attribution", ())
        if carried and claim.attribution in given:
            cue = f"the quotation's speaker: {claim.attribution}"
            claim = _resourced(claim, given[claim.attribution], cue)
        out.append(claim)
    return out


def _closings_carried_back(written: Sequence[Claim], named: Sequence[Claim]) -> list[Claim]:
    """A quotation's sentences before its closing "..., the minister said" take its name.

    The speech step carries a closing source back over the quotation's earlier
    sentences as written ("the minister"); only the closing sentence's unit
    links the title to the person, so the table cited "the minister" for the
    first sentences and the person's name for the last. Only the run of
    carried sentences just before the closing takes it.
    """
    out = list(named)
    closing: tuple[str, str] | None = None
    for k in range(len(out) - 1, -1, -1):
        before, claim = written[k], out[k]
        carried = QUOTE_CARRIED in claim.cues.get("attribution", ())
        if carried and closing is not None and claim.attribution == closing[0]:
            out[k] = _resourced(claim, closing[1], f"the quotation's speaker: {closing[0]}")
            continue
        renamed = claim.attribution != before.attribution and before.attribution != "author"
        closing = (before.attribution, claim.attribution) if renamed and not carried else None
    return out


def persons_of_colon_intros(
    claims: Sequence[Claim], units: Sequence[Unit], spans: Sequence[Span]
) -> list[Claim]:
    """A source that ends with a person's name after a title is that person.

    A release of reactions introduces each with the speaker's body and title
    ("Kell Institute Senior Fellow Maria Lopez: “...”"), and news writes a
    speaker's description before the name ("Human rights lawyer Ana Ruiz
    said", "Chilean political analyst Tomas Lind echoed this"); a speaker who
    is no actor (an expert) kept that whole run as the source, so the claims
    table and the briefing cited "Kell Institute Senior Fellow Maria Lopez",
    and the surname later ("Lind said") did not take the full name. The
    person the entity recogniser finds at the run's end is the source, as a
    titled actor's name is (:func:`_person_named_at`); every claim with that
    source (the quotation's later sentences, an "I" inside it) takes it. A
    name after "of" or "for" ("the family of Ana Ruiz") is not the source,
    and a run that joins two sources with "and" is left whole. This runs
    after the features are read, as :func:`carry_given_names` does.
    """
    return _read_on(claims, units, spans, _person_ending, "the person the title leads to")


def _read_on(
    claims: Sequence[Claim],
    units: Sequence[Unit],
    spans: Sequence[Span],
    read: Callable[[str, Unit, Span], str | None],
    why: str,
) -> list[Claim]:
    """Every claim of a source that ``read`` finds a name in takes that name.

    A source is read in the first unit where ``read`` finds its name; every
    claim with that source, earlier or later, takes it, with ``why`` as its cue.
    """
    names: dict[str, str] = {}
    for claim in claims:
        source = claim.attribution
        if source in names or source == "author":
            continue
        name = read(source, units[claim.unit], spans[claim.unit])
        if name is not None:
            names[source] = name
    out = []
    for claim in claims:
        if claim.attribution in names:
            claim = _resourced(claim, names[claim.attribution], f"{why}: {claim.attribution}")
        out.append(claim)
    return out


def _person_ending(source: str, unit: Unit, span: Span) -> str | None:
    """The person's name a source's words end with, right after a title or role noun.

    The entity recogniser's person, else the proper names after a lower-case
    role noun (the "false title" of news English: "lawyer Ana Ruiz",
    "analyst Tomas Lind"), which it often takes for an organization.
    """
    at = unit.text.find(source)
    if at < 0:
        return None
    start = span.start_char + at
    words = [t for t in span if start <= t.idx and t.idx + len(t.text) <= start + len(source)]
    person = next(
        (e for e in span.ents if e.label_ == "PERSON" and e.end_char == start + len(source)), None
    )
    first = _first_of(words, person.start_char) if person is not None else _after_role(words)
    if first is None or first == 0 or words[first - 1].pos_ not in ("NOUN", "PROPN"):
        return None
    if len(words) - first < _NAME_WORDS[0]:
        return None  # "President Kastner", "Mr Kastner": a surname keeps its title, as actors do
    if " and " in unit.text[at : words[first].idx - span.start_char]:
        return None
    return span.doc.text[words[first].idx : start + len(source)]


def _first_of(words: Sequence[Token], offset: int) -> int | None:
    return next((k for k, t in enumerate(words) if t.idx == offset), None)


#: Words of a full name after a role noun: two to four.
_NAME_WORDS = (2, 4)


def _after_role(words: Sequence[Token]) -> int | None:
    """Where the proper names ending a source start, right after a lower-case noun."""
    k = len(words)
    while k > 0 and words[k - 1].pos_ == "PROPN" and words[k - 1].text[:1].isupper():
        k -= 1
    low, high = _NAME_WORDS
    if not low <= len(words) - k <= high or k == 0:
        return None
    role = words[k - 1]
    return k if role.tag_ in ("NN", "NNS") and role.text.islower() else None


def bodies_in_apposition(
    claims: Sequence[Claim], units: Sequence[Unit], spans: Sequence[Span]
) -> list[Claim]:
    """A source described before its name is the name: "according to X agency the Y Board".

    News writes a body's description before its name with no comma between
    (the "false title" a person's role makes, :func:`_person_ending`); the
    parser makes the name an apposition of the description's noun, and the
    source stopped there, so the briefing cited "per Kell anti-graft body".
    The name, without an acronym in brackets after it, is the source. This
    runs after the features are read, as :func:`carry_given_names` does.
    """
    return _read_on(claims, units, spans, _name_after, "the name the description leads to")


def _name_after(source: str, unit: Unit, span: Span) -> str | None:
    """The capitalised apposition right after a source whose last word is a lower-case noun."""
    at = unit.text.find(source)
    if at < 0 or not source.strip():
        return None
    end = span.start_char + at + len(source)
    last = next((t for t in span if t.idx + len(t.text) == end), None)
    if last is None or last.tag_ not in ("NN", "NNS") or not last.text.islower():
        return None
    # Right after the noun, with no comma: "body the Inspectorate", not "body, whose head".
    name = next(
        (c for c in last.children if c.dep_ == "appos" and c.left_edge.i == last.i + 1), None
    )
    if name is None or name.pos_ != "PROPN" or not name.text[:1].isupper():
        return None
    words = list(name.subtree)
    cut = next(
        (k for k, t in enumerate(words) if t.i != name.i and t.dep_ in ("punct", "appos", "relcl")),
        len(words),
    )
    words = words[:cut]
    return span.doc[words[0].i : words[-1].i + 1].text if words else None


#: A source that is a name written in full: two to four capitalised words.
_FULL_NAME = re.compile(r"^(?:[A-Z][\w'\u2019.-]*\s+){1,3}[A-Z][\w'\u2019-]+$")
_SURNAME = re.compile(r"^[A-Z][\w'\u2019-]+$")


def full_names_of_surnames(claims: Sequence[Claim]) -> list[Claim]:
    """A source given by surname ("Schuster added") takes the full name given before.

    News names a speaker in full once ("said Carl Schuster, former head of
    ...") and then by surname; the claims table cited "Carl Schuster" and
    "Schuster" as two sources when the speaker is no actor (an expert), and
    the annotation names a source as fully as the article does. A surname
    two earlier full names end with stays as written. This runs after the
    features are read, as :func:`carry_given_names` does.
    """
    full: dict[str, set[str]] = {}
    out = []
    for claim in claims:
        source = claim.attribution
        if _FULL_NAME.match(source):
            full.setdefault(source.split()[-1], set()).add(source)
        elif _SURNAME.match(source) and len(named := full.get(source, set())) == 1:
            name = next(iter(named))
            cue = f"named in full before: {source}"
            claim = _resourced(claim, name, cue)
        out.append(claim)
    return out


def in_running_text(
    claims: Sequence[Claim], units: Sequence[Unit], spans: Sequence[Span]
) -> list[Claim]:
    """Mark a source whose first word has its capital only because it opens the sentence.

    The briefing re-uses a source after a lead-in ("per Senior officials",
    "cite Human rights lawyer X") and lowers such a word (see
    :func:`newsbrief.briefing.source_names`); the attribution itself stays
    as written. The parse decides, not a word list: the first token is a
    common word when it is no proper noun, no part of a named entity, not
    "I" and no acronym ("NATO", "Ukraine", "The Hague" are left alone).
    Every claim with the same source, wherever it was read, is marked.
    """
    common: set[str] = set()
    for claim in claims:
        source, unit = claim.attribution, units[claim.unit]
        if source != "author" and source not in common and unit.text.startswith(source):
            first = spans[claim.unit][0]
            if _common_word(first) and source.startswith(first.text):
                common.add(source)
    out = []
    for claim in claims:
        if claim.attribution in common:
            cues = (*claim.cues.get("attribution", ()), COMMON_OPENING)
            claim = replace(claim, cues={**claim.cues, "attribution": cues})
        out.append(claim)
    return out


def _common_word(tok: Token) -> bool:
    """Whether a sentence's capitalised first token is a common word, by the parse.

    An acronym is two capitals or more: the article "A" is all capitals too,
    and "A Kell defence spokesman" was cited "per A Kell defence spokesman".
    """
    text = tok.text
    acronym = len(text) > 1 and text.isupper()
    common = tok.pos_ != "PROPN" and not tok.ent_type_ and text != "I"
    return text[:1].isupper() and not acronym and common
