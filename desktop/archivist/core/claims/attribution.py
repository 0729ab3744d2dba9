"""Who the text says gives a figure: "X said", "said X", "according to X", "a report released by X said",
"X, a monitoring group, says"; a generic speaker ("the report further said") and a quote that goes on into the
next sentence take the last named source. No speaker: the author's own voice (None).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import deque
from collections.abc import Callable, Sequence
from functools import lru_cache

from archivist.core.claims.patterns import trie
from archivist.core.claims.what import STOP, lemma

_VERBS = ("said", "says", "say", "reported", "reports", "estimates", "estimated", "estimate", "told", "announced",
          "stated", "states", "claimed", "claims", "added", "adds", "noted", "notes", "confirmed", "wrote", "writes",
          "counted", "recorded", "believes", "put", "puts", "calculated", "calculates", "predicted", "predicts",
          "forecast", "forecasts", "warned", "warns", "testified", "admitted", "acknowledged", "according to",
          "predict", "expect", "expects", "look for", "looks for", "assumed", "assumes", "revised", "commented",
          "projecting", "projects")
# Verbs that state a figure without reporting it: a sentence's reporting verb ("said") comes first.
_WEAK = frozenset({"predict", "expect", "expects", "look for", "looks for", "assumed", "assumes", "revised", "put",
                   "puts", "projecting", "projects"})
_VERB = re.compile(rf"(?i:\b({trie(_VERBS)})\b)")
_VERB_LOWER = re.compile(rf"\b({trie(_VERBS)})\b")
# Words that are verbs after a speaker but nouns after a figure or an article ("a government estimate of").
_NOUN_TOO = frozenset({"estimate", "estimates", "reports", "claims", "forecast", "forecasts", "notes", "put", "puts",
                       "revised"})
_NOUN_BEFORE = re.compile(r"(?:\b(?:a|an|the|previous|earlier|latest|government|official|industry|its|their|"
                          r"mln|bln|billion|million|pct)|\d|['’]s)\s*$", re.IGNORECASE)
_NOUN_AFTER = re.compile(r"\s+(?:of|for)\b")  # "estimate of 7.8 mln", "forecasts for 1987": nouns
# "IRNA quoted the commander as saying nine counter-attacks had been repulsed"
_QUOTED_AS = re.compile(r"\bquoted\s+(.{2,80}?)\s+as\s+saying\b", re.DOTALL)
# "the Energy Information Administration (EIA) said": the acronym stays with the name
_ACRONYM_END = re.compile(r"\s*(\([^()]{1,40}\))\s*$")
_NOT_SPEECH_AFTER = re.compile(r"\s+(?:the\s+lives|lives|responsibility|to\s+be|to\s+have)\b")
_PASSIVE_BEFORE = re.compile(r"\b(?:are|is|was|were|be|been|being)\s*$", re.IGNORECASE)  # "are said to be"
# ", a UK-based monitoring group," / ", received here," between a speaker and the verb.
_APPOSITIVE = re.compile(r",\s+[a-z][^,]{0,100},\s*$")
_TITLED = re.compile(r",\s+[A-Z][\w'’.-]*(?:'s|’s)\s[^,]{0,80},\s*$")  # ", Nigeria's oil minister,"
_PRONOUNS = frozenset({"he", "she", "it", "they", "we"})
_ADVERB_WORDS = r"further|also|previously|earlier|later|recently|then|separately|has|have|had|which|that|who|here|there"
# Words that open a clause before its subject.
_LEADING = frozenset({"although", "though", "while", "whereas", "because", "as", "so", "but", "and", "which", "who",
                      "whom", "that", "if", "when", "since", "however", "meanwhile"})
_ADVERBS = re.compile(rf"(?:\s+(?:{_ADVERB_WORDS}))+\s*$", re.IGNORECASE)
_ADVERB = re.compile(_ADVERB_WORDS, re.IGNORECASE)
# "and" between two capitalised words joins a name ("Kahn and Kahn", "Food and Agriculture Organisation")
_CLAUSE = re.compile(r"[,;:“”\"()]|\bthat\b|\band\b(?!\s+[A-Z])|\bbut\b")
_AFTER_NAME = re.compile(r"^\s*((?:the\s+|a\s+)?[A-Z][^,.;:()“”\"]{0,80}?)(?=\s+(?:in|on|at|that|to|from|with|"
                         r"when|after|on|,)\b|[,.;:]|$)")
_AFTER_SOMEONE = re.compile(r"^\s*((?:one|an?|another|the|two|several|some)\s+[a-z][\w-]*(?:\s+[a-z][\w-]*){0,2}?)"
                            r"(?=\s*[,.;:]|\s+(?:in|at|from|with|who)\b|\s*$)")
# A sentence opening with a pronoun and a modal goes on with what the sentence before reported.
_CURLY_QUOTE = re.compile("[“”]")
_ACCORDING_TO = re.compile(r"\s*((?:[^,.;:()“”\"]|\.(?=\S)|(?<=\b[A-Z])\.){2,80})")  # "the U.S. agriculture counselor"
# A forecast with no speaker of its own, after a sentence that has one: the same source's reported speech
# going on ("…, it added." then "Industrial investment is expected to rise by 4.3 pct this year").
_FORECAST = re.compile(r"\b(?:is|are)\s+(?:expected|likely|forecast|projected|predicted|seen)\s+to\b")
_CONTINUES = re.compile(r"\s*(?:He|She|It|They)\s+(?:would|will|could|might|may|should|had|has|have)\b")
GENERIC = frozenset({"report", "statement", "letter", "ministry", "agency", "group", "official", "spokesman",
                     "spokeswoman", "spokesperson", "source", "it", "he", "she", "they", "document", "study",
                     "survey", "organisation", "organization", "monitor", "observatory", "office", "we", "company",
                     "firm", "corporation", "bank", "union"})


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


# Words of a time phrase that can end the words before a verb: not part of the speaker's name.
_WHEN = frozenset({"yesterday", "today", "tonight", "last", "this", "next", "week", "month", "year", "earlier",
                   "later", "recently", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                   "on"})
_RELATIVE = re.compile(r",\s*(?:which|who)$")
_SOME_SPEAKERS = frozenset({"others", "some", "many", "most", "several"})
_ISSUED_BY = re.compile(r"(?:issued|released|published|compiled|prepared|given|provided|produced)\s+by\s+(.+)$")
_A_NAME = re.compile(r"(?:the|a)\s+[A-Z]")  # "the Neue Presse"


def _subject_before(before: str) -> str | None:
    """The speaker written just before the verb: the last clause, with appositives and adverbs left out."""
    # The patterns anchored at the end are tried only where they can match: from each position of a long
    # sentence they cost more than all the rest (the results are the same).
    if _PASSIVE_BEFORE.search(before, max(0, len(before.rstrip()) - 5)):  # its words have at most 5 letters
        return None
    before = before.replace("<", " ").replace(">", " ")  # Reuters marks company names: "<Royal Bank of Canada>"
    acronym = _ACRONYM_END.search(before) if before.rstrip().endswith(")") else None
    if acronym is not None:
        subject = _subject_before(before[:acronym.start()] + " ")
        return f"{subject} {acronym[1]}" if subject else None
    before = before.rstrip()
    if before.endswith(("which", "who")) and (relative := _RELATIVE.search(before, len(before) - 12)) is not None:
        return _subject_before(before[:relative.start()])  # "COSATU, which claims a membership of 600,000"
    if _ADVERB.fullmatch(before.rsplit(None, 1)[-1] if before else ""):  # it ends with an adverb
        before = _ADVERBS.sub("", before)
    if before.endswith(",") and (appositive := _APPOSITIVE.search(before)) is not None:
        inner = appositive[0].strip(" ,")
        if (agent := _ISSUED_BY.match(inner)) is not None:
            return agent[1]  # "The figures, issued by accountants on behalf of the SVZ, put"
        head = _CLAUSE.split(before[:appositive.start()])[-1]
        if _A_NAME.match(inner) and not any(word[:1].isupper() for word in head.split()):
            return inner  # "another local daily, the Neue Presse, put"
        before = before[:appositive.start()]
    elif before.endswith(",") and (titled := _TITLED.search(before)) is not None:
        head = _CLAUSE.split(before[:titled.start()])[-1].split()
        if head and head[-1][:1].isupper():
            before = before[:titled.start()]  # "Lukman, Nigeria's oil minister, said": Lukman
    parts = _CLAUSE.split(before)
    subject = parts[-1].strip() if parts else ""
    if " by " in subject:
        subject = subject.rsplit(" by ", 1)[1]
    words = subject.split()[-9:]
    while words and words[0].lower() in _LEADING:  # "although he", "which diplomats": the clause's subject
        words = words[1:]
    if len(words) > 1 and words[-1].lower() in _PRONOUNS:
        words = words[-1:]  # "… producing around what it said": it
    while len(words) > 1 and words[-1].lower() in _WHEN:
        words = words[:-1]  # "The government last week forecast": the government
    if words and len(words) <= 2 and words[-1].lower() in _SOME_SPEAKERS:
        return " ".join(words)  # "Others said", "Some said": some of the people the story quotes
    if not words or (words[-1].lower() in STOP and words[-1].lower() not in _PRONOUNS) \
            or not words[-1][:1].isalpha():
        return None
    first_capital = next((i for i, word in enumerate(words) if word[:1].isupper() and word.lower() != "the"), None)
    leading = 1 if words[0].lower() == "the" else 0  # "the" stays with a lower-case name: "the US-led coalition"
    if first_capital is not None and first_capital > leading and not _group_of(words, first_capital):
        words = words[first_capital:]
    return " ".join(words)


def _group_of(words: list[str], name: int) -> bool:
    """Whether the lower-case words before a name make one speaker with it: "traders in Paris", "analysts at
    Salomon Brothers" (a preposition, perhaps with "the", just before the name)."""
    before = name - 1 if words[name - 1].lower() == "the" else name
    return before > 1 and words[before - 1].lower() in ("in", "at", "from", "with")  # "secretary of X": X


_ESTIMATE_NOUNS = ("estimates", "reports", "figures", "counts", "sources", "tallies")
# Unnamed but distinct sources: "Other estimates ranged as high as 500 dead", "hospital sources put it at 40".
_ESTIMATES = re.compile(r"\b((?:(?-i:[A-Z])[\w-]*\s+)?(?:other|some|independent|unofficial|earlier|later|latest|"
                        r"local|hospital|opposition|rival|higher|lower|industry|official|trade|market|private)\s+(?:estimates|reports|figures|counts|sources|tallies))\s+"
                        r"(?:ranged|range|put|say|said|gave|give|suggest|suggested|reached)\b", re.IGNORECASE)


_SOME_THINK = re.compile(r"\s*((?:Some|Others|Many|Most|some|others|many|most)(?:\s+(?:analysts|traders|dealers|"
                         r"economists))?)\s+(?:see|saw|think|thought|believe|believed|expect|expected)\b")
_FIGURES_SHOW = re.compile(r"\b([A-Z][\w.'’-]*\s+(?:(?!said\b|says\b)[\w.'’-]+\s+){0,2}(?:figures|data|statistics))\s+"
                           r"(?:show|showed|shows)\b")


# A wire headline's speaker after a dash at its end.
_HEADLINE_SPEAKER = re.compile(r"(?:\s-\s*|(?<=[A-Z])-)((?:[A-Z][A-Z.'’&]*\s?){1,4})$")
_HEADLINE_NOUNS = frozenset({"analyst", "source", "official", "trader", "report", "economist", "dealer", "paper",
                             "newspaper", "press", "agency", "study", "survey", "minister", "ministry", "sources"})


def sentence_source(sentence: str, lower: str | None = None) -> str | None:
    """The speaker this sentence names for what it says, or None. ``lower`` is the sentence lower-cased with
    every character in place and no 'ı' or 'ſ' (which ``(?i)`` reads as i and s), when the caller has it:
    the patterns then run without ignoring case, three times faster, and find the same."""
    if "-" in sentence and sentence.isupper() and (headline := _HEADLINE_SPEAKER.search(sentence)) is not None \
            and (headline[0].startswith((" ", "\n")) or lemma(headline[1].split()[-1]) in _HEADLINE_NOUNS):
        return headline[1]  # "CHEVRON FIND MAY HOLD 300 MLN BBLS -ANALYSTS", "YUGOSLAV CORN-U.S. REPORT"
    could_estimate = lower is None or any(noun in lower for noun in _ESTIMATE_NOUNS)
    if could_estimate and (estimates := _ESTIMATES.search(sentence)) is not None:
        return estimates[1]
    if " show" in sentence and (shown := _FIGURES_SHOW.search(sentence)) is not None:
        return shown[1]  # "Customs figures show China had a trade deficit of 11.9 billion dlrs"
    if (lower or sentence.lower()).startswith(("some ", "others ", "many ", "most ")) \
            and (group := _SOME_THINK.match(sentence)) is not None:
        return group[1]  # "Some see stocks three mln barrels higher", "others think"
    if "quoted" in sentence and (quoted := _QUOTED_AS.search(sentence)) is not None:
        return " ".join(quoted[1].split())
    agent = weak = None  # "as estimated by the CBO"; "the forecast assumed": speakers if no other is named
    for match in _VERB.finditer(sentence) if lower is None else _VERB_LOWER.finditer(lower):
        verb, rest = sentence[match.start(1):match.end(1)], sentence[match.end():]
        if _NOT_SPEECH_AFTER.match(rest):
            continue
        # a participle: "a find announced by Chevron" (the cheap test first: most verbs are not followed by "by")
        if rest[:1].isspace() and rest[1:4] in ("by ", "by\n") and (by := _BY.match(rest)) is not None:
            agent = agent or by[1].strip()
            continue
        if verb == "according to":
            found = _ACCORDING_TO.match(rest)
            if found:
                return found[1].strip()
            continue
        before = sentence[:match.start()]
        if verb.lower() in _NOUN_TOO and (_NOUN_BEFORE.search(before, max(0, len(before.rstrip()) - 10))
                                          or _NOUN_AFTER.match(rest)):
            continue  # "a previous 15.68 mln estimate", "industry reports": a noun, not a speaker's verb
        if verb.lower() == "revised" and not _REVISED_WHAT.match(rest):
            continue  # "an upwardly revised third quarter": an adjective
        if before.rstrip().endswith(("”", "\"", "’", "'")) and (name := _AFTER_NAME.match(rest)
                                                                or _AFTER_SOMEONE.match(rest)):
            return name[1].strip()  # “…,” said Syria’s Foreign Ministry in two letters; “…,” said one arbitrager
        if verb[-3:] == "ing":  # "USDA is projecting": a progressive, not a passive ("is said")
            before = _PASSIVE_BEFORE.sub("", before.rstrip()) + " "
        subject = _subject_before(before) or _elided_subject(sentence, before)
        if subject and not looks_like_speaker(subject, sentence):
            continue  # "Sunflowerseed 1986/87 production is still", "their own": no one says it here
        if subject and verb.lower() in _WEAK:  # "The forecast assumed 13 dlrs …, the sources said": theirs
            weak = weak or subject
        elif subject:
            return subject
    return weak or agent


# Nouns that name who gives a figure, though written in lower case: "analysts", "trade sources", "the ministry".
_SPEAKER_NOUNS = GENERIC | frozenset({
    "analyst", "trader", "banker", "dealer", "economist", "expert", "observer", "diplomat", "minister", "ministry",
    "institute", "department", "government", "newspaper", "paper", "daily", "estimate", "figure", "forecaster",
    "president", "chairman", "director", "executive", "representative", "delegate", "authority", "authorities",
    "industry", "association", "council", "committee", "commission", "producer", "exporter", "importer", "grower",
    "buyer", "seller", "member", "delegation", "board", "secretary", "counselor", "attache", "others", "some",
    "radio", "television", "press", "news", "magazine", "journal", "article", "bulletin", "reporter", "guess",
    "idea", "projection", "police", "army", "military", "hospital", "witness", "resident", "doctor", "activist",
    "officer", "commander", "leader", "chief", "head", "manager", "broker", "arbitrager", "arbitrageur", "people",
    "worker", "farmer", "party", "embassy", "administration", "court", "congress", "parliament", "senate",
    "service", "center", "centre", "bureau", "fund", "federation", "chamber", "trade", "market", "house", "i",
    "you", "who", "one", "spokesmen", "officials", "adviser", "advisor", "communique", "employer", "consultant",
    "researcher"})
# Words no speaker's name holds: units and figures, verbs of a clause ("production is still").
_NOT_IN_NAME = frozenset({"pct", "percent", "mln", "bln", "billion", "million", "tonnes", "tonne", "barrels",
                          "dlrs", "is", "are", "was", "were", "be", "been", "still", "own", "stated"})
_NOT_FIRST = _NOT_IN_NAME | {"in", "as"}  # "In calculating Moscow's crop", "as it"


_NOT_NAME_ENDS = ("ly", "ed", "ing")
_DEFINITE = frozenset({"the", "a", "an", "his", "her", "its", "their", "our", "this", "that"})
_AGENT_ENDS = ("er", "ers", "or", "ors", "ist", "ists")  # "protest organisers", "more purchasers"


def looks_like_speaker(subject: str, sentence: str | None = None) -> bool:
    """Whether the words before a verb of saying can be who says it: a name (a capitalised word after the first),
    a speaker's noun ("analysts", "the ministry"), or a pronoun; never a figure, a unit or a clause's fragment
    ("5.6 to 9.9 pct below this season's new", "In calculating Moscow's crop", "their own", "still"). In a
    ``sentence`` written in lower case, which shows no names by their capitals, any other words may be one."""
    if not subject or _DIGIT.search(subject) is not None:
        return False
    lowered = _NAME_WORD.findall(subject.lower())
    if not lowered or lowered[0] in _NOT_FIRST or not _NOT_IN_NAME.isdisjoint(lowered):
        return False
    one = lowered[0]
    if len(lowered) == 1 and (one in _PRONOUNS or not (one in STOP or one.endswith(_NOT_NAME_ENDS))):
        return True  # "he"; a name the text did not capitalise ("…, bracho said")
    if one in _DEFINITE and len(lowered) <= 4 and not lowered[-1].endswith(("est", "ly", "own")):
        return True  # "the automaker", "his father", "the exchange": someone the story named before
    return _CAPITAL.search(subject) is not None or lowered[-1].endswith(_AGENT_ENDS) \
        or any(lemma(word) in _SPEAKER_NOUNS for word in lowered) \
        or (sentence is not None and sentence == sentence.lower())


_DIGIT = re.compile(r"\d")
_CAPITAL = re.compile(r"(?:^|\s|<)[A-Z]")
_NAME_WORD = re.compile(r"[^\W\d_][\w'’-]*")


_REVISED_WHAT = re.compile(r"\s+(?:its|their|his|her|our|the|up|down|upward|downward)\b", re.IGNORECASE)
_BY = re.compile(r"\s+by\s+((?:[^,.;:()“”\"]|\.(?=\S)|(?<=\b[A-Z])\.){2,80})")
# The first verb of a sentence, after its subject: "Dutch trade sources gave", "William Gray has publicly backed".
_FIRST_VERB = re.compile(r"\s(?:has|have|had|is|are|was|were|will|would|could|may|might|gave|put|puts|[a-z]+ed)\b")


def _elided_subject(sentence: str, before: str) -> str | None:
    """The subject a verb shares with the sentence's first one ("Dutch trade sources gave the same figure for
    France, but estimated up to 110,000 tonnes"), or None."""
    last = before.rstrip().rsplit(None, 1)
    if not last or last[-1].lower() not in ("but", "and"):
        return None
    first = _FIRST_VERB.search(sentence, 0, len(before))
    return _subject_before(sentence[:first.start()] + " ") if first is not None else None


# Clauses of one sentence that can have speakers of their own: "Police said 30 died, but hospital officials put
# the toll at 45", "the Red Cross said, while state radio said 95 had died".
_BREAK_WORDS = (";", "but", "while", "whereas", "though", "however")  # or "," and "and": in every break
_CLAUSE_BREAK = re.compile(r"[,;]\s+(?:but|while|whereas|although|though|and|however)\s+|;\s+|\s+(?:but|whereas)\s+")


def _reports(text: str) -> bool:
    """Whether ``text`` holds a reporting verb ("said"), not only one that states a figure ("assumed")."""
    return any(found[1].lower() not in _WEAK | _NOUN_TOO for found in _VERB.finditer(text))


class Clauses:
    """The clauses of one sentence ``text[start:end]`` and the speaker each names itself, worked out once."""

    def __init__(self, text: str, start: int, end: int, lower: str | None = None) -> None:
        """``lower``: the text lower-cased as ``sentence_source`` may read it, or None."""
        self.text, self.start, self.end, self.lower = text, start, end, lower
        sentence = text[start:end]
        could_break = any(word in sentence for word in _BREAK_WORDS) or ("," in sentence and "and" in sentence)
        self.breaks = [(found.start(), found.end()) for found in _CLAUSE_BREAK.finditer(text, start, end)] \
            if could_break else []
        self.sources: dict[tuple[int, int], str | None] = {}

    def source_at(self, offset: int) -> str | None:
        """The speaker named in the clause holding ``offset`` when the sentence joins clauses; None when it has
        one clause, or the clause names no speaker (or one that stands for a speaker named before) itself."""
        if not self.breaks:
            return None
        clause = (max((stop for begin, stop in self.breaks if stop <= offset), default=self.start),
                  min((begin for begin, stop in self.breaks if begin >= offset), default=self.end))
        if clause not in self.sources:
            lower = self.lower[clause[0]:clause[1]] if self.lower is not None else None
            source = sentence_source(self.text[clause[0]:clause[1]], lower)
            if source is not None and (not (names_itself(source) or self._set_against(clause[0], source))
                                       or _PRONOUNS & set(source.lower().split())):
                source = None  # "although he said", "the department said": the speaker named before says it
            elif source is not None and not _reports(self.text[clause[0]:clause[1]]) and self.breaks \
                    and clause[1] < self.end and _reports(self.text[self.breaks[-1][1]:self.end]):
                source = None  # "The forecast assumed 13 dlrs …, but prices have risen …, the sources said"
            self.sources[clause] = source
        return self.sources[clause]


    def _set_against(self, clause_start: int, source: str) -> bool:
        """Whether a clause opened by a contrast names a speaker of its own though in a second mention's words
        ("…, IPECODE said, while the government has forecast 2.5 pct")."""
        joined = self.text[max(self.start, clause_start - 12):clause_start].lower()
        return not is_generic(source) and any(f"{word} " in joined[-9:] for word in _CONTRASTS)


_CONTRASTS = ("but", "while", "whereas", "however")


# The owner of an estimate just before its figure: "the government's 1987 forecast of 2.5 mln", "a government
# estimate of 1.99 mln", "Airwars' count of 4,734".
_NOMINAL = re.compile(r"\b([A-Za-z][\w.&-]*)(?:(?:'s|’s)\s+(?:[a-z][\w-]*\s+){0,3}?|(?:'|’)?\s+)"
                      r"(?:\d{4}\s+|own\s+|latest\s+|earlier\s+|"
                      r"previous\s+|initial\s+|revised\s+|official\s+|preliminary\s+)*"
                      r"(?:estimate|forecast|figure|count|tally|projection|toll|death\s+toll)s?\s+"
                      r"(?:of|at|was|is|stood\s+at|put\s+at)\s+(?:[a-z]+\s+){0,3}$")
_NOT_OWNERS = frozenset({"previous", "earlier", "latest", "official", "initial", "revised", "preliminary", "new",
                         "final", "own", "first", "second", "current", "original", "independent", "death",
                         "casualty", "higher", "lower", "conservative", "rough", "other", "unofficial", "minimum",
                         "maximum", "low", "high", "best", "total", "overall", "average", "mid", "upper", "central",
                         "year", "month", "week", "growth", "output", "budget", "trade", "price"})


_NOMINAL_HINT = re.compile(trie(["estimate", "forecast", "figure", "count", "tally", "projection", "toll", "guesses",
                                 "ideas", "official"]))


# Estimates no one is named for, just before a figure: a source of their own beside the sentence's speaker.
_UNNAMED = re.compile(r"\b((?:earlier|previous|other|independent|unofficial|industry|initial|original|later|some|most)"
                      r"\s+(?:trade\s+)?(?:estimates|forecasts|figures|projections|counts|tallies|guesses|ideas)|"
                      r"trade\s+(?:estimates|guesses|ideas)|(?-i:[Tt])he\s+official\s+(?:estimate|forecast|figure))"
                      r"\s+(?:for\s+(?:the\s+)?[\w/-]+\s+)?(?:of|at|put\s+at|is|was|were|are)\s+(?:[a-z]+\s+){0,4}$",
                      re.IGNORECASE)
# "lower than the official 12.8 mln tonnes": the official figure, set against others' estimates.
_OFFICIAL_BEFORE = re.compile(r"\bthe\s+(official|unofficial)\s+$", re.IGNORECASE)
# "some analysts said …, citing trade talk earlier this year that 14 to 15 mln acres …": the figure is the talk's.
_CITING = re.compile(r"\bciting\s+((?:[^,.;:()“”\"]|\.(?=\S)|(?<=\b[A-Z])\.){2,60}?)\s+(?:that|as\s+saying)\s[^.;]*$")


def cited_source(text: str, start: int, offset: int) -> str | None:
    """The source a figure is cited from ("citing X that … N"), else None (the caller asks only when the text
    holds "citing")."""
    at = text.find("citing", max(start, offset - 200), offset)
    if at < 0:
        return None
    found = _CITING.search(text, at, offset)
    return found[1] if found is not None else None


def nominal_source(text: str, start: int, offset: int) -> str | None:
    """Who owns the estimate a figure is given as ("a government estimate of 1.99 mln": "government"), else
    None; a pronoun or a generic noun ("its estimate") is left to the sentence's speaker."""
    if _NOMINAL_HINT.search(text, max(start, offset - 90), offset) is None:
        return None  # the words the patterns need are not there: most figures
    if text.endswith("official ", max(start, offset - 12), offset) \
            and (official := _OFFICIAL_BEFORE.search(text, max(start, offset - 20), offset)) is not None:
        return f"the {official[1]} figure"
    if (unnamed := _UNNAMED.search(text, max(start, offset - 90), offset)) is not None:
        return unnamed[1]  # "higher than earlier estimates of 150,000"
    found = _NOMINAL.search(text, max(start, offset - 90), offset)
    if found is None:
        return None
    owner = found[1]
    if owner.lower() in STOP or owner.lower() in _NOT_OWNERS or is_generic(owner) or not looks_like_speaker(owner):
        return None  # "production is still forecast at": no one's forecast
    return owner


# Generic speakers that are someone named before as such ("the U.S. official"), not the last named organisation
# (whose "spokesman" speaks for it).
_PEOPLE = frozenset({"official"})
LOOK_BACK = 15  # sentences a generic speaker ("the sources") is looked for back


class Attributor:
    """Sources for the sentences of one document, read in order (a generic speaker takes the last named one)."""

    def __init__(self, earlier: Callable[[str], str | None] | None = None) -> None:
        """``earlier(noun)``: the latest source named itself in the ``LOOK_BACK`` sentences before the one read
        whose name holds ``noun``; by default looked for in the sentences this attributor has read."""
        self.last_named: str | None = None
        self.previous: str | None = None
        self.open_quote = False
        self.earlier = earlier or self._read_before
        self.named_before: deque[str | None] = deque(maxlen=LOOK_BACK)  # the last sentences' own sources

    def _read_before(self, noun: str) -> str | None:
        return next((named for named in reversed(self.named_before)
                     if named is not None and names_itself(named) and noun in _name_words(named)), None)

    def _names_again(self, source: str) -> bool:
        """"The embassy" or "the bank" after "the U.S. Embassy" or "Royal Bank of Canada": the same source."""
        words = source.lower().split()
        if len(words) != 2 or words[0] not in ("the", "this", "that") or not self.last_named:
            return False
        return words[1] in self.last_named.lower().replace("<", " ").replace(">", " ").split()

    def source_of(self, sentence: str) -> str | None:
        """The source of the next sentence."""
        return self.take(sentence, sentence_source(sentence))

    def take(self, sentence: str, named: str | None) -> str | None:
        """The source of the next sentence, which names ``named`` itself (its ``sentence_source``)."""
        source = named
        if source and (is_generic(source) or self._names_again(source)):
            source = self._resolve(source)
        elif source:
            self.last_named = source
        elif self.previous and (self.open_quote or sentence.lstrip().startswith(("“", "\""))
                                or _CONTINUES.match(sentence) or _FORECAST.search(sentence)):
            source = self.previous  # a quote, or reported speech ("It would cost…"), going on from the last
        if "“" in sentence or "”" in sentence:
            self.open_quote = sentence.rfind("“") > sentence.rfind("”")
        self.previous = source
        self.named_before.append(named)
        return source

    def _resolve(self, generic: str) -> str | None:
        """The source a generic speaker stands for: "the sources" for "trade sources" though "the Finance
        Ministry" was named since; a pronoun, or a noun no earlier name holds, for the last named (a pronoun
        with no one named before: nobody the reader can tell, so the document's own voice)."""
        noun = lemma(generic.split()[-1])
        if noun in _PRONOUNS:
            return self.last_named
        if not self.last_named or noun in _name_words(self.last_named):
            return self.last_named or generic
        found = self.earlier(noun)
        if found is None:  # "the official" after "the Yugoslav Grain Association": someone else
            return generic if noun in _PEOPLE else self.last_named
        self.last_named = found  # "they said" next is them again
        return found

    def restart(self, source: str, open_quote: bool) -> None:
        """The state after a sentence that names ``source`` itself (see ``names_itself``)."""
        self.last_named = self.previous = source
        self.open_quote = open_quote


@lru_cache(maxsize=1024)
def _name_words(name: str) -> frozenset[str]:
    """The lemmas of a source's name (asked again for every generic speaker after it)."""
    return frozenset(lemma(word) for word in name.replace("<", " ").replace(">", " ").split())


def names_itself(source: str) -> bool:
    """Whether a sentence naming ``source`` gets it whatever came before: a named, not generic source that
    cannot be a second mention ("the embassy") of an earlier one."""
    if not source or is_generic(source):
        return False
    words = source.lower().split()
    return not (len(words) == 2 and words[0] in ("the", "this", "that"))




class SentenceSources:
    """The sources of a text's sentences, worked out only for the sentences asked about and the ones before them
    that their source can depend on (a generic speaker, a quote going on): back to the last sentence that names
    its source itself. The same answers as an ``Attributor`` reading every sentence in order, for less: in news,
    most sentences hold no figure, and most that hold none name no speaker either."""

    def __init__(self, text: str, spans: Sequence[tuple[int, int]], lower: str | None = None) -> None:
        self.text, self.spans = text, spans
        self.attributor = Attributor(self._earlier)
        self.read = 0  # sentences before this one have been read in order (or skipped past a restart)
        self.reading = 0  # the sentence the attributor is reading
        self.sources: dict[int, str | None] = {}
        self.named: dict[int, str | None] = {}
        starts = [start for start, _end in spans]
        self.lower = text.lower() if lower is None else lower
        # The lower-cased text is read in place of the text when it finds the same (see sentence_source).
        self.use_lower = len(self.lower) == len(text) and "ı" not in text and "ſ" not in text
        self.quotes: dict[int, bool] = {}  # sentence → whether a curly quote is open after it
        for quote in _CURLY_QUOTE.finditer(text):
            index = bisect_right(starts, quote.start()) - 1
            if index >= 0 and quote.start() < spans[index][1] and index not in self.quotes:
                sentence = text[spans[index][0]:spans[index][1]]
                self.quotes[index] = sentence.rfind("“") > sentence.rfind("”")

    def _named(self, index: int) -> str | None:
        if index not in self.named:
            start, end = self.spans[index]
            self.named[index] = sentence_source(self.text[start:end],
                                                self.lower[start:end] if self.use_lower else None)
        return self.named[index]

    def _earlier(self, noun: str) -> str | None:
        """The latest source named itself in the sentences before the one being read whose name holds
        ``noun`` (at most ``LOOK_BACK`` sentences back)."""
        stem = noun[:-1] if len(noun) > 3 else noun  # in every word whose lemma is ``noun`` ("company", "companies")
        for back in range(self.reading - 1, max(-1, self.reading - 1 - LOOK_BACK), -1):
            if back not in self.named and self.lower.find(stem, *self.spans[back]) < 0:
                continue  # the sentence cannot name it: not worth finding its speaker
            named = self._named(back)
            if named is not None and names_itself(named) and noun in _name_words(named):
                return named
        return None

    def _open_quote_after(self, index: int) -> bool:
        quoted = [number for number in self.quotes if number <= index]
        return self.quotes[max(quoted)] if quoted else False

    def source_at(self, index: int) -> str | None:
        """The source of sentence ``index`` (cheapest when asked in the order of the text)."""
        if index in self.sources:
            return self.sources[index]
        if index < self.read:  # skipped on the way to a later sentence: read again from the start
            self.attributor, self.read = Attributor(self._earlier), 0
        for back in range(index, self.read - 1, -1):  # this sentence first: most name their source
            named = self._named(back)
            if named is not None and names_itself(named):
                self.attributor.restart(named, self._open_quote_after(back))
                self.sources[back], self.read = named, back + 1
                break
        for number in range(self.read, index + 1):
            self.reading = number
            start, end = self.spans[number]
            self.sources[number] = self.attributor.take(self.text[start:end], self._named(number))
        self.read = index + 1
        return self.sources[index]
