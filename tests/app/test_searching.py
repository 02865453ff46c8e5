"""Project search: the FTS5 index kept in step with every way a document comes in, the
index path giving exactly what reading every text gives, and labelling all matches."""

from __future__ import annotations

import json
import random
import shutil
from pathlib import Path

import pytest

from annotator.app.importing import import_paths
from annotator.app.label_matches import ProposeMatches, label_project_matches, plan
from annotator.app.searching import ProjectSearch, search_project
from annotator.app.workspace import Workspace
from annotator.model import AnnotationError, Status
from annotator.store import Project, search_index
from annotator.text.arabic import normalise
from annotator.text.search import Query, find_all

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
RELEASE_0_1 = FIXTURES / "project-0.1.0-dcb2b79.sqlite"


def spans(project, query):
    return [(m.document_id, m.start, m.end) for m in search_project(project, query)]


def scanned(project, query):
    """What reading every text and finding the query in it gives."""
    return [
        (document.id, m.start, m.end)
        for document in project.documents()
        for m in find_all(document.text, query)
    ]


def test_a_document_imported_after_a_search_is_found(project, tmp_path):
    project.add_document("one.txt", "زار بوتين موسكو")
    assert spans(project, Query("لافروف")) == []
    jsonl = tmp_path / "more.jsonl"
    jsonl.write_text(
        json.dumps({"text": "قال سيرغي لافروف إن", "name": "two"}, ensure_ascii=False) + "\n",
        encoding="utf-8",
    )
    report = import_paths(project, [jsonl])
    [new] = report.document_ids
    assert spans(project, Query("لافروف")) == [(new, 10, 16)]
    added = project.add_document("three.txt", "ولافروف هنا")
    assert spans(project, Query("لافروف", through_clitics=True)) == [
        (new, 10, 16),
        (added.id, 1, 7),
    ]
    assert search_index.indexed_ids(project) == project.document_ids()


def test_a_refused_import_leaves_no_index_row(project, tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "بوتين هنا", "entities": [[0, 99, "PERS"]]}\n', encoding="utf-8")
    report = import_paths(project, [bad])
    assert report.errors and search_index.indexed_ids(project) == []


def test_the_migration_indexes_an_existing_project(tmp_path):
    path = tmp_path / "old.sqlite"
    shutil.copy(RELEASE_0_1, path)
    with Project.open(path) as project:
        assert search_index.indexed_ids(project) == project.document_ids() == [1, 2]
        query = Query("بيونغ يانغ")
        found = spans(project, query)
        assert found == scanned(project, query) and {d for d, _, _ in found} == {1, 2}
        for document_id, start, end in found:
            assert normalise(project.document(document_id).text[start:end]) == "بيونغ يانغ"


WORDS = "قال بوتين لبوتين وبالبيت البيت بُوتِين لافروف سيرغي إلى الى موسكو ، . مدينة مدينه".split()
QUERIES = [
    Query("بوتين"),
    Query("بوتين", through_clitics=True),
    Query("بيت", through_clitics=True),
    Query("سيرغي لافروف"),
    Query("مدينه موسكو"),
    Query("الى"),
    Query("، بوتين"),
    Query("،"),
    Query("بو.ين", regex=True),
    Query("ابدا"),
]


def test_the_index_path_finds_exactly_what_reading_every_text_finds(project):
    rng = random.Random(3)
    for number in range(60):
        words = [rng.choice(WORDS) for _ in range(rng.randint(3, 25))]
        text = "".join(w + rng.choice([" ", "  ", "\n", ""]) for w in words)
        if text.strip():
            project.add_document(f"d{number}", text)
    for query in QUERIES:
        assert spans(project, query) == scanned(project, query), query


def test_the_index_narrows_the_documents_read(project):
    for number in range(20):
        project.add_document(f"d{number}", f"خبر رقم {number} عن موسكو")
    project.add_document("x", "زار لافروف موسكو")
    search = ProjectSearch(project, Query("لافروف"))
    assert search.indexed and len(search.document_ids) == 1
    search = ProjectSearch(project, Query("لافرو.", regex=True))  # no index for a regex
    assert not search.indexed and len(search.document_ids) == 21
    [match] = search.matches()
    assert (match.document, match.text, match.before, match.after) == (
        "x",
        "لافروف",
        "زار ",
        " موسكو",
    )


# --- label all matches ---------------------------------------------------------------------
TEXT = "قال بوتين إن بوتين التقى لبوتين وبوتين في موسكو"


def starts(word_index):
    return [m.start for m in find_all(TEXT, Query("بوتين", through_clitics=True))][word_index]


@pytest.fixture
def labelled(project):
    document = project.add_document("news.txt", TEXT)
    matches = find_all(TEXT, Query("بوتين", through_clitics=True))
    first, second, third, fourth = [(m.start, m.end) for m in matches]
    project.add_entity(document.id, *first, "LOC")  # accepted, another label
    project.add_entity(document.id, *second, "PERS", status=Status.REJECTED, source="cues")
    project.add_entity(document.id, *third, "PERS", status=Status.CANDIDATE, source="memory")
    return project, document, [first, second, third, fourth]


def test_label_all_never_overwrites_a_decision_and_is_one_undo_step(labelled):
    project, document, found = labelled
    workspace = Workspace(project)
    before = sorted((e.start, e.end, e.label, e.status) for e in project.entities(document.id))
    proposal = plan(project, document.id, found + [found[3]], "PERS")
    assert proposal.spans == (found[3],)
    assert (proposal.decided, proposal.already_proposed) == (2, 1)
    event = workspace.perform(ProposeMatches(proposal))
    [added] = event.entities_added
    assert (added.start, added.end, added.label) == (*found[3], "PERS")
    assert (added.status, added.source, added.decision) == (Status.CANDIDATE, "search", None)
    assert workspace.history(document.id).undo_title == "Propose 1 PERS match"
    workspace.undo(document.id)
    after_undo = sorted((e.start, e.end, e.label, e.status) for e in project.entities(document.id))
    assert after_undo == before
    workspace.redo(document.id)
    assert project.entity(added.id).status == Status.CANDIDATE


def test_label_all_refuses_an_unknown_label(labelled):
    project, document, found = labelled
    with pytest.raises(AnnotationError):
        plan(project, document.id, found, "NOPE")


def test_label_project_matches_is_one_operation_per_document(project):
    workspace = Workspace(project)
    one = project.add_document("one", "زار بوتين موسكو ثم بوتين")
    two = project.add_document("two", "قال لبوتين")
    project.add_document("three", "لا شيء هنا")
    project.add_entity(two.id, 5, 10, "PERS", status=Status.REJECTED, source="cues")
    matches = search_project(project, Query("بوتين", through_clitics=True))
    report = label_project_matches(project, matches, "PERS", workspace.perform)
    assert (report.proposed, report.decided, report.already_proposed, report.documents) == (
        2,
        1,
        0,
        1,
    )
    assert "Proposed 2 candidates in 1 document; left out 1 already decided" in report.summary()
    proposed = [(e.start, e.source) for e in project.entities(one.id)]
    assert proposed == [(4, "search"), (19, "search")]
    assert workspace.history(one.id).can_undo and not workspace.history(two.id).can_undo
    workspace.undo(one.id)
    assert project.entities(one.id) == []
