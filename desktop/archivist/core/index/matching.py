"""Finding in a text the words a query matched, and its exact phrases, for snippet marks and the reader.

A text can be megabytes (a 300-page PDF), so words are not all analysed: a regex of the matched terms' prefixes
(accent-, case- and mark-blind, Arabic letter variants and proclitics allowed) finds the few candidate words
fast, and each candidate is analysed the way the index did, in the query's candidate languages. CJK terms are
bigrams, found where they occur (overlapping) and merged into one mark per run. An exact phrase is found word
by word from each place its first word occurs, with the exact analysis, and marked as one match.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence

from whoosh.support.charset import accent_map

from archivist.core.index.analysis import Terms, combining_marks_class, languages_for, pieces
from archivist.core.index.normalise import ARABIC, CJK, is_cjk, normalise

_MARKS = combining_marks_class()
_LETTERS = rf"[\w{_MARKS}]"
# Arabic letters that normalise to one another (normalise.ARABIC_TABLE), and the Persian forms Snowball returns.
_ARABIC_VARIANTS = ("اأإآٱ", "يىیې", "كکڪ", "هۀہەة", "ءئؤ")  # Snowball writes ء where a text has ئ or ؤ
# Proclitics a light Arabic stemmer removes before the stem: wa-, fa-, bi-, ka-, li-, and the article, and the
# lam of a lam-initial noun after al-/li- (light_stemming: اللاجئين and للاجئين both stem to اجء).
_ARABIC_PROCLITICS = rf"(?:[وفبكل][{_MARKS}]*){{0,2}}(?:ال)?ل?"
_BREAK = r"(?:-[ \t]*\r?\n[ \t]*(?=\w))"  # analysis.WORDS joins these halves when a lowercase letter follows
PHRASE_REACH = 60  # characters a phrase word may take, with the space before it, when reading a phrase on


def _variant_classes() -> dict[str, str]:
    """For each letter, every character that normalising or accent folding turns into it ("e" → "eéèêë…")."""
    variants: dict[str, set[str]] = {}
    for code, folded in accent_map.items():
        if isinstance(folded, str) and len(folded) == 1 and folded.isascii():
            variants.setdefault(folded, {folded}).add(chr(code))
    variants.setdefault("i", {"i"}).add("ı")
    variants["е"] = {"е", "ё"}
    for group in _ARABIC_VARIANTS:
        for char in group:
            variants[char] = set(group)
    return {letter: "".join(sorted(chars)) for letter, chars in variants.items()}


_VARIANTS = _variant_classes()


def _stem_prefix(term: str) -> str:
    """A prefix every surface form of a stemmed term starts with.

    Porter only rewrites a word's end: "happy" → "happi", "hoping" → "hope", "feasibility" → "feasibl";
    dropping a final e/i and the l of "bl" gives a true prefix (checked on 20,000 Reuters and CISI words).
    Snowball's stemmers remove endings; the analysis of each candidate decides.
    """
    prefix = term
    if len(prefix) > 1 and prefix[-1] in "ei":
        prefix = prefix[:-1]
    if prefix.endswith("bl"):
        prefix = prefix[:-1]
    return prefix


def _covering_prefixes(prefixes: Iterable[str]) -> list[str]:
    """The prefixes no shorter one covers, longest first: "ship" makes "shipment" redundant, which keeps the
    regex of a prefix or wildcard query that expands to hundreds of terms short."""
    kept: set[str] = set()
    for prefix in sorted(set(prefixes), key=len):
        if not any(prefix[:end] in kept for end in range(1, len(prefix) + 1)):
            kept.add(prefix)
    return sorted(kept, key=len, reverse=True)


def _letters_pattern(prefix: str) -> str:
    """The prefix as a regex: each letter any of its variants; combining marks may follow any non-ASCII letter
    (harakat, stress marks), and a word broken at a line end may continue after a hyphen ("vis-\nitors")."""
    between = "" if prefix.isascii() else f"[{_MARKS}]*"
    return f"{_BREAK}?".join(
        (f"[{re.escape(_VARIANTS[char])}]" if char in _VARIANTS else re.escape(char)) + between for char in prefix
    )


def candidate_pattern(terms: Iterable[str]) -> re.Pattern[str] | None:
    """Words that may analyse to one of ``terms`` (CJK bigrams aside): a regex over their prefixes."""
    alternatives = []
    for prefix in _covering_prefixes(_stem_prefix(term) for term in terms if term and not is_cjk(term[0])):
        pattern = _letters_pattern(prefix)
        alternatives.append(_ARABIC_PROCLITICS + pattern if normalise(prefix)[1] == ARABIC else pattern)
    if not alternatives:
        return None
    # The lookbehind is tried at every character of the text: \w only (a word starting after a lone combining
    # mark is rare), which kept a 1.5 MB text's scan as fast as before.
    return re.compile(rf"(?<![\w.])(?:{'|'.join(alternatives)})(?:{_LETTERS}|{_BREAK})*(?:\.{_LETTERS}+)*",
                      re.IGNORECASE)


def _cjk_pattern(terms: Iterable[str]) -> re.Pattern[str] | None:
    """Where each CJK term (a bigram or a lone character) starts, overlapping ones included."""
    cjk = sorted({term for term in terms if term and is_cjk(term[0])}, key=len, reverse=True)
    return re.compile(f"(?=({'|'.join(map(re.escape, cjk))}))") if cjk else None


class TermMatcher:
    """Finds the words of a text whose analysed form is a matched term, and the query's exact phrases.

    ``terms`` are stems, a word marked where its analysis in the query's candidate languages gives one; ``words``
    are exact forms (the index's terms), marked where a word is written so; ``phrases`` are sequences of exact
    forms, marked only where they follow each other; ``languages`` are the query's candidate languages by script
    (languages.query_candidates), in which the text's words are analysed.
    """

    def __init__(self, terms: Iterable[str], phrases: Iterable[Sequence[str]] = (),
                 languages: Mapping[str, Sequence[str]] | None = None, words: Iterable[str] = ()) -> None:
        self.terms = set(terms)
        words = [word for word in words if word]
        self.words = {word for word in words if not is_cjk(word[0])}
        self.terms.update(word for word in words if is_cjk(word[0]))  # bigrams: found where they occur
        self.phrases = [tuple(phrase) for phrase in phrases if phrase]
        self.languages = languages
        self._analysis = Terms()
        self._cache: dict[str, list[str]] = {}
        self._exact: dict[str, str] = {}
        self.candidates = candidate_pattern(self.terms | self.words)
        self.cjk = _cjk_pattern(self.terms)
        firsts = {phrase[0] for phrase in self.phrases}
        self.phrase_starts = candidate_pattern(firsts), _cjk_pattern(firsts)

    def terms_of(self, word: str) -> list[str]:
        """The index terms a surface word may have (one per candidate language; none for a stop word)."""
        found = self._cache.get(word)
        if found is None:
            found = []
            for piece, script, _start, _end in pieces(word):
                for term in self._analysis.alternatives(piece, script, languages_for(script, None, self.languages)):
                    if term not in found:
                        found.append(term)
            self._cache[word] = found
        return found

    def exact_of(self, word: str) -> str:
        """The word's exact form (its first piece as the index holds it)."""
        found = self._exact.get(word)
        if found is None:
            found = self._exact[word] = next((piece for piece, _s, _st, _e in pieces(word)), "")
        return found

    def key_of(self, word: str) -> str | None:
        """The stem or exact form of the query ``word`` matches, if any."""
        term = next((term for term in self.terms_of(word) if term in self.terms), None)
        if term is None and self.words:
            exact = self.exact_of(word)
            return exact if exact in self.words else None
        return term

    def term_of(self, word: str) -> str | None:
        """The first index term of a surface word (None for a stop word)."""
        found = self.terms_of(word)
        return found[0] if found else None


def find_matches(text: str, matcher: TermMatcher) -> list[tuple[int, int, str]]:
    """Every (start, end, key) to mark, in text order: a matched word (key = its term), a run of CJK bigrams, or a
    whole exact phrase (key = the phrase); a word inside a marked phrase is not marked again."""
    found: list[tuple[int, int, str]] = []
    if matcher.candidates is not None:
        for match in matcher.candidates.finditer(text):
            term = matcher.key_of(match.group())
            if term is not None:
                found.append((match.start(), match.end(), term))
    if matcher.cjk is not None:
        found.extend(_cjk_runs(text, matcher.cjk))
    phrases = _phrase_matches(text, matcher)
    if phrases:
        found = [hit for hit in found if not any(start <= hit[0] < end for start, end, _key in phrases)] + phrases
    return sorted(found)


def _cjk_runs(text: str, pattern: re.Pattern[str]) -> list[tuple[int, int, str]]:
    """CJK terms where they occur, overlapping or touching ones merged ("联合" + "合国" → "联合国")."""
    runs: list[tuple[int, int, str]] = []
    for match in pattern.finditer(text):
        start, end = match.start(), match.start() + len(match.group(1))
        if runs and start <= runs[-1][1]:
            first, _last, _key = runs[-1]
            runs[-1] = (first, max(end, runs[-1][1]), text[first : max(end, runs[-1][1])])
        else:
            runs.append((start, end, match.group(1)))
    return runs


def _phrase_matches(text: str, matcher: TermMatcher) -> list[tuple[int, int, str]]:
    words, cjk = matcher.phrase_starts
    starts = sorted({match.start() for pattern in (words, cjk) if pattern is not None
                     for match in pattern.finditer(text)})
    found: list[tuple[int, int, str]] = []
    for start in starts:
        if found and start < found[-1][1]:
            continue
        for phrase in matcher.phrases:
            end = phrase_end(text, start, phrase)
            if end is not None:
                found.append((start, end, " ".join(phrase)))
                break
    return found


def phrase_end(text: str, start: int, phrase: Sequence[str]) -> int | None:
    """Where ``phrase`` (exact forms) ends when it is read from ``start`` word by word; None when it is not."""
    reach = text[start : start + PHRASE_REACH * len(phrase) + PHRASE_REACH]
    read = pieces(reach)
    for wanted in phrase:
        piece = next(read, None)
        if piece is None or piece[0] != wanted:
            return None
        end = piece[3]
    return start + end


def find_phrase(text: str, phrase: str) -> list[tuple[int, int]]:
    """Every (start, end) of ``phrase`` as a quoted phrase matches it: its exact words in order, whatever the case,
    line breaks, harakat or stress marks between them (the reader's find bar)."""
    words = [word for word, _script, _start, _end in pieces(phrase)]
    if not words:
        return []
    return [(start, end) for start, end, _key in find_matches(text, TermMatcher((), [words]))]


__all__ = ["CJK", "TermMatcher", "candidate_pattern", "find_matches", "find_phrase", "phrase_end"]
