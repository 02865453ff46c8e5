"""annotator: hand annotation of named entities and relations in Arabic news articles."""

from __future__ import annotations

__version__ = "0.1.0"
