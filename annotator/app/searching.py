"""Searching a whole project: the same matches for the window's results panel and for
`annotator search`.

A `ProjectSearch` first asks the full-text index (`annotator.store.search_index`, SQLite
FTS5 over the documents' normalised words) which documents can hold a match, then finds
the exact spans in each of them with `annotator.text.search`, in document order. A
regular expression, or a query without words (only punctuation), cannot use the index:
then every document is read. Texts are read a batch at a time, so a search over
thousands of documents keeps few of them in memory and no cursor stays open between
batches (the window pulls matches as the list is scrolled).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import asdict, dataclass

from annotator.store import Project, search_index
from annotator.text.search import Finder, Query, context, phrases

BATCH = 50  # documents read at once
CONTEXT_WORDS = 5


@dataclass(frozen=True, slots=True)
class ProjectMatch:
    """One match in a project: code points [start, end) of the document's text, the
    matched `text` (exactly), and a few words of context either side (whitespace shown
    as single spaces)."""

    document_id: int
    document: str  # the document's name
    start: int
    end: int
    text: str
    before: str
    after: str

    def to_json(self) -> dict:
        return asdict(self)


class ProjectSearch:
    """One query over a project. Raises SearchError (an invalid regular expression).

    `document_ids`: the documents that may hold a match, in order (from the index, or
    every document); `indexed`: whether the index narrowed them."""

    def __init__(self, project: Project, query: Query) -> None:
        self.project = project
        self.query = query
        self.finder = Finder(query)
        words = phrases(query)
        self.indexed = words is not None
        if self.finder.pattern is None:
            self.document_ids: list[int] = []
        elif words is not None:
            self.document_ids = search_index.matching_ids(project, words)
        else:
            self.document_ids = project.document_ids()

    def matches(self) -> Iterator[ProjectMatch]:
        """Every match, document by document in id order, then in reading order."""
        ids = self.document_ids
        for first in range(0, len(ids), BATCH):
            batch = search_index.texts(self.project, ids[first : first + BATCH])
            for document_id, name, text in batch:
                for match in self.finder.find(text):
                    start, end = match.start, match.end
                    before, _, after = context(text, start, end, CONTEXT_WORDS)
                    yield ProjectMatch(
                        document_id, name, start, end, text[start:end], before, after
                    )


def search_project(project: Project, query: Query) -> Iterator[ProjectMatch]:
    """Every match of `query` in the project (see ProjectSearch); SearchError if the
    query is an invalid regular expression."""
    return ProjectSearch(project, query).matches()
