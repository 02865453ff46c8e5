"""The closed sets of the annotation model: statuses and decisions, one enumeration each.

Each is a `StrEnum`, so a member is stored in SQLite and written to files as its plain
string value, and a string read back converts with `Status(value)`.
"""

from __future__ import annotations

from enum import StrEnum


class Status(StrEnum):
    """Where an entity or a relation stands.

    CANDIDATE: proposed by a suggester (or imported as a pre-annotation), not yet decided.
    ACCEPTED: gold. REJECTED: decided to be wrong; kept so it is never proposed again.
    """

    CANDIDATE = "candidate"
    ACCEPTED = "accepted"
    REJECTED = "rejected"


class DocumentStatus(StrEnum):
    """A document's progress: NEW until a person edits it, then IN_PROGRESS, then DONE."""

    NEW = "new"
    IN_PROGRESS = "in_progress"
    DONE = "done"


class Decision(StrEnum):
    """How a person last decided an entity (`Entity.decision`; who: `Entity.decided_by`).

    ACCEPTED: accepted as the suggester proposed it. REJECTED: rejected. RELABELLED /
    RESIZED: a person changed the label / the span of a proposed entity (the entity's
    `source` still names the suggester that proposed it). ADDED: made by hand.
    IMPORTED: decided in the file it was imported from. In the gold layer, by curation:
    AGREED: the annotators agreed on it (the pre-merge); CHOSEN: the curator took one
    annotator's version (`source` is `curation:<annotator>`).
    """

    ACCEPTED = "accepted"
    REJECTED = "rejected"
    RELABELLED = "relabelled"
    RESIZED = "resized"
    ADDED = "added"
    IMPORTED = "imported"
    AGREED = "agreed"
    CHOSEN = "chosen"


#: a person's corrections: a later plain accept keeps them, so provenance stays true
CORRECTIONS = frozenset({Decision.RELABELLED, Decision.RESIZED, Decision.ADDED})


class Outcome(StrEnum):
    """How a curator settled one disagreement between annotators' layers.

    AGREED: the annotators' quorum agreed (the pre-merge); CHOSEN: one annotator's
    version was taken; NONE: no version was taken (considered and left out); OWN: the
    curator's own version, edited by hand."""

    AGREED = "agreed"
    CHOSEN = "chosen"
    NONE = "none"
    OWN = "own"


#: the `source` of an entity a person made by hand
HUMAN_SOURCE = "human"

#: the layer that export writes by default and curation fills; each annotator of a team
#: works in a layer of their own name (a person working alone works in gold)
GOLD = "gold"
