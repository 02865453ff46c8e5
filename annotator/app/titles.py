"""What an edit is called in the Edit menu ("Undo Accept LOC"), as data.

A `Title` is the English name (a `str`, so everything that shows or compares it as text
still does) together with its template and fields, so a window in another language can
say it in its own words and name the label or type as it shows them. The templates are
the constants below; `TEMPLATES` lists them all for the window's translations.
"""

from __future__ import annotations

ADD = "Add {label}"
ACCEPT = "Accept {label}"
REJECT = "Reject {label}"
RELABEL = "Relabel as {label}"
RESIZE = "Resize"
DELETE = "Delete {label}"
REJECT_WITH_RELATIONS = "Reject {label} and its relations"
ADD_RELATION = "Add {type}"
RETYPE = "Retype as {type}"
SWAP = "Swap head and tail"
DELETE_RELATION = "Delete {type}"
MARK = "Mark {status}"
PROPOSE = "Propose {label}"
PROPOSE_MATCHES = "Propose {count} {label} matches"
SETTLE = "Settle"
SETTLE_AS = "Settle ({outcome})"
SETTLE_FROM = "Settle ({outcome} from {annotator})"
TAKE_NONE = "Take no version"
TAKE_VERSION = "Take {annotator}'s version"

TEMPLATES = frozenset(
    {
        ADD, ACCEPT, REJECT, RELABEL, RESIZE, DELETE, REJECT_WITH_RELATIONS, ADD_RELATION,
        RETYPE, SWAP, DELETE_RELATION, MARK, PROPOSE, PROPOSE_MATCHES, SETTLE, SETTLE_AS,
        SETTLE_FROM, TAKE_NONE, TAKE_VERSION,
    }
)  # fmt: skip


class Title(str):
    """An edit's English name, e.g. Title(ACCEPT, label="LOC") == "Accept LOC", with
    `template` and `fields` kept. `text` gives the English when the template alone would
    not read well ("Propose 1 PERS match")."""

    template: str
    fields: dict[str, object]

    def __new__(cls, template: str, text: str | None = None, **fields: object) -> Title:
        title = super().__new__(cls, text if text is not None else template.format(**fields))
        title.template = template
        title.fields = fields
        return title
