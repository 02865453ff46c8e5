"""The model's words as the window shows them: statuses, decisions and outcomes in the
interface's language (the glossary's terms), and labels and relation types by their
display names (`display.ar` in the schema). Stored data and exports keep the ids."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from annotator.gui.i18n import translate
from annotator.gui.language import display_language
from annotator.model import DocumentStatus, Schema, Status
from annotator.model.vocabulary import Decision, Outcome

_STATUS = {
    Status.CANDIDATE: QT_TRANSLATE_NOOP("Terms", "candidate"),
    Status.ACCEPTED: QT_TRANSLATE_NOOP("Terms", "accepted"),
    Status.REJECTED: QT_TRANSLATE_NOOP("Terms", "rejected"),
}
_DOCUMENT_STATUS = {
    DocumentStatus.NEW: QT_TRANSLATE_NOOP("Terms", "new"),
    DocumentStatus.IN_PROGRESS: QT_TRANSLATE_NOOP("Terms", "in progress"),
    DocumentStatus.DONE: QT_TRANSLATE_NOOP("Terms", "done"),
}
# how an entity was decided, as in "accepted by amal" (a context of its own: in Arabic a
# decision is named as an act, a status as a state)
_DECISION = {
    Decision.ACCEPTED: QT_TRANSLATE_NOOP("Decisions", "accepted"),
    Decision.REJECTED: QT_TRANSLATE_NOOP("Decisions", "rejected"),
    Decision.RELABELLED: QT_TRANSLATE_NOOP("Decisions", "relabelled"),
    Decision.RESIZED: QT_TRANSLATE_NOOP("Decisions", "resized"),
    Decision.ADDED: QT_TRANSLATE_NOOP("Decisions", "added"),
    Decision.IMPORTED: QT_TRANSLATE_NOOP("Decisions", "imported"),
    Decision.AGREED: QT_TRANSLATE_NOOP("Decisions", "agreed"),
    Decision.CHOSEN: QT_TRANSLATE_NOOP("Decisions", "chosen"),
}
_OUTCOME = {
    Outcome.AGREED: QT_TRANSLATE_NOOP("Terms", "agreed (pre-merge)"),
    Outcome.CHOSEN: QT_TRANSLATE_NOOP("Terms", "chosen from {annotator}"),
    Outcome.NONE: QT_TRANSLATE_NOOP("Terms", "none taken"),
    Outcome.OWN: QT_TRANSLATE_NOOP("Terms", "curator's own"),
}
_KIND = {
    "entity": QT_TRANSLATE_NOOP("Terms", "entity"),
    "relation": QT_TRANSLATE_NOOP("Terms", "relation"),
}


def _named(table: dict, value, context: str = "Terms") -> str:
    if value not in table:
        return str(value)  # a value this window does not know: shown as stored
    return translate(context, table[value])


def status_name(status: str) -> str:
    """An entity's or relation's status: candidate, accepted, rejected."""
    return _named(_STATUS, status)


def document_status_name(status: str) -> str:
    """A document's status: new, in progress, done."""
    return _named(_DOCUMENT_STATUS, status)


def decision_name(decision: str) -> str:
    """How a person decided an entity: accepted, relabelled, added…"""
    return _named(_DECISION, decision, "Decisions")


def outcome_name(outcome: str, annotator: str | None = None) -> str:
    """How a curator settled a disagreement; `annotator`: whose version was chosen."""
    return _named(_OUTCOME, outcome).format(annotator=annotator or "")


def kind_name(kind: str) -> str:
    """ "entity" or "relation" (a disagreement's kind)."""
    return _named(_KIND, kind)


def label_name(schema: Schema, name: str) -> str:
    """A label as the interface shows it: its display name in the interface's language
    (`display.ar`), else its id."""
    return schema.label(name).shown(display_language()) if schema.has_label(name) else name


def type_name(schema: Schema, name: str) -> str:
    """A relation type as the interface shows it (its display name, else its id)."""
    if name not in schema.relation_type_names:
        return name  # a type the schema does not have: its id
    return schema.relation_type(name).shown(display_language())
