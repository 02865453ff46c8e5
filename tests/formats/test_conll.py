"""The CoNLL IOB2 format: export (tokens split at entity edges, flat or nested), import
(flat and Wojood's nested layout, labels mapped or dropped), read back by seqeval."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from annotator.app.exporting import export_project
from annotator.app.importing import import_paths
from annotator.formats import registry
from annotator.store import Project
from annotator.text.spans import outermost
from tests.conftest import REPO
from tests.formats.strategies import documents, jsonl
from tests.formats.test_format_contract import distinct_as_tokens, expected_left_out, gold_spans

WOJOOD = REPO / "resources" / "wojood" / "train.txt"
WOJOOD_KEPT = {"PERS": "PERS", "ORG": "ORG", "LOC": "LOC", "GPE": "LOC", "FAC": "LOC"}
CONLL = registry.get("conll")
NESTED = dataclasses.replace(CONLL, carries=CONLL.carries | {"nesting", "overlap", "same_span"})


def sentences_of(path: Path) -> list[list[list[str]]]:
    """A CoNLL file as sentences of [token, tag, ...] lines, read without our reader;
    -DOCSTART- lines end a sentence and are left out."""
    sentences, current = [], []
    for line in path.read_text(encoding="utf-8").split("\n"):
        parts = line.split("\t") if "\t" in line else line.split(" ")
        parts = [part for part in parts if part]
        if not parts or parts[0] == "-DOCSTART-":
            if current:
                sentences.append(current)
            current = []
        else:
            current.append(parts)
    return sentences + ([current] if current else [])


def seqeval_entities(sentence: list[list[str]]) -> set[tuple[str, int, int]]:
    """(type, first token, last token) at every tag level, by seqeval's get_entities."""
    get_entities = pytest.importorskip("seqeval.metrics.sequence_labeling").get_entities
    depth = max(len(line) - 1 for line in sentence)
    found = set()
    for level in range(1, depth + 1):
        tags = [line[level] if level < len(line) else "O" for line in sentence]
        found.update(get_entities(tags))
    return found


def _project_with(text: str, *entities) -> Project:
    project = Project.memory()
    document = project.add_document("doc", text)
    for words, label in entities:
        start = text.index(words)
        project.add_entity(document.id, start, start + len(words), label)
    return project


# --- export -----------------------------------------------------------------------------


def test_an_entity_inside_a_word_splits_it_and_the_export_says_so(tmp_path):
    out = tmp_path / "out.conll"
    with _project_with("زار الوفد بكردستان العراق.", ("كردستان", "LOC")) as project:
        summary = export_project(project, out, format="conll")
    assert out.read_text(encoding="utf-8").split("\n") == [
        "-DOCSTART-\tO", "",
        "زار\tO", "الوفد\tO", "ب\tO", "كردستان\tB-LOC", "العراق\tO", ".\tO", "",
        "",
    ]  # fmt: skip
    assert summary.notes[0].startswith("1 token split where an entity starts or ends")
    assert (summary.entities, summary.left_out) == (1, {})


COMMITTEE = "مراسلة سكرتير اللجنة القومية العربية في نابلس"


def _committee() -> Project:
    project = _project_with(
        COMMITTEE,
        ("سكرتير اللجنة القومية العربية في نابلس", "MISC"),
        ("اللجنة القومية العربية", "ORG"),
        ("نابلس", "LOC"),
    )
    org, loc = (e.id for e in project.entities(1) if e.label != "MISC")
    project.add_relation(org, loc, "located_in")
    return project


def test_flat_keeps_the_outermost_entities_and_reports_the_rest(tmp_path):
    out = tmp_path / "flat.conll"
    with _committee() as project:
        summary = export_project(project, out, format="conll")
    [sentence] = sentences_of(out)
    assert [line[1] for line in sentence] == ["O", "B-MISC"] + ["I-MISC"] * 5
    assert summary.left_out == {"nesting": 2, "relations": 1}
    assert summary.entities == 1 and summary.relations == 0
    assert any("2 nested or crossing ones left out" in note for note in summary.notes)


def test_nested_writes_one_tag_per_level_as_wojood_does(tmp_path):
    out = tmp_path / "nested.conll"
    with _committee() as project:
        summary = export_project(project, out, format="conll", options={"nested": True})
    assert out.read_text(encoding="utf-8").split("\n")[2:-2] == [
        "مراسلة O",
        "سكرتير B-MISC",
        "اللجنة I-MISC B-ORG",
        "القومية I-MISC I-ORG",
        "العربية I-MISC I-ORG",
        "في I-MISC",
        "نابلس I-MISC B-LOC",
    ]
    assert summary.left_out == {"relations": 1} and summary.entities == 3


def test_crossing_entities_get_a_level_each_and_whitespace_only_ones_are_left_out(tmp_path):
    text = "قال إن وزير خارجية روسيا سيرغي لافروف وصل"
    out = tmp_path / "crossing.conll"
    with _project_with(
        text, ("وزير خارجية روسيا", "MISC"), ("روسيا سيرغي لافروف", "PERS")
    ) as project:
        project.add_entity(1, 3, 4, "LOC")  # the space after قال
        project.add_entity(1, 6, 12, "ORG")  # " وزير " with its spaces
        summary = export_project(project, out, format="conll", options={"nested": True})
    [sentence] = sentences_of(out)
    assert [" ".join(line[1:]) for line in sentence] == [
        "O", "O", "B-MISC B-ORG", "I-MISC", "I-MISC B-PERS", "O I-PERS", "O I-PERS", "O",
    ]  # fmt: skip
    assert summary.left_out == {"entities": 1}
    assert any("1 entity trimmed" in note for note in summary.notes)


@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(lines=st.lists(documents(), min_size=1, max_size=3, unique_by=lambda d: d["text"]))
def test_seqeval_reads_back_the_entities_we_wrote(tmp_path_factory, lines):
    """Our export read by seqeval's get_entities, level by level, with each token found in
    the original text again: the spans are the gold ones trimmed to whole tokens (all of
    them nested; the outermost flat)."""
    folder = tmp_path_factory.mktemp("seqeval")
    source = folder / "source.jsonl"
    source.write_text(jsonl(lines), encoding="utf-8")
    for nested in (False, True):
        out = folder / f"out{nested}.conll"
        with Project.memory() as project:
            import_paths(project, [source])
            export_project(project, out, format="conll", options={"nested": nested})
        blocks = out.read_text(encoding="utf-8").split("-DOCSTART-")[1:]
        assert len(blocks) == len(lines)
        for line, block in zip(lines, blocks, strict=True):
            part = folder / "part.conll"
            part.write_text(block.split("\n", 1)[1], encoding="utf-8")
            expected, _ = gold_spans(CONLL, line)
            assert _spans_in_text(line["text"], sentences_of(part)) == set(
                expected if nested else outermost(expected)
            )


def _spans_in_text(text: str, sentences) -> set[tuple[int, int, str]]:
    spans, position = set(), 0
    for sentence in sentences:
        offsets = []
        for token, *_ in sentence:
            start = text.index(token, position)
            offsets.append((start, start + len(token)))
            position = start + len(token)
        for label, first, last in seqeval_entities(sentence):
            spans.add((offsets[first][0], offsets[last][1], label))
    return spans


@settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(lines=st.lists(documents(), min_size=1, max_size=4, unique_by=lambda d: d["text"]))
def test_nested_export_import_export_is_identical(tmp_path_factory, lines):
    assume(distinct_as_tokens(CONLL, lines))
    folder = tmp_path_factory.mktemp("nested")
    source = folder / "source.jsonl"
    source.write_text(jsonl(lines), encoding="utf-8")
    nested = {"nested": True}
    with Project.memory() as project:
        import_paths(project, [source])
        summary = export_project(project, folder / "one.conll", format="conll", options=nested)
    assert summary.left_out == expected_left_out(NESTED, lines)
    with Project.memory() as project:
        report = import_paths(project, [folder / "one.conll"])
        assert report.errors == []
        export_project(project, folder / "two.conll", format="conll", options=nested)
    assert (folder / "one.conll").read_bytes() == (folder / "two.conll").read_bytes()


# --- import -----------------------------------------------------------------------------


def _file(tmp_path: Path, text: str, name: str = "in.conll") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


FLAT = """-DOCSTART- -X- -X- O

زار\tO
لافروف\tB-PERS
موسكو\tB-GPE
.\tO

التقى\tO
بوتين\tB-PERS
في\tO
الكرملين\tB-FAC
-DOCSTART-\tO

وصل\tO
الوفد\tB-NORP
"""


def test_a_flat_file_with_docstart_lines_gives_a_document_each_with_rebuilt_text(tmp_path):
    path = _file(tmp_path, FLAT)
    with Project.memory() as project:
        report = import_paths(
            project, [path], options={"map": {"GPE": "LOC", "FAC": "LOC"}, "drop": {"NORP"}}
        )
        assert report.errors == []
        first, second = project.documents()
        assert first.text == "زار لافروف موسكو .\nالتقى بوتين في الكرملين"
        assert (first.name, first.status, second.text) == ("in.conll:3", "new", "وصل الوفد")
        entities = project.entities(first.id)
    assert [(first.text[e.start : e.end], e.label) for e in entities] == [
        ("لافروف", "PERS"), ("موسكو", "LOC"), ("بوتين", "PERS"), ("الكرملين", "LOC"),
    ]  # fmt: skip
    assert {(e.status, e.source) for e in entities} == {("accepted", "import")}
    assert report.counts == {
        "entities mapped GPE->LOC": 1,
        "entities mapped FAC->LOC": 1,
        "entities dropped (NORP)": 1,
    }
    [notice] = report.notices
    assert notice.startswith(f"{path}: CoNLL holds tokens, not text") and "2 document" in notice


def test_sentences_per_document_and_document_per_file(tmp_path):
    text = "".join(f"كلمة{n}\tO\n\n" for n in range(5))
    path = _file(tmp_path, "-DOCSTART-\n\n" + text + "-DOCSTART-\n\nأخيرة\tO\n")
    for options, texts in [
        ({"sentences_per_document": 2}, ["كلمة0\nكلمة1", "كلمة2\nكلمة3", "كلمة4", "أخيرة"]),
        ({"document_per_file": True}, ["كلمة0\nكلمة1\nكلمة2\nكلمة3\nكلمة4\nأخيرة"]),
        ({"sentences_per_document": None}, ["كلمة0\nكلمة1\nكلمة2\nكلمة3\nكلمة4", "أخيرة"]),
    ]:
        with Project.memory() as project:
            assert import_paths(project, [path], options=options).errors == []
            assert [d.text for d in project.documents()] == texts


def test_an_invalid_i_tag_opens_an_entity_and_a_gap_makes_two(tmp_path):
    path = _file(tmp_path, "في\tI-PERS\nو\tO\nعبد\tB-PERS\nو\tO\nالله\tI-PERS\n")
    with Project.memory() as project:
        report = import_paths(project, [path])
        [document] = project.documents()
        spans = [document.text[e.start : e.end] for e in project.entities(document.id)]
    assert spans == ["في", "عبد", "الله"]
    assert report.counts == {"I- tags that open an entity (read as B-, as conlleval does)": 2}


def test_the_same_span_and_label_after_mapping_is_one_entity(tmp_path):
    path = _file(tmp_path, "في O\nنابلس B-LOC B-GPE\nالقديمة I-LOC\n")
    with Project.memory() as project:
        report = import_paths(project, [path], options={"map": {"GPE": "LOC"}})
        assert report.errors == []
        assert [(e.start, e.end) for e in project.entities(1)] == [(3, 8), (3, 16)]
    assert report.counts["duplicate entities merged (same span and label)"] == 0
    path = _file(tmp_path, "في O\nنابلس B-LOC B-GPE\n")
    with Project.memory() as project:
        report = import_paths(project, [path], options={"map": {"GPE": "LOC"}})
        assert len(project.entities(1)) == 1
    assert report.counts["duplicate entities merged (same span and label)"] == 1


@pytest.mark.parametrize(
    ("content", "line", "reason"),
    [
        ("زار\tO\nبوتين\tB-NORP\n", 2, "label 'NORP' is not in the project's schema"),
        ("زار\tO\nبوتين\tE-PERS\n", 2, "'E-PERS' is not an IOB2 tag"),
        ("زار\tO\nبوتين\tB-PERS\tNNP\n", 2, "'NNP' is not an IOB2 tag"),
        ("زار\tO\nبوتين\n", 2, "'بوتين' has no tag"),
        ("زار\tO\tO\nبوتين\tB-PERS\n", 2, "2 tab-separated columns where this sentence's"),
        ("", 1, "no tokens"),
        ("-DOCSTART-\n\n\n", 1, "no tokens"),
    ],
)
def test_bad_input_is_refused_with_its_line_and_nothing_is_imported(
    tmp_path, content, line, reason
):
    path = _file(tmp_path, "أول\tB-PERS\n\n" + content if line > 1 else content)
    with Project.memory() as project:
        report = import_paths(project, [path], format="conll")
        assert project.document_count() == 0
    [error] = report.errors
    where = f"{path}, line {line + 2 if line > 1 else line}: "
    assert error.startswith(where) and reason in error, error


def test_an_unknown_label_says_how_to_map_or_drop_it(tmp_path):
    path = _file(tmp_path, "بوتين\tB-NORP\n")
    with Project.memory() as project:
        [error] = import_paths(project, [path]).errors
    assert "map it to one of those (--map NORP=LABEL) or drop it (--drop NORP)" in error


def test_bad_utf8_and_a_map_to_no_label_are_refused(tmp_path):
    path = tmp_path / "latin1.conll"
    path.write_bytes("زار\tO\n".encode() + "café\tO\n".encode("latin-1"))
    with Project.memory() as project:
        [error] = import_paths(project, [path]).errors
        assert error.startswith(f"{path}, line 2: not valid UTF-8")
        [error] = import_paths(
            project, [_file(tmp_path, FLAT)], options={"map": {"GPE": "CITY"}}
        ).errors
        assert "option map GPE=CITY: 'CITY' is not a label" in error


def test_detection_by_content(tmp_path):
    assert registry.detect(_file(tmp_path, FLAT)).name == "conll"
    assert registry.detect(WOJOOD).name == "conll"  # Wojood's .txt, by its content
    plain = _file(tmp_path, "هذا نص عادي O\nوليس ملفا\n", "plain.txt")
    assert registry.detect(plain).name == "text"
    assert registry.detect(_file(tmp_path, "كلمة O\n", "one.txt")).name == "text"


# --- the Wojood sample (Jarrar et al. 2022): nested, real ---------------------------------


def _covering(source, entities) -> list[list[set]]:
    """Per source sentence, per token: the entities (label, sentence, first token, last
    token) whose tags cover it."""
    cover: list[list[set]] = [[set() for _ in sentence] for sentence in source]
    for entity in entities:
        _, s, first, last = entity
        for t in range(first, last + 1):
            cover[s][t].add(entity)
    return cover


def test_wojood_nested_tags_survive_import_and_nested_export(tmp_path):
    """What is compared: for every sentence and token of the source, the set of entities
    (label, sentence, first token, last token) whose tags cover that token, at any level,
    after mapping GPE and FAC to LOC and dropping the types the default schema lacks; read
    by seqeval from the source and from our nested export. The export's tokens are mapped
    back onto the source's (camel-tools splits `$#$` into three), so the sentences our
    export splits at `.` still compare against the source's."""
    source = sentences_of(WOJOOD)
    types = {tag[2:] for sentence in source for line in sentence for tag in line[1:]} - {""}
    out = tmp_path / "wojood.conll"
    with Project.memory() as project:
        options = {"map": {"GPE": "LOC", "FAC": "LOC"}, "drop": types - set(WOJOOD_KEPT)}
        report = import_paths(project, [WOJOOD], options=options)
        assert report.errors == [] and report.imported == 1
        export_project(project, out, format="conll", options={"nested": True})
    exported = sentences_of(out)
    assert max(len(line) for sentence in exported for line in sentence) == 4  # 3 levels
    expected = {
        (WOJOOD_KEPT[kind], s, first, last)
        for s, sentence in enumerate(source)
        for kind, first, last in seqeval_entities(sentence)
        if kind in WOJOOD_KEPT
    }
    position = _align(source, exported)
    found = set()
    for e, sentence in enumerate(exported):
        for label, i, j in seqeval_entities(sentence):
            (s, first), (s_last, last) = position[(e, i)], position[(e, j)]
            assert s == s_last
            found.add((label, s, first, last))
    assert _covering(source, found) == _covering(source, expected)
    gpe = sum(t == "GPE" for sentence in source for t, _, _ in seqeval_entities(sentence))
    assert report.counts["entities mapped GPE->LOC"] == gpe > 600


def _align(source, exported) -> dict[tuple[int, int], tuple[int, int]]:
    """Each exported token's (sentence, token) -> the source token it is (part of)."""
    pieces = (
        (s, t, line[0]) for s, sentence in enumerate(source) for t, line in enumerate(sentence)
    )
    position: dict[tuple[int, int], tuple[int, int]] = {}
    s, t, rest = next(pieces)
    for e, sentence in enumerate(exported):
        for i, (token, *_) in enumerate(sentence):
            if not rest:
                s, t, rest = next(pieces)
            assert rest.startswith(token), (token, rest)
            position[(e, i)] = (s, t)
            rest = rest[len(token) :]
    assert not rest and next(pieces, None) is None
    return position
