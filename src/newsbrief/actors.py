"""Find the article's actors: gazetteer matches first, spaCy NER for the rest.

Every mention keeps its unit and character span, and every mention of the
same participant resolves to one actor id ("NATO members", "the alliance"
and "NATO forces" are all NATO), so the graph has one node per participant.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace
from typing import TYPE_CHECKING

from .acronyms import defined_acronyms
from .demonyms import qualifies_a_place
from .forces import coordinated_bodies, force_after, owned_forces, whose_forces
from .gazetteer import Entry, Gazetteer, Surface
from .identity import (
    _HONORIFICS,
    Located,
    _assemble,
    _merge_acronyms,
    _resolve_surnames,
)
from .leaders import load_leaders, served_body
from .model import Actor, Mention, Unit
from .parsed import ArticleParse, mention_tokens
from .things import drop_modifiers, drop_things
from .titles import office_words_before

if TYPE_CHECKING:
    from collections.abc import Sequence

    from spacy.tokens import Span, Token

    from .patterns import FormMatch

__all__ = ["Located", "extract_actors", "mention_tokens"]

#: Prepositions that make a place of what follows ("a summit in Helsinki").
_LOCATIVE = frozenset(
    [
        "in",
        "at",
        "near",
        "from",
        "into",
        "across",
        "inside",
        "outside",
        "within",
        "around",
        "off",
        "via",
        "through",
    ]
)
#: Where a person's name is a place ("a rocket hit in Majdal Shams"); "from X" may be a sender.
_PERSON_PLACE = frozenset({"in", "at", "near", "into", "inside", "outside", "off"})
#: The word after a name ("the UN Charter"): a document word makes it a document's name.
_NEXT_WORD = re.compile(r"\s+(\w+)")
#: Capitalised words that go on after a name: "[China Military] Maritime Consultative Agreement".
_NAME_RUN = re.compile(r"(?:\s+[A-Z][\w’'-]*)+")
#: "the Gulf of" before a name: a place word and "of" make the name part of a place's.
_PLACE_OF = re.compile(r"\b([A-Z][a-z]+)\s+of\s+(?:the\s+)?$")
_PLACE = "ner:place"
_PLACE_NOUNS = frozenset(
    {"town", "city", "village", "province", "region", "district", "municipality", "suburb"}
)
_NER_TYPES = {"ORG": "organization", "PERSON": "person", "NORP": "group"}
_GOV_WORDS = ("ministry", "department", "council", "parliament", "congress", "cabinet")
_MIL_WORDS = (
    "army",
    "navy",
    "force",
    "forces",
    "guard",
    "military",
    "corps",
    "militia",
    "fleet",
    "squadron",
    "division",
)
_TRANSLIT = str.maketrans(
    {
        "ł": "l",
        "Ł": "L",
        "ø": "o",
        "Ø": "O",
        "đ": "d",
        "Đ": "D",
        "ß": "ss",
        "æ": "ae",
        "Æ": "AE",
        "ı": "i",
    }
)
#: "an exercise titled Keen Sword": what follows names a thing, not a person.
_NAMING_WORDS = frozenset({"titled", "named", "called", "dubbed", "codenamed", "code-named"})


def extract_actors(parse: ArticleParse, gazetteer: Gazetteer) -> tuple[list[Actor], ArticleParse]:
    """Resolve every actor mention in the units to one actor per participant.

    Parameters
    ----------
    parse : ArticleParse
        The article's units and their parses.
    gazetteer : Gazetteer
        Known actors and their surface forms.

    Returns
    -------
    actors : list of Actor
        In order of first mention.
    parse : ArticleParse
        The same parse carrying every mention, in reading order.
    """
    units, spans = parse.units, parse.spans
    located: list[Located] = []
    for unit, span in zip(units, spans, strict=True):
        found = _gazetteer_mentions(unit, span, gazetteer)
        found += _administrations(unit, found, gazetteer)
        if unit.kind in ("claim", "lead_in"):
            found += _ner_mentions(unit, span, found, gazetteer)
            found += _named_groups(unit, span, found, gazetteer)
        located += sorted(found, key=lambda x: (x.mention.start, -x.mention.end))
    located = _merge_acronyms(_resolve_surnames(units, spans, _not_places(located)))
    located = drop_modifiers(units, spans, drop_things(units, located, gazetteer))
    located = whose_forces(owned_forces(units, located, gazetteer), gazetteer)
    located = coordinated_bodies(units, spans, located, gazetteer)
    located = _acronym_owners(defined_acronyms(units, located))
    located.sort(key=lambda x: (x.mention.unit, x.mention.start, -x.mention.end))
    return _assemble(located), parse.with_mentions(located)


def _gazetteer_mentions(unit: Unit, span: Span, gaz: Gazetteer) -> list[Located]:
    text = unit.text
    out: list[Located] = []
    named = span.ents  # spaCy lists the whole document's entities on each call
    ents = [e for e in named if e.label_ in ("ORG", "FAC", "EVENT", "WORK_OF_ART", "PRODUCT")]
    persons = [e for e in named if e.label_ == "PERSON"]  # "Israel Katz" is a man
    for m in gaz.finditer(text):
        surface = gaz.lookup(m.group(0))
        if surface is None:
            continue
        entry, how, end = surface.entry, surface.how, m.end()
        instead = _in_place_of(unit, span, m.start(), end, entry, gaz)
        if instead is not None:
            out += instead
            continue
        read = _body_of(unit, m.start(), end, surface, gaz)
        if read[0].type == "state":
            kept = _state_read(unit, span, m, read, [*ents, *persons], gaz)
        else:
            kept = read
        if kept is not None:
            entry, how, end = kept
            out.append(Located(entry, _mention(unit, m.start(), end), how))
    return out + _elided(unit, out, gaz)


def _state_read(
    unit: Unit,
    span: Span,
    m: FormMatch,
    read: tuple[Entry, str, int],
    names: list[Span],
    gaz: Gazetteer,
) -> tuple[Entry, str, int] | None:
    """A state's name in running text: the state, its force, or no actor at all.

    A state's name, its demonym or its capital often stands for something
    else: the state's force ("Israeli forces"), a place ("the Gulf of
    Mexico", "Belarusian airspace", "a summit in Helsinki") or a part of
    another name ("Israel Katz"). ``read`` is (entry, how, end) of the match
    at ``m``.
    """
    entry, how, end = read
    text = unit.text
    if _in_place_name(text[: m.start()], gaz):
        return None  # "the Gulf of Mexico" is a sea, not Mexico
    force = force_after(text, end, entry, gaz)
    if force is not None and _names_a_thing(text, force[1], gaz):
        force = None  # "the U.S.-China Military Maritime Consultative Agreement"
    if force is not None:
        return force[0], "force", force[1]
    if how == "demonym" and qualifies_a_place(span, m.start(), end):
        return None  # "Belarusian airspace" locates; Belarus does nothing
    if _inside_foreign_name(span, names, m.start(), m.end()) or (
        how == "capital" and _is_place(span, m.start(), m.end())
    ):
        return None
    return read


#: Words that end a body's name only after a known organization's: "the UN Development
#: Programme", "the World Food Program". Alone, "the Nuclear Program" names an effort, so
#: they are no ``organization_words`` (which keep spaCy's organizations).
_PROGRAMMES = frozenset({"Programme", "Program"})


def _in_place_of(
    unit: Unit, span: Span, start: int, end: int, entry: Entry, gaz: Gazetteer
) -> list[Located] | None:
    """What a gazetteer name stands for when it is not its entry's mention; None when it is.

    "The UN Charter" names a document, not its body ("the UN Base" is the
    UN's); "pro-Russian", "anti-American" a side taken, not the state's own;
    "Kata'ib Hezbollah" a group of its own.
    """
    after = _NEXT_WORD.match(unit.text, end)
    if after is not None and after.group(1) in gaz.document_words:
        return []
    longer = _longer_name(unit, span, start, end, entry, gaz)
    if longer is not None:
        return [longer]
    if _ALIGNED.search(unit.text, 0, start):
        aligned = _aligned_group(unit, start, end, entry, gaz)
        return [aligned] if aligned is not None else []
    return None


#: A group's kind after its name, which the mention takes in so the name is its subject.
_GROUP_KIND = re.compile(r"\s+(?:militia|group|movement|faction)\b")
#: Entity labels of a word that is no part of a group's name: a place, a people, a date.
_NOT_NAME_LABELS = frozenset({"GPE", "LOC", "NORP", "DATE", "TIME", "CARDINAL", "ORDINAL"})


def _longer_name(
    unit: Unit, span: Span, start: int, end: int, entry: Entry, gaz: Gazetteer
) -> Located | None:
    """A group whose name runs on before a known one's: "Kata'ib Hezbollah", "Asa'ib Ahl al-Haq".

    Proper nouns the gazetteer does not know, written right before a known
    group's or organization's name in one compound, make a longer name: a
    group of its own (Kata'ib Hezbollah is an Iraqi militia, not Lebanon's
    Hezbollah), of no state the words tell. A state, a demonym, a date or a
    determiner before the name ("Lebanon's Hezbollah", "On Tuesday Hezbollah")
    is no part of it; nor is a headline's capitals.
    """
    if entry.type not in ("group", "organization") or unit.kind not in ("claim", "lead_in"):
        return None
    base = span.start_char
    first = next((t for t in span if t.idx - base == start), None)
    if first is None:
        return None
    words = []
    for tok in reversed(span.doc[span.start : first.i]):
        if not (
            tok.pos_ == "PROPN"
            and tok.text[:1].isupper()
            and tok.whitespace_ == " "
            and tok.ent_type_ not in _NOT_NAME_LABELS
            and gaz.lookup(tok.text) is None
            and first.head is not tok  # "to Defeat ISIS": a verb's object, no name
        ):
            break
        words.append(tok)
    before = span.doc[words[-1].i - 1] if words and words[-1].i > span.start else None
    if not words or (before is not None and before.lower_ == "to" and before.ent_type_):
        return None  # "the Global Coalition to Defeat ISIS": a body's name, ISIS within it
    begin = words[-1].idx - base
    name = unit.text[begin:end]
    kind = _GROUP_KIND.match(unit.text, end)  # "the Kata'ib Hezbollah militia" is the group
    group = Entry(_slug(name, entry.type), name, entry.type, None, None, ())
    return Located(group, _mention(unit, begin, kind.end() if kind else end), "ner")


#: "pro-" or "anti-" right before a name: "pro-Russian separatists", "anti-NATO protests".
_ALIGNED = re.compile(r"\b(?:[Pp]ro|[Aa]nti)[-‐‑]$")


def _aligned_group(
    unit: Unit, start: int, end: int, entry: Entry, gaz: Gazetteer
) -> Located | None:
    """A group named by the side it takes: "pro-Russian separatists".

    Separatists who are pro-Russian are not Russia's (as "Russian
    separatists" would be): they are a group of no state, named with their
    "pro-". A "pro-" or "anti-" name before anything but a group or force
    word ("anti-American protests", "a pro-Western government") names no
    actor at all: the state is what the words are for or against.
    """
    if entry.type != "state":
        return None
    found = force_after(unit.text, end, entry, gaz)
    if found is None:
        return None
    first, stop = _word_start(unit.text, start), found[1]
    name = unit.text[first:stop]
    if unit.kind in ("claim", "lead_in") and _opens_sentence(unit.text, first):
        name = name[:1].lower() + name[1:]  # "Pro-Russian separatists seized ..."
    group = Entry(_slug(name, "group"), name, "group", None, None, ())
    return Located(group, _mention(unit, first, stop), "ner")


def _opens_sentence(text: str, at: int) -> bool:
    """Whether the word at ``at`` begins a sentence, whose capital is no part of a name.

    A group named by the side it takes is written "pro-Russian separatists"
    mid-sentence; at a sentence's start only the capital differs. A title
    or heading keeps its capitals (every word has one there).
    """
    before = text[:at].rstrip(" “\"‘'(")
    return not before or before[-1] in ".!?:"


def _word_start(text: str, at: int) -> int:
    """Where the hyphenated word around ``at`` begins ("pro-Russian" from "Russian")."""
    while at > 0 and not text[at - 1].isspace() and text[at - 1] not in "(“\"'":
        at -= 1
    return at


#: Capitalised words (and the small words inside a name) after an organization's name.
_BODY_RUN = re.compile(r"(?:(?:’s|'s)?\s+(?:[A-Z][\w’'-]*|of|for|and|on|in|the)){1,8}")


def _body_of(
    unit: Unit, start: int, end: int, surface: Surface, gaz: Gazetteer
) -> tuple[Entry, str, int]:
    """A body of a known organization named after it: "the UN Development Programme".

    "The United Nations Children's Fund", "the NATO Parliamentary Assembly",
    "the EU Naval Force": the organization's name opens a longer name that
    ends in a word for a body (``organization_words``), and that body, part
    of the organization, is what acts. The gazetteer's own longer names
    ("UN Security Council") are matched before this is asked. A headline
    capitalises every word, so there a run of capitals names nothing longer.
    Returns the entry, how it was found and where the mention ends: the
    organization's own when no body follows. A body the parser found whole
    is placed by :func:`_acronym_owners`.
    """
    org, text = surface.entry, unit.text
    run = _BODY_RUN.match(text, end)
    if (
        org.type != "organization"
        or unit.kind not in ("claim", "lead_in")
        or run is None
        or not run.group(0).lstrip(" ’'s")[:1].isupper()
    ):
        return org, surface.how, end
    piece = re.split(r"\s+and\s+the\s+", run.group(0))[0]  # "X Programme and the Y Office"
    words = list(re.finditer(r"[\w’'-]+", piece))
    last = next((w for w in reversed(words) if w.group(0) in gaz.org_words | _PROGRAMMES), None)
    if last is None:
        return org, surface.how, end
    stop = end + last.end()
    name = _LEADING_DETERMINER.sub("", text[start:stop])
    kind = "military" if any(w in name.lower().split() for w in _MIL_WORDS) else "organization"
    return Entry(_slug(name, kind), name, kind, None, org.id, ()), "ner", stop


#: Actor types that own a body named after them, and that such a body may be.
_BODY_TYPES = frozenset({"government", "military", "organization"})


def _acronym_owners(located: list[Located]) -> list[Located]:
    """A body whose name opens with another body's acronym is part of it.

    The second half of :func:`_body_of`, for a body found whole (by the
    parser, or a name the text defines) rather than after a gazetteer
    organization: "the HSB Review Panel" of a "Harbour Safety Board (HSB)",
    "the OAS Monitoring Team", "IAEA Board of Governors". An acronym (in
    capitals, as the text spells it) names one body and opens only the names
    of its units, while a single ordinary word ("Army", "Congress") may open
    any name, so only an acronym places a body here; a name of several words
    ("Air Force Research Lab") is left to :func:`newsbrief.links.contained_part_of`.
    Moved here from that function so that one step places an organization's
    bodies: the leave-one-article-out figures and claim rows were
    byte-identical.
    """
    acronyms: dict[str, str] = {}
    for loc in located:
        if loc.entry.type in _BODY_TYPES:
            for name in (loc.entry.name, loc.mention.text):
                if len(name) > 1 and name.isalpha() and name.isupper():
                    acronyms.setdefault(name, loc.entry.id)
    owners: dict[str, str] = {}
    for loc in located:
        entry, words = loc.entry, loc.entry.name.split()
        if entry.type in _BODY_TYPES and entry.part_of is None and len(words) > 1:
            owner = acronyms.get(words[0])
            if owner is not None and owner != entry.id:
                owners.setdefault(entry.id, owner)
    return [
        Located(replace(loc.entry, part_of=owners[loc.entry.id]), loc.mention, loc.how)
        if loc.entry.id in owners
        else loc
        for loc in located
    ]


#: "the Bush administration", "the Biden-Harris Administration": a government named by
#: the surname of the one who leads it (and of a running mate).
_ADMINISTRATION = re.compile(r"\b([A-Z][a-z]+)(?:[-–][A-Z][a-z]+)?\s+[Aa]dministration\b")
#: Offices whose holder heads an administration.
_HEADS = frozenset({"president", "prime minister"})


def _administrations(unit: Unit, known: list[Located], gaz: Gazetteer) -> list[Located]:
    """The state whose government an administration named by its head's surname is.

    "The Bush administration declared", "the Biden administration announced
    aid": the words name the state's government, as the annotators name it
    (the state), though no state's name is written. The surname must find
    listed persons who all headed the same state (:func:`served_body`).
    """
    out: list[Located] = []
    for m in _ADMINISTRATION.finditer(unit.text):
        s, e = m.start(), m.end()
        if any(_overlaps(k.mention, unit, s, e) for k in known):
            continue
        found = served_body(load_leaders().find(m.group(1)), lambda body: None)
        entry = gaz.entry(found[0]) if found is not None and found[1].role in _HEADS else None
        if entry is not None and entry.type == "state":
            out.append(Located(entry, _mention(unit, s, e), "alias"))
    return out


#: "North and South Korea": a word and "and" before a state's name that starts otherwise.
_ELIDED = re.compile(r"\b([A-Z][a-z]+)\s+(?:and|or)\s+$")


#: Entity labels of a capitalised modifier that names a people, place or creed.
_PEOPLE_LABELS = frozenset({"NORP", "GPE", "LOC", "ORG"})


def _named_groups(unit: Unit, span: Span, known: list[Located], gaz: Gazetteer) -> list[Located]:
    """Groups of people the gazetteer does not know, named by who they are.

    "Darfur rebels", "Jewish settlers", "Islamic fundamentalists": a group
    noun of the gazetteer's ``generic_forces`` (``group`` kind) after
    capitalised words that name no state or body the gazetteer knows is a
    group of its own. After a state ("Kenyan protesters") the group is
    already the state's people (:func:`newsbrief.forces.force_after`).
    """
    terms = {t for t, (kind, _) in gaz.force_terms.items() if kind == "group"}
    base = span.start_char
    out = []
    for tok in span:
        if tok.lower_ not in terms or tok.pos_ not in ("NOUN", "PROPN"):
            continue
        mods = {c.i for c in tok.children if c.dep_ in ("compound", "amod")}
        first = tok
        while first.i - 1 in mods and _capitalised_name(span.doc[first.i - 1]):
            first = span.doc[first.i - 1]
        if first.i == tok.i:
            continue
        s, e = first.idx - base, tok.idx + len(tok.text) - base
        if any(_overlaps(k.mention, unit, s, e) for k in known):
            continue
        name = unit.text[s:e]
        entry = Entry(_slug(name, "group"), name, "group", None, None, ())
        out.append(Located(entry, _mention(unit, s, e), "ner"))
    return out


def _capitalised_name(tok: Token) -> bool:
    """A capitalised word that is a name, not a sentence's first word ("Armed rebels")."""
    if not tok.text[:1].isupper() or not tok.is_alpha:
        return False
    return tok.i != tok.sent.start or tok.ent_type_ in _PEOPLE_LABELS


def _names_a_thing(text: str, end: int, gaz: Gazetteer) -> bool:
    """Whether capitalised words after a force's name go on to a thing's ("... Military Talks")."""
    run = _NAME_RUN.match(text, end)
    return run is not None and run.group(0).split()[-1] in gaz.thing_words


def _elided(unit: Unit, found: list[Located], gaz: Gazetteer) -> list[Located]:
    """The first state of "North and South Korea", whose name the text leaves unsaid."""
    out = []
    for loc in found:
        words = loc.entry.name.split()
        if loc.entry.type != "state" or len(words) < 2 or loc.mention.text != loc.entry.name:
            continue
        m = _ELIDED.search(unit.text[: loc.mention.start - unit.start])
        surface = gaz.lookup(" ".join([m.group(1), *words[1:]])) if m else None
        if m is not None and surface is not None and surface.entry.type == "state":
            mention = _mention(unit, m.start(1), m.end(1))
            out.append(Located(surface.entry, mention, "elided"))
    return out


def _in_place_name(before: str, gaz: Gazetteer) -> bool:
    """Whether a name ends a place's name ("Gulf of", "Sea of", "Strait of" before it)."""
    m = _PLACE_OF.search(before)
    return m is not None and m.group(1) in gaz.place_words


def _tokens(span: Span, start: int, end: int) -> Span | None:
    base = span.start_char
    return span.doc.char_span(base + start, base + end, alignment_mode="expand")


def _inside_foreign_name(span: Span, ents: list[Span], start: int, end: int) -> bool:
    """Tell a demonym inside another proper name ("American Enterprise Institute")."""
    base = span.start_char
    for ent in ents:
        s, e = ent.start_char - base, ent.end_char - base
        if s <= start and end <= e and (e - s) > (end - start) + 1:
            tail = ent.text[end - s :].strip().lower()
            if not any(tail.startswith(w) for w in _GOV_WORDS + _MIL_WORDS):
                return True
    return False


def _owned(ent: Span) -> bool:
    """A body someone has ("from its Task Force", "of Germany's Army") is no place."""
    return any(c.dep_ == "poss" for c in ent.root.children)


def _titled(ent: Span, gaz: Gazetteer) -> bool:
    """A bare surname after a lower-case title names a person ("the group's leader Nasrallah").

    So does one set off in apposition to a title, on either side of it
    (:func:`_set_off_by_title`).
    """
    if ent.start > 0 and ent.doc[ent.start - 1].text in gaz.title_nouns:
        return True
    return _set_off_by_title(ent, gaz)


def _set_off_by_title(ent: Span, gaz: Gazetteer) -> bool:
    """Whether a name stands in apposition to a title noun, on either side of it.

    "Kowalczyk, Russia's president, said" and "Russia's president,
    Kowalczyk, said": the two phrases name one referent and the title says
    it is a person; neither order gave an actor before.
    """
    root = ent.root
    roles = [c for c in root.children if c.dep_ == "appos"]
    if root.dep_ == "appos":
        roles.append(root.head)
    return any(r.lemma_.lower() in gaz.title_nouns and r.pos_ == "NOUN" for r in roles)


def _a_place_name(ent: Span) -> bool:
    """A name in "the town of X" is a place's."""
    root = ent.root
    prep = root.head
    return root.dep_ == "pobj" and prep.lower_ == "of" and prep.head.lemma_.lower() in _PLACE_NOUNS


def _not_places(located: list[Located]) -> list[Located]:
    """Drop every mention of a name the text once uses as a place ("in Majdal Shams")."""
    places = {loc.entry.name for loc in located if loc.how == _PLACE}
    return [
        loc
        for loc in located
        if loc.how != _PLACE and not (loc.how == "ner" and loc.entry.name in places)
    ]


def _attachment(span: Span, start: int, end: int) -> Token | None:
    """The token that attaches the mention to its sentence, past coordination.

    "Troops from France and Germany": Germany hangs off France, and it is
    France's attachment ("from") that places both.
    """
    toks = _tokens(span, start, end)
    if toks is None:
        return None
    head = toks.root
    while head.dep_ in ("conj", "appos", "compound") and head.head.i != head.i:
        head = head.head
    return head


def _is_place(span: Span, start: int, end: int, preps: frozenset[str] = _LOCATIVE) -> bool:
    """True when the mention is the object of a locative preposition."""
    head = _attachment(span, start, end)
    return head is not None and head.dep_ == "pobj" and head.head.lower_ in preps


def _sent_from(span: Span, start: int, end: int, gaz: Gazetteer) -> bool:
    """A body after "a statement from", "officials from" sent them: no place.

    "Arrived from X" places a movement and "withdrawal from the treaty" names
    what is left; a noun of words or people sent ("statement", "officials",
    the gazetteer's ``sender_nouns``) makes the body a participant.
    """
    head = _attachment(span, start, end)
    if head is None:
        return False
    prep = head.head
    return prep.lower_ == "from" and prep.head.lemma_.lower() in gaz.sender_nouns


def _mention(unit: Unit, start: int, end: int) -> Mention:
    return Mention(unit.index, unit.start + start, unit.start + end, unit.text[start:end])


def _ner_mentions(unit: Unit, span: Span, known: list[Located], gaz: Gazetteer) -> list[Located]:
    """Named entities the gazetteer does not know, typed from spaCy's label."""
    base = span.start_char
    skip_to = len(unit.label) + 1 if unit.label else 0
    out = []
    for ent in _surnames_relabelled(span.ents, gaz):
        if ent.start_char - base < skip_to or not _looks_like_actor(ent, gaz):
            continue
        kind = _NER_TYPES.get(ent.label_)
        if kind is None or ent.label_ == "NORP":
            continue
        s, e = ent.start_char - base, _name_end(ent, gaz) - base
        s, e, name = _trim_entity(unit.text, s, e)
        if kind == "person":
            s, name = _trim_common_nouns(unit.text, s, e)
        # "the Coalition to [Defeat ISIS]": a name it goes on with is no clash.
        core = min(e, ent.end_char - base)
        if not name or any(_overlaps(k.mention, unit, s, core) for k in known):
            continue
        if kind == "organization":
            in_pp = (_is_place(span, s, e) and not _sent_from(span, s, e, gaz)) or (
                ent.root.dep_ == "pobj" and ent.root.head.lower_ == "of"
            )
            if in_pp and not _employs_a_source(ent) and not _owned(ent):
                continue
            kind = _org_kind(name)
        if kind == "person" and (_is_place(span, s, e, _PERSON_PLACE) or _a_place_name(ent)):
            entry = Entry(_slug(name, kind), name, kind)
            out.append(Located(entry, _mention(unit, s, e), _PLACE))
            continue
        if kind == "person" and len(name.split()) < 2 and not _titled(ent, gaz):
            continue  # a bare surname is resolved against full names later
        entry = Entry(_slug(name, kind), name, kind, None, _affiliation(unit, span, ent, known), ())
        out.append(Located(entry, _mention(unit, s, e), "ner"))
    return _employers(unit, span, out)


def _surnames_relabelled(ents: Sequence[Span], gaz: Gazetteer) -> list[Span]:
    """The entities, with a surname spaCy took for a body or place labelled a person."""
    return [
        ent.doc[ent.start : ent.end].char_span(0, len(ent.text), label="PERSON") or ent
        if _a_surname_taken_for_a_body(ent, gaz)
        else ent
        for ent in ents
    ]


def _a_surname_taken_for_a_body(ent: Span, gaz: Gazetteer) -> bool:
    """A one-word "organization" or "place" set off by a title is a surname ("Novak, the envoy,").

    spaCy's small model labels many an unfamiliar surname ORG or GPE; in
    apposition to a title noun no body or place can stand, so the word is
    the person's name. An acronym or a name the gazetteer knows stays what
    it is.
    """
    word = ent.text
    return (
        ent.label_ in ("ORG", "GPE")
        and len(ent) == 1
        and word[:1].isupper()
        and not word.isupper()
        and gaz.lookup(word) is None
        and _set_off_by_title(ent, gaz)
    )


def _name_end(ent: Span, gaz: Gazetteer) -> int:
    """Where a name ends: spaCy may stop one word short ("Rafael Mariano [Grossi]").

    An organization cut at "to" goes on with its purpose ("Coalition to [Defeat ISIS]").
    """
    if ent.end >= len(ent.doc):
        return ent.end_char
    if ent.label_ == "ORG" and ent[-1].lower_ == "to":
        words = [t for t in ent.doc[ent.end : ent.end + 4] if t.text[:1].isupper()]
        run = [t for k, t in enumerate(words) if t.i == ent.end + k]
        return run[-1].idx + len(run[-1].text) if run else ent.end_char
    if ent.label_ != "PERSON":
        return ent.end_char
    nxt = ent.doc[ent.end]
    if (
        nxt.pos_ == "PROPN"
        and nxt.text[:1].isupper()
        and not nxt.ent_type_
        and nxt.text not in gaz.org_words
        and gaz.lookup(nxt.text) is None
        and (ent.end + 1 >= len(ent.doc) or ent.doc[ent.end + 1].pos_ != "PROPN")
    ):
        return nxt.idx + len(nxt.text)
    return ent.end_char


def _employers(unit: Unit, span: Span, found: list[Located]) -> list[Located]:
    """Make a person part of the organization in their apposition ("X, director of Y")."""
    orgs = [x for x in found if x.entry.type == "organization"]
    out = []
    for loc in found:
        if loc.entry.type == "person" and loc.entry.part_of is None and orgs:
            tok = _tokens(span, loc.mention.start - unit.start, loc.mention.end - unit.start)
            appos = [c for c in tok.root.children if c.dep_ == "appos"] if tok is not None else []
            for org in orgs:
                inside = any(
                    a.idx <= org.mention.start - unit.start + span.start_char < a.idx + 200
                    and org.mention.start - unit.start + span.start_char
                    <= max(t.idx for t in a.subtree)
                    for a in appos
                )
                if inside:
                    loc = Located(replace(loc.entry, part_of=org.entry.id), loc.mention, loc.how)
                    break
        out.append(loc)
    return out


def _employs_a_source(ent: Span) -> bool:
    """Tell the organization of a cited person ("Gregory Poling, director of the AMTI")."""
    node = ent.root
    for _ in range(4):
        if node.dep_ == "appos" and node.head.ent_type_ == "PERSON":
            return True
        if node.head.i == node.i:
            return False
        node = node.head
    return False


def _looks_like_actor(ent: Span, gaz: Gazetteer) -> bool:
    """Keep NER organizations with an organization word or acronym, persons without a place word.

    spaCy's small model over-reaches on headlines, ships and reefs.
    """
    words = [t.text for t in ent]
    if any(w in gaz.media_words for w in words):
        return False
    if ent.label_ == "ORG":
        return any(w in gaz.org_words for w in words) or any(
            len(w) >= 2 and w.isupper() and w.isalpha() and gaz.lookup(w) is None for w in words
        )
    if ent.label_ == "PERSON":
        named = ent.start > 0 and ent.doc[ent.start - 1].lower_ in _NAMING_WORDS
        return not named and not any(w in gaz.place_words for w in words)
    return True


#: Punctuation and quotes a name found by spaCy may carry at either end.
_NAME_EDGES = " ,.;:“”\"'’"
#: A name's last word whose final stop is its own, not the sentence's: a
#: generational suffix ("Joseph R. Biden Jr.", the shed stop read "Jr") or an
#: abbreviation with a stop inside ("Washington, D.C.").
_OWN_STOP = re.compile(r"(?:\b(?:Jr|Sr)|\b(?:[A-Z]\.)+[A-Z])$")


def _shed(piece: str) -> str:
    """The name without the punctuation and quotes at its ends, but its own final stop."""
    name = piece.strip(_NAME_EDGES)
    if _OWN_STOP.search(name) and piece.rstrip(_NAME_EDGES.replace(".", "")).endswith(name + "."):
        return name + "."
    return name


#: A determiner spaCy may take into a name: "[another CFE State Party]" named a
#: release's treaty parties "another CFE State Party". Only "The" is written
#: capitalised: "All Progressives Congress" is a name.
_LEADING_DETERMINER = re.compile(
    r"^(?:the|The|another|any|each|every(?:\s+other)?|other|some|this|that|these|those)\s+"
)


def _trim_entity(text: str, s: int, e: int) -> tuple[int, int, str]:
    piece = text[s:e]
    lead = _LEADING_DETERMINER.match(piece)
    if lead:
        s += lead.end()
    piece = text[s:e]
    paren = piece.find(" (")
    if paren > 0:  # "Center for ... Studies (CSIS": the acronym is a mention of its own
        e = s + paren
        piece = text[s:e]
    trail = re.search(r"(?:’s|'s)$", piece)
    if trail:
        e -= len(trail.group(0))
    return s, e, _shed(text[s:e])


#: Lower-case words that open a person's name: "de Klerk", "al-Sadr", "bin Salman".
_NAME_PARTICLES = frozenset(
    {"al", "bin", "ibn", "da", "de", "del", "der", "di", "dos", "du", "el", "la", "le"}
    | {"ter", "van", "von"}
)


def _trim_common_nouns(text: str, s: int, e: int) -> tuple[int, str]:
    """A person's name opens with a capital: spaCy's span may take the noun before it.

    "on social media platform X. Fabz" comes back as one PERSON, "platform" and
    all; so can a title left in lower case ("spokesman John Kirby") or
    capitalised (:func:`_office_length`). A particle ("de", "al-") is part of
    the name and stays.
    """
    while True:
        lead = re.match(r"([a-z][\w’'-]*)\s+", text[s:e])
        if lead is None or lead.group(1).split("-")[0] in _NAME_PARTICLES:
            break
        s += lead.end()
    s += _office_length(text[s:e])
    return s, _shed(text[s:e])


def _office_length(piece: str) -> int:
    """How many characters of an office open a person's full name ("Mayor Ana Ortiz": 6).

    spaCy may take a capitalised title into the name as it does a lower-case
    one ("Spokesperson Lina Coravel"); left in, the title became part of
    the actor's name and id, and the claims table cited the person with it
    while the graph (which drops the office) did not. Only a full name of two
    words or more is cut: "President Biden" alone keeps its title, as the
    persons step names a titled surname.
    """
    n = office_words_before(piece.split(), keep=2)
    lead = re.match(rf"(?:\S+\s+){{{n}}}", piece) if n else None
    return lead.end() if lead else 0


def _overlaps(m: Mention, unit: Unit, s: int, e: int) -> bool:
    return m.start < unit.start + e and unit.start + s < m.end


def _org_kind(name: str) -> str:
    lower = name.lower()
    if any(w in lower.split() for w in _MIL_WORDS):
        return "military"
    if any(w in lower for w in _GOV_WORDS):
        return "government"
    return "organization"


def _affiliation(unit: Unit, span: Span, ent: Span, known: list[Located]) -> str | None:
    """The state a person serves: "Polish Foreign Minister X", "X of Australia"."""
    if ent.label_ != "PERSON":
        return None
    states = [k for k in known if k.entry.type in ("state", "organization")]
    left = span.doc[max(span.start, ent.start - 5) : ent.start]
    after = span.doc[ent.end : min(ent.end + 3, span.end)]  # ", Jr. of the United States"
    of_objects = [
        obj
        for token in [*ent, *ent.root.subtree, *after]
        for child in token.children
        if child.dep_ == "prep" and child.lower_ == "of"
        for obj in child.children
    ]
    in_phrase = []
    for t in reversed(list(left)):  # the title run just before the name
        if t.pos_ not in ("PROPN", "ADJ", "NOUN") and t.text not in ("-", "’s", "'s"):
            break
        in_phrase.append(t)
    for token in [*in_phrase, *of_objects]:
        start = unit.start + token.idx - span.start_char
        for k in states:
            if k.mention.start <= start < k.mention.end:
                return k.entry.id
    return None


def _slug(name: str, kind: str) -> str:
    name = name.translate(_TRANSLIT)
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    words = re.findall(r"[A-Za-z0-9]+", ascii_name)
    if kind == "person":
        return "-".join(w.lower() for w in words if w not in _HONORIFICS) or "person"
    return "-".join(w.upper() for w in words) or kind.upper()
