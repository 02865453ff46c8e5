"""The article view's relations: which arcs show, arc focus, and making a relation from
the keyboard or by a drag (the state itself is relation_overlay.LinkState)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from annotator.gui.relation_overlay import LinkState, relation_order, type_for_key
from annotator.model import Entity, Relation


class LinkingMixin:
    """Part of ArticleView: needs session, layout_, focus_entity_id, focus_relation_id,
    link, show_arcs, only_focus_relations and the view's repaint and scroll helpers."""

    def visible_relations(self, entities: list[Entity]) -> list[Relation]:
        if not self.show_arcs:
            return []
        shown = {e.id for e in entities}
        focus = self.focus_entity_id
        return [
            r
            for r in self.session.relations.values()
            if r.head_id in shown
            and r.tail_id in shown
            and (not self.only_focus_relations or focus in (r.head_id, r.tail_id))
        ]

    def set_focus_relation(self, relation_id: int | None) -> None:
        self.focus_relation_id = relation_id
        if relation_id is not None:
            self.focus_entity_id = None
            self.selection = None
            relation = self.session.relations.get(relation_id)
            if relation is not None:
                self.ensure_visible(relation.head_id)
        self.viewport().update()
        self.focus_changed.emit()

    def focused_relation(self) -> Relation | None:
        return self.session.relations.get(self.focus_relation_id)

    def next_relation(self, step: int) -> None:
        """] / [: the next or previous relation, in the reading order of their heads."""
        ordered = relation_order(
            {r.id: r for r in self.visible_relations(self.visible_entities())},
            self.session.entities,
        )
        if not ordered:
            self.message.emit("No relations in this document.")
            return
        ids = [r.id for r in ordered]
        if self.focus_relation_id in ids:
            index = (ids.index(self.focus_relation_id) + step) % len(ids)
        else:
            index = 0 if step > 0 else len(ids) - 1
        self.set_focus_relation(ids[index])

    # --- making a relation -------------------------------------------------------------
    def start_link(self) -> None:
        """R: link the focused entity to another one chosen next."""
        if self.focused_entity() is None:
            self.message.emit("Focus an entity first (Tab), then press R.")
            return
        self.link = LinkState(source=self.focus_entity_id)
        self._move_link_target(1)

    def start_retype(self) -> None:
        """T on a focused arc: choose another type the schema allows for its ends."""
        relation = self.focused_relation()
        if relation is None:
            return
        self.link = LinkState(
            source=relation.head_id, target=relation.tail_id, retype_relation=relation.id
        )
        self._choose_type()

    def _move_link_target(self, step: int) -> None:
        ordered = [
            e.id
            for e in self.session.reading_order()
            if e.id in self.layout_.entities and e.id != self.link.source
        ]
        if not ordered:
            return
        if self.link.target in ordered:
            index = (ordered.index(self.link.target) + step) % len(ordered)
        else:
            source = self.session.entities[self.link.source]
            later = [
                i
                for i, entity_id in enumerate(ordered)
                if self.session.entities[entity_id].start >= source.start
            ]
            index = later[0] if later and step > 0 else (len(ordered) - 1 if step < 0 else 0)
        self.link.target = ordered[index]
        self.ensure_visible(self.link.target)
        self.viewport().update()

    def _choose_type(self) -> None:
        link = self.link
        if link.target is None:
            return
        head, tail = self.session.entities[link.source], self.session.entities[link.target]
        types = self.session.project.schema.types_allowed_between(head.label, tail.label)
        if not types:
            self.message.emit(f"No relation type allows {head.label} → {tail.label}.")
            return
        link.types = types
        self.viewport().update()

    def _link_key(self, event) -> bool:
        """Keys while a relation is being made; True if the key was used."""
        key, text, link = event.key(), event.text(), self.link
        if key == Qt.Key.Key_Escape:
            if link.types and link.retype_relation is None:
                link.types = []
            else:
                self.link = None
            self.viewport().update()
            return True
        if link.types:
            chosen = type_for_key(link, text)
            if chosen is not None:
                self.link = None
                self.viewport().update()
                if link.retype_relation is not None:
                    self.retype_requested.emit(link.retype_relation, chosen.name)
                else:
                    self.relation_requested.emit(link.source, link.target, chosen.name)
            return True
        if key in (Qt.Key.Key_Tab, Qt.Key.Key_Down, Qt.Key.Key_Left):
            self._move_link_target(1)
        elif key in (Qt.Key.Key_Backtab, Qt.Key.Key_Up, Qt.Key.Key_Right):
            self._move_link_target(-1)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if link.typed:
                self._pick_numbered()
            self._choose_type()
        elif text.isdigit():
            link.typed += text
            self._pick_numbered()
        else:
            return False
        return True

    def _pick_numbered(self) -> None:
        entity_id = self.link.numbers.get(int(self.link.typed)) if self.link.typed else None
        if entity_id is not None and entity_id != self.link.source:
            self.link.target = entity_id
        if self.link.typed and int(self.link.typed) * 10 > max(self.link.numbers, default=0):
            self.link.typed = ""  # no longer number can start with these digits
        self.viewport().update()
