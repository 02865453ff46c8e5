"""The Edit menu's names of edits ("Undo Accept LOC") in the interface's language.

The application layer names each edit with a `Title` (English, with its template and
fields: `app.titles`); here each template is said in the interface's language, with the
label or relation type named as the interface shows it. A name the window composed
itself (already translated) is shown as it is."""

from __future__ import annotations

from collections.abc import Callable

from annotator.app import titles
from annotator.app.titles import Title
from annotator.gui.i18n import Texts, isolate
from annotator.gui.terms import document_status_name, label_name, outcome_name, type_name
from annotator.model import Schema


class EditTitleText(Texts):
    """Names of edits, for Undo and Redo."""


def _label(fields: dict, schema: Schema) -> str:
    return label_name(schema, str(fields["label"]))


def _type(fields: dict, schema: Schema) -> str:
    return type_name(schema, str(fields["type"]))


def _who(fields: dict) -> str:
    return isolate(fields["annotator"])


def _outcome(fields: dict) -> str:
    return outcome_name(str(fields["outcome"]), _who(fields) if "annotator" in fields else None)


# template -> how to say it, from the title's fields and the schema; every template the
# application layer uses has one (a test holds this)
SAYINGS: dict[str, Callable[[dict, Schema], str]] = {
    titles.ADD: lambda f, s: EditTitleText.tr("Add {label}").format(label=_label(f, s)),
    titles.ACCEPT: lambda f, s: EditTitleText.tr("Accept {label}").format(label=_label(f, s)),
    titles.REJECT: lambda f, s: EditTitleText.tr("Reject {label}").format(label=_label(f, s)),
    titles.RELABEL: lambda f, s: EditTitleText.tr("Relabel as {label}").format(label=_label(f, s)),
    titles.RESIZE: lambda f, s: EditTitleText.tr("Resize"),
    titles.DELETE: lambda f, s: EditTitleText.tr("Delete {label}").format(label=_label(f, s)),
    titles.REJECT_WITH_RELATIONS: lambda f, s: EditTitleText.tr(
        "Reject {label} and its relations"
    ).format(label=_label(f, s)),
    titles.ADD_RELATION: lambda f, s: EditTitleText.tr("Add {type}").format(type=_type(f, s)),
    titles.RETYPE: lambda f, s: EditTitleText.tr("Retype as {type}").format(type=_type(f, s)),
    titles.SWAP: lambda f, s: EditTitleText.tr("Swap head and tail"),
    titles.DELETE_RELATION: lambda f, s: EditTitleText.tr("Delete {type}").format(type=_type(f, s)),
    titles.MARK: lambda f, s: EditTitleText.tr("Mark {status}").format(
        status=document_status_name(str(f["status"]))
    ),
    titles.PROPOSE: lambda f, s: EditTitleText.tr("Propose {label}").format(label=_label(f, s)),
    titles.PROPOSE_MATCHES: lambda f, s: EditTitleText.tr(
        "Propose %Ln {label} matches", "", int(f["count"])
    ).format(label=_label(f, s)),
    titles.SETTLE: lambda f, s: EditTitleText.tr("Settle"),
    titles.SETTLE_AS: lambda f, s: EditTitleText.tr("Settle ({outcome})").format(
        outcome=_outcome(f)
    ),
    titles.SETTLE_FROM: lambda f, s: EditTitleText.tr("Settle ({outcome})").format(
        outcome=_outcome(f)
    ),
    titles.TAKE_NONE: lambda f, s: EditTitleText.tr("Take no version"),
    titles.TAKE_VERSION: lambda f, s: EditTitleText.tr("Take {annotator}'s version").format(
        annotator=_who(f)
    ),
}


def edit_title(title: str, schema: Schema) -> str:
    """`title` (an edit's name from the history) in the interface's language."""
    if isinstance(title, Title) and title.template in SAYINGS:
        return SAYINGS[title.template](title.fields, schema)
    return str(title)
