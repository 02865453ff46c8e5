"""The project's full-text index: SQLite FTS5 over the normalised words of every document.

`search_index` is a contentless FTS5 table (`content=''`: it holds the index only, the
text stays in `documents`; SQLite FTS5 docs, "Contentless Tables",
https://www.sqlite.org/fts5.html#contentless_tables). Its rowid is the document's id and
its one column, `words`, is `annotator.text.search.index_words(text)`: the words of the
text normalised by our code (project memory's normalisation) before FTS5 sees them.
FTS5's own unicode61 tokenizer with `remove_diacritics` folds other characters than ours
(Latin accents; not alef, alef maksura or teh marbuta: "Unicode61 Tokenizer",
https://www.sqlite.org/fts5.html#unicode61_tokenizer), so it is told to fold nothing
(`remove_diacritics 0`; it still folds case, which only widens what the index returns).
`detail=full` keeps positions, needed by phrase queries; the per-row sizes (the default
`columnsize=1`) are kept because without them a contentless table cannot list its rowids.

Queries are phrases of normalised words, OR-ed for the forms of a word with proclitics
("Full-text Query Syntax", https://www.sqlite.org/fts5.html#full_text_query_syntax). The
index narrows the documents; `annotator.text.search` finds the exact spans in each.

The index is filled by `store.bulk.insert_drafts` and `DocumentRows.add` (every way a
document comes in) in the transaction that adds the document, and for the documents of
an older project by the migration that creates it. Documents are never deleted; a
contentless row cannot be deleted without its indexed words, so if one ever were, its
row would only make the index return an id that `texts` then does not find.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from sqlite_utils import Database

if TYPE_CHECKING:  # project.py imports this module (through document_rows)
    from annotator.store.project import Project

TABLE = "search_index"  # created by migration m006_search_index
_BATCH = 500  # documents read at once


def add(db: Database, documents: Iterable[tuple[int, str]]) -> None:
    """Index documents given as (id, text); the caller holds the write transaction."""
    # imported here: camel-tools' character sets take a third of a second to load, and
    # most commands that open a project never add or search a document
    from annotator.text.search import index_words

    db.conn.executemany(
        f"INSERT INTO {TABLE} (rowid, words) VALUES (?, ?)",
        ((document_id, index_words(text)) for document_id, text in documents),
    )


def fill(db: Database) -> int:
    """Index every document (an older project's, in its migration), a batch at a time;
    returns how many."""
    ids = [row[0] for row in db.execute("SELECT id FROM documents ORDER BY id")]
    for first in range(0, len(ids), _BATCH):
        batch = ids[first : first + _BATCH]
        marks = ", ".join("?" * len(batch))
        rows = db.execute(f"SELECT id, text FROM documents WHERE id IN ({marks})", batch)
        add(db, rows.fetchall())
    return len(ids)


def match_expression(phrases: Iterable[Iterable[str]]) -> str:
    """An FTS5 query: each word sequence as a quoted phrase, OR-ed ("" doubled inside)."""
    quoted = []
    for words in phrases:
        phrase = " ".join(words).replace('"', '""')
        quoted.append(f'"{phrase}"')
    return " OR ".join(quoted)


def matching_ids(project: Project, phrases: list[list[str]]) -> list[int]:
    """Ids, in order, of the documents whose indexed words hold one of the phrases
    (consecutive words). A superset of the documents with an exact match."""
    rows = project._db.execute(
        f"SELECT rowid FROM {TABLE} WHERE {TABLE} MATCH ? ORDER BY rowid",
        (match_expression(phrases),),
    )
    return [row[0] for row in rows]


def indexed_ids(project: Project) -> list[int]:
    """Every document id the index holds (a full scan: for checks and tests)."""
    return [row[0] for row in project._db.execute(f"SELECT rowid FROM {TABLE} ORDER BY rowid")]


def texts(project: Project, document_ids: list[int]) -> list[tuple[int, str, str]]:
    """(id, name, text) of these documents, in id order (ids not found are left out)."""
    marks = ", ".join("?" * len(document_ids))
    return project._db.execute(
        f"SELECT id, name, text FROM documents WHERE id IN ({marks}) ORDER BY id",
        list(document_ids),
    ).fetchall()
