"""Gold entities and relations on the sample article, for the relations screenshot.

Adds them through the same Project API the window's commands use.
"""

from __future__ import annotations

from annotator.store import Project

# (text, occurrence, label) and relations between them by index
ENTITIES = [
    ("وزارة الخارجية الكورية الشمالية", 0, "ORG"),
    ("بيونغ يانغ", 0, "LOC"),
    ("فلاديمير بوتين", 0, "PERS"),
    ("وكالة تسنيم للأنباء", 0, "ORG"),
    ("كوريا الشمالية", 1, "LOC"),
    ("دميتري بيسكوف", 0, "PERS"),
    ("سيرغي لافروف", 0, "PERS"),
    ("كوريا الشمالية", 3, "LOC"),
    ("كيم جونغ أون", 0, "PERS"),
]
RELATIONS = [
    (0, 4, "located_in"),
    (2, 1, "located_in"),
    (3, 4, "located_in"),
    (6, 7, "located_in"),
    (6, 8, "meets"),
    (5, 2, "meets"),
]


def add_sample_relations(project: Project) -> None:
    document = project.documents()[0]
    text = document.text
    ids = []
    for phrase, occurrence, label in ENTITIES:
        start = -1
        for _ in range(occurrence + 1):
            start = text.index(phrase, start + 1)
        end = start + len(phrase)
        existing = [
            e
            for e in project.entities(document.id)
            if (e.start, e.end, e.label) == (start, end, label)
        ]
        if existing:
            project.update_entity(existing[0].id, status="accepted")
            ids.append(existing[0].id)
        else:
            ids.append(project.add_entity(document.id, start, end, label).id)
    for head, tail, type_name in RELATIONS:
        project.add_relation(ids[head], ids[tail], type_name)
