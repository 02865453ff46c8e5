from __future__ import annotations

import pytest

from annotator.model import AnnotationError, Schema, default_schema


def test_default_schema_has_camel_labels_and_four_relation_types():
    schema = default_schema()
    assert schema.label_names == ("PERS", "LOC", "ORG", "MISC")
    assert schema.relation_type_names == ("affiliated_with", "located_in", "part_of", "meets")
    assert schema.relation_type("meets").symmetric


@pytest.mark.parametrize(
    ("type_name", "head", "tail", "allowed"),
    [
        ("affiliated_with", "PERS", "ORG", True),
        ("affiliated_with", "PERS", "LOC", True),
        ("affiliated_with", "ORG", "PERS", False),
        ("located_in", "ORG", "LOC", True),
        ("located_in", "LOC", "ORG", False),
        ("part_of", "ORG", "ORG", True),
        ("part_of", "ORG", "LOC", False),
        ("meets", "PERS", "PERS", True),
        ("meets", "PERS", "ORG", False),
    ],
)
def test_relation_types_allow_exactly_their_label_pairs(type_name, head, tail, allowed):
    assert default_schema().relation_type(type_name).allows(head, tail) is allowed


def test_check_relation_names_the_rule():
    with pytest.raises(AnnotationError, match=r"'part_of' does not allow ORG -> LOC"):
        default_schema().check_relation("part_of", "ORG", "LOC")


def test_types_allowed_between_a_pair():
    names = [t.name for t in default_schema().types_allowed_between("PERS", "LOC")]
    assert names == ["affiliated_with", "located_in"]


def test_toml_round_trip():
    schema = default_schema()
    assert Schema.from_toml(schema.to_toml()) == schema


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        ("labels = 3", "'labels' must be a non-empty list"),
        ('[[labels]]\nname = "X"', "labels #1: field 'colour' is missing"),
        ('[[labels]]\nname = "X"\ncolour = "red"', "colour 'red' is not #rrggbb"),
        ('[[labels]]\nname = "my label"\ncolour = "#000000"', "must hold only letters"),
        (
            '[[labels]]\nname = "X"\ncolour = "#000000"\n[[labels]]\nname = "X"\n'
            'colour = "#111111"',
            "label names must be unique",
        ),
        (
            '[[labels]]\nname = "X"\ncolour = "#000000"\nhotkey = "1"\n[[labels]]\nname = "Y"\n'
            'colour = "#111111"\nhotkey = "1"',
            "hotkey '1' is already used by X",
        ),
        (
            '[[labels]]\nname = "X"\ncolour = "#000000"\n[[relation_types]]\nname = "r"\n'
            'pairs = [["X", "Z"]]',
            "relation type r: unknown label 'Z'",
        ),
        (
            '[[labels]]\nname = "X"\ncolour = "#000000"\n[[relation_types]]\nname = "r"\n'
            "pairs = []",
            "'pairs' must be a non-empty list",
        ),
        ("labels = [", "not valid TOML"),
    ],
)
def test_bad_schema_files_are_refused_with_the_reason(toml, message):
    with pytest.raises(AnnotationError, match=message) as raised:
        Schema.from_toml(toml, origin="my_schema.toml")
    assert str(raised.value).startswith("my_schema.toml")


def test_unknown_label_lists_the_known_ones():
    with pytest.raises(AnnotationError, match="unknown label 'PER'; the schema has PERS, LOC"):
        default_schema().label("PER")


def test_labels_and_types_have_display_names_by_language_and_exports_keep_ids():
    schema = default_schema()
    person = schema.label("PERS")
    assert person.shown("ar") == "شخص" and person.shown("en") == "PERS"
    assert schema.relation_type("located_in").shown("ar") == "يقع في"
    assert Schema.from_toml(schema.to_toml()) == schema
    bad = '[[labels]]\nname = "PERS"\ncolour = "#d62728"\ndisplay = { arabic = "شخص" }\n'
    with pytest.raises(AnnotationError, match="labels #1: display language 'arabic'"):
        Schema.from_toml(bad, "s.toml")
    empty = '[[labels]]\nname = "PERS"\ncolour = "#d62728"\ndisplay = { ar = " " }\n'
    with pytest.raises(AnnotationError, match="display.ar must be a non-empty string"):
        Schema.from_toml(empty, "s.toml")
