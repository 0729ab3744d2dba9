"""Under two documents side by side: the passages they share, tinted in both panes, listed to jump between."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from archivist.core.compare import Passage, changed_ranges, diff_words
from archivist.gui.reader import ReaderView, SideBySideView
from archivist.gui.tasks import TaskManager

SHARED_LAYER = "shared-passages"
CHANGED_LAYER = "shared-passages-changed"
CURRENT_LAYER = "shared-passages-current"
SHARED_COLOR = QColor(46, 160, 150, 70)  # teal: apart from search yellow and the highlight colours
CHANGED_COLOR = QColor(255, 165, 80, 200)  # the words a rewording changed: amber over the teal
CURRENT_COLOR = QColor(46, 160, 150, 45)  # a shade deeper for the passage chosen in the list
EXCERPT = 90


class SharedPassagesPanel(QWidget):
    """Lists the shared passages of the pair shown in a SideBySideView; choosing one shows it in both panes."""

    def __init__(self, view: SideBySideView, tasks: TaskManager, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = view
        self.tasks = tasks
        self.pair: tuple[int, int] | None = None
        self.passages: list[Passage] = []
        self.summary = QLabel(self)
        self.summary.setContentsMargins(8, 4, 8, 0)
        self.tree = QTreeWidget(self)
        self.tree.setHeaderLabels(["#", "Similarity", "Left", "Right"])
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setColumnWidth(0, 36)
        self.tree.setColumnWidth(1, 80)
        self.tree.setColumnWidth(2, 360)
        self.tree.currentItemChanged.connect(lambda item, _old: self._jump(item))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)
        view.pair_changed.connect(self.show_pair)

    def show_pair(self, left_id: int, right_id: int) -> None:
        """Find the passages of a new pair in the background (-1 for an empty pane clears the list)."""
        self.set_passages(None, [])
        if left_id < 0 or right_id < 0 or left_id == right_id:
            return
        pair = (left_id, right_id)
        self.pair = pair
        self.summary.setText("Looking for shared passages…")
        archive = self.view.left.archive
        self.tasks.read(lambda: archive.compare.passages(*pair),
                        lambda passages: self.set_passages(pair, passages) if self.pair == pair else None)

    def set_passages(self, pair: tuple[int, int] | None, passages: list[Passage]) -> None:
        """Show ``passages`` of ``pair``: in the list, and tinted in both readers."""
        self.pair, self.passages = pair, passages
        self.tree.clear()
        for number, passage in enumerate(passages, start=1):
            item = QTreeWidgetItem([str(number), f"{passage.similarity:.0%}", _excerpt(passage.a.text),
                                    _excerpt(passage.b.text)])
            item.setData(0, Qt.ItemDataRole.UserRole, number - 1)
            item.setToolTip(2, passage.a.text)
            item.setToolTip(3, passage.b.text)
            self.tree.addTopLevelItem(item)
        shared = sum(passage.a.end - passage.a.start for passage in passages)
        self.summary.setText(f"{len(passages)} shared passage{'s' * (len(passages) != 1)}, {shared:,} characters"
                             if pair else "")
        self._tint()

    def _tint(self) -> None:
        left, right = self.view.left, self.view.right
        shared_a = [(p.a.start, p.a.end, SHARED_COLOR) for p in self.passages]
        shared_b = [(p.b.start, p.b.end, SHARED_COLOR) for p in self.passages]
        changed_a, changed_b = changed_overlays(self.passages)
        for reader, shared, changed in ((left, shared_a, changed_a), (right, shared_b, changed_b)):
            reader.set_overlay(SHARED_LAYER, shared)
            reader.set_overlay(CHANGED_LAYER, changed)
            reader.set_overlay(CURRENT_LAYER, [])

    def _jump(self, item: QTreeWidgetItem | None) -> None:
        """Show the chosen passage in both panes, each scrolled to its side of the pair."""
        if item is None:
            return
        passage = self.passages[int(item.data(0, Qt.ItemDataRole.UserRole))]
        _show(self.view.left, passage.a.start, passage.a.end)
        _show(self.view.right, passage.b.start, passage.b.end)


def changed_overlays(passages: list[Passage]) -> tuple[list[tuple[int, int, QColor]], list[tuple[int, int, QColor]]]:
    """The words each reworded pair changed, as overlay ranges in the left and the right document."""
    left: list[tuple[int, int, QColor]] = []
    right: list[tuple[int, int, QColor]] = []
    for passage in passages:
        if passage.similarity >= 1.0:
            continue
        in_a, in_b = changed_ranges(diff_words(passage.a.text, passage.b.text))
        left += [(passage.a.start + start, passage.a.start + end, CHANGED_COLOR) for start, end in in_a]
        right += [(passage.b.start + start, passage.b.start + end, CHANGED_COLOR) for start, end in in_b]
    return left, right


def _show(reader: ReaderView, start: int, end: int) -> None:
    reader.set_overlay(CURRENT_LAYER, [(start, end, CURRENT_COLOR)])
    reader.scroll_to(start)


def _excerpt(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= EXCERPT else flat[: EXCERPT - 1] + "…"
