"""Who the text says gives a figure: "X said", "said X", "according to X", "a report released by X said",
"X, a monitoring group, says"; a generic speaker ("the report further said") and a quote that goes on into the
next sentence take the last named source. No speaker: the author's own voice (None).
"""

from __future__ import annotations

import re

from archivist.core.claims.what import STOP, lemma

_VERB = re.compile(
    r"(?i:\b(said|says|say|reported|reports|estimates|estimated|estimate|told|announced|stated|states|claimed|claims|"
    r"added|adds|noted|notes|confirmed|wrote|writes|counted|recorded|believes|put|puts|calculated|calculates|"
    r"predicted|predicts|forecast|forecasts|warned|warns|testified|admitted|acknowledged|according to)\b)")
# Words that are verbs after a speaker but nouns after a figure or an article ("a government estimate of").
_NOUN_TOO = frozenset({"estimate", "estimates", "reports", "claims", "forecast", "forecasts", "notes", "put", "puts"})
_NOUN_BEFORE = re.compile(r"(?:\b(?:a|an|the|previous|earlier|latest|government|official|industry|its|their|"
                          r"mln|bln|billion|million|pct)|\d)\s*$", re.IGNORECASE)
# "IRNA quoted the commander as saying nine counter-attacks had been repulsed"
_QUOTED_AS = re.compile(r"\bquoted\s+(.{2,80}?)\s+as\s+saying\b", re.DOTALL)
# "the Energy Information Administration (EIA) said": the acronym stays with the name
_ACRONYM_END = re.compile(r"\s*(\([^()]{1,40}\))\s*$")
_NOT_SPEECH_AFTER = re.compile(r"\s+(?:the\s+lives|lives|responsibility|to\s+be|to\s+have)\b")
_PASSIVE_BEFORE = re.compile(r"\b(?:are|is|was|were|be|been|being|it)\s*$", re.IGNORECASE)  # "are said to be"
# ", a UK-based monitoring group," / ", received here," between a speaker and the verb.
_APPOSITIVE = re.compile(r",\s+[a-z][^,]{0,100},\s*$")
_PRONOUNS = frozenset({"he", "she", "it", "they", "we"})
_ADVERBS = re.compile(r"(?:\s+(?:further|also|previously|earlier|later|recently|then|separately|has|have|had|"
                      r"which|that|who))+\s*$", re.IGNORECASE)
_CLAUSE = re.compile(r"[,;:“”\"()]|\bthat\b|\band\b|\bbut\b")
_AFTER_NAME = re.compile(r"^\s*((?:the\s+|a\s+)?[A-Z][^,.;:()“”\"]{0,80}?)(?=\s+(?:in|on|at|that|to|from|with|"
                         r"when|after|on|,)\b|[,.;:]|$)")
# A sentence opening with a pronoun and a modal goes on with what the sentence before reported.
_CONTINUES = re.compile(r"\s*(?:He|She|It|They)\s+(?:would|will|could|might|may|should|had|has|have)\b")
GENERIC = frozenset({"report", "statement", "letter", "ministry", "agency", "group", "official", "spokesman",
                     "spokeswoman", "spokesperson", "source", "it", "he", "she", "they", "document", "study",
                     "survey", "organisation", "organization", "monitor", "observatory", "office", "we"})


def source_key(source: str | None) -> str | None:
    """A source's name for comparing: lower case, no leading article, one kind of apostrophe."""
    if not source:
        return None
    key = re.sub(r"\s+", " ", source.lower().replace("’", "'")).strip(" .,'\"")
    return re.sub(r"^(?:the|a|an)\s+", "", key) or None


def is_generic(source: str) -> bool:
    """A pronoun or a bare generic noun ("the report", "they", "the ministry"): it stands for a source named
    before; "finance officials" or "the US-led coalition" name one themselves."""
    words = source.split()
    if words and words[0].lower() in ("the", "a", "an", "this", "that", "its"):
        words = words[1:]
    return len(words) <= 1 and (not words or lemma(words[0]) in GENERIC)


def _subject_before(before: str) -> str | None:
    """The speaker written just before the verb: the last clause, with appositives and adverbs left out."""
    if _PASSIVE_BEFORE.search(before):
        return None
    before = before.replace("<", " ").replace(">", " ")  # Reuters marks company names: "<Royal Bank of Canada>"
    acronym = _ACRONYM_END.search(before)
    if acronym is not None:
        subject = _subject_before(before[:acronym.start()] + " ")
        return f"{subject} {acronym[1]}" if subject else None
    before = _ADVERBS.sub("", before.rstrip())
    before = _APPOSITIVE.sub("", before)
    parts = _CLAUSE.split(before)
    subject = parts[-1].strip() if parts else ""
    if " by " in subject:
        subject = subject.rsplit(" by ", 1)[1]
    words = subject.split()[-9:]
    if not words or (words[-1].lower() in STOP and words[-1].lower() not in _PRONOUNS) \
            or not words[-1][:1].isalpha():
        return None
    first_capital = next((i for i, word in enumerate(words) if word[:1].isupper() and word.lower() != "the"), None)
    leading = 1 if words[0].lower() == "the" else 0  # "the" stays with a lower-case name: "the US-led coalition"
    if first_capital is not None and first_capital > leading:
        words = words[first_capital:]
    return " ".join(words)


# Unnamed but distinct sources: "Other estimates ranged as high as 500 dead", "hospital sources put it at 40".
_ESTIMATES = re.compile(r"\b((?:other|some|independent|unofficial|earlier|later|latest|local|hospital|opposition|"
                        r"rival|higher|lower)\s+(?:estimates|reports|figures|counts|sources|tallies))\s+"
                        r"(?:ranged|range|put|say|said|gave|give|suggest|suggested|reached)\b", re.IGNORECASE)


def sentence_source(sentence: str) -> str | None:
    """The speaker this sentence names for what it says, or None."""
    if (estimates := _ESTIMATES.search(sentence)) is not None:
        return estimates[1]
    if (quoted := _QUOTED_AS.search(sentence)) is not None:
        return " ".join(quoted[1].split())
    for match in _VERB.finditer(sentence):
        verb, rest = match[1], sentence[match.end():]
        if _NOT_SPEECH_AFTER.match(rest):
            continue
        if verb == "according to":
            found = re.match(r"\s*([^,.;:()“”\"]{2,80})", rest)
            if found:
                return found[1].strip()
            continue
        before = sentence[:match.start()]
        if verb.lower() in _NOUN_TOO and _NOUN_BEFORE.search(before):
            continue  # "a previous 15.68 mln estimate", "industry reports": a noun, not a speaker's verb
        if before.rstrip().endswith(("”", "\"", "’", "'")) and (name := _AFTER_NAME.match(rest)):
            return name[1].strip()  # “…,” said Syria’s Foreign Ministry in two letters
        subject = _subject_before(before)
        if subject:
            return subject
    return None


class Attributor:
    """Sources for the sentences of one document, read in order (a generic speaker takes the last named one)."""

    def __init__(self) -> None:
        self.last_named: str | None = None
        self.previous: str | None = None
        self.open_quote = False

    def _names_again(self, source: str) -> bool:
        """"The embassy" or "the bank" after "the U.S. Embassy" or "Royal Bank of Canada": the same source."""
        words = source.lower().split()
        if len(words) != 2 or words[0] not in ("the", "this", "that") or not self.last_named:
            return False
        return words[1] in self.last_named.lower().replace("<", " ").replace(">", " ").split()

    def source_of(self, sentence: str) -> str | None:
        source = sentence_source(sentence)
        if source and (is_generic(source) or self._names_again(source)):
            source = self.last_named or source
        elif source:
            self.last_named = source
        elif self.previous and (self.open_quote or sentence.lstrip().startswith(("“", "\""))
                                or _CONTINUES.match(sentence)):
            source = self.previous  # a quote, or reported speech ("It would cost…"), going on from the last
        if "“" in sentence or "”" in sentence:
            self.open_quote = sentence.rfind("“") > sentence.rfind("”")
        self.previous = source
        return source
