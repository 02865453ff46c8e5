"""The integer keys agreement matches rows by: equal exactly when the rows are."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.app.agreement.columns import row_codes

BIG = 2**62


@settings(max_examples=80, deadline=None)
@given(
    st.integers(1, 3).flatmap(
        lambda width: st.lists(
            st.tuples(*[st.one_of(st.integers(-5, 20), st.integers(-BIG, BIG))] * width),
            min_size=1,
            max_size=30,
        )
    )
)
def test_row_codes_are_equal_exactly_for_equal_rows_even_where_they_would_overflow(rows):
    rows = rows + rows[: len(rows) // 2]  # some rows twice
    columns = [np.array(column, dtype=np.int64) for column in zip(*rows, strict=True)]
    codes = row_codes(*columns).tolist()
    assert all(code >= 0 for code in codes)
    for i, row in enumerate(rows):
        for j, other in enumerate(rows):
            assert (codes[i] == codes[j]) == (row == other)
