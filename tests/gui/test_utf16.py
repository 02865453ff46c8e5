from __future__ import annotations

import pytest

from annotator.gui.utf16 import Utf16Map


@pytest.mark.parametrize("text", ["نص عربي", "😀 بوتين", "a😀b𠀀c بوتين", "😀😀x", ""])
def test_code_points_and_utf16_round_trip(text):
    mapping = Utf16Map(text)
    for index in range(len(text) + 1):
        qt = mapping.to_qt(index)
        assert qt == len(text[:index].encode("utf-16-le")) // 2
        assert mapping.from_qt(qt) == index


def test_a_position_inside_a_surrogate_pair_maps_to_the_character():
    mapping = Utf16Map("a😀b")
    assert mapping.from_qt(2) == 1  # between the two halves of the emoji
