"""Working as a team: hand documents out to annotators in project files of their own, and
merge their work back, each annotator's into a layer of their name.

`assign` chooses which documents go to whom: a share `overlap` of the documents goes to
`per_document` annotators (for agreement), the rest to one each; each document goes to the
annotators who have the least text so far (code points), longest documents first, so the
work is balanced by length; the choice of the shared documents is random with `seed`, so
the same seed gives the same hand-out. `merge` matches documents by the SHA-256 of their
text and replaces that annotator's layer of those documents; it checks every file first
and writes nothing if any is refused.
"""

from __future__ import annotations

import json
import random
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from annotator.formats import registry
from annotator.formats.base import ReadContext
from annotator.formats.errors import FormatError
from annotator.model import GOLD, AnnotationError, DocumentStatus, Schema, Status, text_sha256
from annotator.model.drafts import DocumentDraft, EntityDraft, RelationDraft, check_draft
from annotator.store import Project, ProjectFileError
from annotator.store.bulk import insert_drafts
from annotator.store.connection import check_project_file
from annotator.store.layers import document_lengths, replace_layer, set_assignments
from annotator.store.rows import now


class TeamError(AnnotationError):
    """A hand-out or a merge cannot be done; the message names the file and the reason.
    Nothing was written."""


@dataclass
class Assignment:
    """What `assign` did: annotator -> its project file and document ids, and the
    documents handed to more than one annotator."""

    files: dict[str, Path] = field(default_factory=dict)
    documents: dict[str, list[int]] = field(default_factory=dict)
    shared: list[int] = field(default_factory=list)


def plan(
    lengths: list[tuple[int, int]],
    annotators: list[str],
    overlap: float,
    per_document: int,
    seed: int,
) -> dict[int, list[str]]:
    """Document id -> annotators. Deterministic for `seed`. Raises TeamError for an
    impossible request (fewer annotators than `per_document`, overlap outside 0..1)."""
    if len(set(annotators)) != len(annotators) or not annotators:
        raise TeamError("give each annotator once: --annotators amal,omar,sara")
    if GOLD in annotators:
        raise TeamError(f"'{GOLD}' is the curated layer's name, not an annotator's")
    if not 0 <= overlap <= 1:
        raise TeamError(f"--overlap must be between 0 and 1, got {overlap}")
    if overlap and not 2 <= per_document <= len(annotators):
        raise TeamError(
            f"--per-document must be between 2 and the number of annotators "
            f"({len(annotators)}), got {per_document}"
        )
    ids = [document_id for document_id, _ in lengths]
    shared = set(random.Random(seed).sample(ids, round(overlap * len(ids))))
    load = {name: 0 for name in annotators}
    chosen: dict[int, list[str]] = {}
    for document_id, length in sorted(lengths, key=lambda item: (-item[1], item[0])):
        count = per_document if document_id in shared else 1
        takers = sorted(annotators, key=lambda name: (load[name], annotators.index(name)))[:count]
        for name in takers:
            load[name] += length
        chosen[document_id] = sorted(takers, key=annotators.index)
    return dict(sorted(chosen.items()))


#: characters an annotator's name cannot hold: it names their hand-out file
_NOT_IN_NAMES = set('/\\:*?"<>|') | {chr(c) for c in range(32)}


def check_annotator_names(annotators: list[str]) -> None:
    """TeamError for a name that is empty, `gold`, or holds a character a file name
    cannot (/ \\ : * ? " < > | or a control character)."""
    for name in annotators:
        bad = sorted(set(name) & _NOT_IN_NAMES)
        if not name.strip() or bad:
            shown = " ".join(repr(c) for c in bad) or "nothing but spaces"
            raise TeamError(f"annotator name {name!r}: it names a file, so it cannot hold {shown}")


def assign(
    project: Project,
    annotators: list[str],
    out: Path,
    *,
    overlap: float = 0.0,
    per_document: int = 2,
    seed: int = 0,
    replace: bool = False,
) -> Assignment:
    """Write one project file per annotator into `out` and keep the manifest in `project`.

    Each file holds its documents (text, name, meta), the project's schema and the gold
    layer's candidates, in the annotator's layer, marked as that annotator's hand-out
    (with this hand-out's id, which `merge` checks); no decision of anyone is copied.
    A project that already handed documents out is refused unless `replace` (the old
    hand-out's files can no longer be merged then). On any failure no file is left."""
    check_annotator_names(annotators)
    chosen = plan(document_lengths(project), annotators, overlap, per_document, seed)
    earlier = json.loads(project.setting("team") or "{}")
    if earlier.get("annotators") and not replace:
        raise TeamError(
            f"this project already handed documents out ({_describe(earlier)}); hand out "
            "again with --replace (the files of that hand-out can then no longer be merged)"
        )
    out.mkdir(parents=True, exist_ok=True)
    stem = project.path.stem if project.path else "project"
    targets = {name: out / f"{stem}-{name}.sqlite" for name in annotators}
    taken = [path for path in targets.values() if path.exists()]
    if taken:
        raise TeamError(f"{taken[0]}: a file is already there; choose an empty folder")
    team = {"annotators": annotators, "overlap": overlap, "per_document": per_document,
            "seed": seed, "handout": uuid.uuid4().hex, "handed_out_at": now()}  # fmt: skip
    result = Assignment(shared=[d for d, names in chosen.items() if len(names) > 1])
    try:
        for name in annotators:
            documents = [d for d, names in chosen.items() if name in names]
            _hand_out(project, targets[name], name, documents, team)
            result.files[name] = targets[name]
            result.documents[name] = documents
    except BaseException:
        for path in targets.values():  # no half hand-out
            for leftover in (path, *path.parent.glob(path.name + "-*")):
                leftover.unlink(missing_ok=True)
        raise
    project.set_setting("team", json.dumps(team, ensure_ascii=False))
    set_assignments(project, [(d, name) for d, names in chosen.items() for name in names])
    return result


def _hand_out(project: Project, path: Path, name: str, documents: list[int], team: dict) -> None:
    with Project.create(path, project.schema, annotator=name) as target:
        target.set_setting("team", json.dumps({**team, "assigned_to": name}, ensure_ascii=False))
        drafts = []
        for document_id in documents:
            document = project.document(document_id, layer=GOLD)
            candidates = project.entities(document_id, status=Status.CANDIDATE, layer=GOLD)
            drafts.append(
                DocumentDraft(
                    document.name,
                    document.text,
                    DocumentStatus.NEW,
                    dict(document.meta),
                    [
                        EntityDraft(
                            e.id,
                            e.start,
                            e.end,
                            e.label,
                            Status.CANDIDATE,
                            None,
                            e.source,
                            e.confidence,
                        )  # fmt: skip
                        for e in candidates
                    ],
                )
            )
        insert_drafts(target, drafts, origin=f"assigned from {project.path}")


def _describe(team: dict) -> str:
    when = team.get("handed_out_at")
    names = ", ".join(team.get("annotators", []))
    return f"to {names}" + (f" on {when[:16].replace('T', ' ')}" if when else "")


@dataclass
class Merge:
    """What `merge` did: annotator -> documents whose layer was replaced."""

    documents: dict[str, list[int]] = field(default_factory=dict)


@dataclass
class _Work:
    path: Path
    annotator: str
    drafts: list[DocumentDraft]


def merge(project: Project, files: list[Path], annotator: str | None = None) -> Merge:
    """Take annotators' project files (or our JSONL exports) back into their layers.

    `annotator` names the annotator of JSONL files (else their entities' `annotator`
    field, one name per file). Raises TeamError naming the file when one is refused:
    an incompatible schema, a document the project does not have, two files of one
    annotator; then nothing is written."""
    handout = json.loads(project.setting("team") or "{}")
    work = [_read_work(path, annotator, project.schema, handout) for path in files]
    seen: dict[str, Path] = {}
    for item in work:
        if item.annotator in seen:
            raise TeamError(
                f"{item.path}: its annotator {item.annotator!r} is also {seen[item.annotator]}'s;"
                " merge one file per annotator"
            )
        seen[item.annotator] = item.path
    plans = [_check(project, item) for item in work]
    result = Merge()
    with project.transaction():
        for item, matched in zip(work, plans, strict=True):
            for document_id, draft in matched:
                replace_layer(project, document_id, item.annotator, draft)
            result.documents[item.annotator] = [d for d, _ in matched]
    return result


def _read_work(path: Path, annotator: str | None, schema: Schema, handout: dict) -> _Work:
    try:
        is_project = check_project_file(path)
    except ProjectFileError as error:
        if path.suffix.lower() in (".sqlite", ".db", ".annotator"):
            raise TeamError(f"{path}: not a project file annotator can read: {error}") from None
        is_project = False
    if is_project:
        return _project_work(path, schema, handout)
    if path.suffix.lower() in (".sqlite", ".db", ".annotator"):
        raise TeamError(f"{path}: not an annotator project file (damaged, or of another kind)")
    try:
        fmt = registry.detect(path)
        if fmt.name != "jsonl":
            raise FormatError(path, f"{fmt.title} cannot be merged: give a project file or JSONL")
        drafts = list(fmt.read(path, ReadContext(schema)))
    except FormatError as error:
        raise TeamError(str(error)) from None
    names = {e.annotator or e.decided_by for d in drafts for e in d.entities} - {None}
    name = annotator or (names.pop() if len(names) == 1 else None)
    if name is None:
        raise TeamError(
            f"{path}: whose work is it? its entities name "
            f"{', '.join(sorted(names)) or 'no annotator'}; say --annotator NAME"
        )
    return _Work(path, name, drafts)


def _project_work(path: Path, schema: Schema, handout: dict) -> _Work:
    with Project.open(path, read_only=True) as other:
        _refuse_incompatible(path, other.schema, schema)
        team = json.loads(other.setting("team") or "{}")
        _refuse_other_handout(path, team, handout)
        name = team.get("assigned_to")
        layers = [layer for layer in other.layers() if layer != GOLD]
        if name is None and len(layers) == 1:
            name = layers[0]
        if name is None:
            raise TeamError(
                f"{path}: not a hand-out of `annotator assign` and not one annotator's layer "
                f"(layers: {', '.join(other.layers())})"
            )
        drafts = [_layer_draft(other, d.id, name) for d in other.documents(layer=name)]
    return _Work(path, name, drafts)


def _refuse_other_handout(path: Path, theirs: dict, ours: dict) -> None:
    """A hand-out file must come from this project's current hand-out (when both say
    which: files of earlier versions have no id)."""
    if theirs.get("handout") and ours.get("handout") and theirs["handout"] != ours["handout"]:
        raise TeamError(
            f"{path}: it comes from another hand-out ({_describe(theirs)}), not this "
            f"project's current one ({_describe(ours)}); nothing was merged"
        )


def _refuse_incompatible(path: Path, theirs: Schema, ours: Schema) -> None:
    """Every label and relation type of the file's schema must be the project's, with no
    label pair the project does not allow."""
    for label in theirs.label_names:
        if not ours.has_label(label):
            raise TeamError(
                f"{path}: its schema has the label {label!r}, which the project's schema has "
                f"not ({', '.join(ours.label_names)}); nothing was merged"
            )
    for relation_type in theirs.relation_types:
        known = {t.name: t for t in ours.relation_types}.get(relation_type.name)
        extra = set(relation_type.pairs) - set(known.pairs if known else ())
        if known is None or extra:
            raise TeamError(
                f"{path}: its relation type {relation_type.name!r} allows what the project's "
                "schema does not; nothing was merged"
            )


def _layer_draft(project: Project, document_id: int, layer: str) -> DocumentDraft:
    document = project.document(document_id, layer=layer)
    entities = project.entities(document_id, layer=layer)
    relations = project.relations(document_id, layer=layer)
    return DocumentDraft(
        document.name,
        document.text,
        document.status,
        dict(document.meta),
        [
            EntityDraft(
                e.id,
                e.start,
                e.end,
                e.label,
                e.status,
                e.annotator,
                e.source,
                e.confidence,
                e.decided_by,
                e.decision,
            )  # fmt: skip
            for e in entities
        ],
        [
            RelationDraft(r.id, r.head_id, r.tail_id, r.type, r.status, r.annotator)
            for r in relations
        ],
    )


def _check(project: Project, item: _Work) -> list[tuple[int, DocumentDraft]]:
    """(project document id, draft) per document of the file; TeamError if refused."""
    matched = []
    for draft in item.drafts:
        document_id = project.document_id_by_sha256(text_sha256(draft.text))
        if document_id is None:
            where = f", line {draft.line}" if draft.line else ""
            raise TeamError(
                f"{item.path}{where}: document {draft.name!r} is not in the project (no "
                "document has its text); merge only work on documents handed out from it"
            )
        try:
            check_draft(draft, project.schema)
        except AnnotationError as error:
            raise TeamError(
                f"{item.path}: document {draft.name!r} does not fit the project's schema: {error}"
            ) from None
        _refuse_reopened(project, item, document_id, draft)
        matched.append((document_id, draft))
    return matched


def _refuse_reopened(project: Project, item: _Work, document_id: int, draft) -> None:
    """Work marked done in the project is not replaced by a file where it is not done
    (an older hand-out, or a document reopened): that would lose finished work."""
    ours = project.document_status(document_id, item.annotator)
    if ours == DocumentStatus.DONE and draft.status != DocumentStatus.DONE:
        raise TeamError(
            f"{item.path}: document {draft.name!r} is marked done in {item.annotator}'s layer "
            f"of the project but {draft.status} in this file (older work, or reopened); "
            "nothing was merged: mark it done in the file to merge it"
        )
