"""Undo and redo for the window's changes (highlights, notes, tags, metadata, collections), on a QUndoStack.

Each command is a pair of archive operations, ``do`` and ``undo``, that run on the writer thread and return
the ``Changes`` they made; when one finishes the window refreshes from that report (``Host.apply_changes``).
Qt calls ``redo`` when a command is pushed, so pushing is how a change is made: the first run and every redo
are the same code. A command's operations may keep state between runs (the id a re-made highlight got).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence, QUndoCommand, QUndoStack

from archivist.core.changes import Changes

if TYPE_CHECKING:
    from archivist.gui.host import Host

Operation = Callable[[], Changes]


class ArchiveCommand(QUndoCommand):
    def __init__(self, history: UndoHistory, text: str, do: Operation, undo: Operation,
                 after: Callable[[], None] | None = None, merge_key: int = -1,
                 failed: Callable[[Exception], None] | None = None) -> None:
        super().__init__(text)
        self._failed = failed
        self._history = history
        self._do = do
        self._undo = undo
        self._after = after  # after the first run only (select what was made, say what happened)
        self._merge_key = merge_key

    def redo(self) -> None:
        after, self._after = self._after, None
        self._history.run(self._do, after, self._failed)

    def undo(self) -> None:
        self._history.run(self._undo)

    def id(self) -> int:
        return self._merge_key

    def mergeWith(self, other: QUndoCommand) -> bool:
        """Typing a note saves it every few seconds: one undo step per note edit, not per save."""
        if not isinstance(other, ArchiveCommand) or other.id() != self.id() or self.id() < 0:
            return False
        self._do = other._do  # undo still restores what was there before the first save
        return True


class UndoHistory:
    """The window's undo stack and its Undo/Redo actions."""

    def __init__(self, host: Host) -> None:
        self.host = host
        self.stack = QUndoStack(host.dialog_parent())
        self.undo_action = self._action(self.stack.createUndoAction(host.dialog_parent(), "&Undo"), "undo",
                                        QKeySequence.StandardKey.Undo)
        self.redo_action = self._action(self.stack.createRedoAction(host.dialog_parent(), "&Redo"), "redo",
                                        QKeySequence.StandardKey.Redo)

    @staticmethod
    def _action(action: QAction, name: str, keys: QKeySequence.StandardKey) -> QAction:
        action.setObjectName(name)
        action.setShortcuts(keys)
        return action

    def push(self, text: str, do: Operation, undo: Operation, after: Callable[[], None] | None = None,
             merge_key: int = -1, failed: Callable[[Exception], None] | None = None) -> None:
        """Make a change that can be undone (Qt runs ``do`` now, then ``after`` on the GUI thread; ``failed``
        shows a refused change where the user made it, e.g. a bad date in the details panel)."""
        self.stack.push(ArchiveCommand(self, text, do, undo, after, merge_key, failed))

    def run(self, operation: Operation, after: Callable[[], None] | None = None,
            failed: Callable[[Exception], None] | None = None) -> None:
        def done(changes: Changes) -> None:
            self.host.apply_changes(changes)
            if after is not None:
                after()

        def refused(error: Exception) -> None:
            # the archive did not change as the stack believes: drop the history rather than undo the wrong thing
            self.stack.clear()
            if failed is not None:
                failed(error)
            else:
                self.host.show_error(str(error))

        self.host.tasks.write(operation, done, refused)
