"""What a user would try first, scored with the same evaluation as newsbrief.

- claims: a ten-line cue-word classifier (should -> recommendation; could/may ->
  implication; underscores/reflects -> assessment; else event);
- graph: spaCy NER entities as actors and sentence co-occurrence as relations.

Run: ``.venv/bin/python benchmarks/baselines.py`` (prints a table).
"""

from __future__ import annotations

import re
from dataclasses import replace
from itertools import combinations

from newsbrief.analysis import analyze_file
from newsbrief.config import GOLD_DIR
from newsbrief.evaluate import _resolve_article, evaluate, load_gold
from newsbrief.model import Actor, Evidence, Mention, Relation
from newsbrief.nlp import load_nlp


def cue_classifier(text: str) -> tuple[str, str]:
    low = text.lower()
    if re.search(r"\b(should|must)\b", low):
        return "recommendation", "prescriptive"
    if re.search(r"\b(could|may|might|would)\b", low):
        return "implication", "hedged"
    if re.search(r"\b(underscores?|reflects?)\b", low):
        return "assessment", "asserted"
    return "event", "asserted"


def with_cue_claims(analysis):
    claims = []
    for c in analysis.claims:
        cat, mod = cue_classifier(analysis.units[c.unit].text)
        claims.append(replace(c, category=cat, modality=mod, attribution="author", restates=None))
    return replace(analysis, claims=tuple(claims))


def with_ner_graph(analysis):
    nlp = load_nlp()
    actors: dict[str, list[Mention]] = {}
    pairs: dict[tuple[str, str], list[Evidence]] = {}
    for u in analysis.units:
        doc = nlp(u.text)
        names = []
        for ent in doc.ents:
            if ent.label_ in ("GPE", "ORG", "NORP", "PERSON"):
                actors.setdefault(ent.text, []).append(
                    Mention(u.index, u.start + ent.start_char, u.start + ent.end_char, ent.text)
                )
                names.append(ent.text)
        for a, b in combinations(dict.fromkeys(names), 2):
            pairs.setdefault((a, b), []).append(Evidence(u.index, u.start, u.end, ""))
    new_actors = tuple(
        Actor(name, name, "organization", None, (name,), None, tuple(ms), "ner")
        for name, ms in actors.items()
    )
    relations = tuple(
        Relation(a, b, "co_occurs_with", "neutral", tuple(ev)) for (a, b), ev in pairs.items()
    )
    return replace(analysis, actors=new_actors, relations=relations)


def main() -> None:
    rows = []
    for path in sorted(GOLD_DIR.glob("*.yaml")):
        gold = load_gold(path)
        analysis = analyze_file(_resolve_article(gold, path))
        ours = evaluate(gold, analysis)
        cue = evaluate(gold, with_cue_claims(analysis))
        ner = evaluate(gold, with_ner_graph(analysis))
        rows.append((path.stem, ours, cue, ner))
    head = (
        f"{'article':34} {'cat':>5} {'cue':>5} {'mod':>5} {'cue':>5} {'att':>5} "
        f"{'actF1':>6} {'nerF1':>6} {'relF1':>6} {'nerF1':>6}"
    )
    print(head)
    for stem, o, c, n in rows:
        print(
            f"{stem:34} {o.category_accuracy:5.2f} {c.category_accuracy:5.2f} "
            f"{o.modality_accuracy:5.2f} {c.modality_accuracy:5.2f} {o.attribution_accuracy:5.2f} "
            f"{o.actor_f1:6.2f} {n.actor_f1:6.2f} {o.relation_f1:6.2f} {n.relation_f1:6.2f}"
        )


if __name__ == "__main__":
    main()
