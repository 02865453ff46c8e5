"""What a person's edit of an entity says about how it was decided (`Entity.decision`).

The rule keeps provenance true: a candidate a person relabels or resizes shows as a human
correction even after it is accepted; rejecting always wins; accepting a proposal as it
stands is ACCEPTED. The suggester that proposed it stays in `Entity.source`.
"""

from __future__ import annotations

from annotator.model.annotations import Entity
from annotator.model.vocabulary import CORRECTIONS, Decision, Status


def decision_after_edit(old: Entity, new: Entity) -> Decision | None:
    """The decision to store when a person changes `old` into `new` (same entity id).

    Returns None when the edit leaves the entity undecided (a candidate stays a candidate
    with its label and span) and it had no decision before.
    """
    if new.status == Status.REJECTED:
        return Decision.REJECTED
    if old.decision == Decision.ADDED:
        return Decision.ADDED
    if new.label != old.label:
        return Decision.RELABELLED
    if (new.start, new.end) != (old.start, old.end):
        return Decision.RESIZED
    if old.decision in CORRECTIONS:
        return old.decision
    if new.status == Status.ACCEPTED:
        return Decision.ACCEPTED
    return None if old.decision == Decision.REJECTED else old.decision


def decision_for_new(status: Status, source: str, human_source: str) -> Decision | None:
    """The decision of an entity as it is created: by hand (ADDED), or a proposal that
    arrives already decided (a candidate has none)."""
    if status == Status.CANDIDATE:
        return None
    if source == human_source:
        return Decision.ADDED if status == Status.ACCEPTED else Decision.REJECTED
    return Decision.ACCEPTED if status == Status.ACCEPTED else Decision.REJECTED
