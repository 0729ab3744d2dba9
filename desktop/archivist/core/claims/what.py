"""What a figure counts: a short phrase from the text ("civilians killed") and the key that groups it.

Counts name their thing after the number ("45 civilians were killed"), with the event word found around it
("killed at least 20 civilians", "claimed the lives of 624 civilians", "left 120 civilians dead"); money,
percentages and measures name theirs before it ("Net profit rose 3.5 pct").
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from archivist.core.claims.vocabulary import MEASURES

_TOKEN = re.compile(r"[A-Za-z][\w'’.-]*[A-Za-z]|[A-Za-z]|\d[\d,.]*|[^\w\s]")
_SPACE = re.compile(r"\s")


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Event words and the one word each stands for in a key (same event words group together).
EVENTS = {
    "killed": "killed", "kill": "killed", "kills": "killed", "dead": "killed", "died": "killed", "deaths": "killed",
    "death": "killed", "lives": "killed", "fatalities": "killed", "perished": "killed", "slain": "killed",
    "massacred": "killed", "executed": "killed", "murdered": "killed", "casualties": "casualties",
    "injured": "injured", "wounded": "injured", "hurt": "injured", "injuries": "injured",
    "displaced": "displaced", "fled": "displaced", "homeless": "displaced", "evacuated": "evacuated",
    "arrested": "arrested", "detained": "arrested", "jailed": "arrested", "imprisoned": "arrested",
    "missing": "missing", "abducted": "abducted", "kidnapped": "abducted", "rescued": "rescued",
    "cut": "cut", "laid": "cut", "lost": "lost", "sold": "sold", "bought": "bought", "hired": "hired",
    "deported": "deported", "infected": "infected", "vaccinated": "vaccinated", "affected": "affected",
}
# Events whose counts two documents can dispute: what happened to people. Trade verbs (sold, bought, cut) name
# a different deal in every story of a news archive.
EVENT_WORDS = frozenset(EVENTS.values()) - {"sold", "bought", "cut", "lost", "hired"}


def about_events(key: str) -> bool:
    """Whether a quantity's key names an event ("civilian killed", "people displaced"): only those are compared
    across documents."""
    return key.rsplit(" ", 1)[-1] in EVENT_WORDS


STOP = _words("""
a an the of in on at to by for from with without and or but nor as than that which who whom whose this these
those was were is are be been being have has had will would could should may might can must do does did not no
its it their his her our your my they them he she we you i there here into onto over under about after before
since during between against among per each every all any some such more most other others both either neither
one also only said says say told reported according while when where whereupon if then so because though
although what how why up down out off again further very just including until across through near around
vs vs. versus
""")
_SKIP_BACK = _words("""
rose fell increased decreased rise fall up down to from at by of was were is are be been to totalled totaled
reached compared with against vs vs. versus for averaged mln bpd dlrs pct billion million barrels
climbed dropped jumped slipped gained lost grew shrank stood ended
about around nearly almost some over under least at more than less an estimated a the its their his her
as much many high low most minimum maximum close just well fewer upwards excess roughly approximately only
would will could should may might can must has have had closer nearer fallen risen grown average expected
""")
_IRREGULAR = {"people": "people", "person": "people", "persons": "people",
              "children": "child", "men": "man", "women": "woman", "lives": "life",
              "police": "police", "news": "news", "series": "series", "species": "species", "data": "data"}
# Participles that end a noun phrase ("two letters sent to the UN").
_PARTICIPLES = _words("""
sent made held taken given built found seen known shot left hit brought caught put kept paid sold bought won
lost spent led run set read written
""")
_DIMENSIONS = {"away": "distance", "long": "length", "wide": "width", "high": "height", "deep": "depth",
               "tall": "height"}


@dataclass(slots=True)
class What:
    phrase: str  # as shown: "civilians killed"
    key: str  # as grouped: "civilian killed"
    noun: str = ""  # the head noun as written, for "50 others" after "45 civilians"


def lemma(word: str) -> str:
    """A cheap English lemma for grouping: plural nouns to singular, lower case."""
    word = word.lower().strip("'’.")
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith(("sses", "shes", "ches", "xes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


class SentenceTokens:
    """The tokens of one sentence, found once for all the figures in it (a news sentence holds two or three).

    No token holds a space, so the tokens of a part of the sentence are those of the whole sentence that lie in
    it; where a token crosses the cut ("1,000." cut after "1,000"), the words from the cut to the next space are
    tokenised on their own, as ``tokens`` would.
    """

    def __init__(self, text: str, start: int, end: int) -> None:
        self.text, self.start, self.end = text, start, end
        found = list(_TOKEN.finditer(text, start, end))
        self.words = [match[0] for match in found]
        self.starts = [match.start() for match in found]
        self.ends = [match.end() for match in found]

    def before(self, cut: int) -> list[str]:
        """``tokens(text[start:cut])``."""
        count = bisect_right(self.ends, cut)
        if count == len(self.starts) or self.starts[count] >= cut:
            return self.words[:count]
        space = cut - 1
        while space >= self.start and not self.text[space].isspace():  # what re reads as \s
            space -= 1
        if space < self.start:
            return _TOKEN.findall(self.text, self.start, cut)
        return self.words[:bisect_right(self.ends, space)] + _TOKEN.findall(self.text, space + 1, cut)

    def after(self, cut: int) -> list[str]:
        """``tokens(text[cut:end])``."""
        first = bisect_left(self.starts, cut)
        if not first or self.ends[first - 1] <= cut:
            return self.words[first:]
        space = _SPACE.search(self.text, cut, self.end)
        if space is None:
            return _TOKEN.findall(self.text, cut, self.end)
        return _TOKEN.findall(self.text, cut, space.start()) + self.words[bisect_left(self.starts, space.start()):]


def _is_word(token: str) -> bool:
    return token[:1].isalpha()


def noun_after(after: list[str]) -> tuple[list[str], str | None]:
    """The noun phrase right after a count (up to three words) and an event word ending it, if any."""
    words: list[str] = []
    for token in after[:4]:
        low = token.lower()
        if not _is_word(token) or (low in STOP and not (not words and low in ("more", "others", "other"))):
            break
        if low in EVENTS:
            return words or ["people"], EVENTS[low]  # "500 dead", "4,000 homeless": people
        if (low.endswith("ed") or low in _PARTICIPLES) and words:
            break
        words.append(token)
        if low in ("more", "others"):
            break
    return words, None


def event_near(before: list[str], after: list[str]) -> str | None:
    """An event word in the clause around the figure: after it first ("were killed"), then before it."""
    for token in after[:6]:
        if token in (",", ";", ":", "(", ")") or token.lower() in ("and", "but", "while"):
            break  # "killed one person and injured three": what comes after "and" is the next figure's
        if token.lower() in EVENTS:
            return EVENTS[token.lower()]
    for token in reversed(before[-6:]):
        if token in (";", ":", "(", ")"):
            break
        if token.lower() in EVENTS:
            return EVENTS[token.lower()]
    return None


def noun_before(before: list[str]) -> list[str]:
    """The content words before a figure, skipping its verb, preposition and earlier figures."""
    index = _skip_back(before, len(before))
    while (after_time := _time_phrase_before(before, index)) != index:  # "profit for the year rose to"
        index = _skip_back(before, after_time)
    words: list[str] = []
    while index and _is_word(before[index - 1]) and before[index - 1].lower() not in STOP and len(words) < 3:
        words.insert(0, before[index - 1])
        index -= 1
    return words


def _skip_back(before: list[str], index: int) -> int:
    while index and (before[index - 1].lower() in _SKIP_BACK or (not _is_word(before[index - 1])
                     and before[index - 1] not in (";", ":", "."))):
        index -= 1
    return index


_TIME_NOUNS = frozenset({"year", "years", "quarter", "quarters", "month", "months", "week", "weeks", "period",
                         "half", "season", "term", "day", "days"})
_TIME_WORDS = frozenset({"the", "last", "this", "next", "first", "second", "third", "fourth", "fiscal", "calendar",
                         "current", "previous", "same", "whole", "full", "coming", "past", "latest", "a"})


def _time_phrase_before(before: list[str], index: int) -> int:
    """Where a time phrase ending at ``index`` starts ("for last year", "in the first quarter", "in 1985"), or
    ``index`` when there is none: it says when, not what is counted."""
    end = index
    if index and (before[index - 1].lower() in _TIME_NOUNS or (before[index - 1][:1].isdigit()
                                                                 and len(before[index - 1]) == 4)):
        index -= 1
        while index and (before[index - 1].lower() in _TIME_WORDS or before[index - 1][:1].isdigit()):
            index -= 1
        if index and before[index - 1].lower() in ("for", "in", "during", "over", "of"):
            return index - 1
    return end


def _after_preposition(after: list[str]) -> list[str]:
    """"437 mln dlrs in loans", "5 pct of its shares": the noun after a preposition following the figure."""
    if len(after) > 1 and after[0].lower() in ("in", "of", "for", "on"):
        words, _event = noun_after(after[1:] if after[1].lower() not in ("the", "a", "an", "its") else after[2:])
        return words
    return []


def describe(before: list[str], after: list[str], unit: str, previous_noun: str) -> What:
    """The phrase and key of what a figure counts, from the tokens before and after it in its sentence."""
    if unit not in ("count", "money", "percent"):
        return _measured(before, after, unit)
    if len(after) > 1 and after[0] == "-" and _is_word(after[1]):
        after = after[2:]  # "The 500,000-strong Unitary Workers' Front", "100,000-member union"
    if len(after) > 1 and after[0].lower() == "of" and after[1].lower() in ("those", "them", "these"):
        after = [previous_noun or "people", *after[2:]]  # "Ninety-seven of the planes … and 91 of those"
    words, event = noun_after(after) if unit == "count" else ([], None)
    if words and words[-1].lower() in ("more", "others", "other"):
        words = [previous_noun or "people"]
    if not words:
        words = noun_before(before) or _after_preposition(after) or noun_after(after)[0]
        if words and words[-1].lower() in EVENTS:  # "… and injured at least three": the event, not a noun
            event = event or EVENTS[words[-1].lower()]
            words = [previous_noun] if previous_noun else []
    event = event or event_near(before, after[len(words):])
    phrase = " ".join(words + ([event] if event else []))
    return What(phrase, grouping_key(words[-1] if words else "", event, unit), words[-1] if words else "")


# Nouns that name the count of an event's victims: "the death toll", "the toll rose to 30".
_TOLLS = frozenset({"toll", "tally"})


# Nouns news uses for one quantity: a crop's "production", "output" and "harvest".
_SAME_QUANTITY = {"production": "output", "harvest": "output", "crop": "output"}
# Nouns that stand for a quantity named elsewhere ("a government estimate of 1.99 mln"), and the words after them.
REFERS_BACK = frozenset({"number", "figure", "estimate", "forecast", "projection", "total", "count", "reach",
                         "level", "prediction"})
_LINKS = frozenset({"of", "at", "to", "was", "is", "for"})


def grouping_key(noun: str, event: str | None, unit: str = "count") -> str:
    """The key that groups claims about one quantity: the noun's lemma and the event word. Counts of an event
    that name no one ("95 had died") or name its toll ("the death toll rose to 120") count people, so that
    they sit beside "30 people were killed" from another source."""
    head = lemma(noun) if noun else ""
    head = _SAME_QUANTITY.get(head, head)
    if unit == "count" and head in _TOLLS:
        head, event = "people", event or "killed"
    elif unit == "count" and not head and event:
        head = "people"
    return " ".join(word for word in (head, event) if word)


def describe_owner(before: list[str], after: list[str], unit: str, previous_noun: str) -> What | None:
    """What "the maize production estimate of 7.8 mln tonnes" counts when no quantity was named before it: the
    words before the estimate; None when there are none."""
    index = len(before)
    while index and before[index - 1].lower() in _LINKS:
        index -= 1
    if not index or before[index - 1].lower() not in REFERS_BACK:
        return None
    what = describe(before[:index - 1], after, unit, previous_noun)
    return what if what.key else None


def _measured(before: list[str], after: list[str], unit: str) -> What:
    """A measure's dimension ("23 kilometers (14.2 miles) away": distance), else the words before it."""
    for token in after[:12]:
        if token.lower() in _DIMENSIONS:
            name = _DIMENSIONS[token.lower()]
            return What(name, name)
        if token not in ("(", ")") and not token[:1].isdigit() and token.lower() not in MEASURES:
            break
    words = noun_before(before)
    return What(" ".join(words) or unit, grouping_key(words[-1], None, unit) if words else unit)


def query_key(text: str) -> str:
    """The key a user's phrase stands for: "civilians killed" → "civilian killed", "Deaths" → "killed"."""
    words = [word for word in tokens(text) if _is_word(word)]
    events = [EVENTS[word.lower()] for word in words if word.lower() in EVENTS]
    nouns = [word for word in words if word.lower() not in EVENTS and word.lower() not in STOP]
    return grouping_key(nouns[-1] if nouns else "", events[0] if events else None)
