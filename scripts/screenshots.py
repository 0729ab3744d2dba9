"""Screenshots for the README and docs/screenshots/, of the real window under a real X server.

    Xvfb :99 -screen 0 1600x1000x24 &  DISPLAY=:99 openbox &
    DISPLAY=:99 .venv/bin/python scripts/screenshots.py docs/screenshots

It runs the app's first start (a new default archive with the two sample articles) in a private home, then:
a search, a collection, two documents side by side, a highlight of a PDF copied as a quotation (the clipboard's
text, read back with ``xclip -o``, is saved beside the picture) and the PDF's page view with its highlights.
Each picture is the whole 1600x1000 screen, window manager and all, as a user sees it.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PDF = ROOT.parent / "shared" / "corpus" / "pdf" / "pypdf-resources" / "Seige_of_Vicksburg_Sample_OCR.pdf"
HIGHLIGHT = "mortar shells flying into the city from the river"


def private_home() -> None:
    """A first run: no archive and no settings yet (set before archivist reads its paths)."""
    home = Path(tempfile.mkdtemp(prefix="archivist-shots-"))
    os.environ["XDG_DATA_HOME"] = str(home / "data")
    os.environ["XDG_CONFIG_HOME"] = str(home / "config")
    os.environ.pop("ARCHIVIST_HOME", None)


def main(out: str) -> int:
    private_home()
    from PySide6.QtCore import QEventLoop, Qt, QTimer
    from PySide6.QtWidgets import QApplication

    from archivist.core.changes import Changes
    from archivist.gui.app import make_application, open_archive
    from archivist.gui.main_window import MainWindow

    app = make_application(sys.argv[:1])
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)

    def settle(ms: int = 900) -> None:
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    def idle(window: MainWindow) -> None:
        while window.tasks.busy or window.searcher.pending:
            settle(100)
        settle()

    def shoot(name: str) -> None:
        settle()
        app.primaryScreen().grabWindow(0).save(str(folder / name))
        print("saved", folder / name)

    archive = open_archive(None)  # the first run: created with the sample articles
    window = MainWindow(archive)
    window.showMaximized()
    idle(window)
    window.documents_table.select_row(0)
    idle(window)
    shoot("first-run.png")
    shoot("main.png")  # the README's picture is what a first run shows

    window.search_field.set_query("coalition civilians")
    idle(window)
    window.results_table.select_row(0)
    idle(window)
    shoot("search-results.png")

    window.search_field.set_query("")
    ids = sorted(archive.document_ids())
    window.collections_ui.create("Syria 2016", then_add=ids)
    idle(window)
    collection = next(cid for cid, name, _count in archive.collections() if name == "Syria 2016")
    item = window.sidebar.findItems("Syria 2016", Qt.MatchFlag.MatchRecursive)[0]
    window.sidebar.setCurrentItem(item)
    window.sidebar.itemClicked.emit(item, 0)
    idle(window)
    assert window.shown_collection() == collection
    shoot("collection.png")

    window.reading.set_search_query("coalition")
    window.compare(ids[0], ids[1])
    window.reading.set_linked_scrolling(True)
    idle(window)
    shoot("side-by-side.png")
    window.window_actions.close_comparison.trigger()
    window.sidebar.itemClicked.emit(window.sidebar.findItems("All documents", Qt.MatchFlag.MatchRecursive)[0], 0)
    idle(window)

    pdf_id = archive.import_paths([PDF]).imported[0].id
    window.apply_changes(Changes(document_list=True))
    content = archive.content(pdf_id)
    start = content.text.index(HIGHLIGHT)
    archive.annotations.add_highlight(pdf_id, start=start, end=start + len(HIGHLIGHT), color="yellow",
                                      note="Mortar fire from the river: compare with the Confederate accounts.")
    second = content.text.index("The lighted fuse of each")
    archive.annotations.add_highlight(pdf_id, start=second, end=content.text.index(".", second) + 1, color="green")
    window.open_document(pdf_id)
    window.highlights.dock.show()
    idle(window)
    record = next(r for r in archive.annotations.highlights(pdf_id) if r.quote == HIGHLIGHT)
    window.highlights.panel.select(record.id)
    window.reading.left.scroll_to(record.start)
    window.highlights.panel.tree.setFocus()
    window.quotation.copy_quotation.trigger()
    idle(window)
    reader = subprocess.Popen(["xclip", "-o", "-selection", "clipboard"], stdout=subprocess.PIPE, text=True)
    while reader.poll() is None:  # the window must answer xclip's request: keep its event loop turning
        settle(100)
    (folder / "quotation-clipboard.txt").write_text(reader.stdout.read() if reader.stdout else "", encoding="utf-8")
    print("clipboard:", (folder / "quotation-clipboard.txt").read_text(encoding="utf-8"))
    shoot("quotation.png")

    window.reading.left.set_page_view(True)
    idle(window)
    view = window.reading.left.pdf_pane.view
    page = window.reading.left.pdf_pane.current_page()
    rects = view.page_rects()
    if page in rects:
        view.verticalScrollBar().setValue(int(rects[page].top() + view.verticalScrollBar().value()))
    idle(window)
    shoot("pdf-page-view.png")

    window.close()
    archive.close()
    QApplication.clipboard().clear()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else str(ROOT / "docs" / "screenshots")))
