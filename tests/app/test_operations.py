"""Every operation a person can make, through the Qt-free application layer: what it
stores, the change event it announces, and its undo and redo."""

from __future__ import annotations

import json

import pytest

from annotator.app import operations
from annotator.app.events import DocumentChanged, Origin, ProjectReloaded
from annotator.app.exporting import export_project
from annotator.app.workspace import Workspace
from annotator.model import AnnotationError, Decision, DocumentStatus, Status
from annotator.store import Project

TEXT = "قال لافروف إن روسيا ووزارة الخارجية الروسية رحبتا بتشوي في موسكو"


def span(word: str) -> tuple[int, int]:
    start = TEXT.index(word)
    return start, start + len(word)


@pytest.fixture
def workspace(project):
    workspace = Workspace(project)
    workspace.seen = []
    workspace.events.subscribe(workspace.seen.append)
    return workspace


@pytest.fixture
def document(project):
    return project.add_document("news.txt", TEXT)


def candidate(project, document, word, label, source="gazetteer:cldr"):
    return project.add_entity(
        document.id, *span(word), label, status=Status.CANDIDATE, source=source
    )


def test_accept_is_stored_announced_and_undone(project, workspace, document):
    russia = candidate(project, document, "روسيا", "LOC")
    project.set_document_status(document.id, DocumentStatus.NEW)
    event = workspace.perform(operations.accept(russia))
    stored = project.entity(russia.id)
    assert stored.status == Status.ACCEPTED and stored.decision == Decision.ACCEPTED
    assert stored.decided_by == "tester" and stored.source == "gazetteer:cldr"
    assert event == workspace.seen[-1]
    assert [e.id for e in event.entities] == [russia.id] and event.origin == Origin.EDIT
    assert event.status == DocumentStatus.IN_PROGRESS  # the first edit starts the work
    assert workspace.history(document.id).undo_title == "Accept LOC"
    undone = workspace.undo(document.id)
    assert project.entity(russia.id).status == Status.CANDIDATE
    assert project.entity(russia.id).decision is None and undone.origin == Origin.UNDO
    redone = workspace.redo(document.id)
    assert project.entity(russia.id).status == Status.ACCEPTED
    assert redone.entities[0].decision == Decision.ACCEPTED


def test_a_relabelled_candidate_exports_as_a_human_decision(project, workspace, document, tmp_path):
    moscow = candidate(project, document, "موسكو", "LOC")
    workspace.perform(operations.relabel(moscow, "ORG"))
    workspace.perform(operations.accept(project.entity(moscow.id)))
    out = tmp_path / "gold.jsonl"
    export_project(project, out)
    [entity] = json.loads(out.read_text(encoding="utf-8"))["entities"]
    assert (entity["label"], entity["source"], entity["decision"], entity["decided_by"]) == (
        "ORG",
        "gazetteer:cldr",
        "relabelled",
        "tester",
    )
    update = [e for e in project.events(document.id) if e["action"] == "update"][0]
    assert update["new"]["decision"] == "relabelled" and update["annotator"] == "tester"


def test_resize_reject_and_add_by_hand_record_their_decisions(project, workspace, document):
    lavrov = candidate(project, document, "لافروف", "PERS", source="cues:title")
    workspace.perform(operations.resize(lavrov, lavrov.start, lavrov.end - 1))
    assert project.entity(lavrov.id).decision == Decision.RESIZED
    workspace.perform(operations.accept(project.entity(lavrov.id)))
    assert project.entity(lavrov.id).decision == Decision.RESIZED  # a correction stays
    workspace.perform(operations.reject(project.entity(lavrov.id)))
    assert project.entity(lavrov.id).decision == Decision.REJECTED
    add = operations.AddEntity(document.id, *span("موسكو"), "LOC")
    workspace.perform(add)
    added = project.entity(add.entity_id)
    assert (added.source, added.decision, added.annotator) == ("human", Decision.ADDED, "tester")
    workspace.perform(operations.relabel(added, "ORG"))
    assert project.entity(added.id).decision == Decision.ADDED


def test_add_then_undo_and_redo_keeps_the_entity_id(project, workspace, document):
    add = operations.AddEntity(document.id, *span("روسيا"), "LOC")
    workspace.perform(add)
    entity_id = add.entity_id
    event = workspace.undo(document.id)
    assert event.entities_removed == (entity_id,) and project.entities(document.id) == []
    workspace.redo(document.id)
    assert [e.id for e in project.entities(document.id)] == [entity_id]


def test_link_accepts_candidate_ends_in_one_step(project, workspace, document):
    lavrov = candidate(project, document, "لافروف", "PERS", "cues:title")
    russia = candidate(project, document, "روسيا", "LOC")
    link = operations.link(lavrov, russia, "affiliated_with")
    event = workspace.perform(link)
    relation = link.children[-1].relation
    assert {e.id for e in event.entities} == {lavrov.id, russia.id}
    assert [r.id for r in event.relations] == [relation.id]
    assert {project.entity(i).status for i in (lavrov.id, russia.id)} == {Status.ACCEPTED}
    workspace.undo(document.id)
    assert project.relations(document.id) == []
    assert {project.entity(i).status for i in (lavrov.id, russia.id)} == {Status.CANDIDATE}
    workspace.redo(document.id)
    assert [r.id for r in project.relations(document.id)] == [relation.id]


def test_reject_with_relations_and_delete_come_back_on_undo(project, workspace, document):
    lavrov = project.add_entity(document.id, *span("لافروف"), "PERS")
    russia = project.add_entity(document.id, *span("روسيا"), "LOC")
    relation = project.add_relation(lavrov.id, russia.id, "affiliated_with")
    reject = operations.reject_with_relations(lavrov, [relation])
    event = workspace.perform(reject)
    assert event.relations_removed == (relation.id,)
    assert project.entity(lavrov.id).status == Status.REJECTED
    workspace.undo(document.id)
    assert project.entity(lavrov.id).status == Status.ACCEPTED
    assert [r.id for r in project.relations(document.id)] == [relation.id]
    event = workspace.perform(operations.DeleteEntity(project.entity(russia.id)))
    assert event.entities_removed == (russia.id,) and event.relations_removed == (relation.id,)
    workspace.undo(document.id)
    assert project.entity(russia.id).label == "LOC"
    assert [r.id for r in project.relations(document.id)] == [relation.id]


def test_retype_swap_delete_relation_and_their_undo(project, workspace, document):
    a = project.add_entity(document.id, *span("روسيا"), "ORG")
    b = project.add_entity(document.id, *span("ووزارة الخارجية الروسية"), "ORG")
    relation = project.add_relation(a.id, b.id, "part_of")
    workspace.perform(operations.swap(relation))
    assert (project.relation(relation.id).head_id, project.relation(relation.id).tail_id) == (
        b.id,
        a.id,
    )
    workspace.perform(operations.DeleteRelation(project.relation(relation.id)))
    assert project.relations(document.id) == []
    workspace.undo(document.id)
    workspace.undo(document.id)
    assert project.relation(relation.id).head_id == a.id


def test_accept_all_and_document_status(project, workspace, document):
    first = candidate(project, document, "روسيا", "LOC")
    second = candidate(project, document, "موسكو", "LOC")
    workspace.perform(operations.accept_all([first, second], "Accept 2 candidates"))
    assert {e.status for e in project.entities(document.id)} == {Status.ACCEPTED}
    status = project.document_status(document.id)
    event = workspace.perform(
        operations.SetDocumentStatus(document.id, DocumentStatus.DONE, status)
    )
    assert event.status == DocumentStatus.DONE
    workspace.undo(document.id)
    workspace.undo(document.id)
    assert {e.status for e in project.entities(document.id)} == {Status.CANDIDATE}
    assert project.document_status(document.id) == status


def test_a_refused_undo_says_why_and_leaves_both_stacks_as_they_were(
    project, workspace, document, project_file
):
    ministry = project.add_entity(document.id, *span("ووزارة الخارجية الروسية"), "LOC")
    russia = project.add_entity(document.id, *span("روسيا"), "ORG")
    workspace.perform(operations.relabel(ministry, "ORG"))
    # meanwhile a relation that needs ORG at both ends is added outside this history
    project.add_relation(russia.id, ministry.id, "part_of")
    history = workspace.history(document.id)
    with pytest.raises(AnnotationError, match="does not allow"):
        workspace.undo(document.id)
    assert history.can_undo and not history.can_redo
    assert history.undo_title == "Relabel as ORG"
    assert project.entity(ministry.id).label == "ORG"


def test_an_edit_on_an_entity_another_program_changed_is_refused_and_reloaded(tmp_path):
    path = tmp_path / "p.sqlite"
    with Project.create(path, annotator="amal") as mine:
        document = mine.add_document("news.txt", TEXT)
        seen = mine.add_entity(document.id, *span("روسيا"), "LOC", status=Status.CANDIDATE)
        workspace = Workspace(mine)
        events = []
        workspace.events.subscribe(events.append)
        with Project.open(path, annotator="omar") as theirs:
            theirs.update_entity(seen.id, label="ORG")
        with pytest.raises(AnnotationError, match="changed by another program"):
            workspace.perform(operations.accept(seen))
        assert isinstance(events[-1], ProjectReloaded)
        assert not workspace.history(document.id).can_undo
        assert mine.entity(seen.id).status == Status.CANDIDATE


def test_accepting_candidates_another_program_removed_is_refused_and_reloaded(tmp_path):
    # a suggestion run in another process withdrew a candidate the window still showed
    path = tmp_path / "p.sqlite"
    with Project.create(path, annotator="amal") as mine:
        document = mine.add_document("news.txt", TEXT)
        kept = mine.add_entity(document.id, *span("روسيا"), "LOC", status=Status.CANDIDATE)
        gone = mine.add_entity(document.id, *span("لافروف"), "PERS", status=Status.CANDIDATE)
        workspace = Workspace(mine)
        events = []
        workspace.events.subscribe(events.append)
        with Project.open(path, annotator="suggester") as theirs:
            theirs.delete_entity(gone.id)
        with pytest.raises(AnnotationError, match="removed by another program"):
            workspace.perform(operations.accept_all([kept, gone], "Accept all"))
        assert isinstance(events[-1], ProjectReloaded)
        assert mine.entity(kept.id).status == Status.CANDIDATE  # nothing half done


def test_import_and_suggestions_are_announced(project, workspace, tmp_path):
    from annotator.app.suggesting import suggest

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("زار الرئيس بوتين روسيا", encoding="utf-8")
    report = workspace.import_paths([folder])
    assert [type(e).__name__ for e in workspace.seen] == ["DocumentsAdded"]
    assert workspace.seen[0].document_ids == tuple(report.document_ids)
    suggest(workspace, ["gazetteer"])
    changed = [e for e in workspace.seen if isinstance(e, DocumentChanged)]
    assert [(e.document_id, e.origin, e.everything) for e in changed] == [
        (report.document_ids[0], Origin.SUGGEST, True)
    ]


def test_events_say_what_was_added_changed_and_removed(project, workspace, document):
    add = operations.AddEntity(document.id, *span("روسيا"), "LOC")
    event = workspace.perform(add)
    assert [e.id for e in event.entities_added] == [add.entity_id] and not event.entities_changed
    event = workspace.perform(operations.relabel(project.entity(add.entity_id), "ORG"))
    assert [e.id for e in event.entities_changed] == [add.entity_id] and not event.entities_added
    lavrov = project.add_entity(document.id, *span("لافروف"), "PERS")
    link = operations.link(lavrov, project.entity(add.entity_id), "affiliated_with")
    event = workspace.perform(link)
    assert [r.id for r in event.relations_added] == [link.children[-1].relation.id]
    event = workspace.undo(document.id)
    assert event.relations_removed == (link.children[-1].relation.id,)


def test_undo_never_overwrites_what_another_program_changed_since(tmp_path):
    path = tmp_path / "p.sqlite"
    with Project.create(path, annotator="amal") as mine:
        document = mine.add_document("news.txt", TEXT)
        seen = mine.add_entity(document.id, *span("روسيا"), "LOC", status=Status.CANDIDATE)
        workspace = Workspace(mine)
        workspace.perform(operations.relabel(seen, "ORG"))
        with Project.open(path, annotator="omar") as theirs:
            theirs.update_entity(seen.id, status=Status.ACCEPTED)
        with pytest.raises(AnnotationError, match="changed by another program"):
            workspace.undo(document.id)
        stored = mine.entity(seen.id)
        assert (stored.label, stored.status, stored.decided_by) == ("ORG", Status.ACCEPTED, "omar")
        assert workspace.history(document.id).can_undo
