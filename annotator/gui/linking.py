"""Making a relation in the article: from the keyboard (R, then the other end and the
type) or by a drag, and choosing a new type for a relation (T).

The keys while linking come from `actions.LINK_KEYS`, so the F1 help lists exactly what
works here. The state itself is `relation_overlay.LinkState`, which the view paints.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from annotator.gui.actions import LINK_KEYS, portable
from annotator.gui.physical_keys import readings
from annotator.gui.relation_overlay import LinkingText, LinkState, type_for_key
from annotator.gui.terms import label_name, type_name

if TYPE_CHECKING:
    from annotator.gui.article_view import ArticleView


def _no_type_message(schema, head: str, tail: str) -> str:
    """Why nothing can be chosen for head -> tail, and what the schema does allow (labels
    and types by the names the interface shows)."""
    comma = LinkingText.tr(", ")
    reverse = schema.types_allowed_between(tail, head)
    shown_head, shown_tail = label_name(schema, head), label_name(schema, tail)
    if reverse:
        return LinkingText.tr(
            "No relation type allows {head} → {tail}; {tail} → {head} allows {types}: "
            "press S to swap head and tail."
        ).format(
            head=shown_head,
            tail=shown_tail,
            types=comma.join(type_name(schema, t.name) for t in reverse),
        )
    pair = LinkingText.tr("{head} → {tail}")  # the arrow points from head to tail
    allowed = sorted(
        {
            pair.format(head=label_name(schema, h), tail=label_name(schema, t))
            for r in schema.relation_types
            for h, t in r.pairs
            if head in (h, t)
        }
    )
    return LinkingText.tr(
        "No relation type allows {head} → {tail} or {tail} → {head}; with {head} the schema "
        "allows {pairs}."
    ).format(
        head=shown_head,
        tail=shown_tail,
        pairs=comma.join(allowed) or LinkingText.tr("no relation at all"),
    )


class LinkController:
    """Owns the `link` state while a relation is being made.

    view: the article (entities, layout, repaint); tell(message): a line for the person;
    add(head, tail, type) and retype(relation, type): what to do once a type is chosen."""

    def __init__(
        self,
        view: ArticleView,
        tell: Callable[[str], None],
        add: Callable[[int, int, str], None],
        retype: Callable[[int, str], None],
    ) -> None:
        self.view = view
        self.tell = tell
        self.add = add
        self.retype = retype
        self.state: LinkState | None = None
        handlers = {
            "next": lambda _text: self._move_target(1),
            "previous": lambda _text: self._move_target(-1),
            "choose": lambda _text: self._choose(),
            "number": self._number,
            "swap": lambda _text: self._swap(),
            "back": lambda _text: self._back(),
        }
        self.keymap = {portable(key): handlers[spec.id] for spec in LINK_KEYS for key in spec.keys}

    @property
    def active(self) -> bool:
        return self.state is not None

    def start_link(self) -> None:
        """R: link the focused entity to another one chosen next."""
        view = self.view
        if view.focused_entity() is None:
            self.tell(LinkingText.tr("Focus an entity first (Tab), then press R."))
            return
        self.state = LinkState(source=view.focus_entity_id)
        self._move_target(1)

    def start_drag_link(self, source: int, target: int) -> None:
        """A drag from one entity to another: straight to the type choice."""
        self.view.focus_entity_id = source
        self.state = LinkState(source=source, target=target)
        self._choose_type()
        if not self.state.types:
            self.state = None

    def start_retype(self) -> None:
        """T on a focused arc: choose another type the schema allows for its ends."""
        relation = self.view.focused_relation()
        if relation is None:
            return
        self.state = LinkState(
            source=relation.head_id, target=relation.tail_id, retype_relation=relation.id
        )
        self._choose_type()

    def key(self, event) -> bool:
        """A key while linking; True if it was used. The key is read as typed, then as
        the key in its place on a US keyboard (S and the type hotkeys with the Arabic
        layout: `physical_keys.latin_key`)."""
        state = self.state
        for sequence, text in readings(event):
            if state.types:
                chosen = type_for_key(state, text)
                if chosen is not None:
                    self._finish(chosen.name)
                    return True
            handler = self.keymap.get(sequence) or self.keymap.get(text)
            if handler is not None:
                handler(text)
                return True
        return bool(state.types)  # the type list takes every key while it is open

    def _finish(self, type_name: str) -> None:
        state, self.state = self.state, None
        self.view.viewport().update()
        if state.retype_relation is not None:
            self.retype(state.retype_relation, type_name)
        else:
            self.add(state.source, state.target, type_name)

    def _back(self) -> None:
        if self.state.types and self.state.retype_relation is None:
            self.state.types = []
        else:
            self.state = None
        self.view.viewport().update()

    def _move_target(self, step: int) -> None:
        if self.state.types:
            return
        view, session = self.view, self.view.session
        ordered = [
            e.id
            for e in session.reading_order()
            if e.id in view.layout_.entities and e.id != self.state.source
        ]
        if not ordered:
            return
        if self.state.target in ordered:
            index = (ordered.index(self.state.target) + step) % len(ordered)
        else:
            source = session.entities[self.state.source]
            later = [
                i
                for i, entity_id in enumerate(ordered)
                if session.entities[entity_id].start >= source.start
            ]
            index = later[0] if later and step > 0 else (len(ordered) - 1 if step < 0 else 0)
        self.state.target = ordered[index]
        view.ensure_visible(self.state.target)
        view.viewport().update()

    def _choose(self) -> None:
        if self.state.types:
            return
        if self.state.typed:
            self._pick_numbered()
        self._choose_type()

    def _number(self, digit: str) -> None:
        state = self.state
        if state.types:
            return  # a type's number is taken by type_for_key
        state.typed += digit
        self._pick_numbered()

    def _choose_type(self) -> None:
        state = self.state
        if state.target is None:
            return
        session = self.view.session
        head, tail = session.entities[state.source], session.entities[state.target]
        schema = session.project.schema
        types = schema.types_allowed_between(head.label, tail.label)
        if not types:
            self.tell(_no_type_message(schema, head.label, tail.label))
            return
        state.types = types
        self.view.viewport().update()

    def _swap(self) -> None:
        """S while choosing the other end: the chosen entity becomes the head."""
        state = self.state
        if state.types or state.target is None or state.retype_relation is not None:
            return
        state.source, state.target = state.target, state.source
        self._choose_type()
        self.view.viewport().update()

    def _pick_numbered(self) -> None:
        state = self.state
        entity_id = state.numbers.get(int(state.typed)) if state.typed else None
        if entity_id is not None and entity_id != state.source:
            state.target = entity_id
        if state.typed and int(state.typed) * 10 > max(state.numbers, default=0):
            state.typed = ""  # no longer number can start with these digits
        self.view.viewport().update()
