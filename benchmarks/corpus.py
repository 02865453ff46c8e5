"""Generated Arabic news-like documents with entities and relations, for benchmarks."""

from __future__ import annotations

import json
import random
from pathlib import Path

WORDS = (
    "أعلنت وزارة الخارجية الكورية الشمالية أن بيونغ يانغ مستعدة للترحيب بحرارة بالرئيس الروسي "
    "فلاديمير بوتين كصديق مقرب وكالة الأنباء الرسمية نشرت بيانا من البلاد وصرح المتحدث باسم "
    "مكتب الرئاسة في وقت سابق موعد زيارة المحتملة التنسيق مع عبر القنوات الدبلوماسية وزير "
    "سيرغي لافروف الذكرى الـ75 لإقامة العلاقات بين البلدين التعاون موسكو عالم متعدد الأقطاب "
    "2023 سبتمبر أكتوبر UN الأمم المتحدة"
).split()
NAMES = [
    ("سيرغي لافروف", "PERS"),
    ("بيونغ يانغ", "LOC"),
    ("موسكو", "LOC"),
    ("وزارة الخارجية", "ORG"),
    ("فلاديمير بوتين", "PERS"),
    ("تشوي سونغ هوي", "PERS"),
    ("روسيا", "LOC"),
    ("وكالة تسنيم", "ORG"),
    ("الأمم المتحدة", "ORG"),
    ("كوريا", "LOC"),
]
RELATIONS = {
    ("PERS", "ORG"): "affiliated_with",
    ("PERS", "LOC"): "located_in",
    ("ORG", "LOC"): "located_in",
    ("ORG", "ORG"): "part_of",
    ("LOC", "LOC"): "part_of",
    ("PERS", "PERS"): "meets",
}


def document(
    number: int, rng: random.Random, size: int = 4000, entities: int = 50, relations: int = 10
) -> dict:
    parts: list[str] = []
    spans = []
    length = 0
    gap = size // entities
    while length < size:
        if len(spans) < entities and length >= len(spans) * gap:
            name, label = rng.choice(NAMES)
            spans.append((length, length + len(name), label))
            parts.append(name)
        else:
            parts.append(rng.choice(WORDS))
        length += len(parts[-1]) + 1
    text = f"خبر رقم {number}: " + " ".join(parts)
    shift = len(f"خبر رقم {number}: ")
    out_entities = [
        {
            "id": i + 1,
            "start": s + shift,
            "end": e + shift,
            "label": label,
            "status": "accepted",
            "source": "human",
            "annotator": "bench",
        }
        for i, (s, e, label) in enumerate(spans)
    ]
    out_relations, seen = [], set()
    while len(out_relations) < relations:
        head, tail = rng.sample(out_entities, 2)
        type_name = RELATIONS.get((head["label"], tail["label"]))
        key = (min(head["id"], tail["id"]), max(head["id"], tail["id"]), type_name)
        if type_name and key not in seen:
            seen.add(key)
            out_relations.append(
                {
                    "id": len(out_relations) + 1,
                    "head": head["id"],
                    "tail": tail["id"],
                    "type": type_name,
                    "status": "accepted",
                    "annotator": "bench",
                }
            )
    return {
        "name": f"doc-{number}",
        "text": text,
        "status": "new",
        "entities": out_entities,
        "relations": out_relations,
        "meta": {},
    }


def write_corpus(path: Path, count: int, seed: int = 7) -> Path:
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8") as handle:
        for number in range(count):
            handle.write(json.dumps(document(number, rng), ensure_ascii=False) + "\n")
    return path
