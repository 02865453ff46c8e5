"""The streaming DocBin writer gives exactly the bytes of spaCy's own DocBin, for Docs with
every kind of annotation DocBin stores, and spaCy reads its file back."""

from __future__ import annotations

import io
import tracemalloc

import pytest

spacy = pytest.importorskip("spacy")
from spacy.tokens import Doc, DocBin, Span  # noqa: E402

from annotator.formats.docbin_stream import DocBinWriter  # noqa: E402


def docs() -> list[Doc]:
    nlp = spacy.blank("ar")
    plain = nlp.tokenizer("زار الوفد بكردستان والعراق 😀 في 2024")
    plain.ents = [plain.char_span(4, 9, label="ORG")]
    plain.spans["sc"] = [plain.char_span(4, 9, label="ORG"), plain.char_span(0, 9, label="MISC")]
    plain.user_data.update(name="doc-1", id=1)
    annotated = Doc(
        nlp.vocab,
        words=["قال", "لافروف", "_", "إن", "موسكو"],
        spaces=[True, False, True, True, False],
        tags=["VERB", "PROPN", "PUNCT", "PART", "PROPN"],
        lemmas=["قال", "لافروف", "_", "إن", "موسكو"],
        morphs=["Aspect=Perf", "", "_", "", "Gender=Fem"],
        heads=[0, 0, 0, 4, 0],
        deps=["ROOT", "nsubj", "punct", "mark", "obj"],
    )
    annotated.set_ents([Span(annotated, 1, 2, label="PERS", kb_id="Q1", span_id="lavrov")])
    annotated.spans["sc"] = [Span(annotated, 4, 5, label="LOC", kb_id="Q649")]
    annotated.spans["other"] = annotated.spans["sc"]  # one group under two keys
    annotated.spans["third"] = [Span(annotated, 0, 2, label="X")]
    annotated.cats = {"news": 1.0}
    annotated.user_data.update(name="وثيقة", id=2, nested={"a": [1, 2]})
    empty = nlp.tokenizer("")
    unknown = Doc(nlp.vocab, words=["a", "b"])  # spaces not given: has_unknown_spaces
    return [plain, annotated, empty, unknown]


@pytest.mark.parametrize("store_user_data", [True, False])
def test_the_same_bytes_as_spacys_docbin(tmp_path, store_user_data):
    made = docs()
    expected = DocBin(store_user_data=store_user_data, docs=made).to_bytes()
    handle = io.BytesIO()
    with DocBinWriter(tmp_path, store_user_data=store_user_data) as writer:
        read_back = [writer.add(doc) for doc in made]
        writer.write(handle)
    assert handle.getvalue() == expected
    assert read_back == [doc.text for doc in made]
    back = list(DocBin().from_bytes(handle.getvalue()).get_docs(spacy.blank("ar").vocab))
    assert [doc.text for doc in back] == [doc.text for doc in made]


def test_no_docs_is_spacys_empty_docbin(tmp_path):
    handle = io.BytesIO()
    with DocBinWriter(tmp_path, store_user_data=True) as writer:
        writer.write(handle)
    assert handle.getvalue() == DocBin(store_user_data=True).to_bytes()


def test_memory_does_not_grow_with_the_docs(tmp_path):
    big = spacy.blank("ar").tokenizer("كلمة " * 2000)  # 13 x 8 bytes a token: 208 kB a Doc
    with DocBinWriter(tmp_path) as writer:
        writer.add(big)
        tracemalloc.start()
        for _ in range(20):
            writer.add(big)
        grown = tracemalloc.get_traced_memory()[0]
        tracemalloc.stop()
    assert grown < 100_000  # spaCy's DocBin keeps them all: 20 x 208 kB
