"""What a team's mistakes must never do: a stale or foreign hand-out overwriting finished
work, a half-written hand-out, a traceback for a bad name or path, figures for an
annotator or label that does not exist."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from annotator.app import curation, operations
from annotator.app.curation_operations import settle_as_is
from annotator.app.curation_provenance import gold_provenance
from annotator.app.team import TeamError, assign, merge
from annotator.app.workspace import Workspace
from annotator.cli import main
from annotator.model import GOLD, DocumentStatus, Status
from annotator.store import Project
from tests import curation_fixture as fx

TEXTS = ["زار بوتين موسكو أمس", "التقى لافروف تشوي في بيونغ يانغ"]


@pytest.fixture
def lead(tmp_path):
    path = tmp_path / "lead.sqlite"
    with Project.create(path, annotator="lead") as project:
        for number, text in enumerate(TEXTS):
            document = project.add_document(f"d{number}.txt", text)
            project.add_entity(document.id, 0, 3, "PERS", status="candidate", source="test")
    return path


def finish(path, name):
    """`name` accepts every candidate of their hand-out and marks each document done."""
    with Project.open(path, annotator=name) as project:
        workspace = Workspace(project)
        for document in project.documents():
            for entity in project.entities(document.id, status=Status.CANDIDATE):
                workspace.perform(operations.accept(entity))
            status = project.document_status(document.id)
            workspace.perform(
                operations.SetDocumentStatus(document.id, DocumentStatus.DONE, status)
            )


def test_a_second_hand_out_needs_replace_and_the_old_files_are_refused(lead, tmp_path):
    with Project.open(lead) as project:
        first = assign(project, ["amal", "badr"], tmp_path / "one", overlap=1.0)
        with pytest.raises(TeamError, match="already handed documents out .*--replace"):
            assign(project, ["amal", "badr"], tmp_path / "two", overlap=1.0)
        second = assign(project, ["amal", "badr"], tmp_path / "two", overlap=1.0, replace=True)
    finish(second.files["amal"], "amal")
    with Project.open(lead) as project:
        merge(project, [second.files["amal"]])
        with pytest.raises(TeamError, match="comes from another hand-out"):
            merge(project, [first.files["amal"]])
        # amal's finished work is still there
        assert project.document_status(1, "amal") == DocumentStatus.DONE
        assert project.entities(1, status=Status.ACCEPTED, layer="amal")


def test_older_work_never_replaces_work_marked_done(lead, tmp_path):
    with Project.open(lead) as project:
        handed = assign(project, ["amal", "badr"], tmp_path / "out", overlap=1.0)
    finish(handed.files["amal"], "amal")
    with Project.open(lead) as project:
        merge(project, [handed.files["amal"]])
    with Project.open(handed.files["amal"], annotator="amal") as theirs:  # reopened
        theirs.set_document_status(1, "in_progress")
    with Project.open(lead) as project:
        with pytest.raises(TeamError, match="marked done in amal's layer .* in_progress"):
            merge(project, [handed.files["amal"]])
        assert project.document_status(1, "amal") == DocumentStatus.DONE


def test_a_bad_annotator_name_is_refused_before_any_file_is_written(lead, tmp_path):
    out = tmp_path / "out"
    result = CliRunner().invoke(
        main, ["assign", str(lead), "--annotators", "x,a/b", "--out", str(out)]
    )
    assert result.exit_code == 1 and "cannot hold '/'" in result.output
    assert not out.exists()  # refused before anything was made


def test_a_hand_out_works_in_its_annotators_layer_whoever_opens_it(lead, tmp_path, monkeypatch):
    with Project.open(lead) as project:
        handed = assign(project, ["amal", "badr"], tmp_path / "out", overlap=1.0)
    finish(handed.files["amal"], "amal")
    monkeypatch.delenv("ANNOTATOR_NAME", raising=False)
    out = tmp_path / "amal.jsonl"
    result = CliRunner().invoke(main, ["export", str(handed.files["amal"]), str(out)])
    assert result.exit_code == 0, result.output
    assert sum(len(json.loads(line)["entities"]) for line in out.open(encoding="utf-8")) == 2


def test_agreement_names_what_does_not_exist_and_unwritable_outputs(tmp_path):
    path = tmp_path / "team.sqlite"
    fx.build(path)
    runner = CliRunner()
    result = runner.invoke(main, ["agreement", str(path), "--annotators", "amal,nobody"])
    assert result.exit_code == 1 and "no layer of 'nobody'" in result.output
    assert "amal, badr, huda" in result.output
    result = runner.invoke(main, ["agreement", str(path), "--label", "FOO"])
    assert result.exit_code == 1 and "unknown label 'FOO'" in result.output
    result = runner.invoke(main, ["agreement", str(path), "--report", "/nonexistent/r.html"])
    assert result.exit_code == 1 and "cannot write it" in result.output
    assert "Traceback" not in result.output


def test_provenance_follows_the_layers_and_the_record_after_a_hand_edit(tmp_path):
    path = tmp_path / "team.sqlite"
    document_id = fx.build(path)
    with Project.open(path, annotator="lead", layer=GOLD) as project:
        curation.premerge(project, document_id)
        workspace = Workspace(project)
        state = curation.load(project, document_id)
        # E: the curator labels the agency by hand as amal had it, then Enter
        workspace.perform(operations.AddEntity(document_id, *fx.AGENCY_LONG))
        workspace.perform(settle_as_is(project, state, state.disagreements[0]))
        entities, _ = gold_provenance(project, document_id)
    assert entities[fx.AGENCY_LONG]["found_in"] == ["amal"]
    assert entities[fx.AGENCY_LONG]["decided"] == "chosen from amal"
    assert entities[fx.PUTIN]["found_in"] == list(fx.ANNOTATORS)
