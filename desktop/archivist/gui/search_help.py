"""Help ▸ Search Syntax: the query language, with examples that work on the sample archive (click to run)."""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

# (query, what it finds): each finds something in the two sample articles (tests/gui/test_window_more.py runs them)
EXAMPLES = [
    ("coalition civilians", "documents with both words first, then those with either"),
    ('"US-led coalition"', "the exact phrase"),
    ("coalition AND civilians", "both words"),
    ("Manbij OR Guterres", "either word"),
    ("coalition NOT Manbij", "the first word without the second"),
    ("civil*", "words that begin so: civilian, civilians, civil…"),
    ("airstrke~", "a misspelt word, found anyway (fuzzy)"),
    ("format:text", "by field: format, title, author, site, tag, language"),
]
# forms whose results depend on metadata the samples do not carry (dates, authors, tags)
FORMS = [
    ("date:2016", "issued in 2016"),
    ("date:[2016 to 2017]", "issued from 2016 to 2017"),
    ('author:guterres', "by an author"),
    ('tag:"to check"', "tagged so (tags are yours: set them in Details)"),
    ('site:"Press TV"', "from a site or publisher"),
]


def syntax_html() -> str:
    def rows(pairs: list[tuple[str, str]], linked: bool) -> str:
        cells = []
        for query, meaning in pairs:
            shown = escape(query)
            code = f'<a href="search:{escape(query, quote=True)}"><code>{shown}</code></a>' if linked else \
                f"<code>{shown}</code>"
            cells.append(f"<tr><td>{code}</td><td>&nbsp;&nbsp;{escape(meaning)}</td></tr>")
        return "<table>" + "".join(cells) + "</table>"

    return ("<h3>Searching the archive</h3><p>Type in the search field (Ctrl+F). Click an example to run it.</p>"
            + rows(EXAMPLES, linked=True)
            + "<h4>Fields and dates</h4>" + rows(FORMS, linked=True)
            + "<p>Combine them: <code>coalition date:2016 NOT tag:checked</code>. Results list the passages "
              "with their pages; Find in Document (Ctrl+Shift+F) searches the open document only.</p>")


class SearchSyntaxDialog(QDialog):
    def __init__(self, run_query: Callable[[str], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Search Syntax")
        self.setAccessibleName("Search syntax help")
        self.browser = QTextBrowser(self)
        self.browser.setOpenLinks(False)
        self.browser.setHtml(syntax_html())
        self.browser.anchorClicked.connect(lambda url: self._run(url, run_query))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, parent=self)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
        self.resize(620, 520)

    def _run(self, url: QUrl, run_query: Callable[[str], None]) -> None:
        text = url.toString()
        if text.startswith("search:"):
            run_query(text.removeprefix("search:"))
