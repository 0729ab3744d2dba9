"""Claims in a document's text: each figure that quantifies something, with what, who, where and how sure.

Rules over the text (no model): ``figures`` finds numbers, ``exclusions`` drops dates, ages, times and names,
``what`` says what is counted and ``attribution`` who says so. A small spaCy pipeline would parse better, but
no English model ships on PyPI from its makers, and parsing the 38,000-article news set would cost minutes
where the import budget for claims is seconds (issue 18: at most 15%).
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, fields
from operator import attrgetter
from typing import Any

from archivist.core.claims.attribution import Clauses, SentenceSources, cited_source, nominal_source, source_key
from archivist.core.claims.contrast import set_against
from archivist.core.claims.exclusions import duration_unit, not_a_claim, word_after
from archivist.core.claims.figures import Figure, find_figures, lower_text
from archivist.core.claims.patterns import trie
from archivist.core.claims.quantity import SEPARATOR, window
from archivist.core.claims.sentences import Sentences, page_at
from archivist.core.claims.vocabulary import CANONICAL_QUALIFIERS, MEASURE_NOUNS, QUALIFIERS
from archivist.core.claims.what import (
    EVENTS,
    REFERS_BACK,
    STOP,
    SentenceTokens,
    What,
    about_events,
    describe,
    describe_owner,
)

log = logging.getLogger("archivist.claims")
# At most one qualifier can end just before a figure, so a trie of them finds what the longest-first list did.
_QUALIFIER = re.compile(rf"\b({trie(QUALIFIERS)})[\s“\"‘'(]*$", re.IGNORECASE)
_QUALIFIER_LOWER = re.compile(rf"\b({trie(QUALIFIERS)})[\s“\"‘'(]*$")
_ENGLISH = frozenset(["the", "and", "of", "to", "in", "is", "was", "were", "are", "has", "have", "had", "that", "for",
                      "with", "by", "from", "on", "at", "it", "this", "said"])
_TOTAL_WORDS = ("since", "so far", "to date", "in total", "total", "overall", "altogether", "cumulative", "during",
                "campaign", "conflict", "war", "period")
_TOTAL = re.compile(rf"\b(?:{trie(_TOTAL_WORDS)}|between \d{{4}})\b", re.IGNORECASE)
_TOTAL_LOWER = re.compile(rf"\b(?:{trie(_TOTAL_WORDS)}|between \d{{4}})\b")
_WORDS = re.compile(r"[a-z][a-z'-]{4,}")
_WORD = re.compile(r"\s*\w+")
# Words every news story uses, which say nothing of what it is about.
_NOT_TOPICS = STOP | EVENTS.keys() | frozenset({
    "would", "there", "their", "about", "after", "reuter", "reuters", "percent", "million", "billion", "dlrs",
    "year", "years", "company", "people", "government", "official", "officials", "which", "could", "other",
    "today", "yesterday", "week", "month", "added", "under", "where", "while", "first", "second", "third",
    "minister", "president", "foreign", "national", "country", "state", "statement", "spokesman", "agency",
    "estimated", "forecast", "report", "reported",
})
_ENTITY = re.compile(r"(?<![.!?]\s)(?<!^)\b(?:[A-Z][\w’'-]+|\d{4})\b")


@dataclass(frozen=True, slots=True)
class FoundClaim:
    """A claim found in a text, before it has an id or a document (``records.ClaimRecord`` adds them)."""

    value: str
    normalized: float
    high: float | None
    unit: str
    currency: str | None
    qualifier: str | None
    what: str
    what_key: str
    source: str | None
    source_key: str | None
    start: int
    end: int
    sentence_start: int
    sentence_end: int
    page: str | None
    scope: str  # "total" (since 2014, in the conflict) or "event" (one attack, one quarter)
    context: str  # names and years of the sentence beside the source's: what makes two claims one event

    def __reduce__(self) -> tuple[Any, ...]:
        # Claims cross from the extraction workers to the importer by the hundred thousand: pickled as their
        # fields they cost less than a frozen dataclass's state by name (12,000 claims: 85 -> 49 ms both ways).
        return (FoundClaim, claim_fields(self))


claim_fields: Callable[[FoundClaim], tuple[Any, ...]] = attrgetter(*(field.name for field in fields(FoundClaim)))


def is_english(text: str, language: str | None = None) -> bool:
    """The document's language if the catalogue knows it, else whether common English words are common."""
    if language:
        return language.lower().startswith("en")
    words = text[:1500].lower().split()
    return sum(map(_ENGLISH.__contains__, words)) >= max(1, len(words) // 25)


def qualifier_of(text: str, figure: Figure, lower: str | None = None) -> str | None:
    """The qualifier before a figure in a few canonical words ("a minimum of" and "no fewer than": "at least");
    ``lower`` as for ``_sentence_facts``."""
    if lower is None:
        found = _QUALIFIER.search(text, max(0, figure.start - 40), figure.start)
    else:
        found = _QUALIFIER_LOWER.search(lower, max(0, figure.start - 40), figure.start)
    qualifier = CANONICAL_QUALIFIERS.get(found[1].lower(), found[1].lower()) if found else None
    if qualifier is None and figure.approximate:
        return "approximately"
    if figure.high is not None:
        return "range" if qualifier is None else qualifier
    return qualifier


def find_claims(text: str, pages: Sequence[tuple[int, str]] = (), language: str | None = None) -> list[FoundClaim]:
    """Every claim in ``text`` in order; ``pages`` are (start, label) pairs as the catalogue keeps them.

    Never raises: it runs inside every import, and a mistake here must not cost a document its import (the
    document then has no claims, and the log says why).
    """
    try:
        return _find_claims(text, pages, language)
    except Exception:  # a rule's bug on one text; the import goes on
        log.exception("finding claims failed on a text of %d characters", len(text))
        return []


def _find_claims(text: str, pages: Sequence[tuple[int, str]], language: str | None) -> list[FoundClaim]:
    lower = lower_text(text)
    figures = list(find_figures(text, lower))
    if not figures:  # most prose holds no number at all: nothing more to read
        return []
    english = is_english(text, language)
    sentences = Sentences(text)
    sources = SentenceSources(text, sentences.spans, lower) if english else None
    facts: dict[int, tuple[str, str | None]] = {}
    found: list[FoundClaim] = []
    topic: list[str] = []  # the document's topic words, worked out at its first claim about an event
    last_end, previous_noun, previous_sentence = -1, "", -1
    words: SentenceTokens | None = None
    same_lower = lower if sources is not None and sources.use_lower else None  # see attribution.sentence_source
    clauses: Clauses | None = None
    units: dict[str, tuple[str, str | None]] = {}  # the unit each quantity was last given in
    keys: dict[str | None, str | None] = {}  # source → its key: a story's figures share a few sources
    citing = sources is not None and "citing" in lower  # "citing X that … N": the figure is X's
    windows: dict[int, tuple[int, int]] = {}  # sourced claim → its figure's start and end (see _with_windows)
    for figure in figures:
        if figure.start < last_end or (not english and figure.in_words):
            continue
        after_word = word_after(text, figure)
        if (duration := duration_unit(text, figure, after_word)) is not None:
            figure.unit, figure.measure_end = duration, _end_of_word(text, figure.end)
        elif not_a_claim(text, figure, after_word):
            continue
        index = sentences.index_at(figure.start)
        start, end = sentences[index]
        if index != previous_sentence:
            previous_noun, previous_sentence = "", index
            words = SentenceTokens(text, start, end) if english else None
            clauses = Clauses(text, start, end, same_lower) if sources is not None else None
        before = words.before(figure.start) if words is not None else []
        after = words.after(figure.measure_end) if words is not None else []
        what = describe(before, after, figure.unit, previous_noun) if words is not None else None
        if what is not None and found and found[-1].sentence_start == start and _follows(text, found[-1], figure):
            what = _like_previous(found[-1], figure, what)
        elif what is not None and found and (_refers_back(what) or _reference_before(text, lower, start, figure)) \
                and index - sentences.index_at(found[-1].start) < 2:
            what = _same_as(found[-1], figure)  # "… below the government's forecast of 2.5 mln"
        elif what is not None and words is not None and _refers_back(what):
            what = describe_owner(before, after, figure.unit, previous_noun) or what
        if what is not None and figure.unit == "count" and figure.currency is None and what.key in units \
                and _SCALED.search(figure.value):
            figure.unit, figure.currency = units[what.key]  # "losses were 17 to 20 mln" after "34 mln guilders"
        elif what is not None and figure.unit == "count" and what.key in MEASURE_NOUNS:
            figure.unit = MEASURE_NOUNS[what.key]  # "the likely tonnage at around 60,000": tonnes
        if english and (what is None or not what.key or (figure.in_words and figure.value.lower() == "one"
                                                          and not what.noun)):
            continue
        last_end = figure.end
        if what is not None and what.key and figure.unit not in ("count", "percent"):
            units[what.key] = (figure.unit, figure.currency)
        previous_noun = what.noun if what and what.noun else previous_noun
        source = None
        if sources is not None:
            source = ((cited_source(text, start, figure.start) if citing else None)
                      or nominal_source(text, start, figure.start)
                      or (clauses.source_at(figure.start) if clauses is not None else None) or sources.source_at(index))
            source = " ".join(source.split()) if source and "\n" in source else source  # a wrapped line
        if source is not None:
            windows[len(found)] = (figure.start, figure.measure_end)
        found.append(FoundClaim(
            figure.value, figure.normalized, figure.high, figure.unit, figure.currency,
            qualifier_of(text, figure, same_lower),
            what.phrase if what else "", what.key if what else "", source, _key_of(source, keys), figure.start,
            figure.end, start, end, page_at(pages, figure.start),
            *_sentence_facts(text, (start, end), source, facts, same_lower,
                             _topic(text, topic) if english and what and about_events(what.key) else None),
        ))
    return _with_windows(text, set_against(text, found), windows)


def _key_of(source: str | None, keys: dict[str | None, str | None]) -> str | None:
    if source not in keys:
        keys[source] = source_key(source)
    return keys[source]


def _with_windows(text: str, found: list[FoundClaim], windows: dict[int, tuple[int, int]]) -> list[FoundClaim]:
    """The claims with the text around them kept in their context (``quantity.window``) when the document names
    two sources or more: only then can two of its claims about one quantity named in other words conflict."""
    if len(windows) < 2 or len({found[index].source_key for index in windows}) < 2:
        return found
    for index, (start, end) in windows.items():
        claim = found[index]
        kept = window(text, start, end, (claim.sentence_start, claim.sentence_end))
        # set in place, as a frozen dataclass's own __init__ does: the claims are not handed out yet, and making
        # each again cost more than all the rest of this (FoundClaim's __init__ sets 17 fields one by one)
        object.__setattr__(claim, "context", f"{claim.context}{SEPARATOR}{kept}")
    return found


# Between two figures of one series: "50 billion in mid-February and 25.1 billion", "to 16.39 mln bpd from 16.05 mln"
_SERIES = re.compile(r"^[^.;:]{0,40}?\b(?:and|from|against|vs\.?|versus|compared\s+with|compared\s+to|to|or)\s+"
                     r"(?:an?\s+estimated\s+|about\s+|some\s+)?$", re.IGNORECASE)


def _follows(text: str, previous: FoundClaim, figure: Figure) -> bool:
    return bool(_SERIES.match(text[previous.end:figure.start]))


def _like_previous(previous: FoundClaim, figure: Figure, what: What) -> What:
    """A figure in a series with the one before it counts the same thing in the same unit when it names
    nothing of its own ("from 16.05 mln" after "16.39 mln barrels per day")."""
    if figure.unit == "count" and figure.currency is None and previous.unit != "count":
        figure.unit, figure.currency = previous.unit, previous.currency
    if not what.key or what.key == figure.unit:
        return What(previous.what, previous.what_key)
    return what


# "put the number of strikers closer to 18,000", "estimate the figure at above 70 pct": the quantity named before.
_REFERENCE = re.compile(r"\b(?:the|its|their|that)\s+(?:number|figure|total|count|tally)\b(?:\s+of\s+[\w-]+)?"
                        r"\s+(?:at|to|as|was|is|closer\s+to|nearer|around|about|some)?[^.;,\d]{0,25}$", re.IGNORECASE)
_REFERENCE_NOUNS = ("number", "figure", "total", "count", "tally")
_SCALED = re.compile(r"\b(?:mln|bln|billion|million|trillion|bn)\b", re.IGNORECASE)


def _reference_before(text: str, lower: str, start: int, figure: Figure) -> bool:
    """Whether "the number of strikers" or "the figure" comes just before ``figure`` (after ``start``); only the
    last 120 characters are read: searching a long unpunctuated page's whole "sentence" was quadratic."""
    begin = max(start, figure.start - 120)
    window = lower[begin:figure.start]
    if not any(noun in window for noun in _REFERENCE_NOUNS):
        return False  # most figures: the pattern cannot match
    return _REFERENCE.search(text, begin, figure.start) is not None


def _refers_back(what: What) -> bool:
    """Whether a figure's quantity is named only as "the number", "a government estimate" (``REFERS_BACK``)."""
    return what.key.split(" ", 1)[0] in REFERS_BACK


def _same_as(previous: FoundClaim, figure: Figure) -> What:
    """What the claim before counts, in its unit when this figure names none ("1.8 mln tonnes … 2.5 mln")."""
    if figure.unit == "count" and figure.currency is None and previous.unit not in ("count", "percent"):
        figure.unit, figure.currency = previous.unit, previous.currency
    return What(previous.what, previous.what_key)


def _end_of_word(text: str, start: int) -> int:
    """Where the word after ``start`` (and the spaces before it) ends."""
    found = _WORD.match(text, start)
    return found.end() if found else start


def _sentence_facts(text: str, sentence: tuple[int, int], source: str | None,
                    facts: dict[int, tuple[str, str | None]], lower: str | None, topic: str | None) -> tuple[str, str]:
    """The scope and context of a sentence, worked out once for all its figures (``lower``: the text lower-cased
    where that reads the same, see ``attribution.sentence_source``). The context (names, years and the
    document's ``topic``) is only worked out for a quantity of what happened to people (``topic`` not None):
    no other is compared across documents, and most news holds none."""
    start, end = sentence
    scope, context = facts.get(start, ("", None))
    if not scope:
        total = _TOTAL.search(text, start, end) if lower is None else _TOTAL_LOWER.search(lower, start, end)
        scope = "total" if total else "event"
    if topic is not None and context is None:
        context = f"{_context(text[start:end], source)} {topic}".strip()
    facts[start] = (scope, context)
    return scope, context if topic is not None and context is not None else ""


def _topic(text: str, topic: list[str]) -> str:
    if not topic:
        topic.append(topic_words(text))
    return topic[0]


def topic_words(text: str, count: int = 6) -> str:
    """The words a document is most about ("ecuador earthquake pipeline"), so that claims in two stories about
    one event can be compared even when their sentences name nothing (wire stories in lower case)."""
    words = [word.removesuffix("'s") for word in _WORDS.findall(text.lower().replace("’", "'"))]
    words = [word for word in words if word not in _NOT_TOPICS and len(word) > 4]
    return " ".join(sorted(word for word, _n in Counter(words).most_common(count)))


def _context(sentence: str, source: str | None) -> str:
    """The capitalised names and years of a sentence that are not its source's: "Syria Iraq 2014"."""
    skip = set((source or "").lower().replace("’", "'").split())
    words = {word.lower().replace("’", "'").removesuffix("'s") for word in _ENTITY.findall(sentence)}
    return " ".join(sorted(word for word in words - skip if len(word) > 1))[:500]
