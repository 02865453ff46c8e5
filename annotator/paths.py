"""Where things live: the default project, and resources found relative to the package."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

PACKAGE_DIR = Path(__file__).resolve().parent
RESOURCES_DIR = PACKAGE_DIR / "resources"
PROJECT_SUFFIXES = {".sqlite", ".sqlite3", ".db", ".annotator"}


def user_data_dir() -> Path:
    return Path(platformdirs.user_data_dir("annotator", appauthor=False))


def default_project_path() -> Path:
    """$ANNOTATOR_DB, else default.sqlite in the platform's user data directory."""
    override = os.environ.get("ANNOTATOR_DB")
    if override:
        return Path(override)
    return user_data_dir() / "default.sqlite"


def sample_articles_dir() -> Path:
    """The sample article: packaged copy first (bundle), then the checkout's seeds/."""
    for candidate in (RESOURCES_DIR / "seeds", PACKAGE_DIR.parent / "seeds"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("the sample article (seeds/) is missing from this installation")


def wojood_sample() -> Path:
    """The Wojood training sample the project learner trains on beside the project's gold:
    packaged copy first (bundle), then the checkout's resources/wojood/train.txt."""
    for folder in (RESOURCES_DIR / "wojood", PACKAGE_DIR.parent / "resources" / "wojood"):
        if (folder / "train.txt").is_file():
            return folder / "train.txt"
    raise FileNotFoundError(
        "the Wojood sample (resources/wojood/) is missing from this installation"
    )
