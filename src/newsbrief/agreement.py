"""Agreement between two annotators of the same article: the ceiling of any score.

Units are aligned by character overlap (two annotators may split a sentence
differently); per field, Cohen's kappa (scikit-learn) and raw agreement are
computed over the claims both marked as claims.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .acronyms import defined_names
from .config import DEFAULT_MAX_BYTES, read_text_file
from .evaluate import gold_spans, load_gold, resolve_article, same_source

if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = ["FIELDS", "Agreement", "agreement", "agreement_files", "format_agreement"]

FIELDS = ("category", "modality", "attribution", "restates")


@dataclass(frozen=True)
class Agreement:
    """Paired labels per field, with the number of aligned claims."""

    claims: int
    labels: dict[str, tuple[list[str], list[str]]]

    def kappa(self, field: str) -> float:
        """Cohen's kappa for one field (1.0 when both annotators used one label)."""
        # scikit-learn loads only for this report.
        from sklearn.metrics import cohen_kappa_score

        a, b = self.labels[field]
        if len(set(a) | set(b)) < 2:
            return 1.0
        return float(cohen_kappa_score(a, b))

    def raw(self, field: str) -> float:
        """Share of aligned claims with the same label."""
        a, b = self.labels[field]
        return sum(1 for x, y in zip(a, b, strict=True) if x == y) / len(a) if a else 1.0


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return min(a[1], b[1]) - max(a[0], b[0])


def agreement(
    first: dict[str, Any],
    second: dict[str, Any],
    text: str,
    names: tuple[str, str] = ("gold", "gold"),
) -> Agreement:
    """Align two gold annotations of ``text`` and pair their labels (``names``: for errors)."""
    spans_a, spans_b = gold_spans(first, text, names[0]), gold_spans(second, text, names[1])
    units_a, units_b = first["units"], second["units"]
    best = {}
    for i, sa in enumerate(spans_a):
        scored = [(_overlap(sa, sb), j) for j, sb in enumerate(spans_b)]
        top = max(scored, default=(0, None))
        if top[0] > 0:
            best[i] = top[1]
    labels: dict[str, tuple[list[str], list[str]]] = {f: ([], []) for f in FIELDS}
    acronyms = defined_names(text)
    for i, j in best.items():
        ua, ub = units_a[i], units_b[j]
        if ua.get("kind") != "claim" or ub.get("kind") != "claim":
            continue
        for field in ("category", "modality"):
            labels[field][0].append(str(ua.get(field)))
            labels[field][1].append(str(ub.get(field)))
        src_a, src_b = str(ua.get("attribution")), str(ub.get("attribution"))
        same = same_source(src_a, src_b, first.get("actors"), acronyms)
        labels["attribution"][0].append("author" if src_a == "author" else "named")
        labels["attribution"][1].append(
            labels["attribution"][0][-1] if same else ("author" if src_b == "author" else "other")
        )
        ra, rb = ua.get("restates"), ub.get("restates")
        link_b = best.get(ra) if ra is not None else None
        labels["restates"][0].append("none" if ra is None else "link")
        labels["restates"][1].append(
            "none" if rb is None else ("link" if link_b == rb else "other link")
        )
    return Agreement(len(labels["category"][0]), labels)


def agreement_files(first: str | Path, second: str | Path) -> Agreement:
    """Agreement of two gold files of the same article."""
    gold_a, gold_b = load_gold(first), load_gold(second)
    article = resolve_article(gold_a, Path(first))
    # What read_text() gave: universal newlines, on a checked and capped read.
    text = read_text_file(article, "article", DEFAULT_MAX_BYTES)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return agreement(gold_a, gold_b, text, (str(first), str(second)))


def format_agreement(pairs: Sequence[tuple[str, Agreement]]) -> str:
    """A Markdown table: kappa (raw agreement) per field, per article and pooled."""
    lines = [
        # The table used to stand without a word on what its two numbers were.
        "Agreement between the two annotators on the claims both marked: Cohen's kappa per field",
        "(in brackets the share of claims they labelled alike; kappa is 0 when one of them",
        "used a single label, however often they agree).",
        "",
        "| article | claims | " + " | ".join(FIELDS) + " |",
        "|---|---|" + "---|" * len(FIELDS),
    ]
    pooled = Agreement(0, {f: ([], []) for f in FIELDS})
    for name, agr in pairs:
        cells = [f"{agr.kappa(f):.2f} ({agr.raw(f):.2f})" for f in FIELDS]
        lines.append(f"| {name} | {agr.claims} | " + " | ".join(cells) + " |")
        for f in FIELDS:
            pooled.labels[f][0].extend(agr.labels[f][0])
            pooled.labels[f][1].extend(agr.labels[f][1])
    cells = [f"{pooled.kappa(f):.2f} ({pooled.raw(f):.2f})" for f in FIELDS]
    total = sum(a.claims for _, a in pairs)
    lines.append(f"| pooled | {total} | " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"
