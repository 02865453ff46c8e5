"""Label all matches: every match of a search proposed as a candidate of one label.

A person's decision always wins, as with the suggesters: no candidate is proposed on a
span that already has an accepted or rejected entity (whatever its label), nor where a
candidate of the same label already is. What is proposed in one document is one
undoable operation (`ProposeMatches`, a composite of `AddCandidate`s); a project-wide
labelling is one operation per document, each on that document's history.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from itertools import groupby

from annotator.app import titles
from annotator.app.operations import Composite, Delta, Operation
from annotator.app.titles import Title
from annotator.model import Entity, Status
from annotator.store import Project

SEARCH_SOURCE = "search"


class AddCandidate(Operation):
    """A new candidate over code points [start, end) with `source` (AddEntity makes
    accepted entities; this one leaves the decision to a person)."""

    def __init__(self, document_id: int, start: int, end: int, label: str, source: str):
        self.title = Title(titles.PROPOSE, label=label)
        self.document_id = document_id
        self.span = (start, end, label)
        self.source = source
        self.entity: Entity | None = None  # as stored by the first do

    def do(self, project: Project) -> Delta:
        if self.entity is None:
            self.entity = project.add_entity(
                self.document_id, *self.span, status=Status.CANDIDATE, source=self.source
            )
        else:  # redo: the same entity with its id
            self.entity = project.restore_entity(self.entity, [])
        return Delta().entity(self.entity, added=True)

    def undo(self, project: Project) -> Delta:
        project.delete_entity(self.entity.id, expected=self.entity)
        return Delta().entity_removed(self.entity.id)


@dataclass(frozen=True, slots=True)
class Proposal:
    """What labelling a document's matches would do: the spans to propose, in order,
    and the matches left out because a person decided their span (`decided`) or the
    same candidate is already there (`already_proposed`)."""

    document_id: int
    label: str
    spans: tuple[tuple[int, int], ...]
    decided: int
    already_proposed: int

    def summary(self) -> str:
        count = len(self.spans)
        return (
            f"Proposed {count} {self.label} candidate{'s' if count != 1 else ''}; left out "
            f"{self.decided} already decided and {self.already_proposed} already proposed."
        )


def plan(
    project: Project, document_id: int, spans: Iterable[tuple[int, int]], label: str
) -> Proposal:
    """Which of the matched spans (code points) become candidates of `label`, in the
    project's layer. Raises AnnotationError for a label the schema does not have."""
    project.schema.label(label)
    entities = project.entities(document_id)
    decided_spans = {(e.start, e.end) for e in entities if e.status != Status.CANDIDATE}
    proposed = {(e.start, e.end) for e in entities if e.label == label}
    new, decided, already = [], 0, 0
    for span in dict.fromkeys(spans):  # the same span twice is one match
        if span in decided_spans:
            decided += 1
        elif span in proposed:
            already += 1
        else:
            new.append(span)
    return Proposal(document_id, label, tuple(new), decided, already)


class ProposeMatches(Composite):
    """Propose a plan's spans as candidates of its label, in one transaction; undo
    removes them all. `proposal` keeps the counts for the person."""

    def __init__(self, proposal: Proposal, source: str = SEARCH_SOURCE) -> None:
        count = len(proposal.spans)
        children: list[Operation] = [
            AddCandidate(proposal.document_id, start, end, proposal.label, source)
            for start, end in proposal.spans
        ]
        english = f"Propose {count} {proposal.label} match{'es' if count != 1 else ''}"
        title = Title(titles.PROPOSE_MATCHES, english, count=count, label=proposal.label)
        super().__init__(title, proposal.document_id, children)
        self.proposal = proposal


@dataclass
class LabelReport:
    """What labelling a project's matches did: candidates proposed, matches left out
    (decided by a person, or already proposed), documents given candidates."""

    proposed: int = 0
    decided: int = 0
    already_proposed: int = 0
    documents: int = 0

    def add(self, proposal: Proposal) -> None:
        self.proposed += len(proposal.spans)
        self.decided += proposal.decided
        self.already_proposed += proposal.already_proposed
        self.documents += bool(proposal.spans)

    def summary(self) -> str:
        return (
            f"Proposed {self.proposed} candidate{'s' if self.proposed != 1 else ''} in "
            f"{self.documents} document{'s' if self.documents != 1 else ''}; left out "
            f"{self.decided} already decided and {self.already_proposed} already proposed."
        )


def label_project_matches(
    project: Project, matches: Iterable, label: str, perform: Callable[[Operation], object]
) -> LabelReport:
    """Propose every match (objects with `document_id`, `start`, `end`, grouped by
    document as `ProjectSearch.matches` gives them) as a candidate of `label`: one
    operation per document, given to `perform` (`Workspace.perform`, or the window
    session's, which returns False when the edit was refused), so each is on its
    document's undo history and announced. Documents with nothing new get none."""
    report = LabelReport()
    for document_id, group in groupby(matches, key=lambda m: m.document_id):
        proposal = plan(project, document_id, ((m.start, m.end) for m in group), label)
        if proposal.spans and perform(ProposeMatches(proposal)) is False:
            continue  # refused (the window said why): nothing of it counts
        report.add(proposal)
    return report
