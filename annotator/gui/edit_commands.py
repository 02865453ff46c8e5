"""What the edit keys do: each turns the article's focus or selection into one operation of
the application layer, performed through the session (committed before it returns)."""

from __future__ import annotations

from collections.abc import Callable

from annotator.app import operations
from annotator.gui.article_view import ArticleView
from annotator.gui.i18n import Texts
from annotator.gui.session import DocumentSession
from annotator.gui.terms import label_name
from annotator.model import DocumentStatus, Status
from annotator.store.queries import next_unfinished


class EditText(Texts):
    """The questions and messages of the edit keys."""


class EditCommands:
    """Edits of the open document.

    session: performs operations; view: the article (focus, selection, words);
    ask(title, question) -> bool: a yes/no question to the person; open_document(id):
    opens another document; tell(message): a line in the status bar.
    """

    def __init__(
        self,
        session: DocumentSession,
        view: ArticleView,
        ask: Callable[[str, str], bool],
        open_document: Callable[[int], None],
        tell: Callable[[str], None],
    ) -> None:
        self.session = session
        self.view = view
        self.ask = ask
        self.open_document = open_document
        self.tell = tell

    # --- entities ----------------------------------------------------------------------
    def accept_focused(self) -> None:
        entity = self.view.focused_entity()
        if entity is None:
            return
        if entity.status != Status.ACCEPTED:
            self.session.perform(operations.accept(entity))
        self.view.next_entity(1)

    def reject_focused(self) -> None:
        entity = self.view.focused_entity()
        if entity is None:
            return
        relations = self.session.relations_of(entity.id)
        if relations:
            question = EditText.tr(
                "{label} has %Ln relations. Reject it and remove them?", "", len(relations)
            ).format(label=label_name(self.session.project.schema, entity.label))
            if self.ask(EditText.tr("Reject"), question):
                self.session.perform(operations.reject_with_relations(entity, relations))
                self.view.next_entity(1)
            return
        if entity.status != Status.REJECTED:
            self.session.perform(operations.reject(entity))
        self.view.next_entity(1)

    def delete_focused(self) -> None:
        entity = self.view.focused_entity()
        if entity is not None:
            self.session.perform(operations.DeleteEntity(entity))

    def apply_label(self, label: str) -> None:
        """A label key: the selection becomes a new entity, or the focused one is relabelled."""
        if self.session.document is None:
            return
        if self.view.selection is not None:
            start, end = self.view.selection
            operation = operations.AddEntity(self.session.document.id, start, end, label)
            if self.session.perform(operation):
                self.view.selection = None
                self.view.set_focus_entity(operation.entity_id, scroll=False)
            return
        entity = self.view.focused_entity()
        if entity is not None and entity.label != label:
            self.session.perform(operations.relabel(entity, label))

    def resize_focused(self, start_delta: int, end_delta: int) -> None:
        entity = self.view.focused_entity()
        if entity is not None:
            self.session.perform(
                operations.resize(entity, entity.start + start_delta, entity.end + end_delta)
            )

    def resize_focused_by_word(self, start_step: int, end_step: int) -> None:
        entity = self.view.focused_entity()
        if entity is None:
            return
        start, end = self.view.word_boundary_moves(entity.start, entity.end, start_step, end_step)
        if (start, end) != (entity.start, entity.end) and start < end:
            self.session.perform(
                operations.resize(entity, start, end, EditText.tr("Resize by a word"))
            )

    def accept_all(self, label: str | None = None) -> None:
        candidates = [
            e
            for e in self.session.reading_order()
            if e.status == Status.CANDIDATE and (label is None or e.label == label)
        ]
        if not candidates:
            return
        count, shown = len(candidates), label_name(self.session.project.schema, label or "")
        if label:
            question = EditText.tr("Accept %Ln {label} candidates in this document?", "", count)
            title = EditText.tr("Accept %Ln {label} candidates", "", count)
        else:
            question = EditText.tr("Accept %Ln candidates in this document?", "", count)
            title = EditText.tr("Accept %Ln candidates", "", count)
        if self.ask(EditText.tr("Accept all"), question.format(label=shown)):
            self.session.perform(operations.accept_all(candidates, title.format(label=shown)))

    def accept_all_of_label(self) -> None:
        entity = self.view.focused_entity()
        if entity is not None:
            self.accept_all(entity.label)

    # --- relations ---------------------------------------------------------------------
    def add_relation(self, head_id: int, tail_id: int, type_name: str) -> None:
        """Link-and-accept: candidate ends are accepted in the same step."""
        head, tail = self.session.entities[head_id], self.session.entities[tail_id]
        operation = operations.link(head, tail, type_name)
        if self.session.perform(operation):
            self.view.set_focus_relation(operation.children[-1].relation.id)

    def retype_relation(self, relation_id: int, type_name: str) -> None:
        relation = self.session.relations[relation_id]
        if relation.type != type_name:
            self.session.perform(operations.retype(relation, type_name))
        self.view.set_focus_relation(relation_id)

    def swap_relation(self) -> None:
        relation = self.view.focused_relation()
        if relation is not None:
            self.session.perform(operations.swap(relation))
            self.view.set_focus_relation(relation.id)

    def delete_relation(self) -> None:
        relation = self.view.focused_relation()
        if relation is not None:
            self.session.perform(operations.DeleteRelation(relation))

    # --- documents ---------------------------------------------------------------------
    def mark_done(self) -> None:
        """Ctrl+D: done (asking first when candidates are left), then the next document."""
        document = self.session.document
        if document is None:
            return
        left = sum(1 for e in self.session.entities.values() if e.status == Status.CANDIDATE)
        question = EditText.tr(
            "%Ln candidates are still undecided in this document. Mark it done anyway?", "", left
        )
        if left and not self.ask(EditText.tr("Mark done"), question):
            return
        operation = operations.SetDocumentStatus(document.id, DocumentStatus.DONE, document.status)
        if self.session.perform(operation):
            self.next_unfinished()

    def next_unfinished(self) -> None:
        current = self.session.document.id if self.session.document else 0
        document_id = next_unfinished(self.session.project, current)
        if document_id is None:
            self.tell(EditText.tr("No unfinished document is left: every other document is done."))
        else:
            self.open_document(document_id)
