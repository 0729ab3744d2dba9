"""The index's text analysis by language, in two Whoosh analysers that tokenise and analyse in one pass.

``LanguageAnalyzer`` (the title and body fields): words normalised for their script (normalise.py), stop words
dropped and words stemmed in the document's language (stemmers.py), accents folded after stemming, CJK runs as
overlapping character bigrams. ``ExactAnalyzer`` (the exact-form fields that quoted phrases search): the same
words normalised, nothing dropped, nothing stemmed, so ``"without any authorization"`` means those words.

The language reaches the analyser through context variables, not through the text: ``document_language`` around
indexing a document (index.add_fields), ``query_languages`` around parsing a query, where a word is analysed in
each candidate language of its script and the distinct terms come out at one position (query.py ORs them).

Whoosh chains a tokenizer and filters as Python generators and caches stems in a pure-Python LFU cache that counts
every call; one generator and a dict per language give the same tokens in less than half the time (profiling an
import of 2,000 Reuters stories showed the analysis as the largest part of indexing). An ASCII word of a text in
one Latin language, most words of most texts, takes a fast path that skips normalising and script detection.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from whoosh.analysis import Composable, Token

from archivist.core.index import forms
from archivist.core.index.normalise import CJK, CJK_CLASS, LATIN, combining_marks_class, fold_latin, normalise
from archivist.core.index.stemmers import language_for, stemmer, stop_words

# A word: letters, digits and combining marks (which Python's \w leaves out: «حَبيبي», «Литва́»), with inner periods
# kept ("U.S.", as Whoosh's default); an apostrophe between Cyrillic letters («м'ясо»); a hyphen at a line end
# before a lowercase letter joins the two halves of a broken word ("vis-\nitors").
_MARKS = combining_marks_class()
_LETTER = rf"[\w{_MARKS}]"
_CYRILLIC_LOWER = "а-яёіїєґў"
WORDS = (rf"{_LETTER}+(?:(?:\.|(?<=[{_CYRILLIC_LOWER}])['\u2019](?=[{_CYRILLIC_LOWER}])"
         rf"|-[ \t]*\r?\n[ \t]*(?=[a-zß-ÿ{_CYRILLIC_LOWER}])){_LETTER}+)*")
_WORD = re.compile(WORDS)
_BROKEN = re.compile(r"-[ \t]*\r?\n[ \t]*")
_CJK_RUN = re.compile(f"[{CJK_CLASS}]+")
MIN_SIZE = 2  # shorter words are not indexed in the stemmed fields (as before: "s" of "author's")
CACHE_LIMIT = 200_000  # words remembered per language before the memo starts over

_document_language: ContextVar[str | None] = ContextVar("archivist_document_language", default=None)
_query_languages: ContextVar[Mapping[str, Sequence[str]] | None] = ContextVar("archivist_query_languages",
                                                                                default=None)


@contextmanager
def document_language(language: str | None) -> Iterator[None]:
    """Analyse the text indexed in the block as written in ``language`` (None: each script's default)."""
    token = _document_language.set(language)
    try:
        yield
    finally:
        _document_language.reset(token)


@contextmanager
def query_languages(candidates: Mapping[str, Sequence[str]] | None) -> Iterator[None]:
    """Analyse query words of each script in each of its candidate languages ({script: [language, …]})."""
    token = _query_languages.set(candidates)
    try:
        yield
    finally:
        _query_languages.reset(token)


def pieces(text: str) -> Iterator[tuple[str, str, int, int]]:
    """(normalised word, script, start, end) of each word of ``text``; a CJK run gives its bigrams (a lone
    character itself), underscores split words ("Seige_of_Vicksburg")."""
    for match in _WORD.finditer(text):
        yield from match_pieces(match)


def match_pieces(match: re.Match[str]) -> list[tuple[str, str, int, int]]:
    """The pieces of one word the tokeniser matched, remembered by the word's text (normalising a non-ASCII word
    costs microseconds, and a text repeats its words)."""
    raw, start = match.group(), match.start()
    relative = _PIECES.get(raw)
    if relative is None:
        if len(_PIECES) >= CACHE_LIMIT:
            _PIECES.clear()
        relative = _PIECES[raw] = list(_word_pieces(raw, 0, len(raw)))
    if not start:
        return relative
    return [(word, script, start + first, start + last) for word, script, first, last in relative]


_PIECES: dict[str, list[tuple[str, str, int, int]]] = {}


def _word_pieces(raw: str, start: int, end: int) -> Iterator[tuple[str, str, int, int]]:
    if "-" in raw:
        raw = _BROKEN.sub("", raw)  # offsets inside a joined word are approximate; only the ends matter
    word, script = normalise(raw)
    if "_" in word:
        offset = start
        for part in word.split("_"):
            if part:
                yield from _split_cjk(part, script if part.isascii() else normalise(part)[1], offset)
            offset += len(part) + 1
    elif script == CJK or (not word.isascii() and _CJK_RUN.search(word)):
        yield from _split_cjk(word, script, start)
    else:
        yield word, script, start, end


def _split_cjk(word: str, script: str, start: int) -> Iterator[tuple[str, str, int, int]]:
    if word.isascii() or not _CJK_RUN.search(word):
        yield word, script, start, start + len(word)
        return
    cursor = 0
    for run in _CJK_RUN.finditer(word):
        if run.start() > cursor:
            part = word[cursor : run.start()]
            yield part, normalise(part)[1], start + cursor, start + run.start()
        chars = run.group()
        if len(chars) == 1:
            yield chars, CJK, start + run.start(), start + run.end()
        for offset in range(len(chars) - 1):
            yield chars[offset : offset + 2], CJK, start + run.start() + offset, start + run.start() + offset + 2
        cursor = run.end()
    if cursor < len(word):
        part = word[cursor:]
        yield part, normalise(part)[1], start + cursor, start + len(word)


_WHOLE = re.compile(r".+", re.DOTALL)  # tokenize=False: the whole value is one word


class Terms:
    """The index term of a normalised word in a language (None for a stop word or a too-short word), remembered.

    A word analysed for the first time is offered to ``forms`` under its term, which keeps it while an index
    writer is recording (what a search for the word expands to, and the words "did you mean" may suggest)."""

    def __init__(self) -> None:
        self._memo: dict[str | None, dict[str, str | None]] = {}

    def memo(self, language: str | None) -> dict[str, str | None]:
        """The terms of the words met so far in ``language``."""
        memo = self._memo.get(language)
        if memo is None:
            memo = self._memo[language] = {}
        return memo

    def term(self, word: str, script: str, language: str | None) -> str | None:
        memo = self.memo(language)
        term = memo.get(word, _MISSING)
        if term is _MISSING:
            if len(memo) >= CACHE_LIMIT:
                memo.clear()
            term = memo[word] = _analyse(word, script, language)
        return term  # type: ignore[return-value]

    def alternatives(self, word: str, script: str, languages: Sequence[str | None]) -> list[str]:
        """The distinct terms of ``word`` in each of ``languages`` (stop words give none)."""
        found: list[str] = []
        for language in languages:
            term = self.term(word, script, language)
            if term is not None and term not in found:
                found.append(term)
        return found


_MISSING = object()


def _analyse(word: str, script: str, language: str | None) -> str | None:
    if script == CJK:
        return word
    if len(word) < MIN_SIZE or (language is not None and word in stop_words(language)):
        return None
    stem = stemmer(language) if language is not None else None
    if script == LATIN:
        term = fold_latin(stem(fold_latin(word) if language == "en" else word) if stem else word)
    else:
        term = stem(word) if stem else word
    forms.offer(term, word)
    return term


def languages_for(script: str, document: str | None, query: Mapping[str, Sequence[str]] | None) -> Sequence[str | None]:
    """The languages a word of ``script`` is analysed in: the query's candidates, else the document's."""
    if query is not None:
        candidates = query.get(script)
        if candidates:
            return candidates
    return (language_for(script, document),)


class LanguageAnalyzer(Composable):
    """Tokenise, normalise, drop stop words and stem, by language; stop words renumber later positions, as
    Whoosh's StopFilter does, so a phrase matches across a dropped word."""

    def __init__(self) -> None:
        self._terms = Terms()

    def __getstate__(self) -> dict[str, Any]:
        return {}  # the schema is pickled into the index: no cache goes with it

    def __setstate__(self, state: dict[str, Any]) -> None:
        self._terms = Terms()

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self)

    def __hash__(self) -> int:
        return hash(type(self))

    def __call__(self, value: str, positions: bool = False, chars: bool = False, keeporiginal: bool = False,
                 removestops: bool = True, start_pos: int = 0, start_char: int = 0, tokenize: bool = True,
                 mode: str = "", **kwargs: Any) -> Iterator[Token]:
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        token.boost = 1.0
        document = _document_language.get()
        query = _query_languages.get() if mode == "query" else None
        terms = self._terms
        chosen: dict[str, Sequence[str | None]] = {}
        latin = languages_for(LATIN, document, query)
        # The fast path: an ASCII word in one Latin language is looked up in that language's memo directly.
        fast_language = latin[0] if len(latin) == 1 else _MISSING
        fast_memo = terms.memo(fast_language) if fast_language is not _MISSING else {}  # type: ignore[arg-type]
        pos: int | None = None  # as Whoosh's StopFilter: the first kept word keeps its place, later ones follow it
        index = start_pos - 1
        matches = _WORD.finditer(value) if tokenize else [_WHOLE.match(value)]
        for match in matches:
            if match is None:
                continue
            raw = match.group()
            if fast_language is not _MISSING and raw.isascii() and "_" not in raw and "-" not in raw:
                word = raw.lower()
                term = fast_memo.get(word, _MISSING)
                if term is _MISSING:
                    term = terms.term(word, LATIN, fast_language)  # type: ignore[arg-type]
                index += 1
                if term is not None:
                    pos = index if pos is None else pos + 1
                    token.text, token.stopped = term, False
                    if positions:
                        token.pos = pos
                elif removestops:
                    continue
                else:
                    token.text, token.stopped = word, True
                    if positions:
                        token.pos = index
                if chars:
                    token.startchar, token.endchar = start_char + match.start(), start_char + match.end()
                if keeporiginal:
                    token.original = word
                yield token
            else:
                words = []
                for word, script, start, end in match_pieces(match):
                    languages = chosen.get(script)
                    if languages is None:
                        languages = chosen[script] = languages_for(script, document, query)
                    if len(languages) == 1:
                        words.append((word, terms.term(word, script, languages[0]), start, end))
                    else:
                        found = terms.alternatives(word, script, languages)
                        words.extend((word, term, start, end) for term in found or [None])
                last_index = None
                for word, term, start, end in words:
                    if start != last_index:
                        index += 1
                        if term is not None:
                            pos = index if pos is None else pos + 1
                        last_index = start
                    if chars:
                        token.startchar, token.endchar = start_char + start, start_char + end
                    if keeporiginal:
                        token.original = word
                    if term is None:
                        if not removestops:
                            token.text, token.stopped = word, True
                            if positions:
                                token.pos = index
                            yield token
                        continue
                    token.text, token.stopped = term, False
                    if positions:
                        token.pos = pos
                    yield token


class ExactAnalyzer(LanguageAnalyzer):
    """The words as written, normalised only (case, NFKC, harakat, stress marks): the index's title and body.

    While an index writer records (forms.recording), each word met for the first time is also stemmed in the
    document's language and recorded under its stem, which is what a search for a word expands to; a word seen
    before costs one dict lookup."""

    def __call__(self, value: str, positions: bool = False, chars: bool = False, keeporiginal: bool = False,
                 removestops: bool = True, start_pos: int = 0, start_char: int = 0, tokenize: bool = True,
                 mode: str = "", **kwargs: Any) -> Iterator[Token]:
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        token.stopped = False
        token.boost = 1.0
        stems = _Stems(self._terms) if mode != "query" and forms.is_recording() else None
        pos = start_pos
        matches = _WORD.finditer(value) if tokenize else [_WHOLE.match(value)]
        for match in matches:
            if match is None:
                continue
            raw = match.group()
            plain = raw.isascii() and "_" not in raw and "-" not in raw
            words = [(raw.lower(), LATIN, match.start(), match.end())] if plain else match_pieces(match)
            for word, script, start, end in words:
                if stems is not None:
                    stems.meet(word, script)
                token.text = word
                if keeporiginal:
                    token.original = word
                if positions:
                    token.pos = pos
                if chars:
                    token.startchar, token.endchar = start_char + start, start_char + end
                pos += 1
                yield token


class _Stems:
    """Stems the words of one indexed value in the document's language, each (language, word) once per memo."""

    def __init__(self, terms: Terms) -> None:
        self.terms = terms
        self.document = _document_language.get()
        self.languages: dict[str, str | None] = {}
        self.memos: dict[str, dict[str, str | None]] = {}

    def meet(self, word: str, script: str) -> None:
        memo = self.memos.get(script)
        if memo is None:
            language = self.languages[script] = language_for(script, self.document)
            memo = self.memos[script] = self.terms.memo(language)
        if word not in memo and script != CJK:  # a CJK bigram is its own term: nothing to expand
            self.terms.term(word, script, self.languages[script])


def exact_words(text: str) -> list[str]:
    """The exact forms of the words of ``text`` (what ExactAnalyzer indexes), in order."""
    return [word for word, _script, _start, _end in pieces(text)]

