"""Paragraphs and headings from an element tree: HTML, XHTML (EPUB chapters) or trafilatura's XML.

Each element gets a role. Blocks (paragraphs, list items, headings, tables, preformatted text) become
paragraphs of the text; inline elements flow into the paragraph around them; "break" is a line break.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from archivist.core.extract.builder import TextBuilder

RoleOf = Callable[[Any], str]

_HTML_BLOCK_TAGS = [
    "p",
    "div",
    "section",
    "article",
    "main",
    "body",
    "header",
    "footer",
    "aside",
    "blockquote",
    "figure",
    "figcaption",
    "li",
    "dt",
    "dd",
    "ul",
    "ol",
    "dl",
    "address",
    "details",
    "summary",
    "hgroup",
    "caption",
    "center",
    "fieldset",
    "form",
    "nav",
    "hr",
]
_HTML_SKIPPED_TAGS = [
    "script",
    "style",
    "noscript",
    "template",
    "head",
    "title",
    "meta",
    "link",
    "svg",
    "math",
    "button",
    "select",
    "option",
    "input",
    "textarea",
    "iframe",
    "object",
    "canvas",
    "audio",
    "video",
]
_HTML_ROLE_BY_TAG = {
    **{f"h{level}": "heading" for level in range(1, 7)},
    **dict.fromkeys(_HTML_BLOCK_TAGS, "block"),
    **dict.fromkeys(_HTML_SKIPPED_TAGS, "skip"),
    "table": "table",
    "pre": "pre",
    "br": "break",
}
_TRAFILATURA_ROLE_BY_TAG = {
    "head": "heading",
    "p": "block",
    "list": "block",
    "item": "block",
    "quote": "block",
    "div": "block",
    "table": "table",
    "lb": "break",
    "graphic": "skip",
}
_BLOCK_ROLES = {"heading", "block", "table", "pre"}
_BREAK = "\ue000"  # stands for a line break while whitespace is collapsed
_WHITESPACE = re.compile(r"\s+")
_AROUND_BREAK = re.compile(r" ?\ue000 ?")


def local_name(element: Any) -> str:
    """The tag without namespace, lower case; "" for comments and processing instructions."""
    tag = element.tag
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1].lower()


def HTML_ROLES(element: Any) -> str:
    """The role of an (X)HTML element."""
    name = local_name(element)
    return _HTML_ROLE_BY_TAG.get(name, "inline") if name else "skip"


def TRAFILATURA_ROLES(element: Any) -> str:
    """The role of an element of trafilatura's XML (head, p, list, item, table, lb, ...)."""
    name = local_name(element)
    if name == "code":
        # trafilatura writes inline code and code blocks alike as <code>: a block has several lines.
        return "pre" if "\n" in "".join(element.itertext()).strip() else "inline"
    return _TRAFILATURA_ROLE_BY_TAG.get(name, "inline") if name else "skip"


def add_blocks(builder: TextBuilder, element: Any, role_of: RoleOf) -> None:
    """Append the paragraphs and headings under ``element`` (itself treated as a block)."""
    run: list[str] = [element.text or ""]
    for child in element:
        role = role_of(child)
        if role in _BLOCK_ROLES:
            _flush(builder, run)
            _add_block(builder, child, role, role_of)
        elif role == "break":
            run.append(_BREAK)
        elif role != "skip":
            run.append(inline_text(child, role_of))
        run.append(child.tail or "")
    _flush(builder, run)


def _add_block(builder: TextBuilder, element: Any, role: str, role_of: RoleOf) -> None:
    if role == "heading":
        builder.heading(_collapse(inline_text(element, role_of)).replace("\n", " "), _level(element))
    elif role == "table":
        builder.paragraph(_table_text(element, role_of))
    elif role == "pre":
        builder.paragraph("".join(element.itertext()).strip("\n"))
    else:
        add_blocks(builder, element, role_of)


def inline_text(element: Any, role_of: RoleOf) -> str:
    """The text of an element and everything in it, breaks kept as markers, tails of children included."""
    parts = [element.text or ""]
    for child in element:
        role = role_of(child)
        if role == "break":
            parts.append(_BREAK)
        elif role != "skip":
            parts.append(inline_text(child, role_of))
            if role in _BLOCK_ROLES:
                parts.append(_BREAK)
        parts.append(child.tail or "")
    return "".join(parts)


def _flush(builder: TextBuilder, run: list[str]) -> None:
    text = _collapse("".join(run))
    if text:
        builder.paragraph(text)
    run.clear()


def _collapse(text: str) -> str:
    """Whitespace runs become one space; break markers become newlines."""
    text = _WHITESPACE.sub(" ", text)
    return _AROUND_BREAK.sub("\n", text).strip()


def _level(element: Any) -> int:
    """h1..h6 by tag, or trafilatura's rend="h2"; 2 when unknown."""
    for name in (local_name(element), element.get("rend") or ""):
        if len(name) == 2 and name[0] == "h" and name[1] in "123456":
            return int(name[1])
    return 2


def _table_text(table: Any, role_of: RoleOf) -> str:
    """Rows on lines, cells separated by tabs (only this table's rows, not those of nested tables)."""
    rows = []
    for row in table.iter():
        if local_name(row) not in ("tr", "row") or _owning_table(row) is not table:
            continue
        cells = [
            _collapse(inline_text(cell, role_of)).replace("\n", " ")
            for cell in row
            if local_name(cell) in ("td", "th", "cell")
        ]
        if any(cells):
            rows.append("\t".join(cells))
    return "\n".join(rows)


def _owning_table(row: Any) -> Any:
    for ancestor in row.iterancestors():
        if local_name(ancestor) == "table":
            return ancestor
    return None
