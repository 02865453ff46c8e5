"""Label Studio JSON: offsets as Label Studio counts them (code points; UTF-16 units read
from older exports), a strict check of every exported task and of the labelling
configuration, decisions and candidates, and errors naming file, line and task."""

from __future__ import annotations

import json
import re
from pathlib import Path
from xml.etree import ElementTree

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.app.exporting import export_project
from annotator.app.importing import import_paths
from annotator.formats import registry
from annotator.formats.offsets import Utf16Offsets, utf16_length
from annotator.model import default_schema
from annotator.store import Project
from tests.formats.strategies import documents, jsonl

# an emoji and a CJK Extension B ideograph (both outside the BMP) before and inside spans
TEXT = "😀 استقبل الملك عبد الله 𠀀 في عمّان وفدا 😀من الاتحاد الأوروبي"


def _span(text: str, part: str) -> tuple[int, int]:
    start = text.index(part)
    return start, start + len(part)


def _units(text: str, offset: int) -> int:
    """UTF-16 units before a code-point offset, counted independently of the helper."""
    return len(text[:offset].encode("utf-16-le")) // 2


def _tasks(path: Path) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))


def _write(path: Path, tasks) -> Path:
    path.write_text(json.dumps(tasks, ensure_ascii=False, indent=2), encoding="utf-8")
    return path


@pytest.fixture
def annotated(project):
    document = project.add_document("خبر", TEXT, meta={"مصدر": "بترا"})
    king = project.add_entity(document.id, *_span(TEXT, "الملك عبد الله 𠀀"), "PERS")
    amman = project.add_entity(document.id, *_span(TEXT, "عمّان"), "LOC")
    union = project.add_entity(document.id, *_span(TEXT, "😀من الاتحاد الأوروبي"), "ORG")
    project.add_relation(king.id, amman.id, "located_in")
    project.add_relation(king.id, union.id, "affiliated_with", status="candidate")
    guess = project.add_entity(
        document.id, *_span(TEXT, "وفدا"), "MISC", status="candidate", source="camel-ner"
    )
    project.add_entity(document.id, *_span(TEXT, "في"), "LOC", status="rejected")
    return project, guess


# --- the offset unit -----------------------------------------------------------------------


def test_offsets_in_the_file_are_code_points_as_label_studio_counts(annotated, tmp_path):
    project, _ = annotated
    out = tmp_path / "ls.json"
    summary = export_project(project, out, format="labelstudio")
    [task] = _tasks(out)
    regions = [r for r in task["annotations"][0]["result"] if r["type"] == "labels"]
    for region in regions:
        value = region["value"]
        # what Python slicing gives, and what JavaScript's [...text] (code points) gives
        assert TEXT[value["start"] : value["end"]] == value["text"]
        assert value["start"] != _units(TEXT, value["start"])  # an emoji comes before each
    assert {r["value"]["text"] for r in regions} == {
        "الملك عبد الله 𠀀",
        "عمّان",
        "😀من الاتحاد الأوروبي",
    }
    assert "offsets in code points" in summary.notes[0]


def test_label_studios_own_example_comes_out_as_its_editor_counts(project, tmp_path):
    # web/libs/editor/tests/integration/e2e/ner/emoji.cy.ts: "test" is 21-25
    text = "🐱 Warning: This is a test text"
    document = project.add_document("e2e", text)
    project.add_entity(document.id, 21, 25, "MISC")
    export_project(project, tmp_path / "ls.json", format="labelstudio")
    [region] = _tasks(tmp_path / "ls.json")[0]["annotations"][0]["result"]
    assert region["value"] == {"start": 21, "end": 25, "text": "test", "labels": ["MISC"]}


def test_the_utf16_option_writes_javascript_units(annotated, tmp_path):
    project, _ = annotated
    out = tmp_path / "ls.json"
    export_project(project, out, format="labelstudio", options={"offset_unit": "utf16"})
    [task] = _tasks(out)
    for region in task["annotations"][0]["result"][:3]:
        value = region["value"]
        start, end = _span(TEXT, value["text"])
        assert (value["start"], value["end"]) == (_units(TEXT, start), _units(TEXT, end))
        assert (
            TEXT.encode("utf-16-le")[2 * value["start"] : 2 * value["end"]].decode("utf-16-le")
            == value["text"]
        )
    with Project.memory() as again:  # read back: value.text tells the unit
        report = import_paths(again, [out])
        assert report.errors == []
        assert report.counts["Label Studio spans in UTF-16 units (older export), converted"] == 3
        texts = {TEXT[e.start : e.end] for e in again.entities(1)}
    assert texts == {"الملك عبد الله 𠀀", "عمّان", "😀من الاتحاد الأوروبي"}


def test_an_older_export_in_utf16_units_is_read_at_the_right_characters(project, tmp_path):
    # issue #1347: "💩This is an annotation." gave "annotation" at 13-23 (UTF-16 units)
    text = "💩This is an annotation."
    task = {"data": {"text": text}, "annotations": [{"result": [_region("a", 13, 23, "MISC")]}]}
    task["annotations"][0]["result"][0]["value"]["text"] = "annotation"
    report = import_paths(project, [_write(tmp_path / "old.json", [task])])
    assert report.errors == []
    [entity] = project.entities(project.documents()[0].id)
    assert (entity.start, entity.end) == (12, 22)
    with Project.memory() as forced:  # without value.text the unit can be named
        del task["annotations"][0]["result"][0]["value"]["text"]
        path = _write(tmp_path / "old2.json", [task])
        assert import_paths(forced, [path], options={"offset_unit": "utf16"}).errors == []
        [entity] = forced.entities(1)
        assert text[entity.start : entity.end] == "annotation"


def test_the_offset_helper_converts_both_ways_and_refuses_half_a_character():
    text = "a😀ب\U00020000c"
    offsets = Utf16Offsets(text)
    assert offsets.utf16_length == utf16_length(text) == len(text.encode("utf-16-le")) // 2 == 7
    for index in range(len(text) + 1):
        units = offsets.to_utf16(index)
        assert units == _units(text, index)
        assert offsets.to_code_points(units) == index
    assert offsets.to_code_points(2) is None  # between the halves of 😀
    assert offsets.to_code_points(5) is None  # between the halves of U+20000
    assert offsets.to_code_points(8) is None and offsets.to_code_points(-1) is None
    assert Utf16Offsets("بلا رموز").to_code_points(3) == 3


# --- a strict check of the export ----------------------------------------------------------

REGION_KEYS = {"id", "from_name", "to_name", "type", "value"}
RELATION_KEYS = {"from_id", "to_id", "type", "direction", "labels"}


def check_config(path: Path, schema) -> tuple[str, str]:
    """The labelling configuration, parsed with xml.etree: the schema's labels, colours,
    hotkeys and relation types; returns the Labels and Text names."""
    view = ElementTree.parse(path).getroot()
    assert view.tag == "View"
    assert [child.tag for child in view] == ["Relations", "Labels", "Text"]
    relations, labels, text = view
    assert [r.attrib for r in relations] == [{"value": n} for n in schema.relation_type_names]
    assert labels.get("toName") == text.get("name") and text.get("value") == "$" + text.get("name")
    assert [(x.tag, x.get("value"), x.get("background"), x.get("hotkey")) for x in labels] == [
        ("Label", label.name, label.colour, label.hotkey or None) for label in schema.labels
    ]
    return labels.get("name"), text.get("name")


def check_tasks(path: Path, schema) -> None:
    """Every task against Label Studio's task format (task_format.md, result_format.md)."""
    from_name, to_name = check_config(path.with_name(path.stem + ".label_config.xml"), schema)
    tasks = _tasks(path)
    assert path.read_text(encoding="utf-8").count("\n") == len(tasks) + 2  # a task a line
    for task in tasks:
        assert set(task) == {"id", "data", "annotations", "predictions"}
        assert type(task["id"]) is int
        data = task["data"]
        assert set(data) <= {"text", "name", "meta"} and isinstance(data["text"], str)
        assert len(task["annotations"]) <= 1
        results = [a["result"] for a in task["annotations"] if set(a) == {"result"}]
        assert len(results) == len(task["annotations"])
        for prediction in task["predictions"]:
            assert set(prediction) == {"model_version", "result"}
            assert isinstance(prediction["model_version"], str)
            results.append(prediction["result"])
        for result in results:
            assert result
            check_result(result, data["text"], from_name, to_name, schema)


def check_result(result: list, text: str, from_name: str, to_name: str, schema) -> None:
    regions = {}
    for item in result:
        if item["type"] == "labels":
            assert set(item) == REGION_KEYS and re.fullmatch(r"[A-Za-z0-9_-]+", item["id"])
            assert (item["from_name"], item["to_name"]) == (from_name, to_name)
            value = item["value"]
            assert set(value) == {"start", "end", "text", "labels"}
            assert type(value["start"]) is int and type(value["end"]) is int
            assert 0 <= value["start"] < value["end"] <= len(text)
            assert text[value["start"] : value["end"]] == value["text"]
            [label] = value["labels"]
            assert label in schema.label_names
            assert item["id"] not in regions
            regions[item["id"]] = label
        else:
            assert set(item) == RELATION_KEYS and item["type"] == "relation"
            [type_name] = item["labels"]
            relation_type = schema.relation_type(type_name)
            assert item["direction"] == ("bi" if relation_type.symmetric else "right")
            assert relation_type.allows(regions[item["from_id"]], regions[item["to_id"]])


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(lines=st.lists(documents(), min_size=1, max_size=4, unique_by=lambda d: d["text"]))
def test_every_exported_task_follows_label_studios_format(tmp_path_factory, lines):
    folder = tmp_path_factory.mktemp("ls")
    source = folder / "source.jsonl"
    source.write_text(jsonl(lines), encoding="utf-8")
    with Project.memory() as project:
        assert import_paths(project, [source]).errors == []
        export_project(project, folder / "out.json", format="labelstudio", include_candidates=True)
    check_tasks(folder / "out.json", default_schema())


def test_candidates_come_back_as_candidates_and_rejected_ones_are_reported(annotated, tmp_path):
    project, guess = annotated
    out = tmp_path / "all.json"
    summary = export_project(project, out, format="labelstudio", include_candidates=True)
    assert summary.left_out == {"entities": 1}  # the rejected one
    assert any("Label Studio has no rejected state" in note for note in summary.notes)
    [task] = _tasks(out)
    assert [p["model_version"] for p in task["predictions"]] == ["camel-ner", "annotator:relations"]
    with Project.memory() as again:
        report = import_paths(again, [out])
        assert report.errors == [] and report.counts == {}
        [document] = again.documents()
        assert (document.name, document.meta) == ("خبر", {"مصدر": "بترا"})
        entities = {TEXT[e.start : e.end]: (e.status, e.source) for e in again.entities(1)}
        relations = {(r.type, r.status) for r in again.relations(1)}
    assert entities == {
        "الملك عبد الله 𠀀": ("accepted", "import"),
        "عمّان": ("accepted", "import"),
        "😀من الاتحاد الأوروبي": ("accepted", "import"),
        "وفدا": ("candidate", "labelstudio:camel-ner"),
    }
    assert relations == {("located_in", "accepted"), ("affiliated_with", "candidate")}


# --- reading Label Studio's own files ------------------------------------------------------


def _region(ident, start, end, label, **extra):
    value = {"start": start, "end": end, "labels": [label]}
    return {
        "id": ident,
        "from_name": "label",
        "to_name": "text",
        "type": "labels",
        "value": value,
        **extra,
    }


KING = "استقبل الملك عبد الله الثاني في عمّان وفدا من الاتحاد الأوروبي."


def test_annotations_are_decisions_and_predictions_candidates(project, tmp_path):
    king, amman, union = (
        _span(KING, "الملك عبد الله الثاني"),
        _span(KING, "عمّان"),
        _span(KING, "الاتحاد الأوروبي"),
    )
    task = {
        "id": 7,
        "data": {"text": KING, "source": "بترا"},
        "annotations": [
            {
                "result": [
                    _region("k", *king, "PERS"),
                    _region("a", *amman, "LOC"),
                    {
                        "from_id": "a",
                        "to_id": "k",
                        "type": "relation",
                        "direction": "left",
                        "labels": ["located_in"],
                    },
                ]
            }
        ],
        "predictions": [
            {
                "model_version": "camel-ner",
                "score": 0.5,
                "result": [
                    _region("k", *king, "PERS"),  # kept by the annotation: the same entity
                    _region("u", *union, "ORG", score=0.9),
                    {
                        "from_id": "k",
                        "to_id": "u",
                        "type": "relation",
                        "labels": ["affiliated_with"],
                    },
                ],
            },
            {"model_version": "gazetteer", "result": [_region("x", *amman, "ORG")]},
        ],
    }
    report = import_paths(project, [_write(tmp_path / "ls.json", [task])])
    assert report.errors == [] and report.counts == {}
    [document] = project.documents()
    assert (document.name, document.meta) == ("ls.json task 7", {"source": "بترا"})
    found = {
        (KING[e.start : e.end], e.label): (e.status, e.source, e.confidence)
        for e in project.entities(document.id)
    }
    assert found == {
        ("الملك عبد الله الثاني", "PERS"): ("accepted", "import", None),
        ("عمّان", "LOC"): ("accepted", "import", None),
        ("الاتحاد الأوروبي", "ORG"): ("candidate", "labelstudio:camel-ner", 0.9),
        ("عمّان", "ORG"): ("candidate", "labelstudio:gazetteer", None),
    }
    by_id = {e.id: KING[e.start : e.end] for e in project.entities(document.id)}
    relations = {
        (by_id[r.head_id], r.type, by_id[r.tail_id], r.status) for r in project.relations(1)
    }
    assert relations == {
        ("الملك عبد الله الثاني", "located_in", "عمّان", "accepted"),  # "left": to -> from
        ("الملك عبد الله الثاني", "affiliated_with", "الاتحاد الأوروبي", "candidate"),
    }


@pytest.mark.parametrize(
    ("marks", "chosen"),
    [
        ([{"was_cancelled": True}, {}, {}], 1),
        ([{}, {"ground_truth": True}, {}], 1),
        ([{}, {}, {}], 0),
    ],
)
def test_one_annotation_per_task_is_imported_and_the_others_named(project, tmp_path, marks, chosen):
    spans = [_span(KING, w) for w in ("الملك", "عمّان", "الاتحاد")]
    annotations = [
        {"result": [_region("r", *span, "MISC")], **mark}
        for span, mark in zip(spans, marks, strict=True)
    ]
    path = _write(
        tmp_path / "ls.json", [{"id": 3, "data": {"text": KING}, "annotations": annotations}]
    )
    report = import_paths(project, [path])
    assert report.errors == []
    [entity] = project.entities(project.documents()[0].id)
    assert (entity.start, entity.end) == spans[chosen]
    assert report.notices == [
        f"{path}, line 2: task 1 (id 3): 2 of its 3 annotations not imported (annotator takes "
        "the one marked ground truth, else the first not cancelled)"
    ]
    assert report.counts == {"Label Studio annotations not imported": 2}


def test_line_breaks_written_as_backslash_n_in_value_text_are_accepted(project, tmp_path):
    text = "Warning:\n🐱 This is a test text"  # the editor's multi-line example
    region = _region("r", 0, 26, "MISC")
    region["value"]["text"] = "Warning:\\n🐱 This is a test"
    path = _write(
        tmp_path / "ls.json", [{"data": {"text": text}, "annotations": [{"result": [region]}]}]
    )
    assert import_paths(project, [path]).errors == []


@pytest.mark.parametrize(
    ("content", "line", "reason"),
    [
        ({"data": {"text": KING}}, None, "not a JSON array of tasks"),
        ([{"data": {"text": KING}}, {"data": {"title": "x"}}], 7, "task 2: no data.text"),
        (
            [{"text": KING, "label": []}],
            2,
            "task 1: no data.text: a task holds its text in data.text "
            "(this looks like the JSON-MIN export",
        ),
        (
            [
                {
                    "id": 9,
                    "data": {"text": KING},
                    "annotations": [{"result": [_region("r", 60, 70, "LOC")]}],
                }
            ],
            2,
            "task 1 (id 9): annotation, result 1: offsets 60-70 out of range",
        ),
        (
            [
                {
                    "data": {"text": KING},
                    "annotations": [
                        {
                            "result": [
                                {
                                    **_region("r", 7, 12, "PERS"),
                                    "value": {
                                        "start": 7,
                                        "end": 12,
                                        "text": "الملكة",
                                        "labels": ["PERS"],
                                    },
                                }
                            ]
                        }
                    ],
                }
            ],
            2,
            "task 1: annotation, result 1: value.text 'الملكة' does not match the document's "
            "text 'الملك' at 7-12",
        ),
        (
            [
                {
                    "data": {"text": KING},
                    "predictions": [
                        {
                            "result": [
                                _region("r", 7, 12, "PERS"),
                                {
                                    "from_id": "r",
                                    "to_id": "zz",
                                    "type": "relation",
                                    "labels": ["meets"],
                                },
                            ]
                        }
                    ],
                }
            ],
            2,
            "task 1: prediction 1, result 2: to_id 'zz' is not a region of this prediction 1",
        ),
        (
            [{"data": {"text": KING}, "annotations": [{"result": [_region("r", 7, 12, "KING")]}]}],
            2,
            "task 1: annotation, result 1: unknown label 'KING'",
        ),
        (
            [
                {
                    "data": {"text": KING},
                    "annotations": [
                        {
                            "result": [
                                _region("r", 7, 12, "PERS"),
                                _region("s", 32, 37, "LOC"),
                                {
                                    "from_id": "s",
                                    "to_id": "r",
                                    "type": "relation",
                                    "labels": ["located_in"],
                                },
                            ]
                        }
                    ],
                }
            ],
            2,
            "task 1: annotation, result 3: relation type 'located_in' does not allow LOC -> PERS",
        ),
        ('[{"data": {"text": "x"}},\n {"data": }]', 2, "task 2: malformed JSON"),
    ],
)
def test_bad_input_names_the_file_line_and_task(project, tmp_path, content, line, reason):
    path = tmp_path / "bad.json"
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        _write(path, content)
    report = import_paths(project, [path], format="labelstudio")
    [error] = report.errors
    where = f"{path}, line {line}: " if line else f"{path}: "
    assert error.startswith(where + reason), error
    assert project.document_count() == 0


def test_detection_a_json_array_of_tasks_is_label_studio(tmp_path):
    pretty = _write(tmp_path / "tasks.json", [{"data": {"text": KING}}])
    compact = tmp_path / "compact.json"
    compact.write_text(json.dumps([{"id": 1, "data": {"text": KING}}]), encoding="utf-8")
    ours = tmp_path / "ours.json"
    ours.write_text(json.dumps({"text": KING, "entities": []}) + "\n", encoding="utf-8")
    assert registry.detect(pretty).name == "labelstudio"
    assert registry.detect(compact).name == "labelstudio"
    assert registry.detect(ours).name == "jsonl"
    assert not registry.get("labelstudio").sniff(tmp_path / "missing.json")
    # a first task longer than what the sniff reads is judged by its opening
    long = _write(tmp_path / "long.json", [{"data": {"text": KING * 10}}])
    assert registry.get("labelstudio").sniff(long, limit=64)
