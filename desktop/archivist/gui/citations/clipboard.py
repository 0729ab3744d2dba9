"""Citation payloads on the clipboard: plain text and HTML together, so word processors keep the italics."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QSettings
from PySide6.QtGui import QGuiApplication

from archivist.core.archive import Archive
from archivist.core.citations import join_entries
from archivist.core.citations.styles import DEFAULT_STYLE, STYLES

STYLE_SETTING = "citations/style"


def default_style(settings: QSettings) -> str:
    """The user's preferred style (APA unless they chose another in the citation dialog)."""
    style = str(settings.value(STYLE_SETTING, DEFAULT_STYLE))
    return style if style in STYLES else DEFAULT_STYLE


def citation_mime(archive: Archive, ids: list[int], style: str) -> QMimeData:
    """Bibliography entries of the documents as text/plain and text/html."""
    citations = archive.citations
    mime = QMimeData()
    mime.setText(join_entries(citations.bibliography(ids, style), as_html=False).rstrip("\n"))
    mime.setHtml(join_entries(citations.bibliography(ids, style, as_html=True), as_html=True))
    return mime


def quote_mime(archive: Archive, highlight_id: int, style: str, with_bibtex: bool = False) -> QMimeData:
    """A highlight as a quotation with its page; the BibTeX entry after it when asked."""
    citations = archive.citations
    text = citations.quote(highlight_id, style)
    html = citations.quote(highlight_id, style, as_html=True)
    if with_bibtex:
        entry = citations.bibtex([citations.highlight_document(highlight_id)])
        text = f"{text}\n\n{entry}"
        html = f"<p>{html}</p><pre>{_escape(entry)}</pre>"
    mime = QMimeData()
    mime.setText(text)
    mime.setHtml(html)
    return mime


def bibtex_mime(archive: Archive, ids: list[int]) -> QMimeData:
    mime = QMimeData()
    mime.setText(archive.citations.bibtex(ids))
    return mime


def put_on_clipboard(mime: QMimeData) -> None:
    QGuiApplication.clipboard().setMimeData(mime)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
