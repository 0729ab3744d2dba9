"""Web pages made safe to show: no scripts, no event handlers, nothing loaded from anywhere.

Saved pages are hostile input: they carry trackers, scripts, ``<img src=http…>`` beacons, CSS ``url()``, and
links to ``file:`` paths. The reader shows them offline, so the sanitised HTML may only hold text structure,
images embedded as ``data:image/…``, and plain links (http, https, mailto, ftp, or ``#anchors``), which the GUI
opens only when the user clicks one, in the user's browser.
"""

from __future__ import annotations

import nh3

TAGS = frozenset({
    "a", "abbr", "acronym", "address", "article", "aside", "b", "bdi", "bdo", "blockquote", "br", "caption",
    "cite", "code", "col", "colgroup", "dd", "del", "details", "dfn", "div", "dl", "dt", "em", "figcaption",
    "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "i", "img", "ins", "kbd",
    "li", "main", "mark", "nav", "ol", "p", "pre", "q", "rp", "rt", "ruby", "s", "samp", "section", "small",
    "span", "strike", "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "time",
    "tr", "tt", "u", "ul", "var", "wbr",
})
# Dropped with everything inside them, not just unwrapped: their content is code, not text.
CONTENT_TAGS = frozenset({"script", "style", "template", "noscript", "iframe", "object", "embed", "svg", "math",
                          "canvas", "audio", "video", "form", "select", "textarea", "button", "head", "title"})
# No "style" anywhere (CSS url() loads, position tricks), no "on*" handlers, no srcset/background/poster.
ATTRIBUTES = {
    "*": {"title", "lang", "dir", "id"},
    "a": {"href", "name"},
    "img": {"src", "alt", "width", "height"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"},
    "col": {"span"},
    "ol": {"start", "type"},
    "time": {"datetime"},
    "abbr": {"title"},
    "q": {"cite"},
    "blockquote": {"cite"},
    "del": {"cite", "datetime"},
    "ins": {"cite", "datetime"},
}
LINK_SCHEMES = ("http://", "https://", "mailto:", "ftp://")
IMAGE_TYPES = ("data:image/png", "data:image/jpeg", "data:image/gif", "data:image/webp")


def _keep(tag: str, attribute: str, value: str) -> str | None:
    """The attribute's value if it loads nothing and leads nowhere local; None drops it."""
    bare = "".join(value.split()).lower()  # "java\tscript:" and " https:" are what browsers see
    if tag == "a" and attribute == "href":
        return value if bare.startswith(LINK_SCHEMES) or bare.startswith("#") else None
    if tag == "img" and attribute == "src":
        return value if bare.startswith(IMAGE_TYPES) else None  # an inline image loads nothing
    if attribute in {"cite"}:
        return None  # a URL attribute nobody follows; no reason to keep one that might be file:
    return value


def sanitize_html(html: str) -> str:
    """``html`` with every script, handler, style, frame, remote or local load and ``file:`` link removed."""
    return nh3.clean(
        html,
        tags=set(TAGS),
        clean_content_tags=set(CONTENT_TAGS),
        attributes={tag: set(names) for tag, names in ATTRIBUTES.items()},
        attribute_filter=_keep,
        url_schemes={"http", "https", "mailto", "ftp", "data"},
        link_rel="noopener noreferrer nofollow",
        strip_comments=True,
    )
