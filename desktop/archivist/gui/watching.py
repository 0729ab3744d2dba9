"""Noticing changes made to the open archive by another program (``archivist`` in a shell, a second window).

A timer asks the catalogue's ``CatalogueWatch`` once a second whether another connection committed; when one did,
the window refreshes everything it shows (issue 16: the document count stayed stale until a restart). The
question is a ``PRAGMA data_version``, which reads no table, so it costs the GUI thread microseconds.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from archivist.core.archive import Archive
from archivist.core.changes import CatalogueWatch
from archivist.core.errors import ArchivistError

if TYPE_CHECKING:
    from archivist.core.team.follower import FollowReport
    from archivist.gui.tasks import TaskManager

log = logging.getLogger("archivist.gui.watching")

POLL_MS = 1000


class ChangeWatcher(QObject):
    """Emits ``changed_elsewhere`` after commits this window did not announce through ``absorb``."""

    changed_elsewhere = Signal()

    def __init__(self, archive: Archive, parent: QObject | None = None, tasks: TaskManager | None = None) -> None:
        super().__init__(parent)
        self._tasks = tasks  # a team member's index catches up on the writer thread (issue 19)
        self._following = False
        bind = archive.sessions.kw.get("bind")
        self._archive = archive
        self._watch = CatalogueWatch(bind) if bind is not None else None
        self.paused = False  # while this window's own import commits batch after batch
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self.poll)
        self._timer.start()

    def poll(self) -> None:
        if self._archive.team is not None:  # issue 19: colleagues' changes come through the change sequence
            self._follow_team()
            return
        if self._watch is None:
            return
        changed = self._watch.changed()
        if changed and not self.paused:
            log.info("the catalogue was changed by another program")
            self.changed_elsewhere.emit()

    def _follow_team(self) -> None:
        """Apply colleagues' changes to this member's index (one cheap query when there are none), off the GUI
        thread when the window gave its task manager: a colleague's import arrives 200 documents a commit."""
        if self.paused or self._following:  # this window's own import holds the folder's lock between batches
            return
        if self._tasks is None:
            try:
                self._followed(self._catch_up())
            except ArchivistError as error:
                self._not_followed(error)
            return
        self._following = True
        self._tasks.write(self._catch_up, on_done=self._followed, on_error=self._not_followed)

    def _catch_up(self) -> FollowReport | None:
        from archivist.core.team.follower import behind

        return self._archive.follow_changes() if behind(self._archive) else None

    def _followed(self, report: FollowReport | None) -> None:
        self._following = False
        if report is not None and report.changed:
            log.info("colleagues changed %d document(s)", len(report.indexed) + len(report.dropped))
            self.changed_elsewhere.emit()

    def _not_followed(self, error: Exception) -> None:
        self._following = False  # the server went away: logged at each poll, the window stays usable
        log.warning("cannot follow the team catalogue: %s", error)

    def absorb(self) -> None:
        """This window's own change was just refreshed: do not report its commit as another program's."""
        if self._watch is not None:
            self._watch.changed()

    def stop(self) -> None:
        self._timer.stop()
        if self._watch is not None:
            self._watch.close()
            self._watch = None
