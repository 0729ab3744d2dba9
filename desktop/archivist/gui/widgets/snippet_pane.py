"""Under the results: the selected hit's snippets, matched words marked, each with its page."""

from __future__ import annotations

import html

from PySide6.QtCore import QUrl, Signal
from PySide6.QtWidgets import QTextBrowser, QWidget

from archivist.core.index import Snippet

MARK_STYLE = "background-color:#ffd60a; color:#1b1b1b; font-weight:600"


def snippet_html(snippet: Snippet) -> str:
    """One snippet as HTML: marked words tinted (Qt's rich text has no <mark>), the page as a link."""
    parts, cursor = [], 0
    for start, end in snippet.marks:
        parts.append(html.escape(snippet.text[cursor:start]))
        parts.append(f'<span style="{MARK_STYLE}">{html.escape(snippet.text[start:end])}</span>')
        cursor = end
    parts.append(html.escape(snippet.text[cursor:]))
    page = f'<a href="passage:{snippet.start}:{snippet.end}" style="text-decoration:none">p.&nbsp;{snippet.page}</a>'
    return f'<p style="margin-bottom:8px"><b>{page}</b>&nbsp;&nbsp;…{"".join(parts)}…</p>'


class SnippetPane(QTextBrowser):
    """Clicking a snippet's page asks the reader to show that passage."""

    passage_requested = Signal(int, int)  # start, end offsets in the document's text

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setObjectName("snippetPane")
        self.anchorClicked.connect(self._clicked)
        self.show_snippets([])

    def show_snippets(self, snippets: list[Snippet]) -> None:
        if not snippets:
            self.setHtml('<p style="color:gray">Select a result to see where it matches.</p>')
            return
        self.setHtml("".join(snippet_html(snippet) for snippet in snippets))

    def _clicked(self, url: QUrl) -> None:
        _scheme, start, end = url.toString().split(":")
        self.passage_requested.emit(int(start), int(end))
