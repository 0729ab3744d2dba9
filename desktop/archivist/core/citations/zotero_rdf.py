"""Zotero RDF (the RDF/XML Zotero itself exports and imports, "Zotero RDF" in its export menu).

Written from the CSL items like every other format; lxml builds the XML, so every value is escaped. The element
shapes follow Zotero's translator (translators/Zotero RDF.js): bib:Article/bib:Book/… with z:itemType,
bib:authors as an rdf:Seq of foaf:Person, the container as dcterms:isPartOf.
"""

from __future__ import annotations

from typing import Any

from lxml import etree

from archivist.core.citations.csl import CslItem

NS = {
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#", "z": "http://www.zotero.org/namespaces/export#",
    "dc": "http://purl.org/dc/elements/1.1/", "foaf": "http://xmlns.com/foaf/0.1/",
    "bib": "http://purl.org/net/biblio#", "dcterms": "http://purl.org/dc/terms/",
    "prism": "http://prismstandard.org/namespaces/1.2/basic/", "link": "http://purl.org/rss/1.0/modules/link/",
}  # fmt: skip
# CSL type -> (Zotero item type, RDF class, container class)
TYPES = {
    "article-journal": ("journalArticle", "Article", "Journal"),
    "article-newspaper": ("newspaperArticle", "Article", "Newspaper"),
    "article-magazine": ("magazineArticle", "Article", "Periodical"),
    "book": ("book", "Book", None), "chapter": ("bookSection", "BookSection", "Book"),
    "paper-conference": ("conferencePaper", "Article", "Journal"), "report": ("report", "Report", None),
    "thesis": ("thesis", "Thesis", None), "webpage": ("webpage", "Document", "Website"),
    "post-weblog": ("blogPost", "Document", "Website"), "manuscript": ("manuscript", "Manuscript", None),
}  # fmt: skip


def write(items: list[CslItem]) -> str:
    root = etree.Element(_name("rdf:RDF"), nsmap=NS)
    for number, item in enumerate(items, start=1):
        root.append(_item(item, number))
    return etree.tostring(root, pretty_print=True, xml_declaration=True, encoding="UTF-8").decode("utf-8")


def _item(item: CslItem, number: int) -> Any:
    zotero_type, rdf_class, container_class = TYPES.get(item["type"], ("document", "Document", None))
    element = etree.Element(_name(f"bib:{rdf_class}"), {_name("rdf:about"): f"#item_{number}"})
    _text(element, "z:itemType", zotero_type)
    if item.get("container-title") or item.get("volume") or item.get("issue"):
        part = etree.SubElement(element, _name("dcterms:isPartOf"))
        container = etree.SubElement(part, _name(f"bib:{container_class or 'Journal'}"))
        _text(container, "dc:title", item.get("container-title"))
        _text(container, "prism:volume", item.get("volume"))
        _text(container, "prism:number", item.get("issue"))
    if item.get("publisher"):
        publisher = etree.SubElement(etree.SubElement(element, _name("dc:publisher")), _name("foaf:Organization"))
        _text(publisher, "foaf:name", item["publisher"])
    if item.get("author"):
        sequence = etree.SubElement(etree.SubElement(element, _name("bib:authors")), _name("rdf:Seq"))
        for name in item["author"]:
            person = etree.SubElement(etree.SubElement(sequence, _name("rdf:li")), _name("foaf:Person"))
            family = " ".join(part for part in (name.get("non-dropping-particle"), name.get("family")) if part)
            _text(person, "foaf:surname", name.get("literal") or family)
            _text(person, "foaf:givenName", name.get("given"))
    _text(element, "dc:title", item.get("title"))
    if item.get("issued"):
        _text(element, "dc:date", "-".join(f"{part:02d}" for part in item["issued"]["date-parts"][0]))
    if item.get("URL"):
        uri = etree.SubElement(etree.SubElement(element, _name("dc:identifier")), _name("dcterms:URI"))
        _text(uri, "rdf:value", item["URL"])
    if item.get("accessed"):
        _text(element, "dcterms:dateSubmitted", "-".join(f"{p:02d}" for p in item["accessed"]["date-parts"][0]))
    _text(element, "bib:pages", item.get("page"))
    _text(element, "dc:identifier", f"DOI {item['DOI']}" if item.get("DOI") else None)
    _text(element, "dc:identifier", f"ISBN {item['ISBN']}" if item.get("ISBN") else None)
    for keyword in str(item.get("keyword") or "").split(","):
        _text(element, "dc:subject", keyword.strip() or None)
    _text(element, "dcterms:abstract", item.get("abstract"))
    _text(element, "z:language", item.get("language"))
    _text(element, "dc:description", item.get("note"))  # only there when notes were asked for
    return element


def _name(prefixed: str) -> str:
    prefix, local = prefixed.split(":")
    return f"{{{NS[prefix]}}}{local}"


def _text(parent: Any, tag: str, value: object) -> None:
    if value:
        etree.SubElement(parent, _name(tag)).text = str(value)
