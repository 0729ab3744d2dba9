"""Collections and saved searches in the window: a Collections menu, the list's context menu, the sidebar.

Create, rename and delete collections, add the selected documents (menu, or drag them onto a collection in the
sidebar), take them out again, export a collection's bibliography; save the current search under a name and
run it from the sidebar. Every change is an undoable command (gui/undo.py) that reports what it changed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QInputDialog, QMenu, QMessageBox

from archivist.core import collections, saved_searches
from archivist.core.changes import Changes

if TYPE_CHECKING:
    from archivist.gui.citations import CitationActions
    from archivist.gui.host import Host
    from archivist.gui.widgets.sidebar import Sidebar, SidebarFilter


class CollectionsUi(QObject):
    def __init__(self, host: Host, sidebar: Sidebar, shown_collection: Callable[[], int | None],
                 current_query: Callable[[], str], citations: CitationActions) -> None:
        super().__init__(host.dialog_parent())
        self.host, self.sidebar, self.citations = host, sidebar, citations
        self.shown_collection, self.current_query = shown_collection, current_query
        self._menu_target: int | None = None  # the collection a sidebar menu was opened on, while it shows
        parent = host.dialog_parent()
        self.new_collection = self._action("&New Collection…", "new_collection", self._ask_new, "Ctrl+Shift+N")
        self.rename_collection = self._action("&Rename Collection…", "rename_collection", self._ask_rename)
        self.delete_collection = self._action("&Delete Collection…", "delete_collection", self._ask_delete)
        self.remove_from_collection = self._action("Remove from &Collection", "remove_from_collection",
                                                   lambda: self.remove(self._target(), host.selected_ids()))
        self.export_collection = self._action("&Export Collection Bibliography…", "export_collection",
                                              lambda: self._export(self._target()))
        self.save_search = self._action("&Save Search…", "save_search", self._ask_save_search, "Ctrl+Shift+S")
        self.add_menu = QMenu("&Add to Collection", parent)
        self.add_menu.menuAction().setObjectName("add_to_collection")
        self.add_menu.aboutToShow.connect(self._fill_add_menu)
        sidebar.documents_dropped.connect(self.add)
        sidebar.context_menu_requested.connect(self._fill_sidebar_menu)

    def _action(self, text: str, name: str, slot: Callable[[], object], keys: str | None = None) -> QAction:
        action = QAction(text, self.host.dialog_parent())
        action.setObjectName(name)
        if keys:
            action.setShortcut(QKeySequence(keys))
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def menu(self) -> QMenu:
        menu = QMenu("&Collections", self.host.dialog_parent())
        menu.addActions([self.new_collection, self.add_menu.menuAction(), self.remove_from_collection])
        menu.addSeparator()
        menu.addActions([self.rename_collection, self.delete_collection, self.export_collection])
        menu.addSeparator()
        menu.addAction(self.save_search)
        menu.aboutToShow.connect(self.update_enabled)
        return menu

    def context_actions(self) -> list[QAction]:
        """For the document list's context menu: they act on the selection when triggered."""
        return [self.add_menu.menuAction(), self.remove_from_collection]

    def update_enabled(self) -> None:
        shown = self.shown_collection() is not None
        for action in (self.rename_collection, self.delete_collection, self.remove_from_collection,
                       self.export_collection):
            action.setEnabled(shown or self._menu_target is not None)
        self.save_search.setEnabled(bool(self.current_query()))

    def _target(self) -> int | None:
        return self._menu_target if self._menu_target is not None else self.shown_collection()

    # -- changes (undoable) ------------------------------------------------------------------------------
    def create(self, name: str, then_add: list[int] | None = None) -> None:
        archive, made = self.host.archive, []

        def do() -> Changes:
            collection_id, changes = collections.create(archive, name)
            made[:] = [collection_id]
            return changes | (collections.add(archive, collection_id, then_add) if then_add else Changes())

        def undo() -> Changes:
            return collections.delete(archive, made[0])

        self.host.undo.push(f"New Collection {name!r}", do, undo)

    def add(self, collection_id: int, ids: list[int]) -> None:
        archive, added = self.host.archive, []
        if not ids:
            return

        def do() -> Changes:
            present = set(archive.collection_document_ids(collection_id))
            added[:] = [doc_id for doc_id in ids if doc_id not in present]
            return collections.add(archive, collection_id, added)

        def undo() -> Changes:
            return collections.remove(archive, collection_id, added)

        self.host.undo.push("Add to Collection", do, undo)
        self.host.show_status(f"Added {len(ids)} document(s) to the collection")

    def remove(self, collection_id: int | None, ids: list[int]) -> None:
        archive, removed = self.host.archive, []
        if collection_id is None or not ids:
            return

        def do() -> Changes:
            present = set(archive.collection_document_ids(collection_id))
            removed[:] = [doc_id for doc_id in ids if doc_id in present]
            return collections.remove(archive, collection_id, removed)

        def undo() -> Changes:
            return collections.add(archive, collection_id, removed)

        self.host.undo.push("Remove from Collection", do, undo)

    def rename(self, collection_id: int, name: str) -> None:
        archive, before = self.host.archive, []

        def do() -> Changes:
            before[:] = [collections.collection_named(archive, collection_id)]
            return collections.rename(archive, collection_id, name)

        self.host.undo.push(f"Rename Collection to {name!r}", do,
                            lambda: collections.rename(archive, collection_id, before[0]))

    def delete(self, collection_id: int) -> None:
        """Delete a collection (its documents stay); Undo makes it again with the same documents."""
        archive, current, kept = self.host.archive, [collection_id], []

        def do() -> Changes:
            kept[:] = [(collections.collection_named(archive, current[0]),
                        archive.collection_document_ids(current[0]))]
            return collections.delete(archive, current[0])

        def undo() -> Changes:
            name, ids = kept[0]
            again, changes = collections.create(archive, name)
            current[:] = [again]
            return changes | collections.add(archive, again, ids)

        self.host.undo.push("Delete Collection", do, undo)

    def save_current_search(self, name: str) -> None:
        archive, query, made = self.host.archive, self.current_query(), []

        def do() -> Changes:
            record, changes = saved_searches.save(archive, name, query)
            made[:] = [record.id]
            return changes

        self.host.undo.push(f"Save Search {name!r}", do, lambda: saved_searches.delete(archive, made[0]))

    def delete_saved_search(self, search_id: int, name: str, query: str) -> None:
        archive, current = self.host.archive, [search_id]

        def do() -> Changes:
            return saved_searches.delete(archive, current[0])

        def undo() -> Changes:
            record, changes = saved_searches.save(archive, name, query)
            current[:] = [record.id]
            return changes

        self.host.undo.push("Delete Saved Search", do, undo)

    # -- asking ----------------------------------------------------------------------------------------
    def _ask(self, title: str, label: str, text: str = "") -> str | None:
        name, ok = QInputDialog.getText(self.host.dialog_parent(), title, label, text=text)
        return name.strip() if ok and name.strip() else None

    def _ask_new(self, add_selected: bool = False) -> None:
        name = self._ask("New Collection", "Name of the new collection:")
        if name:
            self.create(name, self.host.selected_ids() if add_selected else None)

    def _ask_rename(self) -> None:
        target = self._target()
        if target is not None:
            old = collections.collection_named(self.host.archive, target)
            name = self._ask("Rename Collection", "New name:", old)
            if name and name != old:
                self.rename(target, name)

    def _ask_delete(self) -> None:
        target = self._target()
        if target is None:
            return
        name = collections.collection_named(self.host.archive, target)
        answer = QMessageBox.question(self.host.dialog_parent(), "Delete Collection",
                                      f"Delete the collection {name!r}? Its documents stay in the archive.")
        if answer == QMessageBox.StandardButton.Yes:
            self.delete(target)

    def _ask_save_search(self) -> None:
        query = self.current_query()
        if query:
            name = self._ask("Save Search", f"Save the search {query!r} as:", query)
            if name:
                self.save_current_search(name)

    def _export(self, collection_id: int | None) -> None:
        if collection_id is not None:
            self.citations.export_collection(collection_id)

    def _fill_add_menu(self) -> None:
        self.add_menu.clear()
        for collection_id, name, _count in self.host.archive.collections():
            self.add_menu.addAction(name, lambda cid=collection_id: self.add(cid, self.host.selected_ids()))
        self.add_menu.addSeparator()
        self.add_menu.addAction("New Collection…", lambda: self._ask_new(add_selected=True))

    def _fill_sidebar_menu(self, menu: QMenu, what: SidebarFilter) -> None:
        if what.kind == "collection":
            def with_target(slot: Callable[[], None]) -> Callable[[], None]:
                def run() -> None:
                    self._menu_target = int(what.value)
                    try:
                        slot()
                    finally:
                        self._menu_target = None
                return run

            menu.addAction("Rename Collection…", with_target(self._ask_rename))
            menu.addAction("Export Collection Bibliography…", with_target(lambda: self._export(self._target())))
            menu.addAction("Delete Collection…", with_target(self._ask_delete))
        elif what.kind == "saved":
            menu.addAction("Delete Saved Search",
                           lambda: self.delete_saved_search(int(what.value), self.sidebar_name(what), what.search))

    def sidebar_name(self, what: SidebarFilter) -> str:
        found = [s.name for s in saved_searches.saved_searches(self.host.archive) if str(s.id) == what.value]
        return found[0] if found else what.search


def install_collections(host: Host, sidebar: Sidebar, shown_collection: Callable[[], int | None],
                        current_query: Callable[[], str], citations: CitationActions) -> CollectionsUi:
    return CollectionsUi(host, sidebar, shown_collection, current_query, citations)
