"""Agreement on a project read once: the annotators with each other and each against the
curated gold, as `annotator agreement` computes them, and what is read for it."""

from __future__ import annotations

import json

import pytest

from annotator.app.agreement import AgreementError, LayerDocument, compute_agreement
from annotator.app.project_agreement import (
    agreement_with_gold,
    project_agreement,
    team_agreement,
)
from annotator.app.project_layers import ProjectLayers
from annotator.model import GOLD
from annotator.store import Project
from annotator.store.layers import accepted_by_layer
from tests import curation_fixture as fx


def as_json(report):
    return json.dumps(report.to_json(), ensure_ascii=False)


@pytest.fixture
def team(tmp_path):
    path = tmp_path / "team.sqlite"
    document_id = fx.build(path)
    return path, document_id


def test_without_a_curated_document_gold_is_not_read_nor_compared(team):
    path, _ = team
    with Project.open(path) as project:
        read = ProjectLayers(project, list(fx.ANNOTATORS), with_gold=True)
        assert GOLD not in read.layers.annotators and not read.curated
        report, with_gold = team_agreement(project)
        assert with_gold == {}
        assert as_json(report) == as_json(project_agreement(project))


def test_team_agreement_is_both_agreements_read_once(team):
    path, document_id = team
    with Project.open(path, annotator="lead", layer=GOLD) as project:
        for entity in (fx.PUTIN, fx.LAVROV, fx.AGENCY):
            project.add_entity(document_id, *entity)
        project.set_document_status(document_id, "done")
    with Project.open(path) as project:
        for label in (None, "PERS"):
            report, with_gold = team_agreement(project, ["huda", "amal", "huda"], label)
            assert report.annotators == ("huda", "amal")
            assert as_json(report) == as_json(project_agreement(project, ["huda", "amal"], label))
            alone = agreement_with_gold(project, ["huda", "amal"], label)
            assert list(with_gold) == ["huda", "amal"]
            for name, scores in with_gold.items():
                assert scores.annotators == (name, GOLD)
                assert json.dumps(scores.to_json()) == json.dumps(alone[name].to_json())
        with pytest.raises(AgreementError, match="at least two"):
            team_agreement(project, ["amal"])


def test_the_project_path_gives_what_compute_agreement_gives_on_the_same_layers(team):
    """A relation to a candidate counts nowhere; symmetric types ignore direction."""
    path, document_id = team
    with Project.open(path) as project:
        project.layer = "huda"
        guess = project.add_entity(document_id, *fx.span("مراسل", "PERS"), status="candidate")
        putin = next(e for e in project.entities(document_id) if e.start == fx.PUTIN[0])
        project.add_relation(putin.id, guess.id, "meets")
        found = accepted_by_layer(project, [document_id], fx.ANNOTATORS)
        layers = {
            name: {document_id: LayerDocument(name, document_id, a.entities, a.relations)}
            for name, by_document in found.items()
            for a in by_document.values()
        }
        symmetric = [t.name for t in project.schema.relation_types if t.symmetric]
        expected = compute_agreement(
            {document_id: fx.TEXT}, layers, list(fx.ANNOTATORS),
            names={document_id: "reuters.txt"}, symmetric_relation_types=symmetric,
        )  # fmt: skip
        assert as_json(project_agreement(project)) == as_json(expected)
