"""Install torch for this machine before anything that depends on it (make setup).

camel-tools depends on torch; left to itself pip takes the default build, which on Linux is
a CUDA build with its GPU libraries (several GB). Without an NVIDIA GPU we ask for the
CPU-only build (+cpu, about 750 MB installed) from PyTorch's CPU index, or, where that
index cannot be reached (a machine with only a package mirror), from pip's own configured
sources.

    python build_scripts/install_torch.py        (what make setup runs)
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys

VERSION = "2.13.0"
CPU_INDEX = "https://download.pytorch.org/whl/cpu"


def pip_arguments(has_gpu: bool, index_reachable: bool) -> list[str]:
    """The `pip install` arguments for torch on a machine like this one."""
    if has_gpu:
        return [f"torch=={VERSION}"]
    if index_reachable:
        return [
            "--index-url", CPU_INDEX, "--extra-index-url", "https://pypi.org/simple",
            f"torch=={VERSION}+cpu",
        ]  # fmt: skip
    return [f"torch=={VERSION}+cpu"]


def has_nvidia_gpu() -> bool:
    return shutil.which("nvidia-smi") is not None


def index_reachable(host: str = "download.pytorch.org") -> bool:
    try:
        socket.getaddrinfo(host, 443)
    except OSError:
        return False
    return True


def main() -> int:
    arguments = pip_arguments(has_nvidia_gpu(), index_reachable())
    print("installing", arguments[-1], flush=True)
    command = [sys.executable, "-m", "pip", "install", "--quiet", *arguments]
    status = subprocess.call(command)
    if status and arguments[-1].endswith("+cpu"):
        # a mirror of PyPI alone has no +cpu build: take the default one, saying so
        print(
            f"torch=={VERSION}+cpu could not be installed; installing torch=={VERSION} "
            "(on Linux the default build is a CUDA one, several GB)",
            flush=True,
        )
        status = subprocess.call([*command[:-1], f"torch=={VERSION}"])
    return status


if __name__ == "__main__":
    sys.exit(main())
