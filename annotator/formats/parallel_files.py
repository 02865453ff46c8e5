"""Writing many small files with a few threads, for formats with files per document (brat).

Creating a file is a wait on the file system: `open` with O_CREAT took 0.2 ms and more
on the benchmark's virtual machine disk (ext4), and takes longer on a network share,
while writing a 4 kB article into it took 5 µs. A brat export creates two files a
document, so it spent most of its time in those waits, one after another. Python
releases the GIL while a thread waits in `open`, `write` and `close`, so a few threads
overlap the waits (on that disk: 190 µs a file with one thread, 75 µs with four).
"""

from __future__ import annotations

from collections import deque
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from types import TracebackType


class ParallelFiles:
    """Files written by `threads` threads, with at most `pending` queued (so memory stays
    flat: the caller waits when that many are queued).

    Use as a context manager: `write(path, data)` queues a file; leaving the block
    normally waits until every file is written and raises the first error a write met
    (an OSError: disk full, no permission); leaving it by an exception cancels the
    files not yet started and waits for the others, so no thread writes afterwards."""

    def __init__(self, threads: int = 4, pending: int = 64) -> None:
        self._pool = ThreadPoolExecutor(threads, thread_name_prefix="annotator-files")
        self._pending = pending
        self._queued: deque[Future[int]] = deque()

    def write(self, path: Path, data: bytes) -> None:
        """Queue `data` to be written to `path` (created or replaced)."""
        self._queue(self._pool.submit(path.write_bytes, data))

    def _queue(self, future: Future) -> None:
        self._queued.append(future)
        while len(self._queued) > self._pending:
            self._queued.popleft().result()

    def __enter__(self) -> ParallelFiles:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        try:
            while kind is None and self._queued:
                self._queued.popleft().result()
        finally:
            self._pool.shutdown(wait=True, cancel_futures=True)
