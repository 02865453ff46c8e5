"""The main window's edits: each key or menu entry becomes one undo command on the open
document's stack, performed through the project (committed before it returns)."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from annotator.gui import commands


class EditsMixin:
    """Part of MainWindow: needs session, view, project, undo/redo actions, _memory_timer."""

    # --- edits -------------------------------------------------------------------------
    def _push(self, command) -> bool:
        done = self.session.push(command)
        self._update_undo_names(self.session.undo_stack)
        if done:
            self._gold_may_have_changed()
        return done

    def _gold_may_have_changed(self) -> None:
        """Project memory learns from accepted entities: refresh it shortly after edits."""
        if self.project.path is not None:
            self._memory_timer.start()

    def accept_focused(self) -> None:
        entity = self.view.focused_entity()
        if entity is None:
            return
        if entity.status != "accepted":
            self._push(
                commands.UpdateEntity(
                    self.session, entity, f"Accept {entity.label}", status="accepted"
                )
            )
        self.view.next_entity(1)

    def reject_focused(self) -> None:
        if self.view.focused_relation() is not None:
            self.delete_relation()
            return
        entity = self.view.focused_entity()
        if entity is None:
            return
        relations = self.session.relations_of(entity.id)
        if relations:
            answer = QMessageBox.question(
                self,
                "Reject",
                f"{entity.label} has {len(relations)} relation(s). Reject it and remove them?",
            )
            if answer == QMessageBox.StandardButton.Yes:
                self._push(commands.RejectWithRelations(self.session, entity))
                self.view.next_entity(1)
            return
        if entity.status != "rejected":
            self._push(
                commands.UpdateEntity(
                    self.session, entity, f"Reject {entity.label}", status="rejected"
                )
            )
        self.view.next_entity(1)

    def add_relation(self, head_id: int, tail_id: int, type_name: str) -> None:
        head, tail = self.session.entities[head_id], self.session.entities[tail_id]
        command = commands.AddRelation(self.session, head, tail, type_name)
        if self._push(command):
            self.view.set_focus_relation(command.relation_id)

    def retype_relation(self, relation_id: int, type_name: str) -> None:
        relation = self.session.relations[relation_id]
        if relation.type != type_name:
            self._push(
                commands.UpdateRelation(
                    self.session, relation, f"Retype as {type_name}", type=type_name
                )
            )
        self.view.set_focus_relation(relation_id)

    def swap_relation(self) -> None:
        relation = self.view.focused_relation()
        if relation is not None:
            self._push(
                commands.UpdateRelation(
                    self.session,
                    relation,
                    "Swap head and tail",
                    head_id=relation.tail_id,
                    tail_id=relation.head_id,
                )
            )
            self.view.set_focus_relation(relation.id)

    def delete_relation(self) -> None:
        relation = self.view.focused_relation()
        if relation is not None:
            self._push(commands.DeleteRelation(self.session, relation))

    def delete_focused(self) -> None:
        if self.view.focused_relation() is not None:
            self.delete_relation()
            return
        entity = self.view.focused_entity()
        if entity is not None:
            self._push(commands.DeleteEntity(self.session, entity))

    def apply_label(self, label: str) -> None:
        if self.session.document is None:
            return
        if self.view.selection is not None:
            start, end = self.view.selection
            command = commands.AddEntity(self.session, start, end, label)
            if self._push(command):
                self.view.selection = None
                self.view.set_focus_entity(command.entity_id, scroll=False)
            return
        entity = self.view.focused_entity()
        if entity is not None and entity.label != label:
            self._push(
                commands.UpdateEntity(self.session, entity, f"Relabel as {label}", label=label)
            )

    def resize_focused(self, start_delta: int, end_delta: int) -> None:
        entity = self.view.focused_entity()
        if entity is None:
            return
        self._push(
            commands.UpdateEntity(
                self.session,
                entity,
                "Resize",
                start=entity.start + start_delta,
                end=entity.end + end_delta,
            )
        )

    def accept_all(self, label: str | None = None) -> None:
        candidates = [
            e
            for e in self.session.entities.values()
            if e.status == "candidate" and (label is None or e.label == label)
        ]
        if not candidates:
            return
        what = f"{len(candidates)} {label + ' ' if label else ''}candidates"
        answer = QMessageBox.question(self, "Accept all", f"Accept {what} in this document?")
        if answer == QMessageBox.StandardButton.Yes:
            self._push(commands.AcceptAll(self.session, candidates, f"Accept {what}"))

    def accept_all_of_label(self) -> None:
        entity = self.view.focused_entity()
        if entity is not None:
            self.accept_all(entity.label)

    def mark_done(self) -> None:
        if self.session.document is None:
            return
        self._push(commands.SetDocumentStatus(self.session, "done"))
        self.documents.refresh()
        self.next_unfinished()

    def undo(self) -> None:
        stack = self.session.undo_stack
        if stack is not None and stack.canUndo():
            stack.undo()
            self._update_undo_names(stack)
            self._gold_may_have_changed()

    def redo(self) -> None:
        stack = self.session.undo_stack
        if stack is not None and stack.canRedo():
            stack.redo()
            self._update_undo_names(stack)
            self._gold_may_have_changed()

    def resize_focused_by_word(self, start_step: int, end_step: int) -> None:
        entity = self.view.focused_entity()
        if entity is None:
            return
        start, end = self.view.word_boundary_moves(entity.start, entity.end, start_step, end_step)
        if (start, end) != (entity.start, entity.end) and start < end:
            self._push(
                commands.UpdateEntity(
                    self.session, entity, "Resize by a word", start=start, end=end
                )
            )
