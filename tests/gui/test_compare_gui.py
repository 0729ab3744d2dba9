"""Shared passages in the window: both panes tinted, the list jumps pane to pane, the sources panel."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from archivist.core.archive import Archive
from archivist.gui.compare.passages_panel import CHANGED_LAYER, CURRENT_LAYER, SHARED_LAYER
from archivist.gui.main_window import MainWindow


def _window(qtbot: QtBot, archive: Archive) -> MainWindow:
    window = MainWindow(archive)
    qtbot.addWidget(window)
    window.show()
    return window


def test_side_by_side_tints_shared_passages_and_changed_words(qtbot: QtBot, seeded_archive: Archive) -> None:
    window = _window(qtbot, seeded_archive)
    panel = window.shared_passages.passages
    window.compare(1, 2)
    qtbot.waitUntil(lambda: panel.tree.topLevelItemCount() > 0, timeout=10_000)
    left, right = window.reading.left, window.reading.right
    [(a_start, a_end, _color)] = left.overlay(SHARED_LAYER)
    assert "without any authorization from Damascus" in left.content.text[a_start:a_end]
    [(b_start, b_end, _color)] = right.overlay(SHARED_LAYER)
    assert "without any authorization from the Damascus government" in right.content.text[b_start:b_end]
    changed_right = [right.content.text[start:end] for start, end, _c in right.overlay(CHANGED_LAYER)]
    assert "bombarding" in changed_right and not any("September" in text for text in changed_right)
    panel.tree.setCurrentItem(panel.tree.topLevelItem(0))
    assert left.overlay(CURRENT_LAYER)[0][:2] == (a_start, a_end)
    assert right.overlay(CURRENT_LAYER)[0][:2] == (b_start, b_end)
    window.reading.close_comparison()
    assert panel.tree.topLevelItemCount() == 0 and left.overlay(SHARED_LAYER) == []


def test_sources_panel_lists_the_other_article_and_opens_the_pair(qtbot: QtBot, seeded_archive: Archive) -> None:
    window = _window(qtbot, seeded_archive)
    sources = window.shared_passages.sources
    window.open_document(2)
    qtbot.waitUntil(lambda: sources.list.count() == 1, timeout=10_000)
    sources.list.itemActivated.emit(sources.list.item(0))
    assert window.reading.is_comparing()
    assert (window.reading.left.document_id, window.reading.right.document_id) == (2, 1)
