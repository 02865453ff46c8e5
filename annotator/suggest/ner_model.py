"""Finding and checking a camel-tools NER model folder, and importing camel-tools offline.

Nothing here imports torch or transformers: a bad or missing model is reported before any
heavy import, and camel-tools' import-time catalogue download can never happen.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from pathlib import Path

from annotator.model import Schema
from annotator.suggest.base import SuggesterUnavailable

WEIGHT_FILES = ("model.safetensors", "pytorch_model.bin")
INSTALL_HINT = (
    "install camel-tools' model on a machine with internet with `camel_data -i ner` (it lands "
    "in ~/.camel_tools/data/ner/arabert), or point annotator at a model folder with "
    "--ner-model PATH or ANNOTATOR_NER_MODEL"
)
# Enough catalogue for `import camel_tools.ner` to succeed without a download.
MINIMAL_CATALOGUE = {
    "version": "1.6.0",
    "packages": {},
    "components": {
        "NamedEntityRecognition": {
            "default": "arabert",
            "datasets": {"arabert": {"path": "ner/arabert"}},
        }
    },
}


_user_camel_data: list[str | None] = []  # CAMELTOOLS_DATA as the user set it, once replaced


def camel_data_dir() -> Path:
    """The user's camel-tools data directory (even after we point camel-tools elsewhere)."""
    value = _user_camel_data[0] if _user_camel_data else os.environ.get("CAMELTOOLS_DATA")
    return Path(value or Path.home() / ".camel_tools")


def installed_model_dir() -> Path | None:
    """The model `camel_data -i ner` installs, if it is there."""
    folder = camel_data_dir() / "data" / "ner" / "arabert"
    return folder if (folder / "config.json").is_file() else None


def resolve_model_path(explicit: str | Path | None, project_setting: str | None) -> Path:
    """--ner-model, then the project's setting, then ANNOTATOR_NER_MODEL, then camel-tools'
    own data directory. Raises SuggesterUnavailable saying how to install one."""
    for origin, value in (
        ("--ner-model", explicit),
        ("the project's ner_model setting", project_setting),
        ("ANNOTATOR_NER_MODEL", os.environ.get("ANNOTATOR_NER_MODEL")),
    ):
        if value:
            path = Path(value).expanduser()
            if not path.exists():
                raise SuggesterUnavailable(
                    f"NER model folder {path} (from {origin}) does not exist"
                )
            return path
    installed = installed_model_dir()
    if installed is None:
        raise SuggesterUnavailable(f"no camel-tools NER model is installed; {INSTALL_HINT}")
    return installed


def read_model_labels(folder: Path, schema: Schema) -> dict[int, str]:
    """Check the folder's files and its id2label before anything heavy is loaded."""
    if not folder.is_dir():
        raise SuggesterUnavailable(f"NER model {folder} is not a folder")
    config_path = folder / "config.json"
    if not config_path.is_file():
        raise SuggesterUnavailable(f"NER model {folder} has no config.json")
    if not any((folder / name).is_file() for name in WEIGHT_FILES):
        raise SuggesterUnavailable(
            f"NER model {folder} has no weights ({' or '.join(WEIGHT_FILES)})"
        )
    if not (folder / "vocab.txt").is_file():
        raise SuggesterUnavailable(f"NER model {folder} has no vocab.txt (a BERT tokenizer)")
    try:
        config = json.loads(config_path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise SuggesterUnavailable(f"{config_path}: not valid JSON: {error}") from None
    raw = config.get("id2label") if isinstance(config, dict) else None
    if not isinstance(raw, dict) or not raw:
        raise SuggesterUnavailable(f"{config_path}: no id2label mapping")
    try:
        id2label = {int(key): str(value) for key, value in raw.items()}
    except ValueError:
        raise SuggesterUnavailable(f"{config_path}: id2label keys must be integers") from None
    labels = set(id2label.values())
    if "O" not in labels:
        raise SuggesterUnavailable(
            f"{config_path}: id2label has no 'O' label (camel-tools needs it); it has "
            f"{', '.join(sorted(labels))}"
        )
    unknown = sorted(
        label
        for label in labels - {"O"}
        if not (label[:2] in ("B-", "I-") and schema.has_label(label[2:]))
    )
    if unknown:
        raise SuggesterUnavailable(
            f"{config_path}: labels {', '.join(unknown)} are not B-/I- tags of this project's "
            f"labels ({', '.join(schema.label_names)})"
        )
    return id2label


def model_fingerprint(folder: Path) -> str:
    """Content of the small files, name, size and time of the weights: changes with the model."""
    digest = hashlib.sha256()
    for path in sorted(folder.iterdir()):
        if not path.is_file():
            continue
        stat = path.stat()
        digest.update(f"{path.name}\t{stat.st_size}\t{stat.st_mtime_ns}\n".encode())
        if stat.st_size < 4_000_000:
            digest.update(path.read_bytes())
    return f"camel-ner-{digest.hexdigest()[:16]}"


def prepare_offline_camel_import(private_data_dir: Path) -> None:
    """Make `import camel_tools.ner` safe offline, before its first import.

    camel-tools reads CAMELTOOLS_DATA once and downloads a catalogue when the directory has
    none; Hugging Face libraries may reach for the Hub. Point camel-tools at a directory
    with a minimal catalogue when the user's has none, and forbid Hub access.
    """
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")
    if "camel_tools.data" in sys.modules:
        return
    if (camel_data_dir() / "catalogue.json").is_file():
        return
    private_data_dir.mkdir(parents=True, exist_ok=True)
    catalogue = private_data_dir / "catalogue.json"
    if not catalogue.is_file():
        catalogue.write_text(json.dumps(MINIMAL_CATALOGUE), encoding="utf-8")
    _user_camel_data.append(os.environ.get("CAMELTOOLS_DATA"))
    os.environ["CAMELTOOLS_DATA"] = str(private_data_dir)
