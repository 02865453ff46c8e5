"""The annotation schema: entity labels and the relation types allowed between them."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

from annotator.model.errors import AnnotationError

# Letters and digits of any script, '_' and '-': شخص، مكان، PERS, B-2 (no spaces, not empty)
_LABEL_NAME = re.compile(r"^[\w\-]+$")
_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")


_LANGUAGE = re.compile(r"^[a-z]{2,3}$")  # ISO 639 codes: ar, en, fa, ckb


@dataclass(frozen=True, slots=True)
class EntityLabel:
    """A label: `name` is its id (stored, exported), `display` its names for people in
    other interface languages as (language, name) pairs, e.g. (("ar", "شخص"),)."""

    name: str
    colour: str
    hotkey: str = ""
    description: str = ""
    display: tuple[tuple[str, str], ...] = ()

    def shown(self, language: str) -> str:
        """The name to show in an interface in `language` (ISO 639): its display name
        there, else its id."""
        return dict(self.display).get(language, self.name)


@dataclass(frozen=True, slots=True)
class RelationType:
    name: str
    pairs: tuple[tuple[str, str], ...]
    symmetric: bool = False
    hotkey: str = ""
    description: str = ""
    display: tuple[tuple[str, str], ...] = ()  # (language, name), as for EntityLabel

    def shown(self, language: str) -> str:
        """The name to show in an interface in `language`: its display name, else its id."""
        return dict(self.display).get(language, self.name)

    def allows(self, head_label: str, tail_label: str) -> bool:
        if (head_label, tail_label) in self.pairs:
            return True
        return self.symmetric and (tail_label, head_label) in self.pairs


@dataclass(frozen=True, slots=True)
class Schema:
    labels: tuple[EntityLabel, ...]
    relation_types: tuple[RelationType, ...]
    _labels_by_name: dict[str, EntityLabel] = field(init=False, repr=False, compare=False)
    _types_by_name: dict[str, RelationType] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_labels_by_name", {label.name: label for label in self.labels})
        object.__setattr__(self, "_types_by_name", {t.name: t for t in self.relation_types})
        _check_schema(self)

    @property
    def label_names(self) -> tuple[str, ...]:
        return tuple(label.name for label in self.labels)

    @property
    def relation_type_names(self) -> tuple[str, ...]:
        return tuple(t.name for t in self.relation_types)

    def label(self, name: str) -> EntityLabel:
        try:
            return self._labels_by_name[name]
        except KeyError:
            raise AnnotationError(
                f"unknown label {name!r}; the schema has {', '.join(self.label_names)}"
            ) from None

    def relation_type(self, name: str) -> RelationType:
        try:
            return self._types_by_name[name]
        except KeyError:
            raise AnnotationError(
                f"unknown relation type {name!r}; the schema has "
                f"{', '.join(self.relation_type_names) or 'none'}"
            ) from None

    def has_label(self, name: str) -> bool:
        return name in self._labels_by_name

    def check_relation(self, type_name: str, head_label: str, tail_label: str) -> RelationType:
        relation_type = self.relation_type(type_name)
        if not relation_type.allows(head_label, tail_label):
            allowed = ", ".join(f"{h} -> {t}" for h, t in relation_type.pairs)
            raise AnnotationError(
                f"relation type {type_name!r} does not allow {head_label} -> {tail_label} "
                f"(allowed: {allowed})"
            )
        return relation_type

    def types_allowed_between(self, head_label: str, tail_label: str) -> list[RelationType]:
        return [t for t in self.relation_types if t.allows(head_label, tail_label)]

    # --- serialisation -------------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        return {
            "labels": [
                {k: v for k, v in _label_dict(label).items() if v != ""} for label in self.labels
            ],
            "relation_types": [
                {k: v for k, v in _type_dict(t).items() if v != ""} for t in self.relation_types
            ],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any], origin: str = "schema") -> Schema:
        return _schema_from_dict(data, origin)

    @classmethod
    def from_toml(cls, source: str, origin: str = "schema") -> Schema:
        try:
            data = tomllib.loads(source)
        except tomllib.TOMLDecodeError as error:
            raise AnnotationError(f"{origin}: not valid TOML: {error}") from None
        return _schema_from_dict(data, origin)

    def to_toml(self) -> str:
        import tomli_w

        return tomli_w.dumps(self.to_dict())


def default_schema() -> Schema:
    source = (
        resources.files("annotator")
        .joinpath("resources/default_schema.toml")
        .read_text(encoding="utf-8")
    )
    return Schema.from_toml(source, origin="default_schema.toml")


def _label_dict(label: EntityLabel) -> dict[str, Any]:
    return {
        "name": label.name,
        "colour": label.colour,
        "hotkey": label.hotkey,
        "description": label.description,
        "display": dict(label.display) or "",
    }


def _type_dict(relation_type: RelationType) -> dict[str, Any]:
    return {
        "name": relation_type.name,
        "hotkey": relation_type.hotkey,
        "symmetric": relation_type.symmetric,
        "pairs": [list(pair) for pair in relation_type.pairs],
        "description": relation_type.description,
        "display": dict(relation_type.display) or "",
    }


def _text_field(entry: dict[str, Any], key: str, where: str, required: bool = False) -> str:
    value = entry.get(key, "")
    if not isinstance(value, str):
        raise AnnotationError(f"{where}: field {key!r} must be a string, got {value!r}")
    if required and not value:
        raise AnnotationError(f"{where}: field {key!r} is missing")
    return value


def _display_field(entry: dict[str, Any], where: str) -> tuple[tuple[str, str], ...]:
    """`display = { ar = "شخص" }`: names for people, by interface language."""
    value = entry.get("display", {})
    if not isinstance(value, dict):
        raise AnnotationError(
            f"{where}: field 'display' must be a table of names by language: {{ ar = \"شخص\" }}"
        )
    for language, name in value.items():
        if not _LANGUAGE.match(language):
            raise AnnotationError(
                f"{where}: display language {language!r} is not an ISO 639 code (ar, en, fa)"
            )
        if not isinstance(name, str) or not name.strip():
            raise AnnotationError(f"{where}: display.{language} must be a non-empty string")
    return tuple(sorted((language, name.strip()) for language, name in value.items()))


def _schema_from_dict(data: dict[str, Any], origin: str) -> Schema:
    if not isinstance(data, dict):
        raise AnnotationError(f"{origin}: a schema must be a table with 'labels'")
    raw_labels = data.get("labels")
    if not isinstance(raw_labels, list) or not raw_labels:
        raise AnnotationError(f"{origin}: 'labels' must be a non-empty list of [[labels]] tables")
    labels = []
    for index, entry in enumerate(raw_labels, start=1):
        where = f"{origin}: labels #{index}"
        if not isinstance(entry, dict):
            raise AnnotationError(f"{where}: must be a table")
        labels.append(
            EntityLabel(
                name=_text_field(entry, "name", where, required=True),
                colour=_text_field(entry, "colour", where, required=True),
                hotkey=_text_field(entry, "hotkey", where),
                description=_text_field(entry, "description", where),
                display=_display_field(entry, where),
            )
        )
    raw_types = data.get("relation_types", [])
    if not isinstance(raw_types, list):
        raise AnnotationError(f"{origin}: 'relation_types' must be a list of tables")
    relation_types = []
    for index, entry in enumerate(raw_types, start=1):
        where = f"{origin}: relation_types #{index}"
        if not isinstance(entry, dict):
            raise AnnotationError(f"{where}: must be a table")
        pairs = entry.get("pairs")
        if (
            not isinstance(pairs, list)
            or not pairs
            or not all(
                isinstance(p, list) and len(p) == 2 and all(isinstance(x, str) for x in p)
                for p in pairs
            )
        ):
            raise AnnotationError(
                f"{where}: 'pairs' must be a non-empty list of [head_label, tail_label] pairs"
            )
        symmetric = entry.get("symmetric", False)
        if not isinstance(symmetric, bool):
            raise AnnotationError(f"{where}: 'symmetric' must be true or false")
        relation_types.append(
            RelationType(
                name=_text_field(entry, "name", where, required=True),
                pairs=tuple((head, tail) for head, tail in pairs),
                symmetric=symmetric,
                hotkey=_text_field(entry, "hotkey", where),
                description=_text_field(entry, "description", where),
                display=_display_field(entry, where),
            )
        )
    try:
        return Schema(labels=tuple(labels), relation_types=tuple(relation_types))
    except AnnotationError as error:
        raise AnnotationError(f"{origin}: {error}") from None


def _check_schema(schema: Schema) -> None:
    seen_hotkeys: dict[str, str] = {}
    if len(schema._labels_by_name) != len(schema.labels):
        raise AnnotationError("label names must be unique")
    if len(schema._types_by_name) != len(schema.relation_types):
        raise AnnotationError("relation type names must be unique")
    for label in schema.labels:
        if not _LABEL_NAME.match(label.name):
            raise AnnotationError(
                f"label name {label.name!r} must hold only letters, digits, '_' or '-' "
                "(of any script; no spaces)"
            )
        if not _COLOUR.match(label.colour):
            raise AnnotationError(f"label {label.name}: colour {label.colour!r} is not #rrggbb")
        if label.hotkey:
            if len(label.hotkey) != 1:
                raise AnnotationError(f"label {label.name}: hotkey must be a single key")
            if label.hotkey in seen_hotkeys:
                raise AnnotationError(
                    f"label {label.name}: hotkey {label.hotkey!r} is already used by "
                    f"{seen_hotkeys[label.hotkey]}"
                )
            seen_hotkeys[label.hotkey] = label.name
    type_hotkeys: dict[str, str] = {}
    for relation_type in schema.relation_types:
        if not _LABEL_NAME.match(relation_type.name):
            raise AnnotationError(
                f"relation type name {relation_type.name!r} must hold only letters, digits, "
                "'_' or '-' (of any script; no spaces)"
            )
        for head, tail in relation_type.pairs:
            for label_name in (head, tail):
                if label_name not in schema._labels_by_name:
                    raise AnnotationError(
                        f"relation type {relation_type.name}: unknown label {label_name!r}"
                    )
        if relation_type.hotkey:
            if len(relation_type.hotkey) != 1:
                raise AnnotationError(
                    f"relation type {relation_type.name}: hotkey must be a single key"
                )
            if relation_type.hotkey in type_hotkeys:
                raise AnnotationError(
                    f"relation type {relation_type.name}: hotkey {relation_type.hotkey!r} is "
                    f"already used by {type_hotkeys[relation_type.hotkey]}"
                )
            type_hotkeys[relation_type.hotkey] = relation_type.name
