"""An import collects garbage less often while it runs, and leaves the collector as it found it."""

from __future__ import annotations

import gc

import pytest

from archivist.core.ingest.garbage import THRESHOLDS, fewer_collections


def test_the_collector_is_set_back_after_an_import_even_one_that_fails() -> None:
    before = gc.get_threshold()
    with pytest.raises(RuntimeError), fewer_collections():
        assert gc.get_threshold() == THRESHOLDS and gc.get_freeze_count() > 0
        raise RuntimeError("an import that stops half-way")
    assert gc.get_threshold() == before and gc.get_freeze_count() == 0


def test_cyclic_garbage_made_during_an_import_is_still_collected() -> None:
    with fewer_collections():
        cycle: list[object] = []
        cycle.append(cycle)
        del cycle
        assert gc.collect() >= 1
