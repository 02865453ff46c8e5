"""Curation in the application layer: disagreements found in reading order, the
pre-merge, taking versions, settling, undo, on a three-annotator document."""

from __future__ import annotations

import pytest

from annotator.app import curation, operations
from annotator.app.curation import CurationError
from annotator.app.curation_operations import settle_as_is, take_version
from annotator.app.workspace import Workspace
from annotator.model import GOLD, Decision, Outcome, Status
from annotator.store import Project
from annotator.store.curation_rows import settled
from tests import curation_fixture as fx


@pytest.fixture
def gold(tmp_path):
    document_id = fx.build(tmp_path / "team.sqlite")
    with Project.open(tmp_path / "team.sqlite", annotator="lead", layer=GOLD) as project:
        yield project, document_id


def accepted(project, document_id):
    return {
        (e.start, e.end, e.label)
        for e in project.entities(document_id, status=Status.ACCEPTED, layer=GOLD)
    }


def gold_relations(project, document_id):
    entities = {e.id: e for e in project.entities(document_id, layer=GOLD)}
    return {
        (entities[r.head_id].span + (entities[r.head_id].label,),
         entities[r.tail_id].span + (entities[r.tail_id].label,), r.type)
        for r in project.relations(document_id, layer=GOLD)
    }  # fmt: skip


def test_disagreements_in_reading_order_entities_then_relations(gold):
    project, document_id = gold
    found = curation.load(project, document_id)
    assert found.annotators == fx.ANNOTATORS
    assert [(d.kind, d.start) for d in found.disagreements] == [
        ("entity", fx.AGENCY_LONG[0]),
        ("entity", fx.MOSCOW_LOC[0]),
        ("entity", fx.LAVROV[0]),
        ("relation", fx.PUTIN[0]),  # بوتين–موسكو
        ("relation", fx.PUTIN[0]),  # بوتين–لافروف
        ("relation", fx.LAVROV[0]),
    ]
    agency = found.disagreements[0]
    assert agency.version("amal") == (fx.AGENCY_LONG,)
    assert agency.version("badr") == agency.version("huda") == (fx.AGENCY,)
    assert agency.same_as("badr") == ("badr", "huda")
    lavrov = found.disagreements[2]
    assert lavrov.version("huda") == ()
    meets = found.disagreements[4]  # badr drew it the other way round: symmetric, same
    assert meets.version("amal") == meets.version("badr") == ((fx.PUTIN, fx.LAVROV, "meets"),)
    assert found.unanimous_entities == {fx.PUTIN, fx.MINISTRY}
    assert found.unanimous_relations == {(fx.PUTIN, fx.MINISTRY, "affiliated_with")}
    assert found.progress() == "0 of 6 disagreements settled"


def test_unanimous_premerge_puts_exactly_what_all_agree_on_into_gold(gold):
    project, document_id = gold
    result = curation.premerge(project, document_id)
    assert (result.entities, result.relations, result.settled) == (2, 1, 0)
    assert accepted(project, document_id) == {fx.PUTIN, fx.MINISTRY}
    assert gold_relations(project, document_id) == {(fx.PUTIN, fx.MINISTRY, "affiliated_with")}
    putin = next(e for e in project.entities(document_id, layer=GOLD) if e.label == "PERS")
    assert (putin.source, putin.decision, putin.found_in) == (
        "curation:agreed",
        Decision.AGREED,
        fx.ANNOTATORS,
    )
    [relation] = project.relations(document_id, layer=GOLD)
    assert relation.found_in == fx.ANNOTATORS
    # the suggester's candidate on موسكو is left for the curator, and a second run is a no-op
    assert curation.premerge(project, document_id).skipped
    assert not settled(project, document_id)


def test_majority_premerge_takes_two_of_three_and_settles_those_regions(gold):
    project, document_id = gold
    result = curation.premerge(project, document_id, "majority")
    assert accepted(project, document_id) == {
        fx.AGENCY, fx.PUTIN, fx.MOSCOW_LOC, fx.LAVROV, fx.MINISTRY
    }  # fmt: skip
    assert gold_relations(project, document_id) == {
        (fx.PUTIN, fx.MINISTRY, "affiliated_with"),
        (fx.PUTIN, fx.MOSCOW_LOC, "located_in"),
        (fx.PUTIN, fx.LAVROV, "meets"),
    }
    assert result.settled == 6  # every region had a two-of-three version (the last: none)
    records = settled(project, document_id)
    assert {r.outcome for r in records.values()} == {Outcome.AGREED}
    # the gold candidate on موسكو LOC became the agreed entity, not a duplicate
    moscow = [e for e in project.entities(document_id, layer=GOLD) if e.start == fx.MOSCOW_LOC[0]]
    assert [(e.label, e.status, e.found_in) for e in moscow] == [
        ("LOC", Status.ACCEPTED, ("amal", "badr"))
    ]


def test_taking_versions_builds_gold_with_provenance_and_undo_restores_it(gold):
    project, document_id = gold
    curation.premerge(project, document_id)
    workspace = Workspace(project)
    state = curation.load(project, document_id)
    agency, moscow, lavrov, putin_moscow, meets, lavrov_ministry = state.disagreements

    workspace.perform(take_version(project, state, agency, "amal"))  # key 1
    workspace.perform(take_version(project, state, moscow, "huda"))  # key 3
    workspace.perform(take_version(project, state, lavrov, None))  # key 0
    assert accepted(project, document_id) == {fx.AGENCY_LONG, fx.PUTIN, fx.MOSCOW_ORG, fx.MINISTRY}
    long = next(
        e for e in project.entities(document_id, layer=GOLD) if e.start == fx.AGENCY_LONG[0]
    )
    assert (long.source, long.decision, long.found_in) == (
        "curation:amal",
        Decision.CHOSEN,
        ("amal",),
    )
    # the suggester's موسكو LOC candidate went with the region's decision
    assert not project.entities(document_id, status=Status.CANDIDATE, layer=GOLD)
    records = settled(project, document_id)
    assert records[agency.key].outcome == Outcome.CHOSEN and records[agency.key].annotator == "amal"
    assert records[lavrov.key].outcome == Outcome.NONE
    assert records[agency.key].curator == "lead"

    # لافروف is not in gold: amal's relation from him cannot be taken, and nothing changes
    with pytest.raises(CurationError, match="not in gold"):
        take_version(project, state, lavrov_ministry, "amal")
    workspace.perform(take_version(project, state, putin_moscow, "huda"))
    assert (fx.PUTIN, fx.MOSCOW_ORG, "affiliated_with") in gold_relations(project, document_id)
    relation = next(
        r for r in project.relations(document_id, layer=GOLD) if r.found_in == ("huda",)
    )
    assert relation.type == "affiliated_with"

    # undo: the relation goes, then the region comes back with the candidate, unsettled
    workspace.undo(document_id)
    workspace.undo(document_id)
    assert fx.LAVROV not in accepted(project, document_id)
    assert lavrov.key not in settled(project, document_id)
    workspace.redo(document_id)
    assert lavrov.key in settled(project, document_id)
    workspace.undo(document_id)
    workspace.undo(document_id)
    assert fx.MOSCOW_LOC not in accepted(project, document_id)
    assert any(
        e.status == Status.CANDIDATE and e.start == fx.MOSCOW_LOC[0]
        for e in project.entities(document_id, layer=GOLD)
    )
    assert moscow.key not in settled(project, document_id)
    assert agency.key in settled(project, document_id)


def test_settling_as_it_stands_names_the_version_or_the_curators_own(gold):
    project, document_id = gold
    curation.premerge(project, document_id)
    workspace = Workspace(project)
    state = curation.load(project, document_id)
    agency, moscow, lavrov = state.disagreements[:3]
    # E, then a hand edit that equals badr's (and huda's) version, then Enter
    workspace.perform(operations.AddEntity(document_id, *fx.AGENCY))
    workspace.perform(settle_as_is(project, state, agency))
    # a hand edit nobody had: the curator's own
    workspace.perform(operations.AddEntity(document_id, fx.MOSCOW_LOC[0], fx.MOSCOW_LOC[1], "MISC"))
    workspace.perform(settle_as_is(project, state, moscow))
    # nothing in gold there: none
    workspace.perform(settle_as_is(project, state, lavrov))
    records = settled(project, document_id)
    assert (records[agency.key].outcome, records[agency.key].annotator) == (Outcome.CHOSEN, "badr")
    assert records[moscow.key].outcome == Outcome.OWN
    assert records[lavrov.key].outcome == Outcome.NONE
    assert curation.load(project, document_id).progress() == "3 of 6 disagreements settled"


def test_every_curation_decision_is_in_the_events_log(gold):
    project, document_id = gold
    curation.premerge(project, document_id)
    workspace = Workspace(project)
    state = curation.load(project, document_id)
    workspace.perform(take_version(project, state, state.disagreements[0], "badr"))
    workspace.undo(document_id)
    curate = [e for e in project.events(document_id) if e["action"] == "curate"]
    assert [bool(e["new"]) for e in curate] == [True, False]
    assert curate[0]["new"]["outcome"] == "chosen" and curate[0]["new"]["annotator"] == "badr"
    assert curate[0]["annotator"] == "lead"


def test_curation_needs_two_finished_layers_and_the_gold_layer(tmp_path):
    document_id = fx.build(tmp_path / "team.sqlite")
    with Project.open(tmp_path / "team.sqlite", annotator="lead") as project:
        with pytest.raises(CurationError, match="gold layer"):
            curation.premerge(project, document_id)
        project.set_document_status(document_id, "in_progress")  # lead's own layer
    with Project.open(tmp_path / "team.sqlite", annotator="amal") as project:
        project.set_document_status(document_id, "in_progress")
    with Project.open(tmp_path / "team.sqlite", annotator="badr") as project:
        project.set_document_status(document_id, "in_progress")
    with Project.open(tmp_path / "team.sqlite", annotator="lead", layer=GOLD) as project:
        with pytest.raises(CurationError, match="only huda has marked it done"):
            curation.load(project, document_id)
        assert curation.documents_to_curate(project) == []
        with pytest.raises(CurationError, match="unknown curation policy"):
            curation.quorum("loudest", 3)
