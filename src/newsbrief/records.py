"""The JSON form of an analysis: written deterministically, read back untrusted.

Everything that leaves a process (``newsbrief analyze``, corpus mode, the
report's ``analysis.json``) or comes back into one (``report X.json``,
``evaluate``, the notebooks) passes through here, so the schema, its
validation and the mapping between JSON keys and record fields live in one
place.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import vocabulary
from .config import package_file, read_json_file
from .errors import NewsbriefError
from .model import Actor, Analysis, ArticleInfo, Claim, Evidence, Mention, Relation, Unit

if TYPE_CHECKING:
    from collections.abc import Iterator

__all__ = [
    "SCHEMA_ID",
    "analysis_schema",
    "from_dict",
    "json_chunks",
    "load_analysis",
    "to_dict",
    "to_json",
    "validate",
]

SCHEMA_ID = "newsbrief/analysis/1"


def to_dict(analysis: Analysis) -> dict[str, Any]:
    """Return the JSON-ready form, with the fields of ANNOTATION.md."""
    claims = {c.unit: c for c in analysis.claims}
    units = []
    for u in analysis.units:
        c = claims.get(u.index)
        units.append(
            {
                "index": u.index,
                "kind": u.kind,
                "start": u.start,
                "end": u.end,
                "text": u.text,
                "section": u.section,
                "label": u.label,
                "paragraph": u.paragraph,
                "list_item": u.list_item,
                "category": c.category if c else None,
                "modality": c.modality if c else None,
                "attribution": c.attribution if c else None,
                "actors": list(c.actors) if c else [],
                "restates": c.restates if c else None,
                "cues": {k: list(v) for k, v in c.cues.items()} if c else {},
                "curated": bool(c and c.curated),
                "curated_fields": list(c.curated) if c else [],
            }
        )
    return {
        "schema": SCHEMA_ID,
        "article": {
            "path": analysis.article.path,
            "title": analysis.article.title,
            "sha256": analysis.article.sha256,
            "words": analysis.article.words,
            "genre": analysis.article.genre,
            # Only a file whose metadata dates it has a date: the others' JSON is as it was.
            **({"date": analysis.article.date} if analysis.article.date else {}),
        },
        "text": analysis.text,
        "units": units,
        "actors": [_actor_dict(a) for a in analysis.actors],
        "relations": [_relation_dict(r) for r in analysis.relations],
    }


def _actor_dict(a: Actor) -> dict[str, Any]:
    return {
        "id": a.id,
        "name": a.name,
        "type": a.type,
        "code": a.code,
        "aliases": list(a.aliases),
        "part_of": a.part_of,
        "first_unit": a.first_unit,
        "mentions": [vars(m) for m in a.mentions],
        "origin": a.origin,
        "curated": a.curated,
    }


def _relation_dict(r: Relation) -> dict[str, Any]:
    return {
        "source": r.source,
        "target": r.target,
        "type": r.type,
        "polarity": r.polarity,
        "class": r.event_class,
        "weak": r.weak,
        "evidence": [vars(e) for e in r.evidence],
        "cues": list(r.cues),
        "curated": r.curated,
    }


def to_json(analysis: Analysis) -> str:
    """Serialise deterministically: same analysis, byte-identical text."""
    return "".join(json_chunks(analysis))


def json_chunks(analysis: Analysis) -> Iterator[str]:
    """The text of :func:`to_json` in pieces, for writing without holding it whole.

    A book-length article's JSON is tens of megabytes; as one Python string
    beside the records it came from it set the peak memory of the run.
    """
    encoder = json.JSONEncoder(ensure_ascii=False, indent=2)
    buffer: list[str] = []
    size = 0
    for piece in encoder.iterencode(to_dict(analysis)):
        buffer.append(piece)
        size += len(piece)
        if size >= 1 << 16:
            yield "".join(buffer)
            buffer, size = [], 0
    yield "".join(buffer) + "\n"


def from_dict(data: dict[str, Any]) -> Analysis:
    """Rebuild an Analysis from its JSON form (the inverse of :func:`to_dict`).

    Records are built by keyword, so a field added to a dataclass can never
    shift the others; JSON keys that differ from field names are mapped here.
    """
    art = data["article"]
    units = tuple(
        Unit(
            index=u["index"],
            kind=u["kind"],
            start=u["start"],
            end=u["end"],
            text=u["text"],
            section=u.get("section"),
            label=u.get("label"),
            paragraph=u.get("paragraph", 0),
            list_item=u.get("list_item", False),
        )
        for u in data["units"]
    )
    claims = tuple(
        Claim(
            unit=u["index"],
            category=u.get("category"),
            modality=u.get("modality"),
            attribution=u.get("attribution") or "author",
            actors=tuple(u.get("actors", [])),
            restates=u.get("restates"),
            cues={k: tuple(v) for k, v in u.get("cues", {}).items()},
            curated=tuple(u.get("curated_fields", [])),
        )
        for u in data["units"]
        if u["kind"] in ("claim", "lead_in")
    )
    actors = tuple(
        Actor(
            id=a["id"],
            name=a["name"],
            type=a["type"],
            code=a.get("code"),
            aliases=tuple(a.get("aliases", [])),
            part_of=a.get("part_of"),
            mentions=tuple(Mention(**m) for m in a.get("mentions", [])),
            origin=a.get("origin", "gazetteer"),
            curated=a.get("curated", False),
        )
        for a in data["actors"]
    )
    relations = tuple(
        Relation(
            source=r["source"],
            target=r["target"],
            type=r["type"],
            polarity=r["polarity"],
            evidence=tuple(Evidence(**e) for e in r.get("evidence", [])),
            weak=r.get("weak", False),
            cues=tuple(r.get("cues", [])),
            curated=r.get("curated", False),
            event_class=r.get("class"),
        )
        for r in data["relations"]
    )
    info = ArticleInfo(
        path=art["path"],
        title=art["title"],
        sha256=art["sha256"],
        words=art["words"],
        genre=art.get("genre", "news"),
        date=art.get("date"),
    )
    return Analysis(
        article=info,
        text=data.get("text", ""),
        units=units,
        actors=actors,
        relations=relations,
        claims=claims,
    )


def load_analysis(path: str | Path) -> Analysis:
    """Read an analysis JSON file written by ``newsbrief analyze``."""
    try:
        data = read_json_file(path, "the analysis JSON")
    except NewsbriefError as exc:
        raise NewsbriefError(f"{exc} (not a newsbrief analysis JSON)") from None
    if not isinstance(data, dict) or data.get("schema") != SCHEMA_ID:
        raise NewsbriefError(f"{path}: not a newsbrief analysis JSON (schema {SCHEMA_ID})")
    import jsonschema  # only when reading JSON back: a JSON handed to us is not trusted

    try:
        validate(data)
    except jsonschema.ValidationError as exc:
        where = "/".join(str(p) for p in exc.absolute_path) or "top level"
        raise NewsbriefError(f"{path}: invalid analysis JSON at {where}: {exc.message}") from None
    return from_dict(data)


def analysis_schema() -> dict[str, Any]:
    """The JSON Schema of an analysis, its enums set from :mod:`newsbrief.vocabulary`.

    The shipped ``analysis.schema.json`` spells the same values for readers
    of the file (a test keeps the two equal); validation uses the vocabulary's,
    so a value added there is accepted everywhere at once.

    Returns
    -------
    dict
    """
    schema = json.loads(package_file("analysis.schema.json").read_text(encoding="utf-8"))
    defs = schema["$defs"]
    schema["properties"]["article"]["properties"]["genre"]["enum"] = list(vocabulary.GENRES)
    defs["unit"]["properties"]["category"]["enum"] = [*vocabulary.CATEGORIES, None]
    defs["unit"]["properties"]["modality"]["enum"] = [*vocabulary.MODALITIES, None]
    defs["actor"]["properties"]["type"]["enum"] = list(vocabulary.ACTOR_TYPES)
    defs["relation"]["properties"]["polarity"]["enum"] = list(vocabulary.RELATION_POLARITIES)
    return schema


def validate(data: dict[str, Any]) -> None:
    """Validate a JSON analysis against the schema shipped in the package.

    Raises
    ------
    jsonschema.ValidationError
        When the document does not match.
    """
    import jsonschema  # heavy: only when reading JSON back

    jsonschema.validate(data, analysis_schema())
