"""Names for screen readers (and for tests and scripts to find things by), and Tab order between the panes.

Every action gets an object name made from its text when its feature gave it none; the main widgets get
accessible names saying what they hold; Tab goes search field → sidebar → list → results → passages →
readers, the order they sit in on screen.
"""

from __future__ import annotations

import itertools
import re
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from archivist.gui.main_window import MainWindow


def action_name(text: str) -> str:
    """ "&Copy Citation…" -> "copy_citation" """
    words = re.sub(r"[^\w]+", " ", text.replace("&", "")).strip().lower()
    return words.replace(" ", "_")


def name_actions(window: QWidget) -> None:
    seen: dict[str, int] = {}
    for action in window.findChildren(QAction):
        if action.objectName() or action.isSeparator() or not action.text():
            continue
        name = action_name(action.text())
        seen[name] = seen.get(name, 0) + 1
        action.setObjectName(name if seen[name] == 1 else f"{name}_{seen[name]}")


def name_widgets(window: MainWindow) -> None:
    names = {
        window.search_field: "Search the archive",
        window.documents_table: "Documents",
        window.results_table: "Search results",
        window.snippets: "Passages found in the selected result",
        window.reading.left.text_view: "Document text",
        window.reading.right.text_view: "Second document text (side by side)",
        window.metadata_panel: "Details of the open document",
        window.result_label: "Number of results",
        window.status_label: "Archive status",
    }
    for widget, name in names.items():
        widget.setAccessibleName(name)


def set_tab_order(window: MainWindow) -> None:
    """Tab leaves a pane instead of moving inside it (a table's cells, a text's links): arrows do that."""
    for table in (window.documents_table, window.results_table):
        table.setTabKeyNavigation(False)
    for text in (window.snippets, window.reading.left.text_view, window.reading.right.text_view):
        text.setTabChangesFocus(True)
    chain = [window.search_field, window.sidebar, window.documents_table, window.results_table, window.snippets,
             window.reading.left.text_view, window.reading.right.text_view]
    for first, second in itertools.pairwise(chain):
        QWidget.setTabOrder(first, second)


def make_accessible(window: MainWindow) -> None:
    name_widgets(window)
    name_actions(window)
    set_tab_order(window)
