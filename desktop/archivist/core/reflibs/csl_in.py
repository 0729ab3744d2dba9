"""Reading a CSL-JSON library (Zotero's "CSL JSON" export, citeproc items, pandoc's references)."""

from __future__ import annotations

import json
from typing import Any

from archivist.core.extract import fields
from archivist.core.reflibs.entry import EXTRA_FIELDS, RefEntry, display


def read(text: str) -> tuple[list[RefEntry], list[str]]:
    try:
        data = json.loads(text)
    except ValueError as error:
        return [], [f"not valid JSON: {error}"]
    items = data.get("items", data.get("references")) if isinstance(data, dict) else data
    if not isinstance(items, list):
        return [], ["not a CSL-JSON library: expected a list of items"]
    entries, problems = [], []
    for number, item in enumerate(items, start=1):
        if isinstance(item, dict) and (item.get("type") or item.get("title")):
            entries.append(entry_of(item))
        else:
            problems.append(f"item {number}: not a CSL-JSON item")
    return entries, problems


def entry_of(item: dict[str, Any]) -> RefEntry:
    ref = RefEntry(key=_text(item.get("citation-key") or item.get("id")),
                   csl_type=_text(item.get("type")) or "document",
                   source=json.dumps(item, ensure_ascii=False, indent=2) + "\n")
    ref.title = fields.clean_title(item.get("title"))
    people = [name for name in item.get("author") or item.get("editor") or [] if isinstance(name, dict)]
    ref.names = [{key: str(value) for key, value in name.items() if isinstance(value, (str, int))} for name in people]
    ref.authors = [name for name in map(_name, people) if name]
    ref.issued = _issued(item.get("issued"))
    container = _text(item.get("container-title"))
    if ref.csl_type in ("chapter", "paper-conference"):
        ref.csl["container-title"] = container or ""
    else:
        ref.site = container
    ref.publisher = _text(item.get("publisher"))
    ref.url = _text(item.get("URL"))
    ref.language = _text(item.get("language"))
    ref.keywords = fields.split_keywords(item.get("keyword"))
    for key in EXTRA_FIELDS:
        if key != "container-title" and _text(item.get(key)):
            ref.csl[key] = _text(item.get(key)) or ""
    ref.csl = {key: value for key, value in ref.csl.items() if value}
    return ref


def _text(value: Any) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if value is None or isinstance(value, (dict, bool)):
        return None
    return " ".join(str(value).split()) or None


def _name(name: Any) -> str | None:
    if not isinstance(name, dict):
        return _text(name)
    if name.get("literal"):
        return _text(name["literal"])
    family = " ".join(str(part) for part in (name.get("non-dropping-particle"), name.get("family")) if part)
    return display(" ".join(str(part) for part in (name.get("given"), name.get("dropping-particle")) if part),
                   family) or None


def _issued(issued: Any) -> str | None:
    if not isinstance(issued, dict):
        return fields.iso_date(issued)
    parts = (issued.get("date-parts") or [[]])[0]
    if parts:
        try:
            return fields.iso_date("-".join(f"{int(part):02d}" for part in parts[:3]))
        except (TypeError, ValueError):
            return None
    return fields.iso_date(issued.get("raw") or issued.get("literal"))
