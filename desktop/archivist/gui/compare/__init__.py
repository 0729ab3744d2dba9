"""Shared passages in the window: the list under side-by-side reading and the "Sources sharing passages" panel.

``install_shared_passages(window)`` plugs both into the window through its Host interface (``reading.add_panel``,
``add_panel``, ``compare``), so the main window itself knows nothing of this feature.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget

from archivist.gui.compare.passages_panel import SharedPassagesPanel
from archivist.gui.compare.sources_panel import SharedSourcesPanel

if TYPE_CHECKING:
    from archivist.gui.host import Host


@dataclass(slots=True)
class SharedPassagesUi:
    """What ``install_shared_passages`` added, for tests and for other features to reach."""

    passages: SharedPassagesPanel
    sources: SharedSourcesPanel
    sources_dock: QDockWidget


def install_shared_passages(window: Host) -> SharedPassagesUi:
    """Add the shared-passages list under the side-by-side readers and the sources panel as a dock."""
    passages = SharedPassagesPanel(window.reading, window.tasks, window.dialog_parent())
    window.reading.add_panel(passages, "Shared passages")
    sources = SharedSourcesPanel(window.archive, window.tasks, window.dialog_parent())
    dock = window.add_panel(sources, "Sources sharing passages", Qt.DockWidgetArea.RightDockWidgetArea)
    window.reading.left.document_changed.connect(sources.show_document)
    sources.pair_requested.connect(window.compare)
    return SharedPassagesUi(passages, sources, dock)


__all__ = ["SharedPassagesPanel", "SharedPassagesUi", "SharedSourcesPanel", "install_shared_passages"]
