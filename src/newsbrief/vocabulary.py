"""Every allowed value, in one place, with how the briefing shows it.

Categories (with their colours and briefing buckets), modalities, genres,
polarities, actor types and PLOVER classes are defined here and nowhere else:
the records, the JSON Schema (its enums are set from here when it is loaded,
and a test checks the shipped file), the evaluator, the lexicon loaders, the
figures' legends and the notebooks' views read these tables. Adding a claim
category is one entry in :data:`CATEGORY_TABLE` (plus the model's training
data).
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = [
    "ACTOR_TYPES",
    "ACTOR_TYPE_COLOURS",
    "BUCKETS",
    "CATEGORIES",
    "CATEGORY_BAR_COLOURS",
    "CATEGORY_COLOURS",
    "CATEGORY_TABLE",
    "CLASS_POLARITY",
    "GENRES",
    "MODALITIES",
    "MODALITY_HATCHES",
    "MODALITY_STYLES",
    "PLOVER_CLASSES",
    "POLARITIES",
    "POLARITY_COLOURS",
    "RELATION_POLARITIES",
    "STRUCTURAL_CLASSES",
    "WEAK_POLARITY",
    "Category",
    "relation_words",
]


@dataclass(frozen=True)
class Category:
    """A claim category and how the briefing shows it.

    ``colour`` is the background of its cells in tables, ``bar_colour`` its
    bar in the counts chart, ``bucket`` the group of the bottom line's shares
    (what the text reports as fact, interprets, speculates about, advocates).
    """

    name: str
    colour: str
    bar_colour: str
    bucket: str


CATEGORY_TABLE = (
    Category("event", "#dbe9f6", "#4a7fb5", "reported fact"),
    Category("context", "#e8e8e8", "#9a9a9a", "reported fact"),
    Category("objective", "#e2f0d9", "#6aa84f", "stated aims"),
    Category("assessment", "#fff2cc", "#e0b000", "interpretation"),
    Category("implication", "#fbe5d6", "#e69138", "speculation"),
    Category("recommendation", "#f4cccc", "#cc4125", "advocacy"),
)
CATEGORIES = tuple(c.name for c in CATEGORY_TABLE)
CATEGORY_COLOURS = {c.name: c.colour for c in CATEGORY_TABLE}
CATEGORY_BAR_COLOURS = {c.name: c.bar_colour for c in CATEGORY_TABLE}
#: The briefing's buckets, in the order of their first category.
BUCKETS = {
    bucket: tuple(c.name for c in CATEGORY_TABLE if c.bucket == bucket)
    for bucket in dict.fromkeys(c.bucket for c in CATEGORY_TABLE)
}

MODALITIES = ("asserted", "hedged", "prescriptive")
#: How a claim's text is set in the notebooks' tables (asserted: plain).
MODALITY_STYLES = {
    "hedged": "font-style: italic; color: #9a5b00;",
    "prescriptive": "font-weight: bold; color: #a61c00;",
}
#: The hatching of each modality in the counts chart.
MODALITY_HATCHES = {"asserted": "", "hedged": "//", "prescriptive": "xx"}

GENRES = ("news", "analysis", "opinion", "release", "remarks")

ACTOR_TYPES = ("state", "organization", "military", "government", "group", "person", "region")
ACTOR_TYPE_COLOURS = {
    "state": "#1f77b4",
    "organization": "#9467bd",
    "military": "#2ca02c",
    "government": "#17becf",
    "group": "#ff7f0e",
    "person": "#e377c2",
    "region": "#8c564b",
}

#: Polarities of a stated relation (an analyst may set these).
POLARITIES = ("cooperative", "conflictual", "structural")
#: The polarity of a co-mention: two actors in one sentence, no relation stated.
WEAK_POLARITY = "neutral"
#: Every polarity an analysis may hold.
RELATION_POLARITIES = (*POLARITIES, WEAK_POLARITY)
POLARITY_COLOURS = {
    "cooperative": "#2a9d4b",
    "conflictual": "#d62728",
    "structural": "#7f7f7f",
    WEAK_POLARITY: "#c7c7c7",
}
# PLOVER event types (github.com/openeventdata/PLOVER), by polarity, then the
# structural classes of ANNOTATION.md.
PLOVER_CLASSES = {
    "cooperative": (
        "AGREE",
        "CONSULT",
        "SUPPORT",
        "CONCEDE",
        "COOPERATE",
        "AID",
        "RETREAT",
        "INVESTIGATE",
    ),
    "conflictual": (
        "REQUEST",
        "DISAPPROVE",
        "REJECT",
        "THREATEN",
        "SANCTION",
        "PROTEST",
        "CRIME",
        "MOBILIZE",
        "COERCE",
        "ASSAULT",
        "FIGHT",
    ),
}
STRUCTURAL_CLASSES = ("PART_OF", "MEMBER_OF", "ALLIED_WITH", "LEADS", "LOCATED_IN")
CLASS_POLARITY = {
    **{c: polarity for polarity, classes in PLOVER_CLASSES.items() for c in classes},
    **dict.fromkeys(STRUCTURAL_CLASSES, "structural"),
}


#: Singular nouns a relation type names bare ("signed_agreement_with"), with
#: what a sentence puts before them: the briefing read "signed agreement
#: with" and "issued joint statement with" ("joint" stands for "joint
#: statement"; "emergency" is declared as "a state of emergency").
_NOUN_ARTICLES = {
    "agreement": "an",
    "ceasefire": "a",
    "curfew": "a",
    "emergency": "a state of",
    "joint": "a",
    "treaty": "a",
}
#: Types whose verb cannot drop its object in a sentence: "The United States
#: discussed with China", "The US Treasury imposed on al-Hajj Mohsin". The
#: wording names an object as general as the type.
_RELATION_WORDING = {
    "discussed_with": "held discussions with",
    "imposed_on": "imposed measures on",
}


def relation_words(relation_type: str) -> str:
    """A relation type as words that read between two names.

    Examples
    --------
    >>> relation_words("signed_agreement_with")
    'signed an agreement with'
    >>> relation_words("condemns")
    'condemns'
    """
    if relation_type in _RELATION_WORDING:
        return _RELATION_WORDING[relation_type]
    verb, *rest = relation_type.split("_")
    if rest and rest[0] in _NOUN_ARTICLES:
        rest.insert(0, _NOUN_ARTICLES[rest[0]])
    return " ".join([verb, *rest])
