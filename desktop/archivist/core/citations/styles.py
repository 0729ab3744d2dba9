"""Formatted citations and bibliography entries: citeproc-py over the CSL files in ``resources/csl``."""

from __future__ import annotations

import html
import io
import re
import threading
from dataclasses import dataclass
from functools import cache
from typing import Any

from archivist.core.citations.csl import CslItem
from archivist.core.citations.stylefix import fixed_style
from archivist.core.errors import InvalidInputError
from archivist.core.paths import resources_dir


@dataclass(frozen=True, slots=True)
class StyleInfo:
    name: str
    label: str
    file: str
    locale: str


STYLES: dict[str, StyleInfo] = {
    style.name: style
    for style in (
        StyleInfo("apa", "APA (7th edition)", "apa.csl", "en-US"),
        StyleInfo("chicago", "Chicago (author-date)", "chicago-author-date.csl", "en-US"),
        StyleInfo("mla", "MLA (9th edition)", "modern-language-association.csl", "en-US"),
        # Cite Them Right is a British style: "Accessed: 1 May 2024", not "May 1, 2024"
        StyleInfo("harvard", "Harvard (Cite Them Right)", "harvard-cite-them-right.csl", "en-GB"),
    )
}
DEFAULT_STYLE = "apa"
# citeproc-py keeps state in style objects while rendering: one renderer at a time
_render_lock = threading.Lock()


def style_info(name: str) -> StyleInfo:
    try:
        return STYLES[name]
    except KeyError:
        raise InvalidInputError(f"unknown style {name!r}: use one of {', '.join(STYLES)}") from None


@cache
def _style(name: str) -> Any:
    from citeproc import CitationStylesStyle  # imported on first use: citeproc-py is slow to load

    info = style_info(name)
    xml = fixed_style(resources_dir() / "csl" / info.file)
    return CitationStylesStyle(io.BytesIO(xml), locale=info.locale, validate=False)


def _prepared(items: list[CslItem], as_html: bool) -> list[CslItem]:
    """Items for citeproc: internal ids, no note, and text HTML-escaped for HTML (citeproc-py escapes none)."""
    prepared = []
    for number, item in enumerate(items):
        copy = {key: value for key, value in item.items() if key != "note"}
        copy["id"] = f"item{number}"  # citeproc-py lowercases ids; ours may be pinned with capitals
        prepared.append(_escaped(copy) if as_html else copy)
    return prepared


def _escaped(value: Any) -> Any:
    if isinstance(value, str):
        return html.escape(value, quote=False)
    if isinstance(value, list):
        return [_escaped(part) for part in value]
    if isinstance(value, dict):
        return {key: value if key in ("id", "type") else _escaped(value) for key, value in value.items()}
    return value


def _bibliography(items: list[CslItem], style: str, as_html: bool) -> Any:
    from citeproc import CitationStylesBibliography, formatter
    from citeproc.source.json import CiteProcJSON

    source = CiteProcJSON(_prepared(items, as_html))
    return CitationStylesBibliography(_style(style), source, formatter.html if as_html else formatter.plain)


def bibliography(items: list[CslItem], style: str, as_html: bool = False) -> list[str]:
    """Bibliography entries in the style's order, one string per document."""
    from citeproc import Citation, CitationItem

    if not items:
        return []
    with _render_lock:
        bib = _bibliography(items, style, as_html)
        # registered without a locator: citeproc-py would carry a cited page into the reference list
        bib.register(Citation([CitationItem(f"item{number}") for number in range(len(items))]))
        entries = [_tidy(str(entry)) for entry in bib.bibliography()]
    titles = [_escaped(item["title"]) if as_html else item["title"]
              for item in items if not item.get("author") and item.get("title")]
    return [_fixed(entry, STYLES[style], titles) for entry in entries]


def citation(items: list[CslItem], style: str, as_html: bool = False, page: str | None = None,
             label: str = "page") -> str:
    """The in-text citation of the items ("(Doe, 2016, p. 3)"); ``page`` applies to the first item.

    ``label`` is the locator's kind: "page", "paragraph" ("para. 4") or "chapter" ("chap. 2").
    """
    from citeproc import Citation, CitationItem
    from citeproc.source import Locator

    with _render_lock:
        bib = _bibliography(items, style, as_html)
        cited = [CitationItem(f"item{number}") for number in range(len(items))]
        if page:
            cited[0] = CitationItem("item0", locator=Locator(label, page))
        cite = Citation(cited)
        bib.register(cite)
        text = _tidy(str(bib.cite(cite, lambda _item: None)))
    if page and label == "chapter" and "ch" not in text:
        # APA's and Chicago's styles print a chapter locator bare ("(Doe, 2016, 4)"): say what it counts
        text = re.sub(rf"([ ,]){re.escape(page)}\)$", lambda match: f"{match.group(1)}chap. {page})", text)
    return _fixed(text, STYLES[style], [])


def _fixed(text: str, info: StyleInfo, substituted_titles: list[str]) -> str:
    """Undo two citeproc-py 0.11 slips that the CSL spec rules out (see ``stylefix`` for the others)."""
    for title in substituted_titles:
        text = _without_repeat(text, title)
    if info.locale == "en-US":
        # en-US sets punctuation-in-quote: “Title.” not “Title”. (citeproc-py ignores the locale option)
        text = _PUNCTUATION_AFTER_QUOTE.sub(r"\2\1", text)
    return text


_PUNCTUATION_AFTER_QUOTE = re.compile(r"(”)([.,])")


def _without_repeat(text: str, title: str) -> str:
    """A title that stood in for a missing author is printed once, not again in its own place.

    CSL says a substituted variable is suppressed in the rest of the entry; citeproc-py prints it twice
    (APA: "Title. (2016). Title. Press TV.").
    """
    pattern = re.compile(r"[“‘\"]?" + re.escape(title) + r"[.,]?[”’\"]?[.,]?\s*", re.IGNORECASE)
    matches = list(pattern.finditer(text))
    if len(matches) < 2:
        return text
    second = matches[1]
    return (text[: second.start()] + text[second.end():]).rstrip()


def _tidy(text: str) -> str:
    """One line without doubled spaces (citeproc-py leaves some where an empty group was)."""
    return " ".join(text.split())
