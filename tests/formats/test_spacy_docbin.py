"""The spaCy DocBin export, read back by spaCy itself: texts, spans["sc"], doc.ents,
user_data; entities inside a spaCy token under each align option; and the registry without
spaCy installed."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.app.exporting import export_project
from annotator.app.importing import import_paths
from annotator.formats import registry
from annotator.store import Project
from tests.conftest import REPO
from tests.formats.strategies import documents, jsonl

spacy = pytest.importorskip("spacy")
from spacy.tokens import DocBin  # noqa: E402

NESTED = "وزارة الخارجية الكورية الشمالية استقبلت سيرغي لافروف في 2024 😀 في القـــاهرة"
MARKED = "قال مُحَمَّد بن سلمان إن Apple و OpenAI ستفتتحان ٣ مكاتب"
PROCLITIC = "زار الوفد بكردستان والعراق"


def entity(text, word, label, status="accepted", occurrence=0):
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(word, start + 1)
    return {"start": start, "end": start + len(word), "label": label, "status": status}


def line(name, text, entities, relations=()):
    numbered = [{"id": i, "source": "human", **e} for i, e in enumerate(entities, 1)]
    return {"name": name, "text": text, "entities": numbered, "relations": list(relations)}


def export(tmp_path, lines, **kwargs):
    """Import `lines` (our JSONL) into a memory project, export them as spaCy; the summary
    and the Docs spaCy reads back from the file."""
    source = tmp_path / "source.jsonl"
    source.write_text(jsonl(lines), encoding="utf-8")
    out = tmp_path / "out.spacy"
    with Project.memory() as project:
        assert import_paths(project, [source]).errors == []
        summary = export_project(project, out, format="spacy", **kwargs)
    docs = list(DocBin().from_disk(out).get_docs(spacy.blank("ar").vocab))
    return summary, docs


def extents(spans):
    return sorted((s.start_char, s.end_char, s.label_) for s in spans)


def gold(record):
    return sorted(
        (e["start"], e["end"], e["label"]) for e in record["entities"] if e["status"] == "accepted"
    )


def test_spacy_is_listed_for_export_only():
    assert "spacy" in registry.names("write")
    assert "spacy" not in registry.names("read")
    assert registry.get("spacy", "write").suffixes == (".spacy",)
    with pytest.raises(ValueError, match="choose from"):
        registry.get("spacy", "read")


def test_spacy_reads_back_the_texts_every_entity_and_the_outermost_as_ents(tmp_path):
    nested = line(
        "كوريا.txt",
        NESTED,
        [
            entity(NESTED, "وزارة الخارجية الكورية الشمالية", "ORG"),
            entity(NESTED, "الكورية الشمالية", "LOC"),  # nested
            entity(NESTED, "الشمالية استقبلت", "MISC"),  # crossing the ORG
            entity(NESTED, "سيرغي لافروف", "PERS"),
            entity(NESTED, "سيرغي لافروف", "MISC"),  # two labels on one span
            entity(NESTED, "2024", "MISC"),
            entity(NESTED, "😀", "MISC"),
            entity(NESTED, "القـــاهرة", "LOC"),  # tatweel
            entity(NESTED, "لافروف", "PERS", status="candidate"),  # not gold
        ],
        [{"id": 1, "head": 4, "tail": 1, "type": "affiliated_with", "status": "accepted"}],
    )
    marked = line(
        "b",
        MARKED,  # harakat (shadda, fatha), Latin, Arabic-Indic digit
        [entity(MARKED, "مُحَمَّد بن سلمان", "PERS")]
        + [entity(MARKED, word, "ORG") for word in ("Apple", "OpenAI")],
    )
    summary, docs = export(tmp_path, [nested, marked])
    assert [doc.text for doc in docs] == [NESTED, MARKED]
    assert [doc.user_data["name"] for doc in docs] == ["كوريا.txt", "b"]
    assert all(isinstance(doc.user_data["id"], int) for doc in docs)
    assert [extents(doc.spans["sc"]) for doc in docs] == [gold(nested), gold(marked)]
    assert [(e.text, e.label_) for e in docs[0].ents] == [
        ("وزارة الخارجية الكورية الشمالية", "ORG"),
        ("سيرغي لافروف", "MISC"),  # of two labels the first in reading order: by label
        ("2024", "MISC"),
        ("😀", "MISC"),
        ("القـــاهرة", "LOC"),
    ]
    assert [e.text for e in docs[1].ents] == ["مُحَمَّد بن سلمان", "Apple", "OpenAI"]
    assert {t.ent_iob_ for t in docs[0] if not t.ent_type_} == {"O"}
    assert (summary.entities, summary.relations, summary.left_out) == (11, 0, {"relations": 1})
    assert any("3 entities are only in doc.spans['sc']" in note for note in summary.notes)
    assert any("no relations: 1 were left out" in note for note in summary.notes)


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(lines=st.lists(documents(), min_size=1, max_size=4, unique_by=lambda d: d["text"]))
def test_random_documents_keep_every_entity_on_token_edges(tmp_path_factory, lines):
    """Arabic, Latin, digits, emoji, harakat, tatweel, RLM: whatever spaCy tokenises,
    exactly the gold entities whose edges are token edges are written, the rest counted."""
    summary, docs = export(tmp_path_factory.mktemp("spacy"), lines)
    assert [doc.text for doc in docs] == [record["text"] for record in lines]
    assert [doc.user_data["name"] for doc in docs] == [record["name"] for record in lines]
    misaligned = 0
    for record, doc in zip(lines, docs, strict=True):
        starts = {t.idx for t in doc}
        ends = {t.idx + len(t.text) for t in doc}
        on_edges = [e for e in gold(record) if e[0] in starts and e[1] in ends]
        misaligned += len(gold(record)) - len(on_edges)
        assert extents(doc.spans["sc"]) == on_edges
        ents = list(doc.ents)
        assert all(a.end_char <= b.start_char for a, b in zip(ents, ents[1:], strict=False))
        for span in doc.spans["sc"]:  # each span is an ent or lost to a longer or earlier one
            rank = (len(span.text), -span.start_char)
            assert any(
                e.start_char < span.end_char
                and span.start_char < e.end_char
                and (len(e.text), -e.start_char) >= rank
                for e in ents
            )
    assert summary.left_out.get("entities", 0) == misaligned
    assert any("token boundaries" in n for n in summary.notes) == bool(misaligned)
    assert not any("\n" in note for note in summary.notes)  # one line each on the terminal


@pytest.mark.parametrize("align", ["expand", "contract"])
@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(lines=st.lists(documents(), min_size=1, max_size=3, unique_by=lambda d: d["text"]))
def test_expand_covers_and_contract_stays_inside_every_entity(tmp_path_factory, align, lines):
    summary, docs = export(tmp_path_factory.mktemp("spacy"), lines, options={"align": align})
    written = 0
    for record, doc in zip(lines, docs, strict=True):
        for span in doc.spans["sc"]:
            written += 1
            entities = [(s, e) for s, e, label in gold(record) if label == span.label_]
            if align == "contract":
                assert any(s <= span.start_char and span.end_char <= e for s, e in entities)
            else:  # whitespace that belongs to no token may fall off an edge
                text = record["text"]
                assert any(
                    span.start_char <= s + len(text[s:e]) - len(text[s:e].lstrip())
                    and span.end_char >= e - len(text[s:e]) + len(text[s:e].rstrip())
                    for s, e in entities
                )
    gold_count = sum(len(gold(record)) for record in lines)
    assert written == summary.entities == gold_count - summary.left_out.get("entities", 0)


def proclitic_lines():
    return [
        line(
            "وفد.txt",
            PROCLITIC,
            [
                entity(PROCLITIC, "الوفد", "ORG"),
                entity(PROCLITIC, "كردستان", "LOC"),  # inside the token بكردستان
                entity(PROCLITIC, "العراق", "LOC"),  # inside the token والعراق
                entity(PROCLITIC, "الوفد بك", "MISC"),  # ends inside بكردستان
            ],
        )
    ]


@pytest.mark.parametrize(
    ("align", "written", "left_out", "said", "example"),
    [
        (
            None,  # strict by default
            [("الوفد", "ORG")],
            3,
            "they were left out (align=strict",
            "وفد.txt: «كردستان» in «بكردستان»",
        ),
        (
            "expand",
            [("الوفد", "ORG"), ("بكردستان", "LOC"), ("والعراق", "LOC"), ("الوفد بكردستان", "MISC")],
            0,
            "widened to the tokens they touch (align=expand)",
            "وفد.txt: «كردستان» in «بكردستان» -> «بكردستان»",
        ),
        (
            "contract",
            [("الوفد", "ORG"), ("الوفد", "MISC")],
            2,
            "narrowed to the whole tokens inside them (align=contract); 2 with no whole token",
            "وفد.txt: «الوفد بك» in «الوفد بكردستان» -> «الوفد»",
        ),
    ],
)
def test_an_entity_inside_a_token_follows_the_align_option_and_is_reported(
    tmp_path, align, written, left_out, said, example
):
    options = {"align": align} if align else {}
    summary, [doc] = export(tmp_path, proclitic_lines(), options=options)
    assert doc.text == PROCLITIC
    assert sorted((s.text, s.label_) for s in doc.spans["sc"]) == sorted(written)
    assert summary.entities == len(written)
    assert summary.left_out.get("entities", 0) == left_out
    [note] = [n for n in summary.notes if "token boundaries" in n]
    assert note.startswith("3 entities do not start and end on spaCy token boundaries")
    assert said in note and example in note


def test_at_most_five_examples_are_given(tmp_path):
    text = " ".join(f"و{name}" for name in ("بيروت", "دمشق", "عمان", "بغداد", "تونس", "الرباط"))
    places = [entity(text, word[1:], "LOC") for word in text.split()]
    summary, [doc] = export(tmp_path, [line("مدن", text, places)])
    assert list(doc.spans["sc"]) == []
    assert summary.left_out == {"entities": 6}
    [note] = summary.notes
    assert note.startswith("6 entities") and note.count("مدن: «") == 5
    assert "«الرباط»" not in note


def test_an_unknown_align_option_writes_nothing(tmp_path):
    with pytest.raises(ValueError, match="choose from strict, expand, contract"):
        export(tmp_path, proclitic_lines(), options={"align": "nearest"})
    assert not (tmp_path / "out.spacy").exists()


def test_user_data_survives_the_docbin(tmp_path):
    _, [doc] = export(tmp_path, proclitic_lines())
    assert doc.user_data == {"name": "وفد.txt", "id": 1}


HIDE_SPACY = """
import sys
sys.modules["spacy"] = None  # `import spacy` raises ImportError, as if not installed
from annotator.formats import registry
from annotator.formats import spacy_docbin
assert "spacy" in registry.names("write") and "spacy" not in registry.names("read")
print(len(registry.formats()), spacy_docbin.FORMAT.title)
"""


def run_without_spacy(code: str, tmp_path: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=REPO,
        env={"HOME": str(tmp_path), "PATH": "", "PYTHONPATH": str(REPO)},
    )


def test_the_module_and_the_registry_work_without_spacy(tmp_path):
    result = run_without_spacy(HIDE_SPACY, tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"{len(registry.formats())} spaCy DocBin"


def test_exporting_without_spacy_says_how_to_install_it(tmp_path):
    source = tmp_path / "source.jsonl"
    source.write_text(json.dumps(proclitic_lines()[0], ensure_ascii=False), encoding="utf-8")
    code = HIDE_SPACY + (
        "from annotator.app.exporting import export_project\n"
        "from annotator.app.importing import import_paths\n"
        "from annotator.model import AnnotationError\n"
        "from annotator.store import Project\n"
        "with Project.memory() as project:\n"
        f"    import_paths(project, [{str(source)!r}])\n"
        "    try:\n"
        f"        export_project(project, {str(tmp_path / 'out.spacy')!r}, format='spacy')\n"
        "    except AnnotationError as error:  # the command line and the window show it\n"
        "        print(error)\n"
    )
    result = run_without_spacy(code, tmp_path)
    assert result.returncode == 0, result.stderr
    assert "pip install 'annotator[spacy]'" in result.stdout
    assert not (tmp_path / "out.spacy").exists()
