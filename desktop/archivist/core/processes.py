"""Starting child processes (extraction workers, the indexer, a GUI import) the same way everywhere."""

from __future__ import annotations

import multiprocessing
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from multiprocessing.context import BaseContext


@contextmanager
def main_module_hidden() -> Iterator[None]:
    """Start a worker without re-running the caller's ``__main__`` in it.

    multiprocessing re-imports the parent's main script in every spawned or forkserver child, which runs a
    script without an ``if __name__ == "__main__"`` guard (a benchmark, a notebook) a second time. The worker
    needs nothing from it: its target lives in this module, so the main module is hidden while it starts.
    """
    main = sys.modules["__main__"]
    saved = {name: main.__dict__[name] for name in ("__file__", "__spec__") if name in main.__dict__}
    for name in saved:
        setattr(main, name, None) if name == "__spec__" else delattr(main, name)
    try:
        yield
    finally:
        for name, value in saved.items():
            setattr(main, name, value)


def worker_context() -> BaseContext:
    if "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        # The server imports the extractors (and the fingerprints and indexer an import also runs in child
        # processes) once; each child forked from it starts warm. The workers' own module brings the claims
        # rules (issue 18): ~50 ms a worker otherwise, charged to its first file's deadline.
        from archivist.core.extract.registry import FORMATS

        preload = ["archivist.core.extract.registry", *FORMATS.values(), "archivist.core.compare.fingerprints",
                   "archivist.core.index.feeder", "archivist.core.ingest.workers"]
        context.set_forkserver_preload(preload)
        return context
    return multiprocessing.get_context("spawn")
