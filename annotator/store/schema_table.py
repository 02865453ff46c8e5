"""The schema as rows of the project file (one row per label and per relation type)."""

from __future__ import annotations

import json

from sqlite_utils import Database

from annotator.model import Schema


def write_schema(db: Database, schema: Schema) -> None:
    data = schema.to_dict()
    db.execute("DELETE FROM schema_entries")
    rows = [
        ("label", entry["name"], position, json.dumps(entry, ensure_ascii=False))
        for position, entry in enumerate(data["labels"])
    ] + [
        ("relation_type", entry["name"], position, json.dumps(entry, ensure_ascii=False))
        for position, entry in enumerate(data["relation_types"])
    ]
    db.conn.executemany(
        "INSERT INTO schema_entries (kind, name, position, spec) VALUES (?, ?, ?, ?)", rows
    )


def read_schema(db: Database) -> Schema:
    data: dict[str, list] = {"labels": [], "relation_types": []}
    for kind, spec in db.execute("SELECT kind, spec FROM schema_entries ORDER BY kind, position"):
        data["labels" if kind == "label" else "relation_types"].append(json.loads(spec))
    return Schema.from_dict(data, origin="the project's schema")
