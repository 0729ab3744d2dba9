"""Highlights in the reader: colour toolbar, keys 1–4 and context menu, overlays, and the highlights panel.

``install_highlights(main_window)`` plugs the feature into a MainWindow through its public API (``reading``
readers, ``add_panel``, ``tasks``); main_window.py calls it once the window is built.
"""

from archivist.gui.highlights.controller import HighlightsController, install_highlights
from archivist.gui.highlights.panel import HighlightsPanel, NoteEditor

__all__ = ["HighlightsController", "HighlightsPanel", "NoteEditor", "install_highlights"]
