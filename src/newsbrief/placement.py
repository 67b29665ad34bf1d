"""Where an edge's label goes: on its own edge, off the actors' discs and off other labels.

A label drawn at the middle of its edge sits on whatever crosses there: in a
dense actor graph that is another label or an actor's disc and name, which it
hides. Each label instead tries spots along its edge (the middle first, then
towards either end) and beside it, and takes the first spot that covers no
actor and no label placed before it; labels are placed strongest edge first,
so a label that finds no clear spot is a weak one. The geometry is plain
boxes in the plot's own units, so the figure and the interactive graph share
it and it is tested without drawing.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = ["Box", "candidates", "leader", "overlap", "place"]

#: Inches between a label's box and its edge under which no leader line is
#: drawn: a label set just beside its line (0.2 of its half height away, about
#: 0.02 in at 7.5 pt) reads as that line's; one set a box farther out (up to
#: about 1.7 in for a long two-line label on a diagonal edge) does not.
LEADER_GAP = 0.1

#: Fractions of the way along an edge tried for its label, the middle first.
_ALONG = (0.5, 0.42, 0.58, 0.34, 0.66, 0.26, 0.74)


@dataclass(frozen=True)
class Box:
    """A label's or an actor's footprint: centre and half extents."""

    x: float
    y: float
    half_w: float
    half_h: float


def overlap(a: Box, b: Box) -> float:
    """The area two boxes share (0 when they do not touch).

    Examples
    --------
    >>> overlap(Box(0, 0, 1, 1), Box(1, 0, 1, 1))
    2.0
    >>> overlap(Box(0, 0, 1, 1), Box(3, 0, 1, 1))
    0.0
    """
    w = min(a.x + a.half_w, b.x + b.half_w) - max(a.x - a.half_w, b.x - b.half_w)
    h = min(a.y + a.half_h, b.y + b.half_h) - max(a.y - a.half_h, b.y - b.half_h)
    return float(max(w, 0.0) * max(h, 0.0))


def candidates(
    start: tuple[float, float],
    end: tuple[float, float],
    half: tuple[float, float],
    bend: float = 0.0,
    rings: int = 2,
) -> list[tuple[float, float]]:
    """Spots for a label of half extents ``half`` on the edge from ``start`` to ``end``.

    Parameters
    ----------
    start, end : tuple of float
        The edge's ends.
    half : tuple of float
        The label's half width and half height.
    bend : float
        The edge's curvature as matplotlib's ``arc3`` ``rad`` (0 for a straight
        edge): the control point lies ``bend`` times the edge's length to its side.
    rings : int
        How many label heights out beside the edge spots are tried.

    Returns
    -------
    list of tuple of float
        Centres in order of preference: on the edge at each of ``_ALONG``,
        then beside it on either side, clear of the line, then twice as far
        and so on up to ``rings`` (a dense graph's short edges between large
        discs have no room on the line itself).
    """
    (x1, y1), (x2, y2) = start, end
    dx, dy = x2 - x1, y2 - y1
    length = max((dx * dx + dy * dy) ** 0.5, 1e-9)
    nx_, ny_ = dy / length, -dx / length  # the side arc3 bends towards
    cx, cy = (x1 + x2) / 2 + bend * dy, (y1 + y2) / 2 - bend * dx
    side = abs(nx_) * half[0] + abs(ny_) * half[1] + 0.2 * min(half)
    on_edge: list[tuple[float, float]] = []
    out: list[list[tuple[float, float]]] = [[] for _ in range(rings)]
    for t in _ALONG:
        px = (1 - t) ** 2 * x1 + 2 * t * (1 - t) * cx + t * t * x2
        py = (1 - t) ** 2 * y1 + 2 * t * (1 - t) * cy + t * t * y2
        on_edge.append((px, py))
        for k, ring in enumerate(out, start=1):
            ring += [(px + nx_ * side * k, py + ny_ * side * k)]
            ring += [(px - nx_ * side * k, py - ny_ * side * k)]
    return on_edge + [spot for ring in out for spot in ring]


def place(
    labels: Sequence[tuple[Sequence[tuple[float, float]], tuple[float, float]]],
    obstacles: Sequence[Box],
) -> list[Box | None]:
    """Give each label the first of its spots that covers no obstacle and no placed label.

    Parameters
    ----------
    labels : sequence of (spots, half extents)
        In order of importance; ``spots`` from :func:`candidates`.
    obstacles : sequence of Box
        The actors' discs and names.

    Returns
    -------
    list of Box or None
        Per label, its box, or None when every spot covers something (the
        caller leaves that label out rather than hide an actor or a label).

    Examples
    --------
    >>> place([([(0, 0), (5, 0)], (1, 1))], [Box(0, 0, 1, 1)])
    [Box(x=5, y=0, half_w=1, half_h=1)]
    """
    placed: list[Box] = []
    out: list[Box | None] = []
    for spots, (hw, hh) in labels:
        chosen = None
        for x, y in spots:
            box = Box(x, y, hw, hh)
            if all(overlap(box, o) == 0 for o in (*obstacles, *placed)):
                chosen = box
                break
        out.append(chosen)
        if chosen is not None:
            placed.append(chosen)
    return out


def leader(
    start: tuple[float, float],
    end: tuple[float, float],
    label: Box,
    bend: float = 0.0,
) -> tuple[tuple[float, float], tuple[float, float]] | None:
    """The line from a label set away from its edge back to that edge, or None.

    A short edge between large discs leaves its label no room on the line, so
    :func:`candidates` offers spots a label's width beside it; there the label
    floats among the other edges and co-mention lines and a reader cannot
    tell whose it is (a two-line "deploys personnel to / issued joint
    statement with" sat nearer a dashed line than its own). A thin line from
    the box's border to the nearest point of its edge ties them again.

    Parameters
    ----------
    start, end : tuple of float
        The edge's ends, as given to :func:`candidates`.
    label : Box
        The label's placed box.
    bend : float
        The edge's ``arc3`` curvature, as given to :func:`candidates`.

    Returns
    -------
    tuple or None
        ``(point on the box's border, point on the edge)``, or None when the
        box lies on its edge or within :data:`LEADER_GAP` of it.

    Examples
    --------
    >>> leader((0, 0), (4, 0), Box(2, 0, 0.5, 0.2)) is None
    True
    >>> leader((0, 0), (4, 0), Box(2, 1, 0.5, 0.2))
    ((2.0, 0.8), (2.0, 0.0))
    """
    (x1, y1), (x2, y2) = start, end
    cx = (x1 + x2) / 2 + bend * (y2 - y1)
    cy = (y1 + y2) / 2 - bend * (x2 - x1)
    curve = [
        (
            (1 - t) ** 2 * x1 + 2 * t * (1 - t) * cx + t * t * x2,
            (1 - t) ** 2 * y1 + 2 * t * (1 - t) * cy + t * t * y2,
        )
        for t in (k / 50 for k in range(51))
    ]
    px, py = min(curve, key=lambda p: (p[0] - label.x) ** 2 + (p[1] - label.y) ** 2)
    dx, dy = px - label.x, py - label.y
    # The fraction of the way to the edge point at which the ray leaves the box.
    inside = min(
        label.half_w / abs(dx) if dx else float("inf"),
        label.half_h / abs(dy) if dy else float("inf"),
    )
    if inside >= 1:
        return None
    bx, by = label.x + dx * inside, label.y + dy * inside
    if ((px - bx) ** 2 + (py - by) ** 2) ** 0.5 < LEADER_GAP:
        return None
    return (float(bx), float(by)), (float(px), float(py))
