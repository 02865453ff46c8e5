"""The project learner: trained on a small fixture, its trigger, idempotence, negative
evidence, the model kept in the project file, and `annotator evaluate --gold`."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from annotator.app.learning import EVERY_SETTING, learn, learner_due
from annotator.cli import main
from annotator.model import Schema, Status
from annotator.store import Project
from annotator.store.learner import training_documents
from annotator.suggest.project_ner import document_sentences
from annotator.suggest.runner import SuggestReport, build_suggesters, run_suggesters

# A schema the Wojood sample does not map to: the learner learns from the project alone,
# which keeps these tests to a second of training.
SCHEMA = Schema.from_toml(
    '[[labels]]\nname = "شخص"\ncolour = "#c0392b"\nhotkey = "1"\n'
    '[[labels]]\nname = "مكان"\ncolour = "#2980b9"\nhotkey = "2"\n'
)
GOLD = [
    ("زار سمير نابلس أمس.", [("سمير", "شخص"), ("نابلس", "مكان")]),
    ("وصل سمير إلى القدس.", [("سمير", "شخص"), ("القدس", "مكان")]),
    ("قالت ليلى إن القدس جميلة.", [("ليلى", "شخص"), ("القدس", "مكان")]),
    ("ذهبت ليلى إلى نابلس.", [("ليلى", "شخص"), ("نابلس", "مكان")]),
    ("ذهب الناس إلى السوق أمس.", []),
    ("بدأت الأعمال في المدينة.", []),
]


def add_gold(project, text, entities, done=True):
    document = project.add_document(f"d{len(project.document_ids())}", text)
    for name, label in entities:
        start = text.index(name)
        project.add_entity(document.id, start, start + len(name), label)
    if done:
        project.set_document_status(document.id, "done")
    return document


@pytest.fixture
def learner_project():
    with Project.memory(SCHEMA, annotator="tester") as project:
        yield project


def test_a_model_trained_on_the_projects_gold_proposes_its_names(learner_project):
    project = learner_project
    assert learner_due(project) is None  # nothing to learn from
    for text, entities in GOLD:
        add_gold(project, text, entities)
    assert learner_due(project) == "a document was marked done"
    result = learn(project)
    assert result.trained and result.labels == ("شخص", "مكان") and result.sentences == 6
    text = "زارت ليلى القدس."
    target = project.add_document("new", text)
    report = SuggestReport()
    suggesters = build_suggesters(project, report=report)
    names = [s.name for s in suggesters]
    # builtin-ner's labels reach none of this schema's: left out, saying so
    assert names[0] == "project-ner" and "builtin-ner" not in names
    assert any("builtin_ner_map" in reason for reason in report.unavailable)
    run_suggesters(project, suggesters, [target.id])
    found = {
        (text[e.start : e.end], e.label, e.source, e.confidence is not None)
        for e in project.entities(target.id)
    }
    assert ("ليلى", "شخص", "project-ner", True) in found
    assert ("القدس", "مكان", "project-ner", True) in found


def test_retraining_is_due_every_n_entities_and_idempotent(learner_project):
    project = learner_project
    project.set_setting(EVERY_SETTING, "3")
    document = add_gold(project, GOLD[0][0], GOLD[0][1], done=False)
    assert learner_due(project) is None  # 2 accepted entities, nothing done
    text = GOLD[1][0]
    other = project.add_document("other", text)
    project.add_entity(other.id, 4, 8, "شخص")
    assert learner_due(project) == "3 entities accepted or corrected since it last learned"
    first = learn(project)
    assert first.trained
    assert learner_due(project) is None
    again = learn(project, force=True)
    assert not again.trained and again.reason == "its training data has not changed"
    assert again.fingerprint == first.fingerprint
    # a correction (another label on the same words) counts as new gold
    [entity] = project.entities(other.id)
    project.update_entity(entity.id, label="مكان")
    project.set_document_status(document.id, "done")
    assert learner_due(project) == "a document was marked done"
    assert learn(project).fingerprint != first.fingerprint


def test_rejected_candidates_are_negative_evidence(learner_project):
    project = learner_project
    text = "زار سمير نابلس أمس. وقال الناس كلاما."
    document = project.add_document("d", text)
    project.add_entity(document.id, 4, 8, "شخص")  # accepted
    start = text.index("الناس")
    project.add_entity(document.id, start, start + 5, "شخص", status="rejected", source="x")
    project.add_entity(document.id, 9, 14, "مكان", status="candidate", source="x")
    [first, second] = document_sentences(training_documents(project), ("شخص", "مكان"))
    # the first sentence has an undecided مكان: it teaches شخص only
    assert first.labels == frozenset({"شخص"}) and [s.label for s in first.spans] == ["شخص"]
    # the second: the rejected الناس, trained as no شخص (no span), for شخص only
    assert second.labels == frozenset({"شخص"}) and second.spans == ()


def test_the_model_lives_in_the_project_file(tmp_path):
    path = tmp_path / "p.sqlite"
    with Project.create(path, SCHEMA) as project:
        for text, entities in GOLD:
            add_gold(project, text, entities)
        assert learn(project).trained
    result = CliRunner().invoke(main, ["suggest", str(path), "--only", "project-ner"])
    assert result.exit_code == 0, result.output
    assert "Suggesters: project-ner" in result.output
    assert "Project model retrained" not in result.output  # up to date: not trained again
    assert "learn" in CliRunner().invoke(main, ["learn", "--help"]).output


def test_evaluate_gold_scores_every_suggester_and_plots_a_learning_curve(tmp_path):
    db = tmp_path / "p.sqlite"
    Project.create(db, SCHEMA).close()
    gold = tmp_path / "gold.jsonl"
    lines = []
    for text, entities in GOLD * 2:
        spans = []
        for name, label in entities:
            start = text.index(name)
            spans.append({"start": start, "end": start + len(name), "label": label})
        lines.append(json.dumps({"text": text, "entities": spans}, ensure_ascii=False))
    # texts must differ for the format to keep them all
    lines = [line.replace("أمس", f"أمس {i}") if "أمس" in line else line for i, line in
             enumerate(lines)]  # fmt: skip
    gold.write_text("\n".join(dict.fromkeys(lines)) + "\n", encoding="utf-8")
    png = tmp_path / "curve.png"
    result = CliRunner().invoke(
        main, ["evaluate", str(db), "--gold", str(gold), "--learning-curve", "--plot", str(png)]
    )
    assert result.exit_code == 0, result.output
    assert "cold start (no project gold)" in result.output
    assert "documents annotated, suggestions on the other" in result.output
    rows = [line.split() for line in result.output.splitlines() if line.startswith("  ")]
    learned = [row for row in rows if row[:2] == ["project-ner", "all"]]
    assert learned and float(learned[0][5]) > 0  # the learner's precision on held-out gold
    assert "Learning curve" in result.output
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_candidates_that_disagree_keep_the_more_confident(project):
    from annotator.store.suggestions import store_candidates
    from annotator.suggest.base import Candidate

    document = project.add_document("d", "زار الوفد عمان أمس")
    store_candidates(project, document.id, "memory", "m", [Candidate(10, 14, "LOC", "memory", 0.9)])
    store_candidates(project, document.id, "x", "x", [Candidate(10, 14, "PERS", "x", 0.6)])
    assert [(e.label, e.source) for e in project.entities(document.id)] == [("LOC", "memory")]
    store_candidates(project, document.id, "y", "y", [Candidate(10, 14, "ORG", "y", 0.95)])
    assert [(e.label, e.source) for e in project.entities(document.id)] == [("ORG", "y")]
    assert project.entities(document.id)[0].status == Status.CANDIDATE
