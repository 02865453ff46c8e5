"""A document three annotators (amal, badr, huda) finished, with every kind of
disagreement: a Latin name inside Arabic with different spans, one span with different
labels, a span one annotator lacks, and relations that differ in type or presence.

Unanimous: فلاديمير بوتين PERS, وزارة الخارجية الروسية ORG, and بوتين affiliated_with
الوزارة. Disagreements in reading order (entities first, then relations):
  1. وكالة Reuters / Reuters (ORG): amal the longer span, badr and huda the shorter
  2. موسكو: amal and badr LOC, huda ORG
  3. سيرغي لافروف PERS: amal and badr, not huda
  4. بوتين–موسكو: amal and badr located_in, huda affiliated_with (to her ORG)
  5. بوتين–لافروف: amal and badr meets (badr in the other direction: symmetric), huda none
  6. لافروف–الوزارة: amal affiliated_with, badr and huda none
"""

from __future__ import annotations

from annotator.model import DocumentStatus
from annotator.model.drafts import DocumentDraft, EntityDraft, RelationDraft
from annotator.store import Project
from annotator.store.layers import replace_layer

TEXT = (
    "قال مراسل وكالة Reuters إن الرئيس فلاديمير بوتين زار موسكو أمس، "
    "والتقى وزير الخارجية سيرغي لافروف في مقر وزارة الخارجية الروسية."
)
ANNOTATORS = ("amal", "badr", "huda")


def span(text: str, label: str, occurrence: int = 0) -> tuple[int, int, str]:
    start = -1
    for _ in range(occurrence + 1):
        start = TEXT.index(text, start + 1)
    return (start, start + len(text), label)


AGENCY_LONG = span("وكالة Reuters", "ORG")
AGENCY = span("Reuters", "ORG")
PUTIN = span("فلاديمير بوتين", "PERS")
MOSCOW_LOC = span("موسكو", "LOC")
MOSCOW_ORG = span("موسكو", "ORG")
LAVROV = span("سيرغي لافروف", "PERS")
MINISTRY = span("وزارة الخارجية الروسية", "ORG")

LAYERS = {
    "amal": (
        [AGENCY_LONG, PUTIN, MOSCOW_LOC, LAVROV, MINISTRY],
        [(PUTIN, MINISTRY, "affiliated_with"), (PUTIN, MOSCOW_LOC, "located_in"),
         (PUTIN, LAVROV, "meets"), (LAVROV, MINISTRY, "affiliated_with")],
    ),
    "badr": (
        [AGENCY, PUTIN, MOSCOW_LOC, LAVROV, MINISTRY],
        [(PUTIN, MINISTRY, "affiliated_with"), (PUTIN, MOSCOW_LOC, "located_in"),
         (LAVROV, PUTIN, "meets")],
    ),
    "huda": (
        [AGENCY, PUTIN, MOSCOW_ORG, MINISTRY],
        [(PUTIN, MINISTRY, "affiliated_with"), (PUTIN, MOSCOW_ORG, "affiliated_with")],
    ),
}  # fmt: skip


def build(path, curator: str = "lead") -> int:
    """Make the project at `path` (gold has one suggester's candidate on موسكو) with the
    three finished layers; returns the document's id."""
    with Project.create(path, annotator=curator) as project:
        document = project.add_document("reuters.txt", TEXT)
        project.add_entity(document.id, *MOSCOW_LOC, status="candidate", source="gazetteer:cldr")
        for name, (entities, relations) in LAYERS.items():
            replace_layer(project, document.id, name, draft(name, entities, relations))
        project.set_setting("team", '{"annotators": ["amal", "badr", "huda"]}')
        return document.id


def draft(name, entities, relations) -> DocumentDraft:
    return DocumentDraft(
        "reuters.txt",
        TEXT,
        DocumentStatus.DONE,
        entities=[
            EntityDraft(entity, *entity, annotator=name, source="human") for entity in entities
        ],
        relations=[
            RelationDraft(index, head, tail, kind, annotator=name)
            for index, (head, tail, kind) in enumerate(relations)
        ],
    )
