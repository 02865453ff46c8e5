"""Import never drops annotations without a word (issue: defects A1, A2, E19)."""

from __future__ import annotations

import json
import unicodedata

import pytest
from click.testing import CliRunner

from annotator.app.importing import import_paths
from annotator.cli import main

KING = "استقبل الملك عبد الله الثاني في عمّان وفدا من الاتحاد الأوروبي."


def _jsonl(path, *lines):
    path.write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines), "utf-8")
    return path


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        (
            {"text": KING, "labels": [[13, 28, "PERS"], [32, 37, "LOC"], [46, 62, "ORG"]]},
            "field 'labels' looks like annotations",
        ),
        (
            {"text": KING, "annotations": [{"start": 13, "end": 28, "label": "PERS"}]},
            "field 'annotations' looks like annotations",
        ),
        ({"text": KING, "label": "ORG"}, "document classification, which annotator does not"),
        ({"text": KING, "label": ["sport"]}, "document classification, which annotator does not"),
    ],
)
def test_annotations_under_a_key_that_is_not_read_are_refused(project, tmp_path, line, reason):
    path = _jsonl(tmp_path / "in.jsonl", {"text": "سطر سليم"}, line)
    report = import_paths(project, [path])
    assert report.imported == 0 and project.document_count() == 0
    [error] = report.errors
    assert error.startswith(f"{path}, line 2: ") and reason in error
    if "looks like annotations" in reason:
        assert "reads annotations only from 'entities', 'relations', 'label'" in error


def test_the_cli_refuses_the_labels_example_with_exit_1(tmp_path, project_file):
    path = _jsonl(
        tmp_path / "king.jsonl",
        {"text": KING, "labels": [[13, 28, "PERS"], [32, 37, "LOC"], [46, 62, "ORG"]]},
    )
    result = CliRunner().invoke(main, ["import", str(project_file), str(path)])
    assert result.exit_code == 1
    assert "line 1: field 'labels' looks like annotations" in result.output
    assert "0 documents imported" in result.output


def test_keys_that_are_not_annotations_still_go_to_meta(project, tmp_path):
    path = _jsonl(tmp_path / "in.jsonl", {"text": KING, "source": "بترا", "tags": ["سياسة"]})
    assert import_paths(project, [path]).errors == []
    assert project.documents()[0].meta == {"source": "بترا", "tags": ["سياسة"]}


def test_a_skipped_duplicate_says_how_many_annotations_were_not_imported(project, tmp_path):
    first = {"text": KING, "entities": [{"id": 1, "start": 7, "end": 12, "label": "PERS"}]}
    duplicate = {
        "text": KING,
        "entities": [
            {"id": 1, "start": 13, "end": 28, "label": "PERS"},
            {"id": 2, "start": 32, "end": 37, "label": "LOC"},
        ],
        "relations": [{"id": 1, "head": 1, "tail": 2, "type": "located_in"}],
    }
    path = _jsonl(tmp_path / "in.jsonl", first, duplicate)
    report = import_paths(project, [path])
    assert (report.imported, report.skipped) == (1, 1)
    [notice] = report.notices
    assert notice.startswith(f"{path}, line 2: skipped, the same text is already document 1")
    assert "its 2 entities and 1 relations were not imported" in notice
    assert (report.skipped_entities, report.skipped_relations) == (2, 1)
    assert "(their 2 entities and 1 relations not imported)" in report.summary()


def test_a_quote_that_differs_only_in_unicode_normalisation_names_the_code_points(
    project, tmp_path
):
    text = "زار الوفد أسوان أمس"
    start = text.index("أسوان")
    quote = unicodedata.normalize("NFD", "أسوان")
    line = {
        "text": text,
        "entities": [{"id": 1, "start": start, "end": start + 5, "label": "LOC", "text": quote}],
    }
    report = import_paths(project, [_jsonl(tmp_path / "nfd.jsonl", line)])
    [error] = report.errors
    assert "differs from the document's text" in error and "in Unicode normalisation" in error
    assert "(NFD vs NFC)" in error and "U+0627 U+0654 where the text has U+0623" in error
