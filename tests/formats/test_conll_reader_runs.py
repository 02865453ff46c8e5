"""The CoNLL reader takes runs of usual lines (`token<TAB>tag`) at once: on any mix of
lines it groups the same tokens into the same sentences and documents, and raises the
same error at the same line, as taking every line on its own."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.formats.conll_reader import Grouping, _take_line, _take_text
from annotator.formats.errors import FormatError

LINES = st.sampled_from(
    [
        "زار\tO",
        "بغداد\tB-LOC",
        "الجديدة\tI-LOC",
        "لافروف I-PERS",  # space-separated
        "كلمة\tB-ORG\tI-LOC",  # more columns
        "كلمة B-ORG I-LOC",
        "كلمة\tXX",  # not a tag
        "كلمة\tO ",  # a column with a space
        " كلمة\tO",
        "كلمة",  # no tag
        "\tO",
        "",
        "   ",
        "\t",
        "-DOCSTART-\tO",
        "-DOCSTART- -X- O O",
        "-DOCSTART-x\tO",  # a token, not -DOCSTART-
        "a\u00a0b\tO",  # a no-break space is part of the token
        "\u2028\tO",
    ]
)


def grouped(text: str, take) -> tuple[list, object]:
    """(the documents, each a list of (line, tabbed, tokens) sentences; the error or
    None) when `take` takes the text into a Grouping."""
    documents: list = []
    grouping = Grouping(None, False, documents.append)
    error = None
    try:
        take(grouping, text)
        grouping.end_document()
    except FormatError as raised:
        error = str(raised)
    return [[tuple(sentence) for sentence in document] for document in documents], error


def line_by_line(grouping: Grouping, text: str) -> None:
    valid: set[str] = set()
    for number, line in enumerate(text.split("\n"), start=1):
        _take_line(Path("x.conll"), grouping, valid, number, line)


@settings(max_examples=500)
@given(st.lists(LINES, max_size=40), st.booleans())
def test_runs_are_taken_as_each_line_would_be(lines, final_newline):
    text = "\n".join(lines) + ("\n" if final_newline else "")
    fast = grouped(text, lambda grouping, text: _take_text(Path("x.conll"), grouping, text))
    assert fast == grouped(text, line_by_line)
