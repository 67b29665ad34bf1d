"""Score the relation extractor on one-sentence event reports coded by others.

Event data sets (PLOVER's gold standard records, derived from the CAMEO
manual) code one sentence each: a source actor, a target actor and the
event's class. Each sentence is analyzed alone, as a one-unit article, so the
figures measure what the pipeline finds in a sentence, not what the rest of
an article lends it. The records are read leniently: the published file is
JSON-like, with trailing commas and ``#`` remarks; the records our own
``graph --format plover`` export writes are read too (``sourceName``,
``targetName``, ``eventType``, ``sentence``).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .errors import NewsbriefError

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from .analysis import Settings
    from .model import Analysis

__all__ = [
    "EVENT_CLASS_ALIASES",
    "EventRecord",
    "GoldActor",
    "RecordScore",
    "analyze_record",
    "evaluate_events",
    "format_event_scores",
    "parse_event_records",
    "score_record",
    "summarise",
]

#: Classes the older PLOVER drafts named differently from our vocabulary:
#: DEMAND became REQUEST, and DIPLOMACY (praise, defend, apologise, sign
#: a treaty) is the draft's name for what PLOVER now codes as SUPPORT.
EVENT_CLASS_ALIASES = {"DEMAND": "REQUEST", "DIPLOMACY": "SUPPORT"}

_TRAILING_COMMA = re.compile(r",(\s*[}\]])")
_REMARK = re.compile(r"[ \t]+#+[ \t]*$", re.MULTILINE)
#: ``(SRC: name)``, ``(TAR: name)``, ``(SRC/TAR: name)``; a name may hold one
#: parenthesis of its own ("Revolutionary United Front (RUF)").
_TAG = re.compile(r"\((SRC/TAR|SRC|TAR): ((?:[^()]|\([^()]*\))+)\)")


@dataclass(frozen=True)
class GoldActor:
    """A coded actor: its words and where they stand in the sentence (None: not found)."""

    text: str
    start: int | None = None
    end: int | None = None


@dataclass(frozen=True)
class EventRecord:
    """One coded sentence. No target and several sources: the sources acted together."""

    id: str
    text: str
    event: str
    sources: tuple[GoldActor, ...]
    targets: tuple[GoldActor, ...]

    @property
    def pairs(self) -> list[tuple[GoldActor, GoldActor]]:
        """The actor pairs of which one linked pair finds the event."""
        if self.targets:
            return [(s, t) for s in self.sources for t in self.targets]
        members = self.sources
        return [(a, b) for i, a in enumerate(members) for b in members[i + 1 :]]


@dataclass(frozen=True)
class RecordScore:
    """What the analysis of one record's sentence found."""

    id: str
    event: str
    source_found: bool
    has_pair: bool
    pair_found: bool
    class_found: bool
    cooccurring: bool


def parse_event_records(text: str) -> list[EventRecord]:
    """Read PLOVER-style records; drop repeats of a sentence and records naming no actor.

    A sentence coded twice is kept once (its first record), so that a split
    into halves cannot hold the same sentence on both sides.
    """
    body = _TRAILING_COMMA.sub(r"\1", _REMARK.sub("", text)).strip()
    if not body.startswith("["):
        body = "[" + body + "]"
    try:
        data = json.loads(_TRAILING_COMMA.sub(r"\1", body))
    except (json.JSONDecodeError, RecursionError) as exc:
        problem = "nested too deeply" if isinstance(exc, RecursionError) else str(exc)
        raise NewsbriefError(f"event records: not JSON-like ({problem})") from None
    if not isinstance(data, list):
        raise NewsbriefError("event records: expected a list of records")
    records: list[EventRecord] = []
    seen: set[str] = set()
    for i, item in enumerate(data):
        record = _record(item, i)
        if record is None or record.text in seen:
            continue
        seen.add(record.text)
        records.append(record)
    return records


def _record(item: Any, index: int) -> EventRecord | None:
    if not isinstance(item, dict):
        raise NewsbriefError(f"event record {index}: not an object")
    text = str(item.get("text") or item.get("sentence") or "")
    event = str(item.get("event") or item.get("eventType") or "").upper()
    markup = str((item.get("textInfo") or {}).get("markup", ""))
    sources = _names(item.get("source"), item.get("sourceName"))
    targets = _names(item.get("target"), item.get("targetName"))
    if not text or not any(sources):
        return None
    tags = _tags(markup, text)
    both = tags.get("SRC/TAR", [])
    return EventRecord(
        id=str(item.get("id", index)),
        text=text,
        event=EVENT_CLASS_ALIASES.get(event, event),
        sources=_members(sources, tags.get("SRC", []) + both, text),
        targets=_members(targets, tags.get("TAR", []), text) if any(targets) else (),
    )


def _names(value: Any, name: Any) -> list[str]:
    if isinstance(name, str) and name:
        return [name]
    if isinstance(value, str):
        return [value] if value else []
    if isinstance(value, list):
        return [str(v.get("actorText", "")) for v in value if isinstance(v, dict)]
    return []


def _tags(markup: str, text: str) -> dict[str, list[GoldActor]]:
    """The tagged names that occur in the sentence, located left to right."""
    found: dict[str, list[GoldActor]] = {}
    cursor = 0
    for m in _TAG.finditer(markup):
        name = m.group(2).strip()
        at = _find(text, name, cursor)
        if at is None:
            continue
        cursor = at + len(name)
        found.setdefault(m.group(1), []).append(GoldActor(name, at, at + len(name)))
    return found


def _members(names: list[str], tagged: list[GoldActor], text: str) -> tuple[GoldActor, ...]:
    """The side's actors: the located tags, else each coded name (located when it occurs)."""
    if tagged:
        return tuple(tagged)
    out = []
    for name in names:
        if not name:
            continue
        at = _find(text, name, 0)
        out.append(GoldActor(name, at, None if at is None else at + len(name)))
    return tuple(out)


def _find(text: str, name: str, start: int) -> int | None:
    at = text.find(name, start)
    if at < 0:
        at = text.lower().find(name.lower(), start)
    return None if at < 0 else at


def _matches(actor: Any, gold: GoldActor) -> bool:
    """An actor is the coded one when a mention overlaps its words, or the names agree."""
    start, end = gold.start, gold.end
    if (
        start is not None
        and end is not None
        and any(m.start < end and start < m.end for m in actor.mentions)
    ):
        return True
    name = gold.text.casefold()
    return name in {actor.id.casefold(), actor.name.casefold()} | {
        a.casefold() for a in actor.aliases
    }


def score_record(record: EventRecord, analysis: Analysis | None) -> RecordScore:
    """Score one record against the analysis of its sentence.

    A pair is found when a (non-weak) relation links an actor of one coded
    side to a different actor of the other, either way round; with class when
    that relation's PLOVER class is the record's. The co-occurrence baseline
    finds a pair whenever both sides' actors were recognised at all.
    """
    actors = analysis.actors if analysis else ()
    relations = analysis.relations if analysis else ()

    def ids(gold: GoldActor) -> set[str]:
        return {a.id for a in actors if _matches(a, gold)}

    source_found = any(ids(g) for g in record.sources)
    pairs = [(ids(a), ids(b)) for a, b in record.pairs]
    linked = [
        r
        for r in relations
        if not r.weak
        and any(
            (r.source in x and r.target in y) or (r.source in y and r.target in x) for x, y in pairs
        )
    ]
    return RecordScore(
        id=record.id,
        event=record.event,
        source_found=source_found,
        has_pair=bool(pairs),
        pair_found=bool(linked),
        class_found=any(r.event_class == record.event for r in linked),
        cooccurring=any(a != b for x, y in pairs for a in x for b in y),
    )


def summarise(scores: Sequence[RecordScore]) -> dict[str, Any]:
    """Counts and rates, overall and per coded class."""

    def block(group: Sequence[RecordScore]) -> dict[str, Any]:
        paired = [s for s in group if s.has_pair]
        return {
            "records": len(group),
            "source_found": _rate(sum(s.source_found for s in group), len(group)),
            "pairs": len(paired),
            "pair_found": _rate(sum(s.pair_found for s in paired), len(paired)),
            "pair_class": _rate(sum(s.class_found for s in paired), len(paired)),
            "cooccurrence": _rate(sum(s.cooccurring for s in paired), len(paired)),
        }

    classes = sorted({s.event for s in scores})
    return {
        "all": block(scores),
        "classes": {c: block([s for s in scores if s.event == c]) for c in classes},
    }


def _rate(hits: int, total: int) -> float:
    return round(hits / total, 3) if total else 0.0


def analyze_record(record: EventRecord, settings: Settings | None = None) -> Analysis | None:
    """The analysis of the record's sentence alone; None when it holds no sentence to read."""
    from .analysis import Settings, analyze  # spaCy: loaded only when scoring
    from .article import source_from_text

    try:
        return analyze(source_from_text(record.text, path=record.id), settings or Settings())
    except NewsbriefError:
        return None


def evaluate_events(
    text: str, settings: Settings | None = None
) -> list[tuple[str, list[RecordScore]]]:
    """Analyze every record's sentence alone and score it; by half, then all.

    Records are halved as the gold articles are: even positions (after
    dropping repeats) are the development half, odd ones the held-out half.
    """
    records = parse_event_records(text)
    if not records:
        # An empty file or a JSON object of other fields printed a table of zeros.
        raise NewsbriefError("event records: none has a sentence (text) and a source actor")
    scores = [score_record(r, analyze_record(r, settings)) for r in records]
    return [("development", scores[0::2]), ("held-out", scores[1::2]), ("all", scores)]


_COLUMNS = (
    ("class", 12),
    ("records", 8),
    ("source", 8),
    ("pairs", 7),
    ("pair", 7),
    ("+class", 8),
    ("co-occ", 8),
)


def format_event_scores(halves: Iterable[tuple[str, Sequence[RecordScore]]]) -> str:
    """A text table per half: records, source found, pairs, pair found, +class, baseline."""
    lines = []
    head = "".join(
        f"{word:{'<' if i == 0 else '>'}{width}}" for i, (word, width) in enumerate(_COLUMNS)
    )
    for name, scores in halves:
        summary = summarise(scores)
        lines += [f"{name}:", head]
        rows = [("ALL", summary["all"]), *summary["classes"].items()]
        for label, b in rows:
            lines.append(
                f"{label:<12}{b['records']:>8}{b['source_found']:>8.3f}{b['pairs']:>7}"
                f"{b['pair_found']:>7.3f}{b['pair_class']:>8.3f}{b['cooccurrence']:>8.3f}"
            )
        lines.append("")
    return "\n".join(lines)
