from __future__ import annotations

import json

import pytest

from annotator.app.importing import import_paths
from tests.conftest import SAMPLE, SEEDS


def _write_jsonl(path, *objects):
    path.write_text(
        "\n".join(json.dumps(o, ensure_ascii=False) for o in objects) + "\n", encoding="utf-8"
    )
    return path


def _snapshot(project):
    db = project._db
    return {
        table: db.execute(f"SELECT * FROM {table} ORDER BY rowid").fetchall()
        for table in ("documents", "entities", "relations", "events")
    }


def test_text_files_are_imported_exactly(project, sample_text):
    report = import_paths(project, [SAMPLE])
    assert report.imported == 1 and not report.errors
    [document] = project.documents()
    assert document.name == SAMPLE.name
    assert document.text == sample_text
    assert document.status == "new"


def test_bom_and_crlf_are_normalised(project, tmp_path):
    path = tmp_path / "crlf.txt"
    path.write_bytes("\ufeffسطر أول\r\nسطر ثان\rسطر ثالث".encode())
    import_paths(project, [path])
    assert project.documents()[0].text == "سطر أول\nسطر ثان\nسطر ثالث"


def test_folders_are_imported_recursively_and_duplicates_skipped(project, tmp_path):
    nested = tmp_path / "a" / "b"
    nested.mkdir(parents=True)
    (nested / "one.txt").write_text("خبر أول", encoding="utf-8")
    (tmp_path / "a" / "two.txt").write_text("خبر ثان", encoding="utf-8")
    (tmp_path / "a" / "copy.txt").write_text("خبر أول", encoding="utf-8")
    (tmp_path / "a" / "image.png").write_bytes(b"\x89PNG")
    report = import_paths(project, [tmp_path / "a"])
    assert (report.imported, report.skipped, report.failed) == (2, 1, 0)
    assert "skipped, the same text is already document" in report.notices[0]
    again = import_paths(project, [SEEDS, tmp_path / "a"])
    assert (again.imported, again.skipped) == (1, 3)


def test_our_jsonl_keeps_annotations_and_statuses(project, tmp_path):
    text = "التقى لافروف تشوي في موسكو"
    path = _write_jsonl(
        tmp_path / "ours.jsonl",
        {
            "name": "meeting",
            "text": text,
            "status": "in_progress",
            "meta": {"source": "tasnim"},
            "entities": [
                {"id": 1, "start": 6, "end": 12, "label": "PERS", "text": "لافروف"},
                {"id": 2, "start": 13, "end": 17, "label": "PERS", "status": "candidate"},
                {"id": 3, "start": 21, "end": 26, "label": "LOC", "annotator": "amal"},
            ],
            "relations": [
                {"id": 1, "head": 1, "tail": 2, "type": "meets"},
                {"id": 2, "head": 1, "tail": 3, "type": "located_in", "status": "rejected"},
            ],
        },
    )
    report = import_paths(project, [path])
    assert report.errors == []
    [document] = project.documents()
    assert (document.name, document.status, document.meta) == (
        "meeting",
        "in_progress",
        {"source": "tasnim"},
    )
    entities = project.entities(document.id)
    assert [
        (text[e.start : e.end], e.label, e.status, e.source, e.annotator) for e in entities
    ] == [
        ("لافروف", "PERS", "accepted", "import", None),
        ("تشوي", "PERS", "candidate", "import", None),
        ("موسكو", "LOC", "accepted", "import", "amal"),
    ]
    relations = project.relations(document.id)
    assert [(r.type, r.status) for r in relations] == [
        ("meets", "accepted"),
        ("located_in", "rejected"),
    ]


def test_doccano_label_form(project, tmp_path):
    path = _write_jsonl(
        tmp_path / "doccano.jsonl",
        {"text": "زار بوتين موسكو", "label": [[4, 9, "PERS"], [10, 15, "LOC"]]},
    )
    import_paths(project, [path])
    document = project.documents()[0]
    assert document.name == "doccano.jsonl:1"
    assert [(e.start, e.end, e.label) for e in project.entities(document.id)] == [
        (4, 9, "PERS"),
        (10, 15, "LOC"),
    ]


def test_doccano_relation_form(project, tmp_path):
    path = _write_jsonl(
        tmp_path / "rel.jsonl",
        {
            "id": 7,
            "text": "زار بوتين موسكو",
            "entities": [
                {"id": 10, "label": "PERS", "start_offset": 4, "end_offset": 9},
                {"id": 11, "label": "LOC", "start_offset": 10, "end_offset": 15},
            ],
            "relations": [{"id": 3, "from_id": 10, "to_id": 11, "type": "located_in"}],
        },
    )
    assert import_paths(project, [path]).errors == []
    document = project.documents()[0]
    [relation] = project.relations(document.id)
    head, tail = project.entity(relation.head_id), project.entity(relation.tail_id)
    assert (head.label, tail.label, relation.type) == ("PERS", "LOC", "located_in")


GOOD = {"text": "زار بوتين موسكو", "entities": [{"id": 1, "start": 4, "end": 9, "label": "PERS"}]}

BAD_LINES = [
    ('{"text": "x", ', "line 2: malformed JSON"),
    ("[1, 2]", "line 2: each line must be a JSON object, got a list"),
    ('{"name": "no text"}', "line 2: missing field 'text'"),
    ('{"text": 5}', "line 2: field 'text' must be a string"),
    ('{"text": "   "}', "line 2: the document is empty"),
    (
        '{"text": "abc", "entities": [{"id": 1, "start": 0, "end": 9, "label": "LOC"}]}',
        "line 2: entity 1: end 9 is past the end of the text",
    ),
    (
        '{"text": "abc", "entities": [{"id": 1, "start": 2, "end": 1, "label": "LOC"}]}',
        "line 2: entity 1: span 2-1 is empty or reversed",
    ),
    (
        '{"text": "abc", "entities": [{"id": 1, "start": -1, "end": 1, "label": "LOC"}]}',
        "line 2: entity 1: start -1 is negative",
    ),
    (
        '{"text": "abc", "entities": [{"id": 1, "start": "0", "end": 1, "label": "LOC"}]}',
        "line 2: entity #1: field 'start' has the wrong type",
    ),
    (
        '{"text": "abc", "entities": [{"id": 1, "start": 0, "end": 1, "label": "CITY"}]}',
        "line 2: entity 1: unknown label 'CITY'",
    ),
    (
        '{"text": "abc", "entities": [{"id": 1, "start": 0, "end": 1, "label": "LOC"}], '
        '"relations": [{"id": 1, "head": 1, "tail": 5, "type": "part_of"}]}',
        "line 2: relation 1: tail refers to missing entity id 5",
    ),
    ('{"text": "abc", "label": [[0, 5, "LOC"]]}', "line 2: entity 1: end 5 is past the end"),
    ('{"text": "abc", "label": [[0, 1]]}', 'line 2: label #1: expected [start, end, \\"LABEL\\"]'),
    (
        '{"text": "abc", "entities": [{"id": 1, "start": 0, "end": 2, "label": "LOC", '
        '"text": "xy"}]}',
        "line 2: entity #1: its 'text' 'xy' does not match",
    ),
    (
        '{"text": "abc", "entities": [{"id": 1, "start_offset": 0, "end_offset": 1, '
        '"label": "LOC"}], "relations": [{"id": 1, "from_id": 1, "to_id": 2, "type": "part_of"}]}',
        "line 2: relation 1: tail refers to missing entity id 2",
    ),
    ('{"text": "a\\r\\nb"}', "line 2: field 'text' contains a BOM or CR"),
]


@pytest.mark.parametrize(("bad_line", "message"), BAD_LINES)
def test_a_bad_line_fails_its_whole_file_and_names_file_line_and_reason(
    project, tmp_path, bad_line, message
):
    project.add_document("existing.txt", "موجود")
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps(GOOD, ensure_ascii=False) + "\n" + bad_line + "\n", "utf-8")
    good = _write_jsonl(tmp_path / "good.jsonl", {"text": "ملف سليم"})
    before = _snapshot(project)
    report = import_paths(project, [bad])
    assert report.failed == 1
    assert report.errors[0].startswith(f"{bad}, line 2: ")
    assert message.replace('\\"', '"') in report.errors[0]
    assert _snapshot(project) == before
    # the other files of the same run still import
    report = import_paths(project, [bad, good])
    assert (report.imported, report.failed) == (1, 1)


def test_invalid_utf8_names_the_line_and_byte(project, tmp_path):
    path = tmp_path / "latin1.txt"
    data = "سطر\nsecond line caf".encode() + b"\xe9\n"
    path.write_bytes(data)
    report = import_paths(project, [path])
    offset = data.index(b"\xe9")
    assert report.errors == [
        f"{path}, line 2: not valid UTF-8: byte 0xe9 at byte offset {offset} "
        "(invalid continuation byte)"
    ]
    assert project.documents() == []


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.txt", b"", "the document is empty"),
        ("blank.txt", b"  \n\n", "the document is empty"),
        ("nul.txt", "نص\x00".encode(), "line 1: the text contains a NUL character"),
        ("empty.jsonl", b"\n\n", "the file holds no documents"),
        ("data.csv", b"a,b", "unsupported file type .csv"),
    ],
)
def test_other_bad_files(project, tmp_path, name, content, message):
    path = tmp_path / name
    path.write_bytes(content)
    report = import_paths(project, [path])
    assert report.failed == 1 and message in report.errors[0]
    assert str(path) in report.errors[0]
    assert project.documents() == []


def test_a_missing_path_is_reported(project, tmp_path):
    report = import_paths(project, [tmp_path / "nothing.txt"])
    assert report.errors == [f"{tmp_path / 'nothing.txt'}: no such file or folder"]


def test_invalid_utf8_in_a_jsonl_line_names_that_line(project, tmp_path):
    path = tmp_path / "broken.jsonl"
    path.write_bytes(b'{"text": "ok"}\n{"text": "caf\xe9"}\n')
    report = import_paths(project, [path])
    assert report.errors == [
        f"{path}, line 2: not valid UTF-8: byte 0xe9 at byte 13 of the line "
        "(invalid continuation byte)"
    ]
    assert project.documents() == []


def test_unknown_top_level_fields_are_kept_in_meta(project, tmp_path):
    path = _write_jsonl(
        tmp_path / "extra.jsonl", {"text": "نص", "source_url": "http://x", "meta": {"date": "2024"}}
    )
    import_paths(project, [path])
    assert project.documents()[0].meta == {"source_url": "http://x", "date": "2024"}
