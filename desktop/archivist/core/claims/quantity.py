"""Whether two figures of one document count the same quantity though their phrases differ.

The grouping key ("rebate", "shipment") joins the claims of one quantity when the text names it the same way;
a story often names it again in other words: "the maximum EC sugar export rebate" and later "the rebate",
"Yugoslav corn shipments" and "monthly shipments", "75,000 tonnes" by West German traders and "up to 110,000
tonnes offered by German traders". Two figures are taken for one quantity when they share the unit and
currency, their values are within a few times of each other, the content words around them (in their clause,
up to the next figure) share one, and they do not name different periods ("in 1981/82", "in 1986/87").

The text around the figure is kept after a tab in the claim's ``context`` (the part before it is what claims in
other documents are matched by), in documents that name two sources or more, for their claims that name one:
no other claim can be paired this way.
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache

from archivist.core.claims.vocabulary import CURRENCY_WORDS, MEASURES, MONTHS, PERCENT_WORDS, QUALIFIERS, SCALES
from archivist.core.claims.what import EVENTS, STOP, lemma, tokens

SEPARATOR = "\t"
COMMON_AMONG = 5  # claims of one unit in a document among which words beside half of them say nothing
# How far two values of a quantity named in other words can be apart and still be two sources' figures for it
# ("75,000 tonnes" against "up to 110,000 tonnes"); figures further apart are, far more often, two quantities
# of one kind in one story (a fund's 26 pct and another's 70 pct, one country's export quota and another's).
MAX_RATIO = 1.6
_BEFORE, _AFTER = 8, 8  # tokens read on each side of a figure
_BEFORE_CHARS, _AFTER_CHARS = 50, 70  # the text kept on each side
_ENDS = frozenset({",", ";", ":", "(", ")", "“", "”", "\"", "."})
# Words that join a figure to the one it is set against: what comes after them is the other figure's.
_TURNS = frozenset({"from", "against", "compared", "versus", "vs", "vs.", "than", "and", "or", "but", "while"})
_GENERIC = """
    pct percent cent year years quarter month months week weeks day days period time times fiscal calendar
    current previous last next same total overall estimated estimate estimates expected forecast figure figures
    rose fell rise fall risen fallen increase increased decrease decreased up down reached totalled totaled
    stood put gave give said says say told reported added level compared against rate source sources
    mln bln dlrs dlr cts billion million thousand hundred end mid early late new record now already still
    first second third fourth half
"""  # words around many figures that say nothing of what one counts
_NOT_CONTENT = STOP | frozenset(SCALES) | frozenset(MEASURES) | frozenset(CURRENCY_WORDS) | MONTHS | frozenset(
    word for phrase in (*PERCENT_WORDS, *QUALIFIERS) for word in phrase.split()) | frozenset(_GENERIC.split())


def _is_year(token: str) -> bool:
    return len(token) == 4 and token.isdigit() and token[:2] in ("19", "20")


def period(after: list[str]) -> str:
    """The years (and months) the words after a figure place it in, up to its clause's end or the next figure
    ("in 1986/87", "to end-March 1987"): "1986/87", "march-1987"; "" when they name none."""
    parts: list[str] = []
    index = 0
    while index < min(len(after), _AFTER):
        token, low = after[index], after[index].lower()
        if _is_year(token):
            end = after[index + 2].rstrip(".,") if index + 2 < len(after) else ""
            if end.isdigit() and after[index + 1] in ("/", "-"):
                token, index = f"{token}/{end[-2:]}", index + 2  # "1986/87", "1985-1986"
            parts.append(token)
        elif _month(low) and low.rsplit("-", 1)[-1] in _MONTHS:
            parts.append(low.rsplit("-", 1)[-1][:3])  # "end-March": march
        elif low in _RELATIVE and index + 1 < len(after) and after[index + 1].lower() in _SPANS:
            parts.append(f"~{low}-{after[index + 1].lower()}")  # "last year", "this quarter"
            index += 1
        elif token in (";", ",") or low in _TURNS or token[:1].isdigit():
            break
        index += 1
    return "-".join(parts)


_MONTHS = MONTHS - {"may"}  # "may be authorised": a verb far more often than a month
# Periods named from now ("last year"): compared only with each other, not with years ("this year" may be 1987).
_RELATIVE = frozenset({"last", "this", "next", "previous", "current", "coming", "past"})
_SPANS = frozenset({"year", "month", "week", "quarter", "season", "half"})


def _month(low: str) -> bool:
    """"march", "end-march", "mid-1987"."""
    return low.rsplit("-", 1)[-1] in _MONTHS or (low[:4] in ("end-", "mid-") and low[4:5].isdigit())


def _lemma(token: str) -> str:
    return lemma(token.removesuffix("'s").removesuffix("’s"))


def words_near(before: list[str], after: list[str], skip: str) -> list[str]:
    """The lemmas of the content words in a figure's clause, up to the figures on either side (``skip``: the
    source's words, which say who, not what)."""
    found: list[str] = []
    for token in reversed(before[-_BEFORE:]):
        if token in _ENDS or (token[:1].isdigit() and not _is_year(token)) or token.lower() in _TURNS:
            break
        found.append(token)
    for token in after[:_AFTER]:
        if token in _ENDS or token[:1].isdigit() or token.lower() in _TURNS:
            break
        found.append(token)
    skipped = set(skip.lower().split())
    lemmas = {_lemma(token) for token in found if token[:1].isalpha() and token.lower() not in _NOT_CONTENT
              and token.lower() not in skipped and len(token) > 2 and not _month(token.lower())}
    return sorted(lemmas - _NOT_CONTENT)


def window(text: str, figure_start: int, figure_end: int, sentence: tuple[int, int]) -> str:
    """What a claim keeps after the tab in its context: the text of its sentence just before and just after the
    figure (tab between; a cut word is dropped when read). Only cut out at extraction, which runs in every
    import; read (``quantity_words``) only for the few pairs ever compared this way."""
    before = text[max(sentence[0], figure_start - _BEFORE_CHARS):figure_start]
    after = text[figure_end:min(sentence[1], figure_end + _AFTER_CHARS)]
    if SEPARATOR in before or SEPARATOR in after:
        before, after = before.replace(SEPARATOR, " "), after.replace(SEPARATOR, " ")
    return before + SEPARATOR + after


@lru_cache(maxsize=4096)
def quantity_words(context: str, what: str, source: str | None) -> frozenset[str]:
    """The content words of a claim's clause (with those of its ``what``) and its period as "@1986/87", from
    the window its context keeps (empty when it keeps none)."""
    _cross, _tab, kept = context.partition(SEPARATOR)
    before_text, tab, after_text = kept.partition(SEPARATOR)
    if not tab:
        return frozenset()
    before, after = tokens(before_text), tokens(after_text)
    if len(before_text) == _BEFORE_CHARS and before and not before_text[:1].isspace():
        before = before[1:]  # the window may have cut the first word
    skip = (source or "").lower()
    words = set(words_near(before, after, skip))
    words.update(_lemma(word) for word in what.split() if word.lower() not in _NOT_CONTENT and len(word) > 2
                 and word.lower() not in skip.split() and not _month(word.lower()))
    when = period(after)
    return frozenset(words | ({f"@{when}"} if when else set()))


def cross_context(context: str) -> str:
    """The part of a claim's context that claims in other documents are matched by."""
    return context.partition(SEPARATOR)[0]


def same_quantity(first: frozenset[str], second: frozenset[str], same_key: bool = False,
                  common: frozenset[str] = frozenset()) -> bool:
    """Whether two claims' ``quantity_words`` can name one quantity: no two different periods and (unless their
    keys are the same already) a content word in common that is not ``common`` to most of the document's
    claims (a story about corn has "corn" beside every figure)."""
    periods_a = {word for word in first if word[:1] == "@"}
    periods_b = {word for word in second if word[:1] == "@"}
    for named_from_now in (False, True):  # years with years, "last year" with "this year"
        when_a = {word for word in periods_a if (word[1:2] == "~") is named_from_now}
        when_b = {word for word in periods_b if (word[1:2] == "~") is named_from_now}
        if when_a and when_b and not when_a & when_b:
            return False
    return same_key or bool((first - periods_a) & (second - periods_b) - common)


def same_kind(first: str, second: str, key: str) -> bool:
    """Whether two phrases of one ``key`` can name one quantity: "distillate demand" and "gasoline demand"
    cannot (each names a kind the other does not); "crude oil output" and "oil production" can, and so can a
    phrase with no kind of its own ("people killed", "the death toll")."""
    kinds_a, kinds_b = _kinds(first, key), _kinds(second, key)
    return not kinds_a or not kinds_b or bool(kinds_a & kinds_b)


@lru_cache(maxsize=4096)
def _kinds(what: str, key: str) -> frozenset[str]:
    """The content words of a phrase before its head noun and its event word (the key's words)."""
    words = what.split()[:-1]
    return frozenset(_lemma(word) for word in words if word.lower() not in _NOT_CONTENT and word[:1].isalpha()
                     and len(word) > 2 and word.lower() not in EVENTS) - frozenset(key.split())


def common_words(words: list[frozenset[str]]) -> frozenset[str]:
    """The words beside half or more of the claims of one unit in a document (when it has five or more: with
    fewer, the quantity disputed is often most of what they count)."""
    if len(words) < COMMON_AMONG:
        return frozenset()
    counts = Counter(word for claim in words for word in claim)
    return frozenset(word for word, number in counts.items() if number * 2 >= len(words))


def comparable(a: float, b: float) -> bool:
    """Whether two values are within ``MAX_RATIO`` of each other (and of one sign)."""
    low, high = sorted((abs(a), abs(b)))
    return (a >= 0) == (b >= 0) and high <= low * MAX_RATIO
