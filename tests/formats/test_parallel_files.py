"""Files written by a few threads: all of them, with their bytes; an error reaches the
caller."""

from __future__ import annotations

import pytest

from annotator.formats.parallel_files import ParallelFiles


def test_every_file_is_written_with_its_bytes(tmp_path):
    with ParallelFiles(threads=3, pending=4) as files:
        for number in range(200):
            files.write(tmp_path / f"{number}.txt", f"نص {number}".encode())
    assert len(list(tmp_path.iterdir())) == 200
    assert all((tmp_path / f"{n}.txt").read_text(encoding="utf-8") == f"نص {n}" for n in range(200))


def test_a_failed_write_is_raised(tmp_path):
    with pytest.raises(FileNotFoundError), ParallelFiles() as files:
        files.write(tmp_path / "a.txt", b"a")
        files.write(tmp_path / "missing" / "b.txt", b"b")
    assert (tmp_path / "a.txt").read_bytes() == b"a"
