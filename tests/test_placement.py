from __future__ import annotations

import pytest

from newsbrief.placement import Box, candidates, overlap, place


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
