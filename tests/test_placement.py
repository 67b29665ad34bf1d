from __future__ import annotations

import pytest

from newsbrief.placement import LEADER_GAP, Box, candidates, leader, overlap, place


def test_overlap_is_the_shared_area():
    assert overlap(Box(0, 0, 2, 1), Box(3, 0.5, 2, 1)) == pytest.approx(1.0 * 1.5)
    assert overlap(Box(0, 0, 1, 1), Box(0, 5, 1, 1)) == 0.0


def test_candidates_start_at_the_middle_of_the_edge_and_follow_its_bend():
    spots = candidates((0.0, 0.0), (4.0, 0.0), (0.5, 0.2))
    assert spots[0] == pytest.approx((2.0, 0.0))
    assert all(0.0 < x < 4.0 for x, _ in spots)
    bent = candidates((0.0, 0.0), (4.0, 0.0), (0.5, 0.2), bend=0.25)
    # arc3 bends a left-to-right edge downwards: its middle lies half the bend below the line
    assert bent[0] == pytest.approx((2.0, -0.5))


def test_a_label_leaves_a_disc_on_its_middle_and_a_placed_label():
    disc = Box(2.0, 0.0, 0.3, 0.3)
    half = (0.5, 0.2)
    first, second = place(
        [(candidates((0, 0), (4, 0), half), half), (candidates((0, 0), (4, 0), half), half)],
        [disc],
    )
    assert first is not None and second is not None
    assert overlap(first, disc) == 0 and overlap(second, disc) == 0
    assert overlap(first, second) == 0


def test_a_label_with_no_clear_spot_is_left_out():
    wall = Box(0.0, 0.0, 10.0, 10.0)
    assert place([(candidates((0, 0), (1, 0), (0.2, 0.1)), (0.2, 0.1))], [wall]) == [None]


def test_a_short_edge_between_large_discs_gets_its_label_farther_out():
    # Two discs nearly touching: every spot on the line and twice a label's
    # height beside it covers one; three times as far (the strongest edge's
    # third ring) is clear.
    discs = [Box(0.0, 0.0, 0.45, 0.45), Box(1.0, 0.0, 0.45, 0.45)]
    half = (0.5, 0.2)
    assert place([(candidates((0, 0), (1, 0), half), half)], discs) == [None]
    (box,) = place([(candidates((0, 0), (1, 0), half, rings=3), half)], discs)
    assert box is not None and all(overlap(box, d) == 0 for d in discs)
    assert abs(box.y) == pytest.approx(3 * (0.2 + 0.2 * 0.2))


def test_a_label_set_a_box_away_from_its_edge_gets_a_leader_to_the_nearest_point():
    half = (0.5, 0.2)
    on_line, beside, *_ = candidates((0, 0), (4, 0), half)[::7]
    assert leader((0, 0), (4, 0), Box(*on_line, *half)) is None
    assert leader((0, 0), (4, 0), Box(*beside, *half)) is None  # just clear of its line
    far = Box(1.0, 1.5, *half)
    (bx, by), (px, py) = leader((0, 0), (4, 0), far)
    # The arc is sampled at 51 points: the nearest is found to 0.02 of the edge.
    assert (px, py) == pytest.approx((1.0, 0.0), abs=0.08)
    assert (bx, by) == pytest.approx((1.0, 1.3), abs=0.08)  # from the box's lower border
    assert by - py > LEADER_GAP


def test_a_leader_meets_a_bent_edge_on_its_arc():
    # arc3 bends a left-to-right edge downwards; its middle lies at y = -0.5.
    (_, _), (px, py) = leader((0, 0), (4, 0), Box(2.0, -2.0, 0.5, 0.2), bend=0.25)
    assert (px, py) == pytest.approx((2.0, -0.5), abs=0.08)
