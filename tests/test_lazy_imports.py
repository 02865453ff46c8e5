"""Start-up never pays for torch, transformers or camel_tools.ner."""

from __future__ import annotations

import subprocess
import sys

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
