"""brat standoff: exports that another parser (pybrat) and brat's grammar accept,
discontinuous spans, what is kept in meta["brat"], and errors that name the file and line."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pybrat.parser import BratParser

from annotator.app.exporting import export_project
from annotator.app.importing import import_paths
from annotator.formats import registry
from annotator.model import default_schema
from annotator.store import Project
from tests.formats.strategies import documents, jsonl

TEXT = "استقبل الملك عبد الله الثاني 😀 في عمّان\nوفدا من الاتحاد الأوروبي \U00020000 اليوم."


def _span(text: str, part: str) -> tuple[int, int]:
    start = text.index(part)
    return start, start + len(part)


def _pair(folder: Path, name: str, text: str, ann: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    (folder / f"{name}.ann").write_text(ann, encoding="utf-8")
    return folder / f"{name}.ann"


@pytest.fixture
def annotated(project):
    """One document: nested entities, an entity after an emoji, one across a line break,
    a one-way and a symmetric relation."""
    document = project.add_document("خبر/أول", TEXT)
    king = project.add_entity(document.id, *_span(TEXT, "الملك عبد الله الثاني"), "PERS")
    name = project.add_entity(document.id, *_span(TEXT, "عبد الله"), "PERS")
    amman = project.add_entity(document.id, *_span(TEXT, "عمّان"), "LOC")
    union = project.add_entity(document.id, *_span(TEXT, "عمّان\nوفدا"), "MISC")
    project.add_entity(document.id, *_span(TEXT, "الاتحاد الأوروبي"), "ORG")
    assert union
    project.add_relation(king.id, amman.id, "located_in")
    project.add_relation(name.id, king.id, "meets")
    return project


def test_an_export_is_read_by_pybrat_as_the_project_holds_it(annotated, tmp_path):
    out = tmp_path / "brat"
    summary = export_project(annotated, out, format="brat")
    assert (summary.documents, summary.entities, summary.relations) == (1, 5, 2)
    assert sorted(p.name for p in out.iterdir()) == [
        "annotation.conf",
        "visual.conf",
        "خبر_أول.ann",
        "خبر_أول.txt",
    ]
    assert (out / "خبر_أول.txt").read_bytes() == TEXT.encode("utf-8")  # no BOM, nothing added
    [example] = BratParser(error="raise").parse(str(out))
    assert example.text == TEXT
    found = {
        (entity.type, tuple((s.start, s.end) for s in entity.spans), entity.mention)
        for entity in example.entities
    }
    union = _span(TEXT, "عمّان\nوفدا")
    assert found == {
        ("PERS", (_span(TEXT, "الملك عبد الله الثاني"),), "الملك عبد الله الثاني"),
        ("PERS", (_span(TEXT, "عبد الله"),), "عبد الله"),
        ("LOC", (_span(TEXT, "عمّان"),), "عمّان"),
        # brat's own way with a line break: two fragments, their texts joined by a space
        ("MISC", ((union[0], union[0] + 5), (union[0] + 6, union[1])), "عمّان وفدا"),
        ("ORG", (_span(TEXT, "الاتحاد الأوروبي"),), "الاتحاد الأوروبي"),
    }
    relations = {(r.type, r.arg1.mention, r.arg2.mention) for r in example.relations}
    assert relations == {
        ("located_in", "الملك عبد الله الثاني", "عمّان"),
        ("meets", "الملك عبد الله الثاني", "عبد الله"),  # symmetric: head first in reading
    }


def test_a_line_crossing_span_comes_back_as_one_span(annotated, tmp_path):
    out = tmp_path / "brat"
    export_project(annotated, out, format="brat")
    with Project.memory() as again:
        report = import_paths(again, [out])
        assert report.errors == [] and report.counts == {}
        [document] = again.documents()
        assert document.name == "خبر_أول" and document.text == TEXT
        spans = {(e.start, e.end, e.label) for e in again.entities(document.id)}
    original = {(e.start, e.end, e.label) for e in annotated.entities(1)}
    assert spans == original


# --- brat's grammar, line by line ----------------------------------------------------------

T_LINE = re.compile(r"T(\d+)\t([^\s]+) (\d+ \d+(?:;\d+ \d+)*)\t(.*)")
R_LINE = re.compile(r"R(\d+)\t([^\s]+) Arg1:(T\d+) Arg2:(T\d+)")
A_LINE = re.compile(r"A(\d+)\t([^\s]+) ([TR]\d+)(?: ([^\t]+))?")
N_LINE = re.compile(r"N(\d+)\t([^\s]+) ([TR]\d+) ([^\s:]+:[^\s]+)\t(.*)")
NOTE_LINE = re.compile(r"#(\d+)\t([^\s]+) ([TR]\d+)\t(.*)")
EQUIV_LINE = re.compile(r"\*\t([^\s]+)((?: T\d+){2,})")


def check_ann(text: str, ann: str, labels: set[str], types: set[str]) -> None:
    """Every line of a .ann file against brat's grammar (standoff.html, annotation.py):
    ids unique, fragments in order within the text, the text field exactly the fragments'
    texts joined by one space, every reference to a line of this file."""
    assert ann == "" or ann.endswith("\n")
    lines = ann.split("\n")[:-1]
    ids, targets = set(), []
    for line in lines:
        assert "\r" not in line
        if m := T_LINE.fullmatch(line):
            fragments = [tuple(map(int, f.split())) for f in m[3].split(";")]
            assert all(0 <= s <= e <= len(text) for s, e in fragments), line
            assert fragments == sorted(fragments)
            assert m[4] == " ".join(text[s:e] for s, e in fragments), line
            assert m[2] in labels
            ident = f"T{m[1]}"
        elif m := R_LINE.fullmatch(line):
            assert m[2] in types
            targets += [m[3], m[4]]
            ident = f"R{m[1]}"
        elif m := A_LINE.fullmatch(line) or N_LINE.fullmatch(line) or NOTE_LINE.fullmatch(line):
            targets.append(m[3])
            ident = line.split("\t")[0]
        elif m := EQUIV_LINE.fullmatch(line):
            targets += m[2].split()
            continue
        else:
            raise AssertionError(f"not a brat annotation line: {line!r}")
        assert ident not in ids
        ids.add(ident)
    assert set(targets) <= ids


def check_conf(out: Path, schema) -> None:
    conf = (out / "annotation.conf").read_text(encoding="utf-8")
    sections = re.findall(r"^\[(\w+)\]$", conf, re.M)
    assert sections == ["entities", "relations", "events", "attributes"]
    entities = conf.split("[entities]\n")[1].split("\n\n")[0].split("\n")
    assert entities == list(schema.label_names)
    visual = (out / "visual.conf").read_text(encoding="utf-8")
    for label in schema.labels:
        assert f"{label.name}\tbgColor:{label.colour.lower()}\n" in visual


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(lines=st.lists(documents(), min_size=1, max_size=4, unique_by=lambda d: d["text"]))
def test_every_exported_line_follows_brat_grammar(tmp_path_factory, lines):
    folder = tmp_path_factory.mktemp("grammar")
    source = folder / "source.jsonl"
    source.write_text(jsonl(lines), encoding="utf-8")
    schema = default_schema()
    with Project.memory() as project:
        assert import_paths(project, [source]).errors == []
        export_project(project, folder / "out", format="brat", include_candidates=True)
    texts = sorted((folder / "out").glob("*.txt"))
    assert len(texts) == len(lines)
    for path in texts:
        ann = path.with_suffix(".ann").read_text(encoding="utf-8")
        check_ann(
            path.read_text(encoding="utf-8"),
            ann,
            set(schema.label_names),
            set(schema.relation_type_names),
        )
    check_conf(folder / "out", schema)


def test_annotation_conf_allows_exactly_the_schemas_pairs(tmp_path, project):
    project.add_document("x", "نص")
    export_project(project, tmp_path / "out", format="brat")
    conf = (tmp_path / "out" / "annotation.conf").read_text(encoding="utf-8")
    relations = conf.split("[relations]\n")[1].split("\n\n")[0]
    assert "<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>" in relations
    allowed: dict[str, set] = {}
    symmetric = set()
    for line in relations.split("\n"):
        if line.startswith(("#", "<")):
            continue
        name, args = line.split("\t")
        parts = dict(part.split(":", 1) for part in args.split(", "))
        heads, tails = parts["Arg1"].split("|"), parts["Arg2"].split("|")
        allowed.setdefault(name, set()).update((h, t) for h in heads for t in tails)
        if parts.get("<REL-TYPE>") == "symmetric":
            symmetric.add(name)
    schema = default_schema()
    for relation_type in schema.relation_types:
        expected = set(relation_type.pairs)
        if relation_type.symmetric:
            expected |= {(t, h) for h, t in relation_type.pairs}
        assert allowed[relation_type.name] == expected
    assert symmetric == {t.name for t in schema.relation_types if t.symmetric} == {"meets"}


# --- reading -------------------------------------------------------------------------------


def test_a_discontinuous_span_is_refused_naming_the_file_and_line(project, tmp_path):
    text = "زار الملك عبد الله عمّان"
    ann = _pair(
        tmp_path / "c", "doc", text, "T1\tLOC 19 24\tعمّان\nT2\tPERS 4 9;14 18\tالملك الله\n"
    )
    report = import_paths(project, [tmp_path / "c"])
    [error] = report.errors
    assert error.startswith(f"{ann}, line 2: T2 is discontinuous")
    assert "--discontinuous outer" in error
    assert project.document_count() == 0


def test_a_discontinuous_span_is_taken_whole_with_the_outer_option(project, tmp_path):
    text = "زار الملك عبد الله عمّان"
    _pair(tmp_path / "c", "doc", text, "T1\tPERS 4 9;14 18\tالملك الله\n")
    report = import_paths(project, [tmp_path / "c"], options={"discontinuous": "outer"})
    assert report.errors == []
    assert report.counts == {"brat discontinuous spans taken whole (outer span)": 1}
    [entity] = project.entities(project.documents()[0].id)
    assert (entity.start, entity.end, entity.label) == (4, 18, "PERS")


def test_brats_own_line_crossing_fragments_are_one_span(project, tmp_path):
    text = "وفد من\n  الاتحاد الأوروبي"
    start = text.index("من")
    _pair(tmp_path / "c", "doc", text, f"T1\tORG {start} 6;9 16\tمن الاتحاد\n")
    assert import_paths(project, [tmp_path / "c"]).errors == []
    [entity] = project.entities(project.documents()[0].id)
    assert (entity.start, entity.end) == (start, 16)


ANN_WITH_EXTRAS = (
    "T1\tPERS 4 18\tالملك عبد الله\n"
    "T2\tLOC 19 24\tعمّان\n"
    "R1\tlocated_in Arg1:T1 Arg2:T2\n"
    "A1\tNegated T1\n"
    "A2\tCertainty T2 High\n"
    "M1\tSpeculated T2\n"
    "A3\tConfirmed R1\n"
    "N1\tReference T1 Wikidata:Q57553\tعبد الله الثاني\n"
    "#1\tAnnotatorNotes T1\tملك الأردن\tمنذ 1999\n"
    "#2\tAnnotatorNotes R1\tcheck the date\n"
    "T3\tMISC 10 18\tعبد الله\n"
    "*\tEquiv T1 T3\n"
    "T4\tLOC 19 24\tعمّان\n"
)


def test_attributes_normalisations_and_notes_survive_a_round_trip(project, tmp_path):
    text = "زار الملك عبد الله عمّان"
    _pair(tmp_path / "in", "doc", text, ANN_WITH_EXTRAS)
    report = import_paths(project, [tmp_path / "in"])
    assert report.errors == []
    assert report.counts == {"brat duplicate entities merged": 1}  # T4 is T2 again
    [document] = project.documents()
    king, amman = ["T", 4, 18, "PERS"], ["T", 19, 24, "LOC"]
    relation = ["R", "located_in", king, amman]
    kept = document.meta["brat"]
    assert kept == {
        "equivs": [{"on": [king, ["T", 10, 18, "MISC"]], "type": "Equiv"}],
        "attributes": [
            {"on": king, "name": "Negated", "value": True},
            {"on": amman, "name": "Certainty", "value": "High"},
            {"on": amman, "name": "Speculated", "value": True},
            {"on": relation, "name": "Confirmed", "value": True},
        ],
        "normalizations": [
            {"on": king, "type": "Reference", "ref": "Wikidata:Q57553", "text": "عبد الله الثاني"}
        ],
        "notes": [
            {"on": king, "type": "AnnotatorNotes", "text": "ملك الأردن\tمنذ 1999"},
            {"on": relation, "type": "AnnotatorNotes", "text": "check the date"},
        ],
    }
    assert list(kept) == ["equivs", "attributes", "normalizations", "notes"]
    out = tmp_path / "out"
    summary = export_project(project, out, format="brat")
    ann = (out / "doc.ann").read_text(encoding="utf-8")
    assert ann == (
        "T1\tPERS 4 18\tالملك عبد الله\n"
        "T2\tMISC 10 18\tعبد الله\n"
        "T3\tLOC 19 24\tعمّان\n"
        "R1\tlocated_in Arg1:T1 Arg2:T3\n"
        "*\tEquiv T1 T2\n"
        "A1\tNegated T1\n"
        "A2\tCertainty T3 High\n"
        "A3\tSpeculated T3\n"
        "A4\tConfirmed R1\n"
        "N1\tReference T1 Wikidata:Q57553\tعبد الله الثاني\n"
        "#1\tAnnotatorNotes T1\tملك الأردن\tمنذ 1999\n"
        "#2\tAnnotatorNotes R1\tcheck the date\n"
    )  # renumbered in reading order; M1 written as the attribute it is
    assert summary.left_out == {}
    conf = (out / "annotation.conf").read_text(encoding="utf-8")
    attributes = conf.split("[attributes]\n")[1]
    assert attributes == (
        "Negated\tArg:<ENTITY>\n"
        "Certainty\tArg:<ENTITY>, Value:High\n"
        "Speculated\tArg:<ENTITY>\n"
        "Confirmed\tArg:<RELATION>\n"
    )
    with Project.memory() as again:
        assert import_paths(again, [out]).errors == []
        assert again.documents()[0].meta["brat"] == kept


def test_what_is_attached_to_a_deleted_entity_is_reported_left_out(project, tmp_path):
    text = "زار الملك عبد الله عمّان"
    _pair(tmp_path / "in", "doc", text, ANN_WITH_EXTRAS)
    import_paths(project, [tmp_path / "in"])
    [document] = project.documents()
    [king] = [e for e in project.entities(document.id) if e.label == "PERS"]
    project.delete_entity(king.id)
    summary = export_project(project, tmp_path / "out", format="brat")
    assert summary.left_out == {
        "brat attributes": 2,  # Negated on T1, Confirmed on R1 (gone with T1)
        "brat normalizations": 1,
        "brat notes": 2,
        "brat equivs": 1,
    }
    assert any("were left out: what they were attached to" in note for note in summary.notes)


@pytest.mark.parametrize(
    ("ann", "line", "reason"),
    [
        ("T1\tLOC 19 24\tعمّان\nT2\tPERS 4 9\tالوفد\n", 2, "T2: its text 'الوفد' does not"),
        ("T1\tPLACE 19 24\tعمّان\n", 1, "T1: unknown label 'PLACE'"),
        ("T1\tLOC 19 99\tعمّان\n", 1, "T1: the span 19 99 is not within the text"),
        ("T1\tLOC 19 24\tعمّان\nR1\tlocated_in Arg1:T1 Arg2:T7\n", 2, "R1: T7 is not a text"),
        (
            "T1\tLOC 19 24\tعمّان\nT2\tPERS 4 9\tالملك\nR1\tlocated_in Arg1:T1 Arg2:T2\n",
            3,
            "R1: relation type 'located_in' does not allow LOC -> PERS",
        ),
        ("T1\tLOC 19 24\tعمّان\nE1\tTravel:T1\n", 2, "E1 is an event"),
        ("T1\tLOC 19 24\tعمّان\nT1\tLOC 19 24\tعمّان\n", 2, "the id T1 is used twice"),
        ("T1 LOC 19 24 عمّان\n", 1, "no tab after the id"),
        ("T1\tLOC 19 24\tعمّان\nA1\tNegated T5\n", 2, "T5 is not a text-bound annotation"),
    ],
)
def test_bad_lines_are_refused_naming_the_file_and_line(project, tmp_path, ann, line, reason):
    path = _pair(tmp_path / "bad", "doc", "زار الملك عبد الله عمّان", ann)
    report = import_paths(project, [tmp_path / "bad"])
    [error] = report.errors
    assert error.startswith(f"{path}, line {line}: "), error
    assert reason in error
    assert project.document_count() == 0


def test_a_text_that_differs_in_normalisation_names_the_code_points(project, tmp_path):
    text = "زار الوفد أسوان"
    quote = unicodedata.normalize("NFD", "أسوان")
    path = _pair(tmp_path / "nfd", "doc", text, f"T1\tLOC 10 15\t{quote}\n")
    report = import_paths(project, [path])
    [error] = report.errors
    assert error.startswith(f"{path}, line 1: T1: its text")
    assert "(NFD vs NFC)" in error


def test_a_bom_in_the_text_counts_as_brat_counts_it(project, tmp_path):
    folder = tmp_path / "bom"
    folder.mkdir()
    (folder / "doc.txt").write_bytes("\ufeffزار عمّان".encode())
    (folder / "doc.ann").write_text("T1\tLOC 5 10\tعمّان\n", encoding="utf-8")
    assert import_paths(project, [folder]).errors == []
    [document] = project.documents()
    [entity] = project.entities(document.id)
    assert document.text[entity.start : entity.end] == "عمّان"


# --- files and names -----------------------------------------------------------------------


def test_detection_folder_pairs_and_lone_texts(tmp_path):
    brat = registry.get("brat")
    _pair(tmp_path / "corpus" / "sub", "a", "نص", "")
    (tmp_path / "lone.txt").write_text("نص", encoding="utf-8")
    assert brat.sniff(tmp_path / "corpus")
    assert registry.detect(tmp_path / "corpus" / "sub" / "a.txt").name == "brat"
    assert registry.detect(tmp_path / "corpus" / "sub" / "a.ann").name == "brat"
    assert registry.detect(tmp_path / "lone.txt").name == "text"
    [(path, fmt)] = registry.sources_in_folder(tmp_path / "corpus")
    assert (path, fmt.name) == (tmp_path / "corpus", "brat")


def test_a_folder_is_one_source_its_other_files_named_in_a_notice(project, tmp_path):
    folder = tmp_path / "corpus"
    _pair(folder, "a", "نص أول", "")
    (folder / "b.txt").write_text("نص ثان", encoding="utf-8")  # brat shows it, unannotated
    (folder / "notes.md").write_text("x", encoding="utf-8")
    (folder / "annotation.conf").write_text("[entities]\n", encoding="utf-8")
    report = import_paths(project, [folder])
    assert (report.errors, report.imported) == ([], 2)
    assert report.notices == [
        f"{folder}: read as one brat collection; 1 other files were not read (notes.md)"
    ]
    assert sorted(d.name for d in project.documents()) == ["a", "b"]


def test_a_lone_ann_file_is_an_error(project, tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.ann").write_text("", encoding="utf-8")
    report = import_paths(project, [folder])
    assert report.errors == [f"{folder / 'a.ann'}: no a.txt beside it: brat needs the text"]


def test_names_are_safe_unique_file_names_and_safe_ones_round_trip(project, tmp_path):
    names = ["تقرير 1", "a/b", "A/B", "con", "تقرير 1", "x.txt", ".hidden"]
    for number, name in enumerate(names):
        project.add_document(name, f"نص رقم {number}")
    out = tmp_path / "out"
    summary = export_project(project, out, format="brat")
    stems = sorted(p.stem for p in out.glob("*.txt"))
    assert stems == sorted([".hidden", "_con", "a_b", "A_B-2", "x.txt", "تقرير 1", "تقرير 1-2"])
    assert "4 document names were changed" in " ".join(summary.notes)
    with Project.memory() as again:
        import_paths(again, [out])
        assert {d.name for d in again.documents()} >= {"تقرير 1", "x.txt", ".hidden"}


def test_export_creates_the_folder_and_leaves_no_staging_behind(project, tmp_path):
    project.add_document("a", "نص")
    out = tmp_path / "new"
    export_project(project, out, format="brat")
    assert sorted(p.name for p in out.iterdir()) == [
        "a.ann",
        "a.txt",
        "annotation.conf",
        "visual.conf",
    ]
    (tmp_path / "file").write_text("x")
    with pytest.raises(Exception, match="not a folder"):
        export_project(project, tmp_path / "file", format="brat")


def test_statuses_and_sources_are_not_carried_and_say_so(project, tmp_path):
    document = project.add_document("a", "زار عمّان")
    project.add_entity(document.id, 4, 9, "LOC", status="candidate", source="gazetteer")
    summary = export_project(project, tmp_path / "out", format="brat", include_candidates=True)
    assert summary.left_out == {"statuses": 1}
    assert not {"statuses", "provenance"} & registry.get("brat").carries
