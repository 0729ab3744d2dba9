"""The package around a Word document's text: its ZIP parts read one by one (a damaged part that holds no text is
passed over), the relationships that name the main part, headers, footers and notes, and the core properties.
Elements are matched by local name, so ISO 29500 Strict files read like transitional ones.
"""

from __future__ import annotations

import logging
import posixpath
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from lxml import etree

from archivist.core.extract import fields
from archivist.core.extract.base import ExtractionError, Metadata

log = logging.getLogger("archivist.extract")

_PARSER = etree.XMLParser(recover=True, resolve_entities=False, no_network=True, huge_tree=False)
_MAIN_RELATION = re.compile(r"/officeDocument$")


def open_package(path: Path) -> zipfile.ZipFile:
    try:
        return zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as error:
        raise ExtractionError(f"damaged Word document: {error}") from error


def part_xml(container: zipfile.ZipFile, name: str | None, required: bool = False) -> Any:
    """A part's XML root; None when it is missing or damaged (an error when the document itself is)."""
    if name is None:
        return None
    try:
        raw = container.read(name)
    except KeyError:
        if required:
            raise ExtractionError("damaged Word document: no document part") from None
        return None
    except (zipfile.BadZipFile, OSError, EOFError) as error:  # "Bad CRC-32 for file 'word/theme/theme1.xml'"
        if required:
            raise ExtractionError(f"damaged Word document: {error}") from error
        log.info("%s: skipped a damaged part: %s", name, error)
        return None
    root = etree.fromstring(raw, _PARSER) if raw.strip() else None
    if root is None and required:
        raise ExtractionError("damaged Word document: the document part is not XML")
    return root


def local_name(element: Any) -> str:
    tag = element.tag
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def child_named(element: Any, name: str) -> Any:
    return next((child for child in element if local_name(child) == name), None)


def relationships(container: zipfile.ZipFile, part: str) -> list[tuple[str, str]]:
    """(type, target part) of a part's relationships ("" for the package)."""
    folder, name = posixpath.split(part)
    root = part_xml(container, posixpath.join(folder, "_rels", f"{name}.rels"))
    if root is None:
        return []
    found = []
    for relation in root:
        target = relation.get("Target") or ""
        if relation.get("TargetMode") == "External" or not target:
            continue
        resolved = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
        found.append((relation.get("Type") or "", resolved))
    return found


def main_part(container: zipfile.ZipFile) -> str:
    for kind, target in relationships(container, ""):
        if _MAIN_RELATION.search(kind):
            return target
    return "word/document.xml"


def sibling(part: str, name: str) -> str:
    return posixpath.join(posixpath.dirname(part), name)


def core_part(container: zipfile.ZipFile) -> str | None:
    """The first core-properties part the package names (a file with two is read, not refused)."""
    for kind, target in relationships(container, ""):
        if kind.endswith("/core-properties"):
            return target
    return "docProps/core.xml"


def extra_parts(container: zipfile.ZipFile, main: str) -> Iterator[tuple[str, str]]:
    """Headers, footers, footnotes and endnotes of the main part, in a stable order."""
    relations = sorted(relationships(container, main), key=lambda pair: pair[1])
    for wanted, label in (("/header", "Header"), ("/footer", "Footer"), ("/footnotes", ""), ("/endnotes", "")):
        for kind, target in relations:
            if kind.endswith(wanted):
                yield label, target


def core_metadata(core: Any) -> Metadata:
    values: dict[str, str] = {}
    if core is not None:
        for element in core:
            text = (element.text or "").strip()
            if text:
                values.setdefault(local_name(element), text)
    return Metadata(
        title=fields.clean_title(values.get("title")),
        authors=fields.split_authors(values.get("creator")),
        issued=fields.iso_date(values.get("created")),
        language=fields.clean_title(values.get("language")),
        keywords=fields.split_keywords(values.get("keywords")),
        extra={"subject": values["subject"]} if values.get("subject") else {},
    )
