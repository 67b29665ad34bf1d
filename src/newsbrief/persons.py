"""Persons named by title, and the state or body each person serves.

spaCy's small model tags "President Biden" or "Secretary General
Stoltenberg" as a one-word person, which the actor step drops (a bare
surname needs a full name to resolve to). A title in front is enough to know
it is a person, so these become actors here. A person's ``part_of`` (the
state, ministry, force or group they lead or speak for) is read from the
words around any of their mentions: the title run before the name ("Kenya's
President William Ruto", "Chinese Foreign Ministry spokesperson Mao Ning"),
an apposition ("Yahya Sare'e, the Houthi spokesperson"), or "of" after the
name ("President Duda of Poland"). The relation step turns it into a
``part_of`` edge, which the gold corpus counts.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from .actors import Located
from .gazetteer import Entry
from .headlines import headline_name
from .homes import home_state, quoted
from .identity import by_unit
from .leaders import load_leaders, served_body
from .model import Mention
from .offices import colleagues_state, office_state
from .parsed import covered_tokens, mention_span
from .signatures import signatories
from .speakers import labelled_speakers
from .titles import OFFICE_WORDS

if TYPE_CHECKING:
    from collections.abc import Sequence

    from spacy.tokens import Span, Token

    from .gazetteer import Gazetteer
    from .model import Unit

__all__ = [
    "LISTED_CUE",
    "Affiliation",
    "affiliations",
    "listed_bodies",
    "titled_persons",
    "with_affiliations",
]

#: How an affiliation from the dictionary of office holders starts its cue.
LISTED_CUE = "known office holder:"
#: The actor types a person can be part of.
_BODIES = frozenset({"state", "organization", "group", "government", "military"})
#: Words of a title that name a state's force or ministry ("chief of navy", "Defense Minister").
_SERVICE_WORDS = frozenset(  # a word list reads best as words
    """navy army air military defense defence foreign police guard marine marines""".split()  # noqa: SIM905
)
#: Lower-case words inside the name of a body a title heads ("Chiefs of Staff", "the Treasury").
_BODY_GLUE = frozenset({"of", "the", "and"})
#: Dependencies of a person who is the subject of a verb.
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
#: Dependencies that start a clause of its own below a verb (what is said, why, when).
_CLAUSES = frozenset({"ccomp", "advcl", "relcl", "acl", "parataxis", "conj", "csubj", "punct"})
_TITLE_RUN = frozenset({"PROPN", "ADJ", "NOUN", "PART"})
_MAX_LEFT = 6
_ARTICLE_PREFIX = re.compile(r"^(?:[Aa]l|[Ee]l|[Aa]d|[Aa]s)[-‑]")
#: Lower-case titles before a name that make a person an official of some state.
_TITLE_NOUNS = frozenset(  # a word list reads best as words
    """president minister secretary spokesperson spokesman spokeswoman premier
    chancellor ambassador envoy general commander governor senator adviser advisor""".split()  # noqa: SIM905
)


@dataclass(frozen=True)
class Affiliation:
    """A person's ``part_of`` and the words it was read from."""

    person: str
    body: str
    cue: str


def _covered(unit: Unit, span: Span, located: Sequence[Located]) -> dict[int, Located]:
    """Token index -> the explicit mention covering it, in this unit."""
    out: dict[int, Located] = {}
    for i, loc in covered_tokens(unit, span, located):
        out.setdefault(i, loc)
    return out


def _slug(name: str) -> str:
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return "-".join(w.lower() for w in re.findall(r"[A-Za-z0-9]+", ascii_name)) or "person"


def _surname(name: str) -> str:
    """The key a surname is known by: "Al-Sudani" and "Sudani" are one."""
    words = [w.strip(",.") for w in _personal_words(name)]
    last = words[-1] if words else name
    if last in ("Jr", "Sr", "II", "III") and len(words) > 1:
        last = words[-2]
    return _ARTICLE_PREFIX.sub("", last)


def _personal_words(name: str) -> list[str]:
    """A titled name's words but its title's: "Secretary of State Blinken" -> ["Blinken"].

    "of" and "the" join a title to its body; left in, "of Blinken" read as a
    two-word name whose first word "of" was a family name.
    """
    return [w for w in name.split() if w not in OFFICE_WORDS and w not in _BODY_GLUE]


def _name_run(span: Span, start: int, covered: dict[int, Located]) -> tuple[int, int] | None:
    """The name tokens [i, j) after a run of title words that starts at ``start``."""
    i = start
    while i < span.end and span.doc[i].text in OFFICE_WORDS and i not in covered:
        i += 1
    if i == start:
        return None
    j = i
    while (
        j < span.end
        and j - i < 3
        and span.doc[j].pos_ == "PROPN"
        and span.doc[j].text[:1].isupper()
        and span.doc[j].text not in OFFICE_WORDS
        and j not in covered
        and span.doc[j].ent_type_ in ("PERSON", "")
    ):
        j += 1
    if j == i or (j < span.end and span.doc[j].pos_ == "PROPN" and j not in covered):
        return None  # a longer proper name ("President Biden Administration") is not a person
    if j < span.end and j in covered and covered[j].entry.type == "person":
        return None  # "President Joe Biden" with "Biden" known: that person, named already
    if span.doc[j - 1].ent_type_ != "PERSON":
        return None  # "Security Operations": title words before a thing's name
    return i, j


def _body_end(span: Span, k: int) -> int | None:
    """The end of "<Title> of (the) <Body>" starting at ``k``, or None for a title without "of".

    "Secretary of State Blinken", "Minister of Foreign Affairs Holm": the
    capitalised words after "of" name the body the title heads and then the
    person, so the title starts at "Secretary", never at the office word
    "State" inside the body's name (which made the person "State Blinken").
    """
    i = k
    while i < span.end and span.doc[i].text in OFFICE_WORDS:
        i += 1
    if i + 1 >= span.end or span.doc[i].lower_ != "of":
        return None
    e = i + 1
    while e < span.end:
        tok = span.doc[e]
        capital = tok.text[:1].isupper() and tok.is_alpha
        glue = tok.lower_ in _BODY_GLUE and e + 1 < span.end and span.doc[e + 1].text[:1].isupper()
        if not (capital or glue):
            break
        e += 1
    return e if e > i + 1 else None


def _body_title_name(
    span: Span, k: int, end: int, covered: dict[int, Located]
) -> tuple[int, int] | None:
    """The name tokens [i, end) that close "<Title> of <Body> <Name>", or None.

    The parse cannot tell where the body's name ends, so the name is the
    trailing run the entity recogniser tags as a person, after at least one
    body word; a name an explicit mention covers is that person, named already.
    """
    first = next(x for x in range(k, end) if span.doc[x].lower_ == "of") + 1
    while span.doc[first].lower_ in _BODY_GLUE:
        first += 1
    i = end
    while (
        i - 1 > first
        and end - i < 3
        and span.doc[i - 1].ent_type_ == "PERSON"
        and span.doc[i - 1].pos_ == "PROPN"
        and span.doc[i - 1].text not in OFFICE_WORDS
        and i - 1 not in covered
    ):
        i -= 1
    return (i, end) if i < end and end - 1 not in covered else None


def _body_before(
    span: Span, k: int, name: int, covered: dict[int, Located], departments: frozenset[str]
) -> int:
    """Where a title starts when a department's name comes before it ("Commerce Secretary X").

    The field words are no title words, so the title run began after them and
    the person was "Secretary X"; the gazetteer's department names tell them.
    """
    for n in (3, 2, 1):
        start = k - n
        if start < span.start or any(x in covered for x in range(start, k)):
            continue
        for e in range(k, name):  # "Homeland Security Secretary": "Security" is an office word
            if span.doc[start:e].text in departments:
                return start
    return k


def _title_at(
    unit: Unit, span: Span, k: int, covered: dict[int, Located]
) -> tuple[tuple[int, int] | None, int]:
    """The name a title starting at ``k`` is followed by, and where to look next without one.

    The office words of a body a title heads ("State" of "Secretary of
    State") start no title of their own.
    """
    tok = span.doc[k]
    if tok.text not in OFFICE_WORDS or (k > span.start and span.doc[k - 1].text in OFFICE_WORDS):
        return None, k + 1
    headed = _body_end(span, k)
    if headed is not None:
        return _body_title_name(span, k, headed, covered), headed
    run = _name_run(span, k, covered) or headline_name(unit, span, k, covered, OFFICE_WORDS)
    return run, k + 1


def titled_persons(
    units: Sequence[Unit],
    spans: Sequence[Span],
    located: Sequence[Located],
    departments: frozenset[str] = frozenset(),
) -> list[Located]:
    """Persons named by a title and a surname, and their later bare surnames.

    A surname already known from a full name resolves to that person.
    ``departments`` are the fields the gazetteer's departments are named by
    (:func:`newsbrief.offices.department_fields`): a body's words around a
    title ("Commerce Secretary X", "Secretary of the Treasury X").

    Examples
    --------
    "President Biden said ..." -> a person ``biden`` named "President Biden".
    """
    persons: dict[str, Entry] = {}
    for loc in located:
        if loc.entry.type == "person":
            persons.setdefault(_surname(loc.entry.name), loc.entry)
    for first, known in _family_names(located).items():
        persons.setdefault(first, known)
    out: list[Located] = []
    mine = by_unit(located)
    for unit, span in zip(units, spans, strict=True):
        if unit.kind not in ("claim", "lead_in", "title", "heading"):
            continue
        covered = _covered(unit, span, mine.get(unit.index, []))
        # Most words are no office word: skip them without building their Token
        # again in :func:`_title_at` (which would only step past them).
        texts = [t.text for t in span]
        k = span.start
        while k < span.end:
            if texts[k - span.start] not in OFFICE_WORDS:
                k += 1
                continue
            run, past = _title_at(unit, span, k, covered)
            if run is None:
                k = past
                continue
            i, j = run
            k = _body_before(span, k, i, covered, departments)
            name = span.doc[i:j].text
            entry = persons.get(_surname(name))
            if entry is None:
                entry = Entry(_slug(name), span.doc[k:j].text, "person")
                persons[_surname(name)] = entry
            start = unit.start + span.doc[k].idx - span.start_char
            end = unit.start + span.doc[j - 1].idx + len(span.doc[j - 1].text) - span.start_char
            out.append(
                _located(
                    entry,
                    Mention(
                        unit.index, start, end, unit.text[start - unit.start : end - unit.start]
                    ),
                )
            )
            k = j
    signed = signatories(units, [*located, *out], OFFICE_WORDS)
    signed += labelled_speakers(units, spans, [*located, *out, *signed], OFFICE_WORDS)
    return out + _bare_surnames(units, spans, [*located, *out], persons) + signed


def _family_names(located: Sequence[Located]) -> dict[str, Entry]:
    """First words of two-word names that no other person shares ("Xi" of "Xi Jinping").

    Chinese and Korean names put the family name first, so "President Xi"
    is the person named "Xi Jinping"; a first word two persons share
    ("Kim") names neither.
    """
    seen: dict[str, set[str]] = {}
    entries: dict[str, Entry] = {}
    for loc in located:
        words = _personal_words(loc.entry.name)
        if loc.entry.type == "person" and len(words) == 2:
            seen.setdefault(words[0], set()).add(loc.entry.id)
            entries[words[0]] = loc.entry
    return {w: entries[w] for w, ids in seen.items() if len(ids) == 1}


def _located(entry: Entry, mention: Mention, how: str = "title") -> Located:
    return Located(entry, mention, how)


def _bare_surnames(
    units: Sequence[Unit],
    spans: Sequence[Span],
    located: Sequence[Located],
    persons: dict[str, Entry],
) -> list[Located]:
    """Later bare surnames ("Biden said") of persons first named by title here."""
    new = {
        s: e
        for s, e in persons.items()
        if not any(x.entry.id == e.id for x in located if x.how != "title")
    }
    out: list[Located] = []
    if not new:
        return out
    mine = by_unit(located)
    for unit, span in zip(units, spans, strict=True):
        covered = _covered(unit, span, mine.get(unit.index, []))
        for tok in span:
            entry = new.get(_surname(tok.text))
            if entry is None or tok.pos_ != "PROPN" or tok.i in covered:
                continue
            start = unit.start + tok.idx - span.start_char
            out.append(
                _located(
                    entry, Mention(unit.index, start, start + len(tok.text), tok.text), "surname"
                )
            )
    return out


def affiliations(
    units: Sequence[Unit],
    spans: Sequence[Span],
    located: Sequence[Located],
    gazetteer: Gazetteer | None = None,
) -> dict[str, Affiliation]:
    """Person id -> the body the text says the person serves.

    Evidence read at a mention (its title, an apposition, "Secretary of X"
    with the gazetteer's "Department of X") wins over the dictionary of known
    office holders (:mod:`newsbrief.leaders`), and both win over any
    mention's guess from the sentence's one state or the article's; among
    each kind the first wins. Persons whose gazetteer entry or actor step
    already gave a ``part_of`` are left as they are.
    """
    known = {loc.entry.id for loc in located if loc.entry.part_of}
    forces = _services(located)
    home = home_state(located)
    listed = listed_bodies(located, known, gazetteer)
    out: dict[str, Affiliation] = {}
    weak: dict[str, Affiliation] = {}
    grouped = by_unit(located)
    text = {u.index: u for u in units}
    for unit, span in zip(units, spans, strict=True):
        mine = grouped.get(unit.index, [])
        if not any(x.entry.type == "person" for x in mine):
            continue
        near = _read_at_mentions(unit, span, mine, known, out, gazetteer, forces)
        # A state another person of the sentence serves ("Biden met Xi of China") is theirs.
        claimed = _served(mine, {**listed, **out})
        for loc in mine:
            pid = loc.entry.id
            if pid not in near or pid in out or pid in weak:
                continue
            intro = _introduced(text, unit, span, loc, grouped)
            if intro is not None:
                out[pid] = Affiliation(pid, intro[0], intro[1])
                continue
            if pid in listed:
                continue
            guess = _state_in_context(span, loc, near[pid], home, claimed)
            if guess is not None:
                weak[pid] = Affiliation(pid, guess[0], guess[1])
    state = colleagues_state((a.body, a.cue) for a in out.values())
    if state is not None:
        weak = {
            k: replace(v, body=state, cue=f"a colleague's state ({v.cue})") for k, v in weak.items()
        }
    return {**listed, **out, **{k: v for k, v in weak.items() if k not in out}}


def listed_bodies(
    located: Sequence[Located], known: set[str], gazetteer: Gazetteer | None
) -> dict[str, Affiliation]:
    """Person id -> the body the dictionary of office holders gives a person's name.

    Of the bodies a person served, the one the article names (or whose
    state or organization it names: "EU" for the European Commission) wins,
    else the latest; persons the actor step placed already are skipped.

    Examples
    --------
    "President Putin" -> ``RUS``; "Jens Stoltenberg" in an article naming NATO -> ``NATO``.
    """
    ids = {loc.entry.id for loc in located}

    def present(body: str) -> str | None:
        entry = gazetteer.entry(body) if gazetteer else None
        parent = entry.part_of if entry else None
        return body if body in ids else parent if parent in ids else None

    leaders = load_leaders()
    out: dict[str, Affiliation] = {}
    for loc in located:
        pid = loc.entry.id
        if loc.entry.type != "person" or pid in known or pid in out:
            continue
        name = " ".join(_personal_words(loc.entry.name))
        found = served_body(leaders.find(name), present)
        if found is not None:
            body, office = found
            years = f"{office.start}-{office.end or ''}"
            out[pid] = Affiliation(pid, body, f"{LISTED_CUE} {office.role} {years}")
    return out


def _read_at_mentions(
    unit: Unit,
    span: Span,
    mine: Sequence[Located],
    known: set[str],
    out: dict[str, Affiliation],
    gazetteer: Gazetteer | None,
    forces: dict[tuple[str, str], str] | None = None,
) -> dict[str, dict[int, Located]]:
    """Add to ``out`` what this sentence says at each person's mention; return their context.

    The context of a person is the mentions on the same side of a quotation
    mark: what a person says ("Hegseth: “... Iran’s ability”") is not whom
    they serve.
    """
    covered = _covered(unit, span, mine)
    said = quoted(span)
    near: dict[str, dict[int, Located]] = {}
    for loc in mine:
        pid = loc.entry.id
        if loc.entry.type != "person" or pid in known or pid in out:
            continue
        inside = next((said[i] for i, x in covered.items() if x is loc), False)
        near[pid] = {i: x for i, x in covered.items() if said[i] == inside}
        found = _body_near(unit, span, loc, near[pid], forces or {}) or (
            office_state(unit, loc.mention, gazetteer) if gazetteer else None
        )
        if found is not None:
            out[pid] = Affiliation(pid, found[0], found[1])
    return near


def _introduced(
    text: dict[int, Unit],
    unit: Unit,
    span: Span,
    loc: Located,
    grouped: dict[int, list[Located]],
) -> tuple[str, str] | None:
    """The body whose role noun first introduced the person ("a Chilean army spokesman").

    "A Chilean army spokesman said ... spokesman Tomas Rojas said": news names
    a speaker by role first ("a Pentagon spokesman", "an army spokeswoman")
    and by name a sentence later, with the role noun again as the title; the
    body before the role noun, in that sentence or the one before, is whom
    the person speaks for. A state before it is left to the state guesses.
    """
    toks = mention_span(unit, span, loc.mention)
    if toks is None or not len(toks) or toks.start == span.start:
        return None
    role = span.doc[toks.start - 1]
    if role.lemma_.lower() not in _TITLE_NOUNS or not role.is_lower:
        return None
    for index in (unit.index - 1, unit.index):
        for other in grouped.get(index, []):
            if other.entry.type not in _BODIES or other.entry.type == "state":
                continue
            said = text[index].text[other.mention.end - text[index].start :]
            if re.match(rf"\s+{re.escape(role.lower_)}\b", said, re.IGNORECASE):
                return other.entry.id, f"introduced as: {other.mention.text} {role.lower_}"
    return None


def _served(mine: Sequence[Located], found: dict[str, Affiliation]) -> set[str | None]:
    """What the persons of a sentence serve, by evidence read at a mention or the gazetteer."""
    return {
        found[x.entry.id].body if x.entry.id in found else x.entry.part_of
        for x in mine
        if x.entry.type == "person" and (x.entry.id in found or x.entry.part_of)
    }


def _state_in_context(
    span: Span,
    loc: Located,
    covered: dict[int, Located],
    home: str | None,
    claimed: set[str | None],
) -> tuple[str, str] | None:
    """A titled person's state when the title names none ("President William Ruto").

    The one state named in the same sentence that no other person of the
    sentence serves, else the article's only state; a state the person's own
    verb acts on is neither (:func:`_acted_on`).
    """
    title = [w for w in loc.mention.text.split() if w in OFFICE_WORDS]
    first = next((t for t in span if t.i in covered and covered[t.i] is loc), None)
    if first is not None:
        left = span.doc[max(span.start, first.i - 3) : first.i]
        title += [t.text for t in left if t.lemma_.lower() in _TITLE_NOUNS]
    if not title:
        return None
    acted_on = _acted_on(first) if first is not None else set()
    named = {i: x.entry.id for i, x in covered.items() if x.entry.type == "state"}
    other_party = {sid for i, sid in named.items() if i in acted_on}
    states = {sid for i, sid in named.items() if i not in acted_on} - claimed
    if len(states) == 1:
        return next(iter(states)), f"the state of the sentence ({title[0]})"
    if home is not None and home not in other_party:
        return home, f"the article's state ({title[0]})"
    return None


def _acted_on(first: Token) -> set[int]:
    """Token indices of the person's own verb's other arguments, within its clause.

    "President Kowalczyk criticized Russia": the state a person's verb acts
    on (its object, a preposition's object, the passive's agent) is the
    other party of the act, not the person's state, and taking it made the
    relation one to the person's own state, which is dropped. A state in a
    clause the verb only reports ("President X said Kenya would ...") is
    left as evidence. A verb coordinated with the person's own and with no
    subject of its own ("arrived and criticized Russia") is the person's too.
    """
    subject = first
    while subject.dep_ == "compound" and subject.head.i != subject.i:
        subject = subject.head
    verb = _own_verb(subject)
    if verb is None:
        return set()
    verbs = [verb]
    verbs += [
        c
        for c in verb.children
        if c.dep_ == "conj"
        and c.pos_ in ("VERB", "AUX")
        and not any(g.dep_ in _SUBJECTS for g in c.children)
    ]
    out: set[int] = set()
    for v in verbs:
        for child in v.children:
            if child.i != subject.i and child.dep_ not in _CLAUSES:
                out.update(t.i for t in child.subtree if not _in_clause(t, v))
    return out


def _own_verb(person: Token) -> Token | None:
    """The verb whose subject or object the person is, else None.

    As the object ("Russia criticized President Kowalczyk") the person is
    the one acted on, and the subject is the other party just the same, also
    as the receiver the parser marks ``dative`` ("sent a letter to President
    Kowalczyk", "issued a warning to", "gave President Kowalczyk a medal").
    """
    if person.dep_ in _SUBJECTS or person.dep_ in ("dobj", "dative"):
        return person.head
    if person.dep_ == "pobj" and person.head.dep_ in ("prep", "agent", "dative"):
        return person.head.head
    return None


def _in_clause(tok: Token, verb: Token) -> bool:
    """Whether a clause of its own lies between ``tok`` and ``verb``."""
    while tok.i != verb.i and tok.head.i != tok.i:
        if tok.dep_ in _CLAUSES:
            return True
        tok = tok.head
    return False


def _body_near(
    unit: Unit,
    span: Span,
    loc: Located,
    covered: dict[int, Located],
    forces: dict[tuple[str, str], str],
) -> tuple[str, str] | None:
    toks = mention_span(unit, span, loc.mention)
    if toks is None or not len(toks):
        return None

    def body(tok: Token) -> str | None:
        other = covered.get(tok.i)
        if other is None or other.entry.type not in _BODIES or other.entry.id == loc.entry.id:
            return None
        return other.entry.id

    found = _title_body(span, toks.start, body)
    if found is not None:
        left = span.doc[max(span.start, toks.start - _MAX_LEFT) : toks.start]
        return _in_service(found, [*left, *toks], forces)
    root = toks.root
    near = [
        c for c in root.children if c.dep_ == "appos" or (c.dep_ == "prep" and c.lower_ == "of")
    ]
    if root.dep_ == "appos":
        near.append(root.head)
    for node in near:
        for tok in node.subtree if node.i != root.head.i else _own_words(node, root):
            if abs(tok.i - root.i) <= 10 and body(tok):
                found = str(body(tok)), f"apposition: {tok.text}"
                return _in_service(found, list(node.subtree), forces)
    return None


def _services(located: Sequence[Located]) -> dict[tuple[str, str], str]:
    """(state, service word) -> the one force or ministry of the article it names.

    "Royal Australian Navy" under ``AUS`` gives ``(AUS, navy)``; a word two
    bodies of one state share names neither.
    """
    seen: dict[tuple[str, str], set[str]] = {}
    for loc in located:
        e = loc.entry
        if e.type not in ("military", "government") or not e.part_of:
            continue
        for word in re.findall(r"[a-z]+", e.name.lower()):
            if word in _SERVICE_WORDS:
                seen.setdefault((e.part_of, word), set()).add(e.id)
    return {k: next(iter(v)) for k, v in seen.items() if len(v) == 1}


def _in_service(
    found: tuple[str, str], words: Sequence[Token], forces: dict[tuple[str, str], str]
) -> tuple[str, str]:
    """The state's force or ministry when the title names its service ("Australia's chief of navy").

    The annotation makes a person part of the body they lead or speak for;
    the state word in the title is only whose body it is ("Israeli Air Force
    commander", "Japan's defense minister" with the ministry an actor).
    """
    for tok in words:
        body = forces.get((found[0], tok.lower_))
        if body is not None:
            return body, f"{found[1]} {tok.text}"
    return found


def _title_body(span: Span, start: int, body) -> tuple[str, str] | None:
    """The body named in the title run before a name; none for "Ambassador to Israel"."""
    hit: tuple[str, str] | None = None
    for tok in reversed(list(span.doc[max(span.start, start - _MAX_LEFT) : start])):
        if tok.lower_ in ("to", "in"):
            return None
        if tok.pos_ not in _TITLE_RUN and tok.text not in ("-", "’s", "'s", "’", "'", "(", ")"):
            break
        if hit is None and body(tok):
            hit = str(body(tok)), f"title: {tok.text}"
    return hit


def _own_words(head: Token, skip: Token) -> list[Token]:
    """The head's phrase without the subtree of ``skip`` ("Hamas' leader, X")."""
    inner = {t.i for t in skip.subtree}
    return [t for t in head.subtree if t.i not in inner and t.i <= skip.i]


def with_affiliations(located: Sequence[Located], found: dict[str, Affiliation]) -> list[Located]:
    """Give every mention of an affiliated person the entry with its ``part_of``."""
    return [
        replace(loc, entry=replace(loc.entry, part_of=found[loc.entry.id].body))
        if loc.entry.id in found
        else loc
        for loc in located
    ]
