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
    assert len(steps) == 10 and all(": ok — " in line for line in steps)
    assert "link two entities" in result.stdout and "undo and redo it: ok" in result.stdout
    assert "compare two annotators" in result.stdout and "agreement report" in result.stdout
    assert lines[-1] == "self-test passed"


def test_the_self_test_proves_operations_and_undo_without_qt(tmp_path):
    """The store, the operations and undo work without PySide6 ever being imported."""
    script = (
        "import sys\n"
        "from annotator.self_test import run_self_test\n"
        "code = run_self_test()\n"
        "qt = sorted(name for name in sys.modules if name.startswith('PySide6'))\n"
        "print('Qt modules:', qt)\n"
        "sys.exit(code)\n"
    )
    env = {**os.environ, "HOME": str(tmp_path)}
    env.pop("QT_QPA_PLATFORM", None)
    result = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Qt modules: []" in result.stdout
