"""The setup asks for torch's CPU build where no GPU is present (defect F21)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "build_scripts"))

import install_torch  # noqa: E402


def test_no_gpu_asks_for_the_cpu_build_from_pytorchs_cpu_index():
    assert install_torch.pip_arguments(has_gpu=False, index_reachable=True) == [
        "--index-url",
        "https://download.pytorch.org/whl/cpu",
        "--extra-index-url",
        "https://pypi.org/simple",
        "torch==2.13.0+cpu",
    ]


def test_no_gpu_and_no_pytorch_index_still_asks_for_the_cpu_build():
    assert install_torch.pip_arguments(has_gpu=False, index_reachable=False) == [
        "torch==2.13.0+cpu"
    ]


def test_a_gpu_takes_the_default_build():
    assert install_torch.pip_arguments(has_gpu=True, index_reachable=True) == ["torch==2.13.0"]


def test_the_makefile_installs_torch_this_way_before_the_project():
    recipe = (Path(__file__).resolve().parent.parent / "Makefile").read_text()
    assert recipe.index("build_scripts/install_torch.py") < recipe.index("pip install --quiet -e")
