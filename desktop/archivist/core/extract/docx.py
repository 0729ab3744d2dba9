"""Word documents (.docx, .docm, .dotx, .dotm) read straight from their XML parts with lxml.

python-docx, which read them before, refused real files (issue 14): templates and macro documents by their content
type, a damaged theme part by its checksum, a second core-properties part; and it skipped text in content controls
(w:sdt), text boxes and nested tables. Here every part is read on its own (a damaged part that holds no text is
passed over), elements are matched by local name (so ISO 29500 Strict files read too), and the body is walked in
order: paragraphs, tables (rows on lines, cells by tabs), content controls, text boxes as paragraphs of their own.
Headers, footers, footnotes and endnotes follow the body, each marked as such ("[Header]", "[Footnote 2]").
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from archivist.core.extract import fields
from archivist.core.extract.base import Extracted
from archivist.core.extract.builder import TextBuilder
from archivist.core.extract.docx_package import (
    child_named,
    core_metadata,
    core_part,
    extra_parts,
    local_name,
    main_part,
    open_package,
    part_xml,
    sibling,
)
from archivist.core.extract.text import title_from_text

log = logging.getLogger("archivist.extract")

_HEADING_STYLE = re.compile(r"heading\s*(\d)", re.IGNORECASE)
# Text inside these is not the document's text: deleted runs, field codes, the fallback copy of a text box.
_SKIPPED = frozenset({"delText", "instrText", "Fallback", "del", "moveFrom"})
_NOTE_KINDS = {"footnotes": "Footnote", "endnotes": "Endnote"}


def extract(path: Path) -> Extracted:
    with open_package(path) as container:
        main = main_part(container)
        root = part_xml(container, main, required=True)
        styles = _heading_styles(part_xml(container, sibling(main, "styles.xml")))
        builder = TextBuilder()
        first_title = _body(builder, child_named(root, "body") if root is not None else None, styles)
        for label, part in extra_parts(container, main):
            _marked_part(builder, label, part_xml(container, part))
        metadata = core_metadata(part_xml(container, core_part(container)))
    metadata.title = metadata.title or first_title or fields.title_line(title_from_text(builder.text))
    return Extracted("docx", builder.text, builder.result_pages(), metadata, builder.headings)


def _heading_styles(styles: Any) -> dict[str, int]:
    """Style id -> heading level, for "Title" and "heading N" (also localised names via the style id)."""
    levels: dict[str, int] = {}
    if styles is None:
        return levels
    for style in styles:
        if local_name(style) != "style":
            continue
        style_id = next((value for key, value in style.attrib.items() if key.endswith("styleId")), "")
        name_element = child_named(style, "name")
        name = next((value for key, value in name_element.attrib.items() if key.endswith("val")), "") \
            if name_element is not None else ""
        if name.lower() == "title":
            levels[style_id] = 1
            continue
        match = _HEADING_STYLE.fullmatch(name) or _HEADING_STYLE.fullmatch(style_id)
        if match and match.group(1) != "0":
            levels[style_id] = int(match.group(1))
    return levels


def _body(builder: TextBuilder, body: Any, styles: dict[str, int]) -> str | None:
    """Add the body's blocks; returns the text of the first level-1 heading (the title when none is set)."""
    title: list[str] = []
    if body is not None:
        _blocks(builder, body, styles, title)
    return title[0] if title else None


def _blocks(builder: TextBuilder, container: Any, styles: dict[str, int], title: list[str]) -> None:
    for element in container:
        name = local_name(element)
        if name == "p":
            _paragraph(builder, element, styles, title)
        elif name == "tbl":
            builder.paragraph(_table(element))
        elif name in ("sdt", "sdtContent", "customXml", "smartTag", "ins", "moveTo"):
            _blocks(builder, element, styles, title)


def _paragraph(builder: TextBuilder, paragraph: Any, styles: dict[str, int], title: list[str]) -> None:
    boxes: list[Any] = []
    text = _inline_text(paragraph, boxes)
    level = styles.get(_style_id(paragraph) or "")
    if level is None:
        builder.paragraph(text)
    else:
        builder.heading(text, level)
        if level == 1 and not title and text.strip():
            title.append(" ".join(text.split()))
    for box in boxes:  # a text box's paragraphs come after the paragraph that anchors it
        _blocks(builder, box, styles, title)


def _style_id(paragraph: Any) -> str | None:
    properties = child_named(paragraph, "pPr")
    style = child_named(properties, "pStyle") if properties is not None else None
    if style is None:
        return None
    return next((value for key, value in style.attrib.items() if key.endswith("val")), None)


def _inline_text(element: Any, boxes: list[Any]) -> str:
    """The text of a paragraph's runs, content controls and hyperlinks; text boxes are collected in ``boxes``."""
    parts: list[str] = []
    for child in element:
        name = local_name(child)
        if name in _SKIPPED:
            continue
        if name == "txbxContent":
            boxes.append(child)
        elif name == "t":
            parts.append(child.text or "")
        elif name == "tab":
            parts.append("\t")
        elif name in ("br", "cr"):
            parts.append("\n")
        elif name == "noBreakHyphen":
            parts.append("-")
        elif name != "pPr":
            parts.append(_inline_text(child, boxes))
    return "".join(parts)


def _table(table: Any) -> str:
    """Rows on lines, cells separated by tabs (a cell's paragraphs joined by spaces; nested tables inline)."""
    rows = []
    for row in _descendant_rows(table):
        cells = [" ".join(_cell_text(cell).split()) for cell in _cells(row)]
        if any(cells):
            rows.append("\t".join(cells))
    return "\n".join(rows)


def _descendant_rows(table: Any) -> Iterator[Any]:
    for child in table:
        name = local_name(child)
        if name == "tr":
            yield child
        elif name in ("sdt", "sdtContent", "customXml"):
            yield from _descendant_rows(child)


def _cells(row: Any) -> Iterator[Any]:
    for child in row:
        name = local_name(child)
        if name == "tc":
            yield child
        elif name in ("sdt", "sdtContent", "customXml"):
            yield from _cells(child)


def _cell_text(cell: Any) -> str:
    builder = TextBuilder()
    _blocks(builder, cell, {}, [])
    return builder.text


def _marked_part(builder: TextBuilder, label: str, root: Any) -> None:
    """A header or footer as one marked paragraph; each footnote or endnote as its own, with its number."""
    if root is None:
        return
    if label:
        part = TextBuilder()
        _blocks(part, root, {}, [])
        if part.text.strip():
            builder.paragraph(f"[{label}] {part.text}")
        return
    kind = _NOTE_KINDS.get(local_name(root), "Note")
    for note in root:
        note_id = next((value for key, value in note.attrib.items() if key.endswith("}id") or key == "id"), "")
        kind_attribute = next((value for key, value in note.attrib.items() if key.endswith("type")), "normal")
        if kind_attribute != "normal":
            continue  # separators and continuation notices
        part = TextBuilder()
        _blocks(part, note, {}, [])
        if part.text.strip():
            builder.paragraph(f"[{kind} {note_id}] {part.text}")


