"""Saved web pages: the article text through trafilatura, with the page's title, authors, date and site.

Nothing here touches the network: trafilatura and htmldate are only ever given a parsed tree, never a
string they could take for a URL.
"""

from __future__ import annotations

import codecs
import copy
import logging
import re
from pathlib import Path
from typing import Any

import lxml.html
from lxml import etree

from archivist.core.extract import fields, web_metadata
from archivist.core.extract.base import Extracted, ExtractionError, Metadata
from archivist.core.extract.blocks import HTML_ROLES, TRAFILATURA_ROLES, add_blocks
from archivist.core.extract.builder import TextBuilder
from archivist.core.extract.text import decode_bytes

log = logging.getLogger("archivist.extract")
# trafilatura and htmldate log "discarding data" and the like at WARNING for pages they find thin.
for _name in ("trafilatura", "htmldate", "courlan", "justext"):
    logging.getLogger(_name).setLevel(logging.ERROR)

_DECLARED_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]+)""", re.IGNORECASE)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_META_TITLES = (
    "//meta[@property='og:title' or @name='og:title' or @name='twitter:title' or @property='twitter:title'"
    " or translate(@name, 'DCTITLE', 'dctitle')='dc.title' or @property='dc:title']/@content"
)


def extract(path: Path) -> Extracted:
    tree = parse_html(decode_html(path.read_bytes()))
    page = _page_facts(tree)
    document = _trafilatura(tree)
    builder = TextBuilder()
    if document is not None and document.body is not None:
        add_blocks(builder, document.body, TRAFILATURA_ROLES)
    if not builder.text.strip():
        # trafilatura keeps nothing of very short pages or of pages that are all navigation.
        builder = TextBuilder()
        body = tree.find("body")
        add_blocks(builder, body if body is not None else tree, HTML_ROLES)
    if document is None:
        document = _metadata_only(tree)
    metadata = _metadata(document, page, builder.text)
    metadata.issued = metadata.issued or _second_date(tree)
    return Extracted("html", builder.text, builder.result_pages(), metadata, builder.headings)


def decode_html(raw: bytes) -> str:
    """Markup from bytes: UTF-8 when valid, else the declared charset, else charset-normalizer's guess.

    Valid UTF-8 wins over a declaration because saved pages are often re-encoded without updating it
    (readability test page "qq" declares gb2312 but is stored as UTF-8).
    """
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16", errors="replace")
    try:
        return raw.removeprefix(b"\xef\xbb\xbf").decode("utf-8")
    except UnicodeDecodeError:
        pass
    declared = _declared_codec(raw[:8192])
    if declared:
        try:
            return raw.decode(declared)
        except UnicodeDecodeError:
            log.info("page is not in its declared charset %s", declared)
    try:
        return decode_bytes(raw)
    except ExtractionError:
        return raw.decode("cp1252", errors="replace")


def _declared_codec(head: bytes) -> str | None:
    match = _DECLARED_CHARSET.search(head)
    if not match:
        return None
    try:
        name = codecs.lookup(match.group(1).decode("ascii")).name
    except (LookupError, UnicodeDecodeError):
        return None
    # Browsers read Latin-1 and ASCII labels as windows-1252 (WHATWG Encoding), and so do pages.
    return "cp1252" if name in ("latin-1", "iso8859-1", "ascii") else name


def parse_html(markup: str) -> Any:
    """An lxml.html document tree; raises ExtractionError when there is no markup to speak of."""
    markup = _XML_DECLARATION.sub("", markup, count=1)
    if not markup.strip():
        raise ExtractionError("empty web page")
    try:
        return lxml.html.document_fromstring(markup)
    except (etree.ParserError, ValueError) as error:
        raise ExtractionError(f"damaged web page: {error}") from error


def _page_facts(tree: Any) -> dict[str, Any]:
    """What the page says about itself, read before trafilatura gets to prune its copy."""
    title_text = " ".join(" ".join(tree.xpath("//head/title//text()")).split()) or None
    return {
        "title": title_text,
        "claims": web_metadata.page_claims(tree),
        "h1": [" ".join(" ".join(h.itertext()).split()) for h in tree.xpath("//h1")[:5]],
        "meta_title": bool(tree.xpath(_META_TITLES)),
        "url": _first_url(
            tree.xpath("//link[translate(@rel, 'CANONICAL', 'canonical')='canonical']/@href")
            + tree.xpath("//meta[@property='og:url' or @name='og:url']/@content")
        ),
        "language": (tree.get("lang") or tree.get("{http://www.w3.org/XML/1998/namespace}lang") or None),
    }


def _first_url(candidates: list[str]) -> str | None:
    for candidate in candidates:
        candidate = candidate.strip()
        if candidate.startswith(("http://", "https://")):
            return candidate
    return None


def _trafilatura(tree: Any) -> Any:
    """trafilatura's Document for the page (article body and metadata), or None when it keeps nothing."""
    import trafilatura

    try:
        return trafilatura.bare_extraction(
            tree,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            include_formatting=False,
            # Without the opportunistic text search htmldate takes copyright years for dates
            # (readability pages mozilla-1: "1998-01-01", mathjax: a future year); see _second_date.
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception as error:  # trafilatura's own bugs should cost the article, not the import
        log.warning("trafilatura failed: %s", error)
        return None


def _metadata_only(tree: Any) -> Any:
    from trafilatura.metadata import extract_metadata

    try:
        return extract_metadata(
            copy.deepcopy(tree), date_config={"extensive_search": False, "original_date": True}
        )
    except Exception as error:
        log.warning("trafilatura metadata failed: %s", error)
        return None


def _second_date(tree: Any) -> str | None:
    """htmldate's opportunistic search, minus its usual misreadings: New Year's days and future dates."""
    import datetime as dt

    from htmldate import find_date

    try:
        found = find_date(copy.deepcopy(tree), extensive_search=True, original_date=True)
    except Exception as error:
        log.info("htmldate failed: %s", error)
        return None
    issued = fields.iso_date(found)
    if not issued or issued.endswith("-01-01") or issued > dt.date.today().isoformat():
        return None
    return issued


def _metadata(document: Any, page: dict[str, Any], text: str) -> Metadata:
    get = (lambda name: getattr(document, name, None)) if document is not None else (lambda name: None)
    claims: web_metadata.PageClaims = page["claims"]
    site = fields.clean_title(get("sitename")) or claims.meta_site or get("hostname")
    metadata = Metadata(
        title=_headline(_title(get("title"), page), page, [site or "", claims.meta_site or "",
                                                           get("hostname") or "", claims.publisher or ""]),
        authors=(claims.authors or claims.meta_authors
                 or web_metadata.clean_web_authors(fields.split_authors(get("author")))),
        issued=claims.published or claims.meta_published or fields.iso_date(get("date")),
        site=site,
        url=page["url"] or _first_url([get("url") or ""]),
        language=page["language"] or get("language"),
        keywords=fields.split_keywords(claims.keywords or claims.meta_keywords or list(get("tags") or [])),
    )
    if get("description"):
        metadata.extra["description"] = get("description")
    metadata.title = metadata.title or fields.clean_title(text.split("\n", 1)[0][:200])
    return metadata


def _title(found: str | None, page: dict[str, Any]) -> str | None:
    """trafilatura's title, unless it only guessed it from a heading that the <title> contradicts.

    trafilatura prefers a lone <h1> to <title>; on readability's test pages that h1 is often a site
    banner ("Lorem", "Allergies Health Center") while <title> names the article.
    """
    found = fields.clean_title(found)
    title_element = fields.clean_title(page["title"])
    if found and (page["meta_title"] or not title_element):
        return found
    if found and title_element and found.casefold() in title_element.casefold():
        return found  # <title> with the site's name cut off
    return title_element or found


def _headline(title: str | None, page: dict[str, Any], site_names: list[str]) -> str | None:
    """The article's JSON-LD headline when the page's <title> or a heading bears it out, else ``title``;
    then without the site's name at its end.

    JSON-LD headlines are sometimes a description (Wikipedia: "constitutional monarchy in Oceania") or cut
    to 110 characters for search engines, so one is only taken when the page shows it too.
    """
    claims: web_metadata.PageClaims = page["claims"]
    headline = claims.headline
    shown = [page["title"] or "", *page["h1"], title or ""]
    if headline and any(headline.casefold() in text.casefold() for text in shown if text):
        title = headline
    elif claims.meta_title:
        title = fields.clean_title(claims.meta_title) or title  # Dublin Core is a cataloguer's title
    return web_metadata.without_site_suffix(title, site_names) if title else title
