"""Storing suggesters' candidates: human decisions always win, and re-running is idempotent."""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import accumulate
from typing import Protocol

from annotator.model import Status
from annotator.store.connection import write_transaction
from annotator.store.edit_log import EditLog
from annotator.store.project import Project
from annotator.store.rows import now


class CandidateLike(Protocol):
    start: int
    end: int
    label: str
    source: str
    confidence: float | None


@dataclass(frozen=True, slots=True)
class StoredCandidates:
    added: int
    removed: int
    kept_out: int  # proposals that a human decision or another candidate already covers
    unknown_labels: Counter = field(default_factory=Counter)  # label -> proposals left out


#: the confidence of a candidate that carries none, when two proposals of one span compete
UNSCORED_CONFIDENCE = 0.5


def confidence_of(candidate_confidence: float | None) -> float:
    return UNSCORED_CONFIDENCE if candidate_confidence is None else candidate_confidence


def owns(suggester: str, source: str) -> bool:
    """A suggester's candidates carry its name as source, or `name:rule`."""
    return source == suggester or source.startswith(suggester + ":")


def last_fingerprint(project: Project, document_id: int, suggester: str) -> str | None:
    """What `suggester` last ran with on the document, in the project's layer."""
    row = project._db.execute(
        "SELECT fingerprint FROM suggestion_runs WHERE document_id = ? AND layer = ? "
        "AND suggester = ?",
        (document_id, project.layer, suggester),
    ).fetchone()
    return None if row is None else row[0]


class _GoldSpans:
    """Accepted spans per label, sorted by start with the running maximum of their ends:
    "is [start, end) inside an accepted span of this label" in O(log n)."""

    def __init__(self, spans: Iterable[tuple[str, int, int]]) -> None:
        by_label: dict[str, list[tuple[int, int]]] = {}
        for label, start, end in spans:
            by_label.setdefault(label, []).append((start, end))
        self._starts: dict[str, list[int]] = {}
        self._reach: dict[str, list[int]] = {}
        for label, items in by_label.items():
            items.sort()
            self._starts[label] = [start for start, _ in items]
            self._reach[label] = list(accumulate((end for _, end in items), max))

    def contains(self, label: str, start: int, end: int) -> bool:
        starts = self._starts.get(label)
        if not starts:
            return False
        index = bisect_right(starts, start) - 1  # the last span starting at or before start
        return index >= 0 and self._reach[label][index] >= end


def store_candidates(
    project: Project,
    document_id: int,
    suggester: str,
    fingerprint: str,
    candidates: Iterable[CandidateLike],
) -> StoredCandidates:
    """Make the document's candidates from `suggester` exactly `candidates` in the
    project's layer (the person who runs it), in one transaction.

    A proposal is kept out by an entity with the same span and label (another
    suggester's candidate), by a person's decision on the same span whatever its label
    (accepted or rejected), and by an accepted entity of the same label that contains it.
    Suggesters that disagree on a span's label (this one's proposal and another's
    candidate there) keep the proposal with the higher confidence (None counts as
    UNSCORED_CONFIDENCE; a tie keeps the one already stored): the weaker one is removed,
    unless a relation uses it. The suggester's own untouched candidates that it no longer
    proposes are removed, unless a relation uses them. Containment is a binary search over
    the accepted spans sorted by start, so a document with tens of thousands of them stays
    near-linear.
    """
    db = project._db
    schema = project.schema
    layer = project.layer
    with write_transaction(db):
        length = db.execute(
            "SELECT length(text) FROM documents WHERE id = ?", (document_id,)
        ).fetchone()[0]
        existing = {}
        confidences = {}
        for entity_id, start, end, label, status, source, confidence in db.execute(
            'SELECT id, start, "end", label, status, source, confidence FROM entities '
            "WHERE document_id = ? AND layer = ?",
            (document_id, layer),
        ):
            existing[(start, end, label)] = (entity_id, status, source)
            confidences[entity_id] = confidence
        decided_spans = {
            (start, end)
            for (start, end, _), (_, status, _) in existing.items()
            if status != Status.CANDIDATE
        }
        gold = _GoldSpans(
            (label, start, end)
            for (start, end, label), (_, status, _) in existing.items()
            if status == Status.ACCEPTED
        )
        # other suggesters' candidates by span: (label, entity id, confidence)
        rivals: dict[tuple[int, int], list[tuple[str, int, float]]] = {}
        for (start, end, label), (entity_id, status, source) in existing.items():
            if status == Status.CANDIDATE and not owns(suggester, source):
                rivals.setdefault((start, end), []).append(
                    (label, entity_id, confidence_of(confidences[entity_id]))
                )
        unknown: Counter = Counter()
        known = []
        for candidate in candidates:
            if schema.has_label(candidate.label):
                known.append(candidate)
            else:
                unknown[candidate.label] += 1
        proposed = set()
        rows = []
        kept_out = 0
        outvoted: list[int] = []
        stamp = now()
        for candidate in known:
            key = (candidate.start, candidate.end, candidate.label)
            if key in proposed or not 0 <= candidate.start < candidate.end <= length:
                continue
            if (candidate.start, candidate.end) in decided_spans or gold.contains(
                candidate.label, candidate.start, candidate.end
            ):
                # a span a person decided, whatever the label, or a piece of an accepted name
                # of the same label (بوتين inside فلاديمير بوتين): nothing left to propose,
                # and this suggester's earlier candidate there goes (it is not proposed)
                kept_out += 1
                continue
            others = [
                rival
                for rival in rivals.get((candidate.start, candidate.end), ())
                if rival[0] != candidate.label
            ]
            mine = confidence_of(candidate.confidence)
            if any(confidence >= mine for _, _, confidence in others):
                kept_out += 1  # another suggester proposes another label here, more surely
                continue
            outvoted.extend(entity_id for _, entity_id, _ in others)
            proposed.add(key)
            if key in existing:  # already there (this or another suggester's candidate)
                kept_out += 1
                continue
            rows.append(
                (
                    document_id,
                    candidate.start,
                    candidate.end,
                    candidate.label,
                    Status.CANDIDATE,
                    candidate.source,
                    candidate.confidence,
                    stamp,
                    stamp,
                    layer,
                )
            )
        db.conn.executemany(
            'INSERT INTO entities (document_id, start, "end", label, status, source, '
            "confidence, created_at, updated_at, layer) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
        stale = [
            entity_id
            for key, (entity_id, status, source) in existing.items()
            if status == Status.CANDIDATE and owns(suggester, source) and key not in proposed
        ] + sorted(set(outvoted))
        removed = 0
        for entity_id in stale:
            in_use = db.execute(
                "SELECT 1 FROM relations WHERE head_id = ? OR tail_id = ? LIMIT 1",
                (entity_id, entity_id),
            ).fetchone()
            if not in_use:
                db.execute("DELETE FROM entities WHERE id = ?", (entity_id,))
                removed += 1
        db.execute(
            "INSERT INTO suggestion_runs (document_id, layer, suggester, fingerprint, at, "
            "candidates) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (document_id, layer, suggester) "
            "DO UPDATE SET fingerprint = excluded.fingerprint, at = excluded.at, "
            "candidates = excluded.candidates",
            (document_id, layer, suggester, fingerprint, stamp, len(proposed)),
        )
        if rows or removed:
            EditLog(db).record(
                action="suggest",
                object_kind="document",
                object_id=document_id,
                document_id=document_id,
                annotator=suggester,
                new={
                    "suggester": suggester,
                    "fingerprint": fingerprint,
                    "added": len(rows),
                    "removed": removed,
                },
                at=stamp,
            )
    return StoredCandidates(len(rows), removed, kept_out, unknown)
