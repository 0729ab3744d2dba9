"""Markdown notes: front matter (YAML, or TOML as Hugo writes it) as metadata, "#" headings as headings."""

from __future__ import annotations

import logging
import re
import tomllib
from pathlib import Path
from typing import Any

import yaml

from archivist.core.extract import fields
from archivist.core.extract.base import Extracted, Metadata
from archivist.core.extract.builder import TextBuilder
from archivist.core.extract.header_blocks import header_metadata
from archivist.core.extract.text import decode_bytes, normalise_newlines, title_from_text

log = logging.getLogger("archivist.extract")

_FRONT_MATTER = re.compile(r"\A(---|\+\+\+)[ \t]*\n(.*?)\n(?:---|\.\.\.|\+\+\+)[ \t]*(?:\n|\Z)", re.DOTALL)
_ATX_HEADING = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
_SETEXT_UNDERLINE = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")


def extract(path: Path) -> Extracted:
    text = normalise_newlines(decode_bytes(path.read_bytes()))
    front, body = split_front_matter(text)
    builder = TextBuilder()
    _add_body(builder, body)
    # MultiMarkdown and e-mail style "Title: … / Author: …" lines open some notes instead of front matter
    metadata = _metadata(front) if front else header_metadata(body) or Metadata()
    if not builder.text and metadata.title:
        # Hugo's section pages (_index.md) are front matter only: their title and summary are the text.
        builder.heading(metadata.title, 1)
        builder.paragraph(metadata.extra.get("description", ""))
    if not metadata.title:
        first_heading = (
            builder.text[builder.headings[0].start : builder.headings[0].end] if builder.headings else ""
        )
        metadata.title = first_heading or title_from_text(builder.text)
    return Extracted("markdown", builder.text, builder.result_pages(), metadata, builder.headings)


def split_front_matter(text: str) -> tuple[dict[str, Any], str]:
    """The front matter as a mapping and the body after it; ({}, text) when there is none or it is broken."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, text
    try:
        raw = match.group(2)
        data = tomllib.loads(raw) if match.group(1) == "+++" else yaml.safe_load(raw)
    except (yaml.YAMLError, tomllib.TOMLDecodeError, ValueError) as error:
        log.info(
            "front matter is not valid, kept as text: %s", str(error).splitlines()[0] if str(error) else error
        )
        return {}, text
    if not isinstance(data, dict):
        return {}, text  # "---" fencing a paragraph, not a mapping
    return data, text[match.end() :]


def _add_body(builder: TextBuilder, body: str) -> None:
    """Blocks separated by blank lines; ATX and setext headings; fenced code kept whole."""
    block: list[str] = []
    fence: str | None = None
    for line in body.split("\n"):
        if fence is not None:
            block.append(line)
            if line.strip().startswith(fence):
                fence = None
            continue
        opening = _FENCE.match(line)
        heading = _ATX_HEADING.match(line)
        if opening:
            fence = opening.group(1)
            block.append(line)
        elif heading and heading.group(2):
            _flush(builder, block)
            builder.heading(heading.group(2), len(heading.group(1)))
        elif len(block) == 1 and _SETEXT_UNDERLINE.match(line) and not _FENCE.match(block[0]):
            builder.heading(block.pop(), 1 if line.strip().startswith("=") else 2)
        elif not line.strip():
            _flush(builder, block)
        else:
            block.append(line.rstrip())
    _flush(builder, block)


def _flush(builder: TextBuilder, block: list[str]) -> None:
    if block:
        builder.paragraph("\n".join(block))
        block.clear()


def _metadata(front: dict[str, Any]) -> Metadata:
    """Metadata from the usual front matter keys of Hugo, Jekyll, Pandoc and Obsidian."""
    lowered = {str(key).lower(): value for key, value in front.items()}

    def first(*keys: str) -> Any:
        return next((lowered[key] for key in keys if lowered.get(key) not in (None, "", [])), None)

    authors = first("authors", "author", "creator")
    metadata = Metadata(
        title=fields.clean_title(first("title")),
        authors=fields.clean_authors(authors) if isinstance(authors, list) else fields.split_authors(authors),
        issued=fields.iso_date(first("date", "publishdate", "published", "issued", "created")),
        publisher=fields.clean_title(first("publisher")),
        site=fields.clean_title(first("site", "sitename", "site_name")),
        url=_text(first("url", "link", "source", "canonical")),
        language=_text(first("lang", "language")),
        keywords=fields.split_keywords(
            _list(first("tags")) + _list(first("categories")) + _list(first("keywords"))
        ),
    )
    description = _text(first("description", "summary", "abstract"))
    if description:
        metadata.extra["description"] = description
    return metadata


def _list(value: Any) -> list[Any]:
    if value is None:
        return []
    if isinstance(value, (list, tuple)):
        return [item for item in value if isinstance(item, (str, int, float))]
    return fields.split_keywords(value) if isinstance(value, str) else []


def _text(value: Any) -> str | None:
    if not isinstance(value, (str, int, float)):
        return None
    return " ".join(str(value).split()) or None
