"""Random valid documents in our JSONL: nested and overlapping spans, relations, Arabic
with Latin, digits, emoji, diacritics and tatweel (shared by the round-trip tests)."""

from __future__ import annotations

import json

from hypothesis import strategies as st

from annotator.model import default_schema

SCHEMA = default_schema()
# Arabic letters, harakat, tatweel, Latin, digits, punctuation, spaces, emoji (non-BMP)
ALPHABET = st.sampled_from(
    list("ابتثجحخدذرسشصضطظعغفقكلمنهوي")
    + ["\u064e", "\u0651", "\u0640", "\u200f"]
    + list("Latin 0123456789٠١٢")
    + ["،", ".", " ", " ", "\n", "😀", "\U00020000"]
)


@st.composite
def documents(draw):
    text = draw(st.text(ALPHABET, min_size=1, max_size=120).filter(lambda t: t.strip()))
    spans = draw(
        st.lists(
            st.tuples(
                st.integers(0, len(text) - 1),
                st.integers(1, len(text)),
                st.sampled_from(SCHEMA.label_names),
                st.sampled_from(["candidate", "accepted", "rejected"]),
                st.sampled_from(["human", "camel-ner", "memory"]),
            ),
            max_size=12,
        )
    )
    entities, seen = [], set()
    for start, length, label, status, source in spans:
        end = min(len(text), start + length)
        if start < end and (start, end, label) not in seen:
            seen.add((start, end, label))
            entities.append(
                {
                    "id": len(entities) + 1,
                    "start": start,
                    "end": end,
                    "label": label,
                    "status": status,
                    "source": source,
                    "annotator": draw(st.sampled_from([None, "amal", "نور"])),
                }
            )
    relations, pairs = [], set()
    if len(entities) >= 2:
        candidates = draw(
            st.lists(
                st.tuples(
                    st.integers(1, len(entities)),
                    st.integers(1, len(entities)),
                    st.sampled_from(SCHEMA.relation_type_names),
                ),
                max_size=8,
            )
        )
        for head, tail, type_name in candidates:
            relation_type = SCHEMA.relation_type(type_name)
            labels = (entities[head - 1]["label"], entities[tail - 1]["label"])
            key = (min(head, tail), max(head, tail)) if relation_type.symmetric else (head, tail)
            if head != tail and relation_type.allows(*labels) and (key, type_name) not in pairs:
                pairs.add((key, type_name))
                relations.append(
                    {
                        "id": len(relations) + 1,
                        "head": head,
                        "tail": tail,
                        "type": type_name,
                        "status": draw(st.sampled_from(["accepted", "candidate"])),
                        "annotator": None,
                    }
                )
    return {
        "name": draw(st.text(ALPHABET, min_size=1, max_size=10)),
        "text": text,
        "status": draw(st.sampled_from(["new", "in_progress", "done"])),
        "entities": entities,
        "relations": relations,
        "meta": draw(
            st.dictionaries(
                st.sampled_from(["source", "date", "مصدر"]),
                st.text(ALPHABET, max_size=5),
                max_size=2,
            )
        ),
    }


def jsonl(lines) -> str:
    return "".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines)
