"""Word documents (.docx) through python-docx: paragraphs and tables in body order, core properties."""

from __future__ import annotations

import logging
import re
import zipfile
from pathlib import Path
from typing import Any

from archivist.core.extract import fields
from archivist.core.extract.base import Extracted, ExtractionError, Metadata
from archivist.core.extract.builder import TextBuilder
from archivist.core.extract.text import title_from_text

log = logging.getLogger("archivist.extract")

_HEADING_STYLE = re.compile(r"heading\s*(\d)", re.IGNORECASE)


def extract(path: Path) -> Extracted:
    document = _open(path)
    builder = TextBuilder()
    first_title: str | None = None
    for block in document.iter_inner_content():
        if hasattr(block, "rows"):
            builder.paragraph(_table_text(block))
            continue
        level = _heading_level(block)
        if level is None:
            builder.paragraph(block.text)
        else:
            builder.heading(block.text, level)
            if level == 1 and first_title is None and block.text.strip():
                first_title = " ".join(block.text.split())
    metadata = _metadata(document.core_properties)
    metadata.title = metadata.title or first_title or title_from_text(builder.text)
    return Extracted("docx", builder.text, builder.result_pages(), metadata, builder.headings)


def _open(path: Path) -> Any:
    import docx

    try:
        return docx.Document(str(path))
    except KeyError as error:
        # mammoth's strict-format.docx: ISO 29500 Strict uses other relationship URIs than python-docx knows.
        if "officeDocument" in str(error) and _is_strict(path):
            raise ExtractionError(
                "Word document in Strict Open XML format, which Archivist cannot read"
            ) from error
        raise ExtractionError(f"damaged Word document: {error}") from error
    except (zipfile.BadZipFile, ValueError) as error:
        raise ExtractionError(f"damaged Word document: {error}") from error


def _is_strict(path: Path) -> bool:
    try:
        with zipfile.ZipFile(path) as archive:
            return b"purl.oclc.org/ooxml" in archive.read("_rels/.rels")
    except (KeyError, zipfile.BadZipFile, OSError):
        return False


def _heading_level(paragraph: Any) -> int | None:
    """1 for "Title", N for "Heading N" (also localised "Überschrift 1" via the style id), else None."""
    try:
        style = paragraph.style
    except (KeyError, ValueError):  # a style id that styles.xml does not define
        return None
    if style is None:
        return None
    name = style.name or ""
    if name == "Title":
        return 1
    match = _HEADING_STYLE.fullmatch(name) or _HEADING_STYLE.fullmatch(style.style_id or "")
    return int(match.group(1)) if match and match.group(1) != "0" else None


def _table_text(table: Any) -> str:
    """Rows on lines, cells separated by tabs; a merged cell is written once."""
    rows = []
    for row in table.rows:
        cells: list[str] = []
        previous = None
        for cell in row.cells:
            if cell._tc is previous:  # merged cells repeat the same <w:tc> (python-docx)
                continue
            previous = cell._tc
            cells.append(" ".join(cell.text.split()))
        if any(cells):
            rows.append("\t".join(cells))
    return "\n".join(rows)


def _metadata(properties: Any) -> Metadata:
    return Metadata(
        title=fields.clean_title(properties.title),
        authors=fields.split_authors(properties.author),
        issued=fields.iso_date(properties.created),
        language=fields.clean_title(properties.language),
        keywords=fields.split_keywords(properties.keywords),
        extra={"subject": properties.subject} if properties.subject else {},
    )
