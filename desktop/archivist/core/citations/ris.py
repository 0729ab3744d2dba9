"""RIS (the tagged format reference managers import): one ``TY`` … ``ER`` block per document."""

from __future__ import annotations

from archivist.core.citations.csl import CslItem
from archivist.core.citations.latex import clean
from archivist.core.citations.names import CslName

RIS_TYPES = {
    "article-newspaper": "NEWS", "article-magazine": "MGZN", "article-journal": "JOUR", "book": "BOOK",
    "report": "RPRT", "webpage": "ELEC", "post-weblog": "BLOG", "chapter": "CHAP", "paper-conference": "CONF",
    "thesis": "THES", "manuscript": "UNPB",
}


def ris_entry(item: CslItem) -> str:
    """One RIS record, lines ``XX  - value``, ending with ``ER  -``."""
    lines = [("TY", RIS_TYPES.get(item["type"], "GEN")), ("ID", item["id"])]
    lines += [("AU", ris_name(name)) for name in item.get("author", [])]
    lines.append(("TI", item.get("title", "")))
    if item.get("issued"):
        parts = item["issued"]["date-parts"][0]
        lines += [("PY", f"{parts[0]:04d}"), ("DA", _ris_date(parts))]
    lines += [("T2", item.get("container-title")), ("PB", item.get("publisher")), ("UR", item.get("URL"))]
    start, _, end = str(item.get("page") or "").partition("-")
    lines += [("VL", item.get("volume")), ("IS", item.get("issue") or item.get("number")), ("SP", start),
              ("EP", end), ("DO", item.get("DOI")), ("SN", item.get("ISBN") or item.get("ISSN")),
              ("CY", item.get("publisher-place")), ("AB", item.get("abstract"))]
    lines += [("KW", keyword.strip()) for keyword in str(item.get("keyword") or "").split(",") if keyword.strip()]
    if item.get("accessed"):
        lines.append(("Y2", _ris_date(item["accessed"]["date-parts"][0])))
    lines += [("LA", item.get("language")), ("N1", item.get("note"))]
    body = [f"{tag}  - {clean(str(value))}" for tag, value in lines if value]
    return "\n".join([*body, "ER  - "]) + "\n"


def ris_name(name: CslName) -> str:
    if "literal" in name:
        return str(name["literal"])
    family = " ".join(part for part in (name.get("non-dropping-particle"), name.get("family")) if part)
    return f"{family}, {name['given']}" if name.get("given") else family


def _ris_date(parts: list[int]) -> str:
    """RIS dates are ``YYYY/MM/DD/`` with empty parts left empty."""
    padded = [f"{parts[0]:04d}", *(f"{part:02d}" for part in parts[1:])]
    return "/".join(padded + [""] * (3 - len(padded))) + "/"


def write(items: list[CslItem]) -> str:
    return "\n".join(ris_entry(item) for item in items)
