"""The open project as a person works on it: operations with undo, and change events.

`Workspace` is what the window and the command line hold. It performs an operation (one
transaction, committed before it returns), keeps it on the document's history, and then
announces the change on `events`. Import and suggestion runs go through it too, so every
view learns of every change the same way, whatever made it.
"""

from __future__ import annotations

from annotator.app.events import (
    DocumentChanged,
    DocumentsAdded,
    EventHub,
    Origin,
    ProjectReloaded,
)
from annotator.app.history import History
from annotator.app.operations import Delta, Operation
from annotator.model import DocumentStatus
from annotator.store import Project


class Workspace:
    """A project, its per-document undo histories and its event hub.

    Errors from `perform`, `undo` and `redo`: AnnotationError (refused; nothing changed,
    the histories unchanged), ConcurrentEditError (another program changed the entity;
    a ProjectReloaded event follows so views show what is stored), ProjectWriteError.
    """

    def __init__(self, project: Project, events: EventHub | None = None) -> None:
        self.project = project
        self.events = events or EventHub()
        self._histories: dict[tuple[str, int], History] = {}
        self._data_version = project.data_version()

    def history(self, document_id: int) -> History:
        """The undo history of one document in the layer the project works in now (made
        on first use): a curator's gold edits and their own layer's never mix."""
        return self._histories.setdefault((self.project.layer, document_id), History())

    def perform(self, operation: Operation) -> DocumentChanged:
        """Do `operation` now; on success it goes on its document's history and its
        change is announced (and returned)."""
        return self._run(operation, Origin.EDIT)

    def undo(self, document_id: int) -> DocumentChanged | None:
        """Undo the document's last edit (None if there is none)."""
        history = self.history(document_id)
        operation = history.next_undo()
        return None if operation is None else self._run(operation, Origin.UNDO)

    def redo(self, document_id: int) -> DocumentChanged | None:
        """Redo the document's last undone edit (None if there is none)."""
        history = self.history(document_id)
        operation = history.next_redo()
        return None if operation is None else self._run(operation, Origin.REDO)

    def _run(self, operation: Operation, origin: Origin) -> DocumentChanged:
        from annotator.store.project import ConcurrentEditError

        document_id = operation.document_id
        before = self.project.document_status(document_id)
        try:
            delta = (
                operation.undo(self.project)
                if origin == Origin.UNDO
                else operation.do(self.project)
            )
        except ConcurrentEditError:
            self.events.publish(ProjectReloaded())
            raise
        history = self.history(document_id)
        if origin == Origin.EDIT:
            history.pushed(operation)
        elif origin == Origin.UNDO:
            history.undone()
        else:
            history.redone()
        return self.announce(document_id, delta, origin, before)

    def announce(
        self, document_id: int, delta: Delta, origin: Origin, before: DocumentStatus
    ) -> DocumentChanged:
        """Publish what a committed change did to a document (its status read back)."""
        # a person's first edit moves a new document to in_progress: only then can an edit
        # that is not a status change have changed the status
        after = (
            delta.status
            if delta.status is not None
            else self.project.document_status(document_id)
            if before == DocumentStatus.NEW
            else before
        )
        event = DocumentChanged(
            document_id,
            origin,
            entities_added=tuple(
                e for e in delta.entities.values() if e.id in delta.entities_added
            ),
            entities_changed=tuple(
                e for e in delta.entities.values() if e.id not in delta.entities_added
            ),
            entities_removed=tuple(sorted(delta.entities_removed)),
            relations_added=tuple(
                r for r in delta.relations.values() if r.id in delta.relations_added
            ),
            relations_changed=tuple(
                r for r in delta.relations.values() if r.id not in delta.relations_added
            ),
            relations_removed=tuple(sorted(delta.relations_removed)),
            status=after if after != before else None,
            curation=delta.curation,
        )
        self.events.publish(event)
        return event

    def documents_changed(self, document_ids: list[int], origin: Origin) -> None:
        """Many annotations of these documents changed at once (a suggestion run, possibly
        in another connection): announce each for a re-read."""
        for document_id in document_ids:
            self.events.publish(DocumentChanged(document_id, origin, everything=True))

    def documents_added(self, document_ids: list[int]) -> None:
        """Documents were imported: announce them (nothing if the list is empty)."""
        if document_ids:
            self.events.publish(DocumentsAdded(tuple(document_ids)))

    def import_paths(self, paths, **options):
        """`annotator.app.importing.import_paths` on this project, then the new documents
        announced. Returns the ImportReport."""
        from annotator.app.importing import import_paths

        report = import_paths(self.project, paths, **options)
        self.documents_added(report.document_ids)
        return report

    def absorb_own_commits(self) -> None:
        """This process's other connection (the window's suggestion worker) committed and
        said what it changed: not news from another program. (A commit by another program
        in the same instant is then seen with its next commit.)"""
        self._data_version = self.project.data_version()

    def check_external_changes(self) -> bool:
        """True (and ProjectReloaded announced) if another connection committed since the
        last look (SQLite's data_version)."""
        version = self.project.data_version()
        if version == self._data_version:
            return False
        self._data_version = version
        self.events.publish(ProjectReloaded())
        return True
