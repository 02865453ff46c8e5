from __future__ import annotations

import hashlib
import sqlite3

import pytest

from annotator.store import Project, ProjectFileError


def _digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_change_is_visible_from_a_second_connection_once_the_call_returns(project_file):
    with Project.open(project_file) as project:
        document = project.add_document("a.txt", "وزارة الخارجية الروسية")
        entity = project.add_entity(document.id, 0, 5, "ORG", status="candidate")
        project.update_entity(entity.id, status="accepted")
        other = sqlite3.connect(project_file)
        row = other.execute("SELECT label, status FROM entities WHERE id = ?", (entity.id,))
        assert row.fetchone() == ("ORG", "accepted")
        other.close()


def test_project_file_uses_wal_and_foreign_keys(project_file):
    with Project.open(project_file) as project:
        assert project._db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert project._db.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_a_file_that_is_not_sqlite_is_refused_untouched(tmp_path):
    path = tmp_path / "notes.sqlite"
    path.write_text("just some notes", encoding="utf-8")
    before = _digest(path)
    with pytest.raises(ProjectFileError, match="notes.sqlite: not an annotator project"):
        Project.open(path)
    assert _digest(path) == before


def test_another_programs_sqlite_database_is_refused_untouched(tmp_path):
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    before = _digest(path)
    with pytest.raises(ProjectFileError, match="made by another program"):
        Project.open(path)
    assert _digest(path) == before


def test_a_project_from_a_newer_version_is_refused_untouched(project_file):
    conn = sqlite3.connect(project_file)
    conn.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
        "VALUES ('annotator', 'm999_from_the_future', '2030-01-01')"
    )
    conn.commit()
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    before = _digest(project_file)
    with pytest.raises(ProjectFileError, match="newer version of annotator.*m999_from_the_future"):
        Project.open(project_file)
    assert _digest(project_file) == before


def test_opening_a_missing_project_without_create_says_how_to_make_one(tmp_path):
    with pytest.raises(ProjectFileError, match="no project here; create one with `annotator init"):
        Project.open(tmp_path / "missing.sqlite")


def test_create_refuses_to_overwrite(project_file):
    with pytest.raises(ProjectFileError, match="a file already exists"):
        Project.create(project_file)


def test_create_in_a_missing_folder_is_refused(tmp_path):
    with pytest.raises(ProjectFileError, match="does not exist"):
        Project.create(tmp_path / "nope" / "p.sqlite")


def test_reopening_keeps_schema_and_settings(project_file):
    with Project.open(project_file) as project:
        project.set_setting("ner_model", "/models/ner")
    with Project.open(project_file) as project:
        assert project.setting("ner_model") == "/models/ner"
        assert project.schema.label_names == ("PERS", "LOC", "ORG", "MISC")


def test_events_log_is_append_only(project):
    project.add_document("a", "نص")
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        project._db.execute("DELETE FROM events")
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        project._db.execute("UPDATE events SET action = 'x'")


def test_document_text_is_immutable(project):
    document = project.add_document("a", "نص")
    with pytest.raises(sqlite3.DatabaseError, match="immutable"):
        project._db.execute("UPDATE documents SET text = 'x' WHERE id = ?", (document.id,))
