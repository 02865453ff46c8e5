"""Start-up never pays for torch, transformers or camel_tools.ner."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import REPO

HEAVY = ("torch", "transformers", "camel_tools.ner", "camel_tools.data", "PySide6")


def test_cli_and_default_suggesters_do_not_import_heavy_modules(tmp_path):
    code = (
        "import sys\n"
        "from annotator.cli import main\n"
        "from annotator.store import Project\n"
        "from annotator.suggest.runner import build_suggesters, run_suggesters\n"
        "p = Project.memory()\n"
        "p.add_document('d', 'زار بوتين موسكو')\n"
        "run_suggesters(p, build_suggesters(p, only=['memory', 'gazetteer', 'cues']))\n"
        f"print([m for m in {HEAVY!r} if m in sys.modules])\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={"HOME": str(tmp_path), "PATH": ""},
    )
    assert result.stdout.strip() == "[]"


def test_the_default_suggesters_with_the_built_in_ner_do_not_import_torch(tmp_path):
    code = (
        "import sys\n"
        "from annotator.app.suggesting import DEFAULT_SUGGESTERS\n"
        "from annotator.store import Project\n"
        "from annotator.suggest.runner import build_suggesters, run_suggesters\n"
        "p = Project.memory()\n"
        "d = p.add_document('d', 'قال الرئيس الروسي فلاديمير بوتين في موسكو إن وزارة الخارجية')\n"
        "s = build_suggesters(p, DEFAULT_SUGGESTERS)\n"
        "assert 'builtin-ner' in [x.name for x in s]\n"
        "run_suggesters(p, s)\n"
        "assert any(e.source == 'builtin-ner' for e in p.entities(d.id))\n"
        f"print([m for m in {HEAVY!r} if m in sys.modules])\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={"HOME": str(tmp_path), "PATH": "", "PYTHONPATH": str(REPO)},
    )
    assert result.stdout.strip() == "[]"
