"""The typed records passed from one pipeline step to the next.

Every record is a frozen dataclass, so a later step can never quietly change
what an earlier step decided; curation makes new records instead.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .vocabulary import ACTOR_TYPES, CATEGORIES, MODALITIES, POLARITIES

__all__ = [
    "ACTOR_TYPES",
    "CATEGORIES",
    "MODALITIES",
    "POLARITIES",
    "UNIT_KINDS",
    "Actor",
    "Analysis",
    "ArticleInfo",
    "Claim",
    "Evidence",
    "Mention",
    "Relation",
    "Source",
    "Unit",
]

UNIT_KINDS = ("title", "heading", "lead_in", "claim")


@dataclass(frozen=True)
class Source:
    """An article's text after decoding, with where it came from.

    ``text`` is what every offset in the analysis points into: the decoded
    file with newlines normalised (``\\r\\n`` -> ``\\n``), or for HTML the
    extracted headline and body.

    ``line_kinds`` is the structure the file itself marks, when it marks it
    (HTML): one block kind per line of ``text`` ("title", "heading", "item",
    "para", or "" for a blank line and a line the markup does not mark).
    Without it the structure is read from the layout of the text (see
    :func:`newsbrief.units.split_blocks`).
    """

    path: str
    text: str
    sha256: str
    media_type: str
    title: str | None = None
    line_kinds: tuple[str, ...] | None = None
    #: The date the file's metadata gives (a Markdown front matter's
    #: ``date:``), as ``YYYY-MM-DD``: the article's own date, which its text
    #: may not state (see :func:`newsbrief.corpusview.article_date`).
    date: str | None = None


@dataclass(frozen=True)
class Unit:
    """One unit of the article (title, heading, lead_in or claim) with its span."""

    index: int
    kind: str
    start: int
    end: int
    text: str
    section: str | None = None
    label: str | None = None
    paragraph: int = 0
    list_item: bool = False
    #: A dateline ("LIMA, June 2 (Reuters) - ") opened the unit's paragraph and
    #: was left out before it (:data:`newsbrief.units.DATELINE`): the genre's
    #: dateline signal reads this record, as the unit's text no longer shows it.
    dateline: bool = False


@dataclass(frozen=True)
class Mention:
    """Where an actor is named: unit index and character span in the source."""

    unit: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Actor:
    """A participant in the article, with every place it is mentioned."""

    id: str
    name: str
    type: str
    code: str | None = None
    aliases: tuple[str, ...] = ()
    part_of: str | None = None
    mentions: tuple[Mention, ...] = ()
    origin: str = "gazetteer"
    curated: bool = False

    @property
    def first_unit(self) -> int | None:
        """Index of the first unit that mentions the actor, if any."""
        return min((m.unit for m in self.mentions), default=None)


@dataclass(frozen=True)
class Evidence:
    """A sentence (unit) supporting a relation, with the span of its trigger."""

    unit: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Relation:
    """A typed, directed link between two actors, with its evidence.

    ``weak`` relations are co-mentions with no verb linking the two actors:
    kept for the figure, never counted as relations in tables or evaluation.
    """

    source: str
    target: str
    type: str
    polarity: str
    evidence: tuple[Evidence, ...] = ()
    weak: bool = False
    cues: tuple[str, ...] = ()
    curated: bool = False
    event_class: str | None = None

    @property
    def key(self) -> tuple[str, str, str]:
        """Identity of the relation: one record per (source, target, type)."""
        return (self.source, self.target, self.type)


@dataclass(frozen=True)
class Claim:
    """The analyst's reading of one claim unit (or lead_in)."""

    unit: int
    category: str | None
    modality: str | None
    attribution: str
    actors: tuple[str, ...] = ()
    restates: int | None = None
    cues: dict[str, tuple[str, ...]] = field(default_factory=dict)
    curated: tuple[str, ...] = ()


@dataclass(frozen=True)
class ArticleInfo:
    """The article-level header of an analysis."""

    path: str
    title: str
    sha256: str
    words: int
    genre: str = "news"
    date: str | None = None  # the metadata's date (``Source.date``)


@dataclass(frozen=True)
class Analysis:
    """Everything newsbrief extracted from one article."""

    article: ArticleInfo
    text: str
    units: tuple[Unit, ...]
    actors: tuple[Actor, ...]
    relations: tuple[Relation, ...]
    claims: tuple[Claim, ...]

    def claim_for(self, unit_index: int) -> Claim | None:
        """Return the claim record of a unit, or None for titles and headings."""
        for claim in self.claims:
            if claim.unit == unit_index:
                return claim
        return None

    def actor(self, actor_id: str) -> Actor | None:
        """Return the actor with this id, or None."""
        for actor in self.actors:
            if actor.id == actor_id:
                return actor
        return None
