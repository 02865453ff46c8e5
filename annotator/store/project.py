"""A project: one SQLite file holding documents, their annotations, the schema and the log.

Every public method that changes anything is one transaction, committed before it returns,
and appends what it changed to the `events` log. `Project` is the only way into the file:
its database handle is private to `annotator.store`.
"""

from __future__ import annotations

import contextlib
import getpass
import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from annotator.model import (
    GOLD,
    HUMAN_SOURCE,
    AnnotationError,
    Decision,
    Document,
    DocumentStatus,
    Entity,
    Relation,
    Schema,
    Status,
    check_span,
    check_status,
    default_schema,
    text_sha256,
)
from annotator.model.provenance import decision_after_edit, decision_for_new
from annotator.store.connection import ProjectFileError, connect, write_transaction
from annotator.store.document_rows import DocumentRows
from annotator.store.edit_log import EditLog
from annotator.store.entity_rows import EntityRows
from annotator.store.relation_rows import RelationRows
from annotator.store.rows import entity_record
from annotator.store.schema_table import read_schema, write_schema


def default_annotator() -> str:
    """ANNOTATOR_NAME (or the older ANNOTATOR_USER), else the system's login name, else
    "unknown"."""
    name = os.environ.get("ANNOTATOR_NAME") or os.environ.get("ANNOTATOR_USER")
    if name:
        return name
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no login name on this system
        return "unknown"


def _team_layer(setting: str | None) -> bool | str:
    """From the `team` setting: an annotator's hand-out gives their name, another team
    project True, none False."""
    if not setting:
        return False
    try:
        assigned = json.loads(setting).get("assigned_to")
    except (ValueError, AttributeError):
        assigned = None
    return assigned if isinstance(assigned, str) and assigned else True


class ConcurrentEditError(AnnotationError):
    """Another program changed the entity since the caller read it; nothing was written."""


def _refuse_if_changed(current: Entity, expected: Entity | None) -> None:
    if expected is None:
        return
    if (current.start, current.end, current.label, current.status, current.updated_at) != (
        expected.start,
        expected.end,
        expected.label,
        expected.status,
        expected.updated_at,
    ):
        raise ConcurrentEditError(
            f"entity {current.id} was changed by another program (now {current.label}, "
            f"{current.status}); your edit was not saved — the document was re-read"
        )


class Project:
    """The store API used by the application layer, the formats and the suggesters.

    `annotator` is the person working (recorded as creator and decider of their edits).
    Errors: AnnotationError (an edit would break an invariant; nothing written),
    ProjectWriteError (the file could not be written; rolled back), ProjectFileError
    (the file cannot be opened).
    """

    def __init__(
        self,
        db: Database,
        path: Path | None,
        annotator: str | None = None,
        layer: str | None = None,
    ) -> None:
        self._db = db
        self.path = path
        self.annotator = annotator or default_annotator()
        self._layer = layer
        # a team project? (True), an annotator's hand-out (their name)? read on first need
        self._team: bool | str | None = None
        self._schema: Schema | None = None
        self._log = EditLog(db)
        self._documents = DocumentRows(db, self._log)
        self._entities = EntityRows(db)
        self._relations = RelationRows(db, self._entities.get, lambda: self.schema, self._log)

    # --- opening ---------------------------------------------------------------------------
    @classmethod
    def open(
        cls,
        path: Path | str,
        *,
        create: bool = False,
        annotator: str | None = None,
        read_only: bool = False,
        layer: str | None = None,
    ):
        """Open a project file; with `create`, make it (with the default schema) if absent.
        A file that cannot be written opens read-only (see `read_only`). `layer`: work in
        this layer instead of the person's own (see `layer`)."""
        db = connect(path, create=create, read_only=read_only)
        project = cls(db, None if str(path) == ":memory:" else Path(path), annotator, layer)
        if not project.read_only and not project._db["schema_entries"].count:
            project.set_schema(default_schema())
        return project

    @property
    def layer(self) -> str:
        """The layer this project's edits go to and its reads come from: the one given
        when it was opened, else in an annotator's hand-out file (made by `annotator
        assign`) that annotator's, else the annotator's own in a team project (one with a
        `team` setting), else `gold` (a person working alone)."""
        if self._layer is not None:
            return self._layer
        if self._team is None:
            self._team = _team_layer(self.setting("team"))
        if self._team is False:
            return GOLD
        return self.annotator if self._team is True else self._team

    @layer.setter
    def layer(self, name: str | None) -> None:
        self._layer = name

    def layers(self) -> list[str]:
        """Every layer with annotations or statuses, gold first, then by name."""
        rows = self._db.execute(
            "SELECT layer FROM entities UNION SELECT layer FROM document_layers"
        ).fetchall()
        names = {row[0] for row in rows}
        return ([GOLD] if GOLD in names else []) + sorted(names - {GOLD})

    @property
    def read_only(self) -> bool:
        return bool(getattr(self._db, "read_only", False))

    @classmethod
    def create(cls, path: Path | str, schema: Schema | None = None, annotator: str | None = None):
        """Make a new project file; ProjectFileError if a non-empty file is there."""
        if str(path) != ":memory:" and Path(path).exists() and Path(path).stat().st_size:
            raise ProjectFileError(f"{path}: a file already exists here")
        project = cls.open(path, create=True, annotator=annotator)
        if schema is not None:
            project.set_schema(schema)
        return project

    @classmethod
    def memory(cls, schema: Schema | None = None, annotator: str | None = None) -> Project:
        """A project in memory (tests, the self-test)."""
        return cls.create(":memory:", schema, annotator)

    def close(self) -> None:
        self._db.close()
        self._closed = True

    @property
    def is_open(self) -> bool:
        return not getattr(self, "_closed", False)

    def __enter__(self) -> Project:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def transaction(self) -> contextlib.AbstractContextManager:
        """One atomic write around several calls: all of them are committed, or none."""
        return write_transaction(self._db)

    def data_version(self) -> int:
        """SQLite's PRAGMA data_version: changes when another connection commits."""
        return self._db.execute("PRAGMA data_version").fetchone()[0]

    # --- schema and settings ---------------------------------------------------------------
    @property
    def schema(self) -> Schema:
        if self._schema is None:
            self._schema = read_schema(self._db)
        return self._schema

    def set_schema(self, schema: Schema) -> None:
        """Replace the schema; refused if an existing annotation would no longer fit it."""
        with write_transaction(self._db):
            for (label,) in self._db.execute("SELECT DISTINCT label FROM entities"):
                if not schema.has_label(label):
                    raise AnnotationError(
                        f"the new schema has no label {label!r}, which entities still use"
                    )
            for type_name, head_label, tail_label in self._db.execute(
                "SELECT DISTINCT r.type, h.label, t.label FROM relations r "
                "JOIN entities h ON h.id = r.head_id JOIN entities t ON t.id = r.tail_id"
            ):
                schema.check_relation(type_name, head_label, tail_label)
            old = None if self._schema is None else self._schema.to_dict()
            write_schema(self._db, schema)
            self._log.record(
                action="set_schema",
                object_kind="schema",
                object_id=None,
                document_id=None,
                annotator=self.annotator,
                old=old,
                new=schema.to_dict(),
            )
        self._schema = schema

    def setting(self, key: str, default: str | None = None) -> str | None:
        row = self._db.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        return default if row is None else row[0]

    def set_setting(self, key: str, value: str | None) -> None:
        """Store a project setting (None removes it)."""
        if key == "team":
            self._team = None
        with write_transaction(self._db):
            if value is None:
                self._db.execute("DELETE FROM settings WHERE key = ?", (key,))
            else:
                self._db.execute(
                    "INSERT INTO settings (key, value) VALUES (?, ?) "
                    "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                    (key, value),
                )

    # --- documents -------------------------------------------------------------------------
    def document(self, document_id: int, layer: str | None = None) -> Document:
        """The document, with its status in `layer` (default: this project's layer)."""
        return self._documents.get(document_id, layer or self.layer)

    def documents(self, status: str | None = None, layer: str | None = None) -> list[Document]:
        return self._documents.all(layer or self.layer, status)

    def document_ids(self, status: str | None = None, layer: str | None = None) -> list[int]:
        """Ids in order, without reading any text (a large project's texts are tens of MB)."""
        return self._documents.ids(layer or self.layer, status)

    def document_count(self) -> int:
        return self._documents.count()

    def document_id_by_sha256(self, sha256: str) -> int | None:
        return self._documents.id_by_sha256(sha256)

    def document_status(self, document_id: int, layer: str | None = None) -> DocumentStatus:
        return self._documents.status(document_id, layer or self.layer)

    def add_document(
        self,
        name: str,
        text: str,
        *,
        status: str = DocumentStatus.NEW,
        meta: dict[str, Any] | None = None,
    ) -> Document | None:
        """Add a document; returns None if the same text is already in the project."""
        return self._documents.add(name, text, status, meta, self.annotator, self.layer)

    def verify_document(self, document: Document) -> None:
        """Refuse a document whose text no longer matches the SHA-256 taken at import."""
        if text_sha256(document.text) != document.sha256:
            raise AnnotationError(
                f"document {document.id} ({document.name}): its text changed after import "
                "(SHA-256 mismatch); refusing to use it"
            )

    def set_document_status(
        self, document_id: int, status: str, annotator: str | None = None
    ) -> tuple[DocumentStatus, DocumentStatus]:
        """Set a document's status in this project's layer; returns (old, new)."""
        return self._documents.set_status(
            document_id, status, annotator or self.annotator, self.layer
        )

    # --- entities --------------------------------------------------------------------------
    def entity(self, entity_id: int) -> Entity:
        return self._entities.get(entity_id)

    def entities(
        self,
        document_id: int,
        status: str | None = None,
        layer: str | None = None,
        within: tuple[int, int] | None = None,
    ) -> list[Entity]:
        """A document's entities in reading order (this project's layer unless `layer`),
        optionally only those with `status`, or inside `within` (start, end: code
        points)."""
        return self._entities.of_document(document_id, layer or self.layer, status, within)

    def add_entity(
        self,
        document_id: int,
        start: int,
        end: int,
        label: str,
        *,
        status: str = Status.ACCEPTED,
        source: str = HUMAN_SOURCE,
        confidence: float | None = None,
        annotator: str | None = None,
        decision: Decision | None = None,
        found_in: tuple[str, ...] = (),
    ) -> Entity:
        """Add one entity over code points [start, end) of the document's text (in this
        project's layer). `decision` and `found_in` are given by curation (an agreed or a
        chosen entity, and the annotators whose layers had it); otherwise the decision
        follows from the status and source.

        Raises AnnotationError for an unknown label or status, a span outside the text,
        or the same span and label twice."""
        annotator = annotator or self.annotator
        self.schema.label(label)
        status = check_status(status)
        decision = decision or decision_for_new(status, source, HUMAN_SOURCE)
        entity = Entity(
            0,
            document_id,
            start,
            end,
            label,
            status,
            source,
            confidence,
            annotator,
            decided_by=annotator if decision else None,
            decision=decision,
            layer=self.layer,
            found_in=tuple(found_in),
        )
        return self._insert(entity, keep_id=False)

    def _insert(self, entity: Entity, *, keep_id: bool) -> Entity:
        with write_transaction(self._db):
            check_span(entity.start, entity.end, self._documents.text_length(entity.document_id))
            self._entities.refuse_duplicate_span(
                entity.document_id,
                entity.start,
                entity.end,
                entity.label,
                exclude_id=None,
                layer=entity.layer,
            )
            stored = self._entities.insert(entity, keep_id=keep_id)
            self._log.edit(
                action="add",
                object_kind="entity",
                object_id=stored.id,
                document_id=stored.document_id,
                layer=stored.layer,
                annotator=stored.decided_by or stored.annotator or self.annotator,
                new=entity_record(stored),
                at=stored.created_at,
            )
        return stored

    def update_entity(
        self,
        entity_id: int,
        *,
        label: str | None = None,
        status: str | None = None,
        start: int | None = None,
        end: int | None = None,
        annotator: str | None = None,
        expected: Entity | None = None,
    ) -> tuple[Entity, Entity]:
        """Accept, reject, relabel or resize an entity as `annotator` (default: the
        project's); returns (old, new). The decision is recorded as provenance
        (`annotator.model.provenance`); the entity keeps its creator and source.

        With `expected` (the entity as the caller last saw it), the edit is refused with
        ConcurrentEditError if another program changed it since."""
        with write_transaction(self._db):
            old = self._current(entity_id, expected)
            new = old.with_changes(
                label=old.label if label is None else label,
                status=old.status if status is None else check_status(status),
                start=old.start if start is None else start,
                end=old.end if end is None else end,
            )
            decision = decision_after_edit(old, new)
            acting = annotator or self.annotator
            new = new.with_changes(decision=decision, decided_by=acting if decision else None)
            return old, self._write_entity(old, new, acting)

    def revert_entity(
        self, earlier: Entity, annotator: str | None = None, expected: Entity | None = None
    ) -> tuple[Entity, Entity]:
        """Put an entity back exactly as `earlier` (span, label, status, decision): the
        undo of an update. Returns (old, new). With `expected` (the entity as this undo
        left it), refused with ConcurrentEditError if another program changed it since."""
        with write_transaction(self._db):
            old = self._current(earlier.id, expected)
            return old, self._write_entity(old, earlier, annotator or self.annotator)

    def _current(self, entity_id: int, expected: Entity | None) -> Entity:
        """The entity as stored; with `expected` (as the caller saw it), ConcurrentEditError
        if another program changed or removed it since (else AnnotationError if absent)."""
        try:
            current = self._entities.get(entity_id)
        except AnnotationError:
            if expected is None:
                raise
            raise ConcurrentEditError(
                f"the {expected.label} entity you edited was removed by another program (a "
                "suggestion run, another window); your edit was not saved — the document "
                "was re-read"
            ) from None
        _refuse_if_changed(current, expected)
        return current

    def _write_entity(self, old: Entity, new: Entity, acting: str) -> Entity:
        self.schema.label(new.label)
        check_span(new.start, new.end, self._documents.text_length(old.document_id))
        if new.label != old.label:
            for relation in self._relations.of_entity(old.id):
                self._relations.check_labels(relation, changed=new)
        if (new.start, new.end, new.label) != (old.start, old.end, old.label):
            self._entities.refuse_duplicate_span(
                old.document_id, new.start, new.end, new.label, exclude_id=old.id, layer=old.layer
            )
        stored = self._entities.write(new)
        self._log.edit(
            action="update",
            object_kind="entity",
            object_id=old.id,
            document_id=old.document_id,
            layer=old.layer,
            annotator=acting,
            old=entity_record(old),
            new=entity_record(stored),
            at=stored.updated_at,
        )
        return stored

    def delete_entity(
        self, entity_id: int, annotator: str | None = None, expected: Entity | None = None
    ) -> tuple[Entity, list[Relation]]:
        """Delete an entity and its relations; returns both so the deletion can be undone."""
        acting = annotator or self.annotator
        with write_transaction(self._db):
            entity = self._current(entity_id, expected)
            relations = self._relations.of_entity(entity_id)
            for relation in relations:
                self._relations.delete(relation.id, acting=acting)
            self._entities.delete(entity_id)
            self._log.edit(
                action="delete",
                object_kind="entity",
                object_id=entity_id,
                document_id=entity.document_id,
                layer=entity.layer,
                annotator=acting,
                old=entity_record(entity),
            )
        return entity, relations

    def restore_entity(self, entity: Entity, relations: list[Relation]) -> Entity:
        """Undo a deletion: the entity (with its id and provenance) and its relations."""
        with write_transaction(self._db):
            restored = self._insert(entity, keep_id=True)
            self._relations.restore(relations)
        return restored

    # --- relations -------------------------------------------------------------------------
    def relation(self, relation_id: int) -> Relation:
        return self._relations.get(relation_id)

    def relations(self, document_id: int, layer: str | None = None) -> list[Relation]:
        """A document's relations in id order (this project's layer unless `layer`)."""
        return self._relations.of_document(document_id, layer or self.layer)

    def relations_of(self, entity_id: int) -> list[Relation]:
        """The relations an entity is the head or tail of."""
        return self._relations.of_entity(entity_id)

    def add_relation(
        self,
        head_id: int,
        tail_id: int,
        type: str,
        *,
        status: str = Status.ACCEPTED,
        annotator: str | None = None,
        found_in: tuple[str, ...] = (),
    ) -> Relation:
        """Add a relation from head to tail; AnnotationError if the schema does not allow
        it between their labels, they are in different documents or layers, or it exists.
        `found_in`: for curation, the annotators whose layers had it."""
        return self._relations.add(
            head_id,
            tail_id,
            type,
            status=status,
            annotator=annotator or self.annotator,
            found_in=tuple(found_in),
        )

    def update_relation(
        self,
        relation_id: int,
        *,
        type: str | None = None,
        head_id: int | None = None,
        tail_id: int | None = None,
        status: str | None = None,
        annotator: str | None = None,
    ) -> tuple[Relation, Relation]:
        """Change a relation's type, ends (a swap) or status; returns (old, new)."""
        return self._relations.update(
            relation_id,
            acting=annotator or self.annotator,
            type=type,
            head_id=head_id,
            tail_id=tail_id,
            status=status,
        )

    def delete_relation(self, relation_id: int, annotator: str | None = None) -> Relation:
        return self._relations.delete(relation_id, acting=annotator or self.annotator)

    def restore_relations(self, relations: list[Relation]) -> list[Relation]:
        """Undo of a deletion: the relations come back with their ids."""
        return self._relations.restore(relations)

    # --- the log ---------------------------------------------------------------------------
    def events(self, document_id: int | None = None) -> Iterator[dict[str, Any]]:
        """The events log in order: dicts of id, at, annotator, action, object, object_id,
        document_id, old, new (old/new decoded from JSON)."""
        where, params = ("WHERE document_id = ?", (document_id,)) if document_id else ("", ())
        cursor = self._db.execute(
            "SELECT id, at, annotator, action, object, object_id, document_id, old, new "
            f"FROM events {where} ORDER BY id",
            params,
        )
        names = [column[0] for column in cursor.description]
        for row in cursor:
            event = dict(zip(names, row, strict=True))
            event["old"] = None if event["old"] is None else json.loads(event["old"])
            event["new"] = None if event["new"] is None else json.loads(event["new"])
            yield event


__all__ = ["ConcurrentEditError", "Project", "ProjectFileError", "default_annotator"]
