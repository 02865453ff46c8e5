from __future__ import annotations

import pytest

from tests.conftest import SAMPLE
from tests.suggest.tiny_model import build_tiny_model


@pytest.fixture(scope="session")
def tiny_ner_model(tmp_path_factory):
    folder = tmp_path_factory.mktemp("tiny-ner") / "model"
    return build_tiny_model(folder, SAMPLE.read_text(encoding="utf-8"))


@pytest.fixture(autouse=True)
def offline_camel_tools(tmp_path, monkeypatch):
    """No test may reach the network or the user's camel-tools data."""
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("TRANSFORMERS_OFFLINE", "1")
    monkeypatch.delenv("ANNOTATOR_NER_MODEL", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    # Each test sees CAMELTOOLS_DATA as it sets it, whatever an earlier NER load recorded.
    from annotator.suggest import ner_model

    monkeypatch.setattr(ner_model, "_user_camel_data", [])
    monkeypatch.delenv("CAMELTOOLS_DATA", raising=False)
