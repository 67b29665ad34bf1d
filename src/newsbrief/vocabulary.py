"""Every allowed value, in one place: categories, modalities, genres, PLOVER classes.

The records, the JSON Schema check, the evaluator, the lexicon loaders and the
figures' legends read these tables instead of spelling the values again.
"""

from __future__ import annotations

__all__ = [
    "CATEGORIES",
    "CLASS_POLARITY",
    "GENRES",
    "MODALITIES",
    "PLOVER_CLASSES",
    "POLARITIES",
    "STRUCTURAL_CLASSES",
]

CATEGORIES = ("event", "context", "objective", "assessment", "implication", "recommendation")
MODALITIES = ("asserted", "hedged", "prescriptive")
GENRES = ("news", "analysis", "opinion", "release", "remarks")
POLARITIES = ("cooperative", "conflictual", "structural")

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
