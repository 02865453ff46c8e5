"""Working as a team: assign to three annotators, each edits their own file through the
application layer, merge, agreement; a second merge changes only that annotator's layer."""

from __future__ import annotations

import json
import sqlite3

import pytest
from click.testing import CliRunner

from annotator.app import operations
from annotator.app.project_agreement import progress_by_annotator, project_agreement
from annotator.app.team import TeamError, assign, merge, plan
from annotator.app.workspace import Workspace
from annotator.cli import main
from annotator.model import DocumentStatus, Status
from annotator.store import Project

TEXTS = [
    "زار بوتين موسكو أمس",
    "التقى لافروف تشوي في بيونغ يانغ",
    "أعلنت وزارة الخارجية أن الرئيس سيزور دمشق",
    "قال المتحدث باسم الكرملين إن موسكو ترحب",
    "وصل الوفد الكوري إلى موسكو صباح اليوم",
    "رحبت الأمم المتحدة بالاتفاق بين البلدين",
]


@pytest.fixture
def lead(tmp_path):
    path = tmp_path / "lead.sqlite"
    with Project.create(path, annotator="lead") as project:
        for number, text in enumerate(TEXTS):
            document = project.add_document(f"d{number}.txt", text)
            start = text.index("موسكو") if "موسكو" in text else 0
            project.add_entity(document.id, start, start + 5, "LOC", status="candidate",
                               source="gazetteer:cldr")  # fmt: skip
    return path


def work(path, name, edits):
    """`name` annotates their hand-out through the application layer: edits(project,
    workspace) per document, then marks every document done."""
    with Project.open(path, annotator=name) as project:
        assert project.layer == name
        workspace = Workspace(project)
        for document in project.documents():
            edits(project, workspace, document)
            workspace.perform(
                operations.SetDocumentStatus(
                    document.id, DocumentStatus.DONE, project.document_status(document.id)
                )
            )


def accept_all(project, workspace, document):
    for entity in project.entities(document.id, status=Status.CANDIDATE):
        workspace.perform(operations.accept(entity))


def relabel_moscow(project, workspace, document):
    for entity in project.entities(document.id, status=Status.CANDIDATE):
        workspace.perform(operations.relabel(entity, "ORG"))
        workspace.perform(operations.accept(project.entity(entity.id)))


def test_the_plan_is_deterministic_balanced_and_shares_the_asked_share():
    lengths = [(i, 100 + 10 * i) for i in range(1, 21)]
    first = plan(lengths, ["amal", "omar", "sara"], 0.2, 2, seed=7)
    assert first == plan(lengths, ["amal", "omar", "sara"], 0.2, 2, seed=7)
    assert sum(1 for names in first.values() if len(names) == 2) == 4
    assert all(len(names) in (1, 2) for names in first.values())
    load = {n: sum(size for d, size in lengths if n in first[d]) for n in ("amal", "omar", "sara")}
    assert max(load.values()) - min(load.values()) <= max(size for _, size in lengths)


def test_assign_edit_merge_and_agree(lead, tmp_path):
    with Project.open(lead) as project:
        handed = assign(project, ["amal", "omar", "sara"], tmp_path / "out", overlap=1.0,
                        per_document=3, seed=1)  # fmt: skip
    for name in ("amal", "omar", "sara"):
        with Project.open(handed.files[name]) as theirs:
            assert len(theirs.documents()) == 6
            assert all(e.status == Status.CANDIDATE for d in theirs.documents()
                       for e in theirs.entities(d.id))  # fmt: skip
    work(handed.files["amal"], "amal", accept_all)
    work(handed.files["omar"], "omar", accept_all)
    work(handed.files["sara"], "sara", relabel_moscow)
    with Project.open(lead) as project:
        result = merge(project, [handed.files[n] for n in ("amal", "omar", "sara")])
        assert sorted(result.documents) == ["amal", "omar", "sara"]
        assert project.layers() == ["gold", "amal", "omar", "sara"]
        report = project_agreement(project)
        assert progress_by_annotator(project) == {n: (6, 6) for n in ("amal", "omar", "sara")}
    pairs = {tuple(s.annotators): s.exact_micro.f1 for s in report.pairs}
    assert pairs[("amal", "omar")] == 1.0
    assert pairs[("amal", "sara")] == 0.0  # every Moscow is LOC for amal, ORG for sara
    # sara changes her mind on one document; a second merge changes her layer only
    with Project.open(handed.files["sara"], annotator="sara") as theirs:
        workspace = Workspace(theirs)
        entity = theirs.entities(1)[0]
        workspace.perform(operations.relabel(entity, "LOC"))
    before = (_layer_rows(lead, "amal"), _layer_rows(lead, "omar"))
    assert before[0] and before[1]
    with Project.open(lead) as project:
        merge(project, [handed.files["sara"]])
        assert (_layer_rows(lead, "amal"), _layer_rows(lead, "omar")) == before
        labels = [e.label for e in project.entities(1, layer="sara")]
    assert labels == ["LOC"]


def _layer_rows(path, layer):
    conn = sqlite3.connect(path)
    try:
        return conn.execute(
            'SELECT document_id, start, "end", label, status FROM entities WHERE layer = ? '
            "ORDER BY 1, 2", (layer,)
        ).fetchall()  # fmt: skip
    finally:
        conn.close()


def test_a_refused_merge_writes_nothing(lead, tmp_path):
    with Project.open(lead) as project:
        handed = assign(project, ["amal", "omar"], tmp_path / "out", seed=1)
    stranger = tmp_path / "stranger.sqlite"
    with Project.create(stranger, annotator="sara") as other:
        other.set_setting("team", '{"assigned_to": "sara"}')
        other.add_document("x.txt", "نص لا يعرفه المشروع")
    with Project.open(lead) as project:
        with pytest.raises(TeamError, match="is not in the project"):
            merge(project, [handed.files["omar"], stranger])
        assert project.layers() == ["gold"]
        with pytest.raises(TeamError, match="not a hand-out"):
            merge(project, [_solo(tmp_path)])
        with pytest.raises(TeamError, match="also"):
            merge(project, [handed.files["amal"], handed.files["amal"]])


def test_the_commands_work_end_to_end(lead, tmp_path):
    runner = CliRunner()
    out = tmp_path / "handout"
    result = runner.invoke(
        main,
        ["assign", str(lead), "--annotators", "amal,omar", "--overlap", "1", "--out", str(out)],
    )
    assert result.exit_code == 0, result.output
    for name in ("amal", "omar"):
        work(out / f"lead-{name}.sqlite", name, accept_all)
    result = runner.invoke(main, ["merge", str(lead), *map(str, sorted(out.glob("*.sqlite")))])
    assert result.exit_code == 0, result.output
    report = tmp_path / "agreement.html"
    answer = tmp_path / "agreement.json"
    result = runner.invoke(
        main, ["agreement", str(lead), "--report", str(report), "--json", str(answer)]
    )
    assert result.exit_code == 0, result.output
    assert "amal / omar" in result.output and "Documents compared: 6" in result.output
    assert json.loads(answer.read_text(encoding="utf-8"))["documents"]
    assert "<img" in report.read_text(encoding="utf-8")


def _solo(tmp_path):
    """A project file of someone working alone: whose work is that?"""
    path = tmp_path / "solo.sqlite"
    Project.create(path, annotator="nour").close()
    return path
