"""What a saved web page says about its article: schema.org JSON-LD and <meta> tags, read before trafilatura.

Measured on Readability's 130 test pages (benchmarks/metadata_accuracy.py): the JSON-LD headline and authors
of an article are right more often than trafilatura's guesses, which take social-media titles ("Take your
next trip with Atlas Obscura!") and bylines with the date run in ("Laura June Topolsky July").
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from archivist.core.extract import fields

# schema.org types whose headline, author and datePublished describe the page's own article.
ARTICLE_TYPES = frozenset({
    "article", "newsarticle", "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle",
    "backgroundnewsarticle", "blogposting", "socialmediaposting", "liveblogposting", "techarticle",
    "scholarlyarticle", "report", "webpage", "itempage", "creativework", "medicalwebpage", "howto", "recipe",
    "discussionforumposting", "qapage", "aboutpage", "collectionpage", "videoobject", "review",
})  # fmt: skip
_CDATA = re.compile(r"^\s*(?://\s*)?<!\[CDATA\[|(?://\s*)?\]\]>\s*$")
# <meta> names and properties, in the order they are believed: Dublin Core before the generic and social
# ones (Readability's test pages 003/004 assert it), space-separated lists allowed ("x:title dc:title").
_AUTHOR_METAS = ("dc:creator", "dc.creator", "author", "article:author", "og:article:author", "parsely-author",
                 "sailthru.author", "byl", "dcterms.creator")
_DATE_METAS = ("article:published_time", "datepublished", "parsely-pub-date", "pubdate", "publish-date",
               "dc.date.issued", "dcterms.issued", "sailthru.date", "dc:date", "dc.date")
_SITE_METAS = ("og:site_name", "application-name")
_KEYWORD_METAS = ("keywords", "news_keywords", "article:tag")
_TITLE_METAS = ("dc:title", "dc.title", "dcterms.title")


@dataclass(slots=True)
class PageClaims:
    """The article's own metadata as the page states it in structured form; anything may be missing."""

    headline: str | None = None
    authors: list[str] = field(default_factory=list)
    published: str | None = None
    publisher: str | None = None
    keywords: list[str] = field(default_factory=list)
    meta_authors: list[str] = field(default_factory=list)
    meta_published: str | None = None
    meta_site: str | None = None
    meta_keywords: list[str] = field(default_factory=list)
    meta_title: str | None = None


def page_claims(tree: Any) -> PageClaims:
    claims = PageClaims()
    article = _first_article(tree)
    if article is not None:
        claims.headline = fields.clean_title(_text(article.get("headline")))
        claims.authors = _ld_names(article.get("author") or article.get("creator"))
        claims.published = fields.iso_date(_text(article.get("datePublished") or article.get("dateCreated")))
        claims.publisher = _ld_names(article.get("publisher"))[0] if _ld_names(article.get("publisher")) else None
        keywords = article.get("keywords")  # JSON-LD writers escape HTML in it too ("Privacy &amp; Technology")
        keywords = [html.unescape(str(k)) for k in keywords] if isinstance(keywords, list) else html.unescape(
            str(keywords or ""))
        claims.keywords = fields.split_keywords(keywords)
    metas = _metas(tree)
    # the first kind of author tag that names anyone; several tags of that kind are several authors
    claims.meta_authors = next(filter(None, (
        clean_web_authors([name for value in metas.get(kind, []) for name in _meta_names(value)])
        for kind in _AUTHOR_METAS)), [])
    claims.meta_published = next(filter(None, map(fields.iso_date, _values(metas, _DATE_METAS))), None)
    claims.meta_site = next(iter(_values(metas, _SITE_METAS)), None)
    claims.meta_keywords = fields.split_keywords(
        [word for value in _values(metas, _KEYWORD_METAS) for word in re.split(r"[;,]", value)])
    claims.meta_title = next(iter(_values(metas, _TITLE_METAS)), None)
    return claims


def _metas(tree: Any) -> dict[str, list[str]]:
    """Contents of the <meta> tags by each name or property they list (lowercased), in page order."""
    found: dict[str, list[str]] = {}
    for meta in tree.xpath("//meta[@content]"):
        # pages that escape twice ("Privacy &amp;amp; Technology") would split at the entity's ";"
        content = " ".join(html.unescape(meta.get("content") or "").split())
        names = f"{meta.get('name') or ''} {meta.get('property') or ''} {meta.get('itemprop') or ''}"
        for name in names.lower().split():
            if content:
                found.setdefault(name, []).append(content)
    return found


def _values(metas: dict[str, list[str]], names: tuple[str, ...]) -> list[str]:
    return [value for name in names for value in metas.get(name, [])]


def _first_article(tree: Any) -> dict[str, Any] | None:
    """The first JSON-LD object of an article type (inside @graph, lists and mainEntity too)."""
    for script in tree.xpath("//script[contains(translate(@type, 'LDJSON', 'ldjson'), 'ld+json')]"):
        # saved pages often wrap the JSON in <![CDATA[ … ]]> (Readability's test pages all do)
        text = _CDATA.sub("", script.text or "")
        try:
            data = json.loads(text, strict=False)
        except ValueError:
            continue  # broken JSON-LD is common; the <meta> tags and trafilatura remain
        for item in _objects(data):
            kinds = item.get("@type")
            kinds = kinds if isinstance(kinds, list) else [kinds]
            described = item.get("headline") or item.get("author") or item.get("datePublished")
            if described and any(isinstance(kind, str) and kind.lower() in ARTICLE_TYPES for kind in kinds):
                return item
    return None


def _objects(data: Any) -> Iterator[dict[str, Any]]:
    if isinstance(data, list):
        for part in data:
            yield from _objects(part)
    elif isinstance(data, dict):
        yield data
        for key in ("@graph", "mainEntity", "mainEntityOfPage"):
            if isinstance(data.get(key), (list, dict)):
                yield from _objects(data[key])


def _ld_names(value: Any) -> list[str]:
    """Names from a schema.org author/publisher: a string, a Person/Organization, or a list of them."""
    values = value if isinstance(value, list) else [value]
    names: list[str] = []
    for part in values:
        name = part.get("name") if isinstance(part, dict) else part
        text = _text(name)
        if text and not text.startswith(("http://", "https://")):
            names.append(text)
    return clean_web_authors(names)


def _meta_names(value: str) -> list[str]:
    value = " ".join(value.split())
    if not value or value.startswith(("http://", "https://", "@")):
        return []  # article:author is often a profile URL, twitter-like handles are not names
    return clean_web_authors(fields.split_authors(value))


def _text(value: Any) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("name") or value.get("@value")
    if not isinstance(value, str):
        return None
    return " ".join(value.split()) or None


# Words that are not names: labels pages put next to the byline, and what the byline is when it is not one.
_NOT_NAMES = re.compile(
    r"^(?:authority control|作者|著者|記者|编辑|author|authors|staff|follow(?: author)?|contributor|written by|by"
    r"|editor|editorial|admin|guest|share|comments?|more|home|menu|search|login|sign in|subscribe)$"
    r"|last updated|updated:|published:|\bversion\b|\d{1,2}:\d{2}|\d{4}",
    re.IGNORECASE,
)
# Credentials and roles after a name ("Brenda Goodman, MA", "Ben Silverman, Games Editor").
_AFTER_NAME = re.compile(
    r"\s*(?:,\s*)?\b(?:MA|MS|MD|PhD|Ph\.D\.|MPH|RN|Jr\.?|Games Editor|Senior \w+ Editor|\w+ Editor|Editor|"
    r"Staff Writer|Reporter|Correspondent)\s*$"
)
_MONTHS = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
           r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)")
_TRAILING_DATE = re.compile(rf"\s+{_MONTHS}\.?(\s+\d.*)?$")
# "Rob Ewaschuk Edited by Betsy Beyer" (google-sre-book-1): the editor is not an author
_OTHER_ROLE = re.compile(r"\s+(?:edited|reviewed|translated|photographs?|illustrations?|updated)\s+by\b.*$",
                         re.IGNORECASE)
_URL_IN_PARENS = re.compile(r"\s*\((?:https?://|www\.)[^)]*\)")


def _without_date(name: str) -> str:
    """ "Joshua Sokol May 4, 2015" and "Laura June Topolsky July" lose the date run into the byline; "Theresa
    May" keeps her name (a bare month is only cut after a name of two words or more)."""
    match = _TRAILING_DATE.search(name)
    if match and (match.group(1) or len(name[: match.start()].split()) >= 2):
        return name[: match.start()]
    return name


def clean_web_authors(names: list[str]) -> list[str]:
    """Names with bylines' debris taken off, and non-names ("Authority control", "作者") dropped."""
    cleaned = []
    for name in names:
        name = _URL_IN_PARENS.sub("", " ".join(name.split()))
        name = re.sub(r"^(?:by|par|von|door|por|di)\s+", "", name, flags=re.IGNORECASE).strip(" ,;|·-")
        name = _without_date(_OTHER_ROLE.sub("", name))
        name = _AFTER_NAME.sub("", name).strip(" ,;")
        if name and len(name) <= 80 and not _NOT_NAMES.search(name) and not name.startswith(("http", "@")):
            cleaned.append(name)
    return fields.clean_authors(cleaned)


# A site's name after the headline: "Headline | Site", "Headline - Site", "Headline_频道_腾讯网", "…：朝日新聞デジタル".
_SEPARATORS = re.compile(r"\s+[|\-–—·»:]\s+|\s*[|_：»]\s*|\s+::\s+")


def without_site_suffix(title: str, site_names: list[str]) -> str:
    """The headline with the site's name (and what follows it) cut off the end, when it is the site's."""
    known = [name.casefold() for name in site_names if name]
    parts = _SEPARATORS.split(title)
    if len(parts) < 2:
        return title
    separators = _SEPARATORS.findall(title)
    for cut in range(1, len(parts)):
        tail = [part.casefold().strip() for part in parts[cut:]]
        if any(_same_site(part, known) for part in tail):
            head = parts[0] + "".join(sep + part for sep, part in zip(separators[: cut - 1], parts[1:cut], strict=True))
            if len(head.strip()) >= 8:
                return head.strip()
    return title


def _same_site(part: str, known: list[str]) -> bool:
    squeezed = re.sub(r"[\s.\-]", "", part)
    for name in known:
        other = re.sub(r"[\s.\-]", "", name)
        host = re.sub(r"^www\.|\.(?:com|org|net|co\.uk|cz|de|fr)$", "", name)
        if squeezed and (squeezed == other or part == host or squeezed == re.sub(r"[\s.\-]", "", host)):
            return True
    return False
