from __future__ import annotations

import json

from click.testing import CliRunner

from annotator import __version__
from annotator.cli import main
from annotator.store import Project
from tests.conftest import SAMPLE, SEEDS


def run(*args):
    result = CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)
    return result


def test_version():
    result = run("--version")
    assert result.exit_code == 0 and __version__ in result.output


def test_init_import_export_round_trips_the_sample_article(tmp_path, sample_text):
    db = tmp_path / "p.sqlite"
    assert run("init", db).exit_code == 0
    result = run("import", db, SEEDS)
    assert result.exit_code == 0, result.output
    assert "1 documents imported" in result.output
    out = tmp_path / "out.jsonl"
    result = run("export", db, out)
    assert result.exit_code == 0 and "Exported 1 documents" in result.output
    [line] = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert line["text"] == sample_text and line["name"] == SAMPLE.name
    # importing the export into a second project and exporting again gives the same bytes
    db2 = tmp_path / "q.sqlite"
    run("init", db2)
    assert run("import", db2, out).exit_code == 0
    out2 = tmp_path / "out2.jsonl"
    run("export", db2, out2)
    assert out.read_bytes() == out2.read_bytes()


def test_import_again_skips_with_a_notice(tmp_path):
    db = tmp_path / "p.sqlite"
    run("init", db)
    run("import", db, SEEDS)
    result = run("import", db, SAMPLE)
    assert result.exit_code == 0
    assert "skipped, the same text is already document 1" in result.output


def test_a_failing_file_gives_a_non_zero_exit_and_a_summary(tmp_path):
    db = tmp_path / "p.sqlite"
    run("init", db)
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "نص"}\n{"text": \n', encoding="utf-8")
    result = run("import", db, bad, SEEDS)
    assert result.exit_code == 1
    assert f"error: {bad}, line 2: malformed JSON" in result.output
    assert "1 documents imported" in result.output and "1 files failed" in result.output


def test_import_into_a_missing_project_says_how_to_create_it(tmp_path):
    result = run("import", tmp_path / "none.sqlite", SEEDS)
    assert result.exit_code == 1
    assert "no project here; create one with `annotator init" in result.output


def test_default_project_from_the_environment(tmp_path, monkeypatch):
    db = tmp_path / "env.sqlite"
    monkeypatch.setenv("ANNOTATOR_DB", str(db))
    assert run("import", SEEDS).exit_code == 0
    result = run("stats")
    assert "Documents: 1" in result.output
    out = tmp_path / "o.jsonl"
    assert run("export", out).exit_code == 0 and out.exists()


def test_first_start_prepares_the_default_project_with_candidates(tmp_path, monkeypatch):
    from annotator.app.first_start import prepare_default_project

    db = tmp_path / "first-run.sqlite"
    monkeypatch.setenv("ANNOTATOR_DB", str(db))
    assert prepare_default_project() == db
    with Project.open(db) as project:
        document = project.documents()[0]
        assert document.name == SAMPLE.name
        assert len(project.entities(document.id, status="candidate")) > 20
    prepare_default_project()  # a second start changes nothing
    with Project.open(db) as project:
        assert project.document_count() == 1


def test_gui_without_a_display_says_so(monkeypatch):
    for name in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"):
        monkeypatch.delenv(name, raising=False)
    result = run("gui")
    assert result.exit_code == 1 and "no display" in result.output


def test_stats_counts_by_status_label_and_type(tmp_path):
    db = tmp_path / "p.sqlite"
    run("init", db)
    run("import", db, SEEDS)
    with Project.open(db) as project:
        document = project.documents()[0]
        a = project.add_entity(document.id, 6, 20, "ORG")
        b = project.add_entity(document.id, 0, 5, "PERS", status="candidate")
        project.add_relation(b.id, a.id, "affiliated_with")
    output = run("stats", db).output
    assert "in_progress        1" in output
    assert "ORG         accepted           1" in output
    assert "PERS        candidate          1" in output
    assert "affiliated_with                1" in output


def test_schema_export_and_init_with_a_custom_schema(tmp_path):
    db = tmp_path / "p.sqlite"
    run("init", db)
    schema_file = tmp_path / "schema.toml"
    assert run("schema", db, "--export", schema_file).exit_code == 0
    custom = schema_file.read_text(encoding="utf-8").replace('name = "MISC"', 'name = "EVENT"')
    schema_file.write_text(custom, encoding="utf-8")
    db2 = tmp_path / "q.sqlite"
    assert run("init", db2, "--schema", schema_file).exit_code == 0
    with Project.open(db2) as project:
        assert project.schema.label_names == ("PERS", "LOC", "ORG", "EVENT")


def test_init_with_a_bad_schema_names_the_file(tmp_path):
    schema_file = tmp_path / "bad.toml"
    schema_file.write_text('[[labels]]\nname = "X"\n', encoding="utf-8")
    result = run("init", tmp_path / "p.sqlite", "--schema", schema_file)
    assert result.exit_code == 1
    assert f"{schema_file}: labels #1: field 'colour' is missing" in result.output
    assert not (tmp_path / "p.sqlite").exists()


def test_export_doccano_with_status_filter(tmp_path):
    db = tmp_path / "p.sqlite"
    run("init", db)
    run("import", db, SEEDS)
    out = tmp_path / "d.jsonl"
    result = run("export", db, out, "--format", "doccano", "--status", "done")
    assert result.exit_code == 0 and "Exported 0 documents" in result.output
    result = run("export", db, out, "--format", "doccano", "--include-candidates")
    assert "Exported 1 documents" in result.output
    assert set(json.loads(out.read_text(encoding="utf-8"))) == {
        "id",
        "text",
        "entities",
        "relations",
    }
