"""Curation mode of the window (View > Curate, `annotator gui --curate`): the gold layer
editable as usual, each annotator's layer as a track under the lines, the disagreements
panel, and the curation keys of `actions.CURATION_KEYS`.

The decisions themselves are the application layer's (`app.curation_operations`), done
through the session like every edit, so they are committed before the key returns and
undone with Ctrl+Z.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, Qt, Signal
from PySide6.QtWidgets import QDockWidget, QInputDialog

from annotator.app import curation
from annotator.app.curation import ENTITY, CurationError, DocumentCuration
from annotator.app.curation_operations import settle_as_is, take_version
from annotator.app.events import DocumentChanged, Origin
from annotator.app.operations import SetDocumentStatus
from annotator.gui import physical_keys
from annotator.gui.actions import CURATION_BACK, CURATION_KEYS, portable
from annotator.gui.article_view import ArticleView
from annotator.gui.curation_panel import DisagreementList
from annotator.gui.curation_tracks import tracks_for
from annotator.gui.i18n import Texts, translate
from annotator.gui.numbers import number
from annotator.gui.reports import curation_progress
from annotator.gui.session import DocumentSession
from annotator.gui.terms import label_name
from annotator.model import GOLD, DocumentStatus
from annotator.store.curation_rows import premerged

#: the pre-merge policies, as the window names them
POLICIES = {
    "unanimous": QT_TRANSLATE_NOOP("Policies", "unanimous"),
    "majority": QT_TRANSLATE_NOOP("Policies", "majority"),
}


class CurationText(Texts):
    """Curation mode's messages and questions."""


def policy_name(policy: str) -> str:
    """A pre-merge policy in the interface's language (its id if unknown)."""
    return translate("Policies", POLICIES[policy]) if policy in POLICIES else policy


class CurationMode(QObject):
    """session: the window's open document; view: the article; panel (and its dock):
    the disagreements; tell(message), ask(title, question) -> bool, open_document(id):
    the window's. `changed` is sent whenever what the panel shows changed."""

    changed = Signal()
    layer_switched = Signal()  # curation began or ended: the window works in another layer

    def __init__(
        self,
        session: DocumentSession,
        view: ArticleView,
        panel: DisagreementList,
        dock: QDockWidget,
        tell: Callable[[str], None],
        ask: Callable[[str, str], bool],
        open_document: Callable[[int], None],
    ) -> None:
        super().__init__(view)
        self.session, self.view, self.panel, self.dock = session, view, panel, dock
        self.tell, self.ask, self.open_document = tell, ask, open_document
        self.active = False
        self.editing = False  # E: the usual keys edit gold until Escape
        self.state: DocumentCuration | None = None
        self.index: int | None = None
        self._layer_before: str | None = None
        handlers = {
            "next": lambda _k: self.go(1),
            "previous": lambda _k: self.go(-1),
            "take": lambda k: self.take(int(k)),
            "none": lambda _k: self.take(0),
            "edit": lambda _k: self.edit(),
            "settle": lambda _k: self.settle(),
        }
        self.keymap = {portable(k): handlers[m.id] for m in CURATION_KEYS for k in m.keys}
        self.back_keys = {portable(k) for k in CURATION_BACK.keys}
        view.key_modes.append(self)
        panel.chosen.connect(self.go_to)
        session.document_opened.connect(self._document_opened)
        session.project_changed.connect(self._project_changed)
        dock.hide()

    # --- entering and leaving ------------------------------------------------------------
    def set_active(self, on: bool) -> bool:
        """Enter or leave curation; False (and a message) when no document can be
        curated. Entering works in the gold layer and opens the current document if it
        can be curated, else the first that needs curation."""
        if on == self.active:
            return True
        project = self.session.project
        if not on:
            self.active = self.editing = False
            project.layer = self._layer_before
            self.tell(
                CurationText.tr("Curation ended: back in the layer {layer}.").format(
                    layer=project.layer
                )
            )
            self.view.show_candidates = True
            self.view.set_tracks([])
            self.view.set_outline([])
            self.dock.hide()
            self.layer_switched.emit()
            self._reopen()
            self.changed.emit()
            return True
        current = self.session.document.id if self.session.document else None
        ready = set(curation.documents_to_curate(project))
        curatable = current is not None and len(curation.curated_layers(project, current)) >= 2
        target = current if curatable else min(ready, default=None)
        if target is None:
            self.tell(
                CurationText.tr(
                    "No document can be curated yet: curation needs a document that at least "
                    "two annotators marked done (merge their work first: File > Team)."
                )
            )
            self.changed.emit()
            return False
        self._layer_before, project.layer = project.layer, GOLD
        self.view.show_candidates = False  # the suggesters' proposals: the annotators saw them
        self.active = True
        self.dock.show()
        self.dock.raise_()
        self.layer_switched.emit()
        self.open_document(target)
        return True

    def _reopen(self) -> None:
        if self.session.document is not None:
            self.open_document(self.session.document.id)

    def _document_opened(self) -> None:
        if not self.active:
            return
        project, document_id = self.session.project, self.session.document.id
        self.editing = False
        try:
            state = curation.load(project, document_id)
        except CurationError as error:
            self.state, self.index = None, None
            self.view.set_tracks([])
            self.view.set_outline([])
            self.tell(str(error))
            self._show()
            return
        if not premerged(project, document_id):
            result = curation.premerge(project, document_id)
            # gold changed under every view: the article, the panels, the documents list
            self.session.workspace.documents_changed([document_id], Origin.MERGE)
            self.tell(
                CurationText.tr(
                    "Pre-merged ({policy}): {entities} entities and {relations} relations the "
                    "annotators agreed on are in gold."
                ).format(
                    policy=policy_name(curation.project_policy(project)),
                    entities=number(result.entities),
                    relations=number(result.relations),
                )
            )
            state = curation.load(project, document_id)
        self.state = state
        schema = project.schema
        self.view.set_tracks(tracks_for(state.annotators, lambda name: _spans(state, name, schema)))
        open_ones = [i for i, d in enumerate(state.disagreements) if d.key not in state.settled]
        self.go_to(open_ones[0] if open_ones else (0 if state.disagreements else None))

    def _project_changed(self, event) -> None:
        """Gold or a settled record of the curated document changed (an edit, an undo):
        read the settled records again."""
        if (
            self.active
            and self.state is not None
            and isinstance(event, DocumentChanged)
            and event.document_id == self.state.document_id
        ):
            self.state = self.state.with_settled(self.session.project)
            self._show()

    def choose_policy(self) -> None:
        """Ask which pre-merge policy the project uses from now on (documents already
        pre-merged keep theirs)."""
        project = self.session.project
        current = curation.project_policy(project)
        choices = {
            CurationText.tr("unanimous: what every annotator has exactly"): "unanimous",
            CurationText.tr("majority: what more than half of them have"): "majority",
        }
        labels = list(choices)
        picked, ok = QInputDialog.getItem(
            self.view.window(),
            CurationText.tr("Curation pre-merge policy"),
            CurationText.tr("Put into gold, before the curator decides anything:"),
            labels,
            list(choices.values()).index(current),
            False,
        )
        if ok and choices[picked] != current:
            project.set_setting(curation.POLICY_SETTING, choices[picked])
            self.tell(
                CurationText.tr(
                    "Pre-merge policy: {policy} (for documents not pre-merged yet)."
                ).format(policy=policy_name(choices[picked]))
            )

    # --- keys ------------------------------------------------------------------------------
    def wants(self, event) -> bool:
        """Claim a curation key (not while editing by hand, except Escape to come back
        once nothing is selected)."""
        if not self.active or self.state is None:
            return False
        keys = [sequence for sequence, _ in physical_keys.readings(event)]
        if self.editing:
            view = self.view
            return (
                any(key in self.back_keys for key in keys)
                and view.selection is None
                and view.focus_relation_id is None
            )
        return any(key in self.keymap for key in keys)

    def key(self, event) -> bool:
        if self.editing:
            self.editing = False
            self.tell(CurationText.tr("Back to curating: N/P, 1–9, 0, E, Enter."))
            self._show()
            return True
        key = next(k for k, _ in physical_keys.readings(event) if k in self.keymap)
        self.keymap[key](key)
        return True

    # --- the curator's steps -----------------------------------------------------------------
    def go(self, step: int) -> None:
        """N / P: the next or previous disagreement in reading order (wrapping)."""
        count = len(self.state.disagreements) if self.state else 0
        if not count:
            self.tell(
                CurationText.tr("No disagreements in this document: Ctrl+D marks it curated.")
            )
            return
        index = 0 if self.index is None and step > 0 else (self.index or 0) + step
        self.go_to(index % count)

    def go_to(self, index: int | None) -> None:
        """Make disagreement `index` the current one: outlined on every track, in view."""
        self.index = index
        if self.state is None or index is None:
            self.view.set_outline([])
        else:
            self.view.set_outline(curation.region_spans(self.state.disagreements[index].region))
        self._show()

    def _current(self):
        if self.state is None or self.index is None:
            self.tell(CurationText.tr("No disagreement chosen: N goes to the next one."))
            return None
        return self.state.disagreements[self.index]

    def take(self, number: int) -> None:
        """1..9: take annotator `number`'s version into gold; 0: take none."""
        disagreement = self._current()
        if disagreement is None:
            return
        names = self.state.annotators
        if number > len(names):
            self.tell(
                CurationText.tr(
                    "There are %Ln annotators here: 1–{last}, or 0 for none.", "", len(names)
                ).format(last=len(names))  # a key: written as on the keyboard
            )
            return
        annotator = names[number - 1] if number else None
        try:
            operation = take_version(self.session.project, self.state, disagreement, annotator)
        except CurationError as error:
            self.tell(str(error))
            return
        self.session.perform(operation)

    def settle(self) -> None:
        """Enter: settled as gold now holds it."""
        disagreement = self._current()
        if disagreement is not None:
            self.session.perform(settle_as_is(self.session.project, self.state, disagreement))

    def edit(self) -> None:
        """E: the usual keys edit gold here until Escape; the region's text is selected
        (or its first gold entity focused) to start from."""
        disagreement = self._current()
        if disagreement is None:
            return
        self.editing = True
        inside = [
            e
            for e in self.session.reading_order()
            if disagreement.start <= e.start and e.end <= disagreement.end
        ]
        if inside and disagreement.kind == ENTITY:
            self.view.set_focus_entity(inside[0].id)
        elif disagreement.kind == ENTITY:
            self.view.select(disagreement.start, disagreement.end)
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)
        self.tell(
            CurationText.tr(
                "Editing gold by hand: the usual keys; Escape to come back, Enter to settle."
            )
        )
        self._show()

    def mark_curated(self) -> None:
        """Ctrl+D: the document is curated (asked first if disagreements are open); then
        the next document that needs curation."""
        document = self.session.document
        if document is None:
            return
        if self.state is None:  # fewer than two finished layers: nothing was curated
            self.tell(
                CurationText.tr(
                    "This document is not ready for curation (fewer than two annotators "
                    "finished it): it stays as it is."
                )
            )
            return
        if self.state is not None:
            left = len(self.state.disagreements) - self.state.settled_count
            question = CurationText.tr(
                "{left} of %Ln disagreements are not settled. Mark the document curated anyway?",
                "",
                len(self.state.disagreements),
            ).format(left=number(left))
            if left and not self.ask(CurationText.tr("Mark curated"), question):
                return
        project = self.session.project
        before = project.document_status(document.id)
        if before != DocumentStatus.DONE:
            self.session.perform(SetDocumentStatus(document.id, DocumentStatus.DONE, before))
        waiting = [d for d in curation.documents_to_curate(project) if d != document.id]
        later = [d for d in waiting if d > document.id]
        target = (later or waiting or [None])[0]
        if target is None:
            self.tell(CurationText.tr("Curated. Every document that needs curation is curated."))
            return
        self.open_document(target)

    # --- showing -----------------------------------------------------------------------------
    def _show(self) -> None:
        text = self.session.document.text if self.session.document else ""
        self.panel.show_curation(self.state, text, self.index)
        self.changed.emit()

    def progress(self) -> str:
        """For the status bar: "Curating (gold): 7 of 12 disagreements settled"."""
        if not self.active:
            return ""
        if self.state is None:
            return CurationText.tr("Curating (gold): this document is not ready for curation")
        if self.editing:
            text = CurationText.tr("Curating (gold): {progress} · editing by hand")
        else:
            text = CurationText.tr("Curating (gold): {progress}")
        return text.format(progress=curation_progress(self.state))


def _spans(state: DocumentCuration, name: str, schema):
    """An annotator's spans (start, end, label as shown) for their track."""
    layer = state.layers.get(name)
    spans = layer.entities if layer is not None else ()
    return [(start, end, label_name(schema, label)) for start, end, label in spans]
