from __future__ import annotations

import os
import subprocess
import sys


def test_self_test_runs_every_step_and_passes(tmp_path):
    env = {**os.environ, "HOME": str(tmp_path), "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-m", "annotator", "--self-test"],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    steps = [line for line in lines if line.startswith("[")]
    assert len(steps) == 8 and all(": ok — " in line for line in steps)
    assert "add a relation through the undo command" in result.stdout
    assert lines[-1] == "self-test passed"
