from __future__ import annotations

import time

from click.testing import CliRunner

from annotator.cli import main
from annotator.store import Project
from annotator.store.backups import KEEP, list_backups, make_backup, restore_backup


def test_backups_rotate_and_restore_brings_the_old_state_back(project_file):
    with Project.open(project_file) as project:
        project.add_document("first.txt", "النص الأول")
        first = make_backup(project)
        project.add_document("second.txt", "النص الثاني")
        for _ in range(KEEP + 2):
            time.sleep(0.002)
            make_backup(project)
    backups = list_backups(project_file)
    assert len(backups) == KEEP and first not in [b.path for b in backups]
    with Project.open(project_file) as project:
        kept_first = make_backup(project, reason="test")
    with Project.open(project_file) as project:
        project.add_document("third.txt", "النص الثالث")
    saved = restore_backup(project_file, kept_first)
    with Project.open(project_file) as project:
        assert [d.name for d in project.documents()] == ["first.txt", "second.txt"]
        assert project._db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    with Project.open(saved) as before:  # what was there before the restore is kept
        assert before.document_count() == 3


def test_restoring_something_that_is_not_a_backup_is_refused(project_file, tmp_path):
    import pytest

    from annotator.store import ProjectFileError

    junk = tmp_path / "junk.sqlite"
    junk.write_text("not a database", encoding="utf-8")
    with pytest.raises(ProjectFileError, match="not a backup of an annotator project"):
        restore_backup(project_file, junk)


def test_cli_lists_and_restores_and_import_backs_up_first(tmp_path):
    db = tmp_path / "p.sqlite"
    runner = CliRunner()
    runner.invoke(main, ["init", str(db)])
    text = tmp_path / "a.txt"
    text.write_text("نص للاستيراد", encoding="utf-8")
    assert runner.invoke(main, ["import", str(db), str(text)]).exit_code == 0
    listing = runner.invoke(main, ["restore", str(db)])
    assert "1. " in listing.output and "-import.sqlite" in listing.output
    result = runner.invoke(main, ["restore", str(db), "1"])  # the state before the import
    assert result.exit_code == 0 and "Restored" in result.output
    with Project.open(db) as project:
        assert project.document_count() == 0
    assert runner.invoke(main, ["restore", str(db), "9"]).exit_code == 1
