"""The list's room while two documents are compared, and its return after (issue 16, defect 5).

Two readers need the width, so comparing narrows the list to COMPARE_LIST_WIDTH; closing the comparison gives the
list its width and horizontal scroll back, and a comparison open at quit is undone before the layout is saved,
so the next start does not open squeezed.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QAbstractScrollArea, QSplitter

COMPARE_LIST_WIDTH = 260
LIST = 1  # the list's place in the main splitter: sidebar, list, reading


class CompareLayout:
    def __init__(self, splitter: QSplitter, lists: Sequence[QAbstractScrollArea]) -> None:
        self.splitter = splitter
        self.lists = list(lists)
        self._before: tuple[list[int], int] | None = None  # the sizes and the list's scroll before comparing

    def comparing_changed(self, comparing: bool) -> None:
        if comparing:
            if self._before is None:
                self._before = (self.splitter.sizes(), self._scroll())
            self._narrow_list()
        else:
            self.restore()

    def restore(self) -> None:
        """The layout from before the comparison (nothing when none is open)."""
        if self._before is None:
            return
        sizes, scroll = self._before
        self._before = None
        self.splitter.setSizes(sizes)
        for view in self.lists:
            view.horizontalScrollBar().setValue(scroll)

    def _scroll(self) -> int:
        visible = [view for view in self.lists if view.isVisible()]
        return (visible or self.lists)[0].horizontalScrollBar().value()

    def _narrow_list(self) -> None:
        sizes = self.splitter.sizes()
        if len(sizes) > LIST + 1 and sizes[LIST] > COMPARE_LIST_WIDTH:
            sizes[LIST + 1] += sizes[LIST] - COMPARE_LIST_WIDTH
            sizes[LIST] = COMPARE_LIST_WIDTH
            self.splitter.setSizes(sizes)
