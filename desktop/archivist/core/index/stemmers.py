"""Stemmers and stop words by language: Porter for English (as before), Snowball (PyStemmer) for the others.

Snowball has no Ukrainian stemmer, its Arabic one mishandles some proclitics and its Persian one cuts too deep:
light_stemming.py holds our own steps for the three. Arabic and Persian stop lists follow the most frequent
function words of Lucene's lists; Whoosh ships the other lists (NLTK's), completed for French and cut down to the
function words for Spanish. A stop list holds its words as normalised and, for Latin script, also accent-folded
(«où» and «ou»).
"""

from __future__ import annotations

import functools
from collections.abc import Callable

import Stemmer
from whoosh.analysis import STOP_WORDS as WHOOSH_STOP_WORDS
from whoosh.lang import NoStopWords, stopwords_for_language
from whoosh.lang.porter import stem as porter_stem

from archivist.core.index.light_stemming import arabic_proclitics, persian_stem, ukrainian_stem
from archivist.core.index.normalise import ARABIC, CYRILLIC, GREEK, LATIN, OTHER, fold_latin, normalise

ENGLISH = "en"

# The standard English stop list (127 words, NLTK's) rather than Whoosh's 34: natural-language questions are
# full of "what", "which", "there", "been"; dropping them raised MAP on both relevance collections
# (benchmarks/relevance.py: Cranfield 0.432 → 0.443, CISI 0.172 → 0.182). Phrases still match across a
# dropped word because the stop filter renumbers positions.
ENGLISH_STOP_WORDS = frozenset(stopwords_for_language("en")) | frozenset(WHOOSH_STOP_WORDS)

# Language code → Snowball algorithm (PyStemmer names).
SNOWBALL = {
    "ar": "arabic", "hy": "armenian", "eu": "basque", "ca": "catalan", "cs": "czech", "da": "danish",
    "nl": "dutch", "eo": "esperanto", "et": "estonian", "fi": "finnish", "fr": "french", "de": "german",
    "el": "greek", "hi": "hindi", "hu": "hungarian", "id": "indonesian", "ga": "irish", "it": "italian",
    "lt": "lithuanian", "ne": "nepali", "no": "norwegian", "nb": "norwegian", "nn": "norwegian", "fa": "persian",
    "pl": "polish", "pt": "portuguese", "ro": "romanian", "ru": "russian", "sr": "serbian", "st": "sesotho",
    "es": "spanish", "sv": "swedish", "ta": "tamil", "tr": "turkish", "yi": "yiddish",
}

# The script each language is written in, where a word of that script in a document of that language is
# analysed in the language; a word of another script falls back to the script's default.
SCRIPT_OF_LANGUAGE = {
    **{code: LATIN for code in ("en", "fr", "es", "de", "it", "pt", "nl", "tr", "da", "sv", "no", "nb", "nn", "fi",
                                "hu", "ro", "ca", "eu", "cs", "pl", "lt", "et", "id", "ga", "eo", "st")},
    **{code: CYRILLIC for code in ("ru", "uk", "sr", "bg", "be", "mk")},
    **{code: ARABIC for code in ("ar", "fa", "ur", "ps")},
    "el": GREEK, "hi": OTHER, "ne": OTHER, "ta": OTHER, "hy": OTHER, "yi": OTHER,
}
SCRIPT_DEFAULT = {LATIN: ENGLISH, CYRILLIC: "ru", ARABIC: "ar", GREEK: "el"}


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


ARABIC_STOP_WORDS = _words(
    "في من على إلى الى عن مع أن ان إن هذا هذه ذلك التي الذي الذين كان كانت قد لا ما لم لن او أو ثم كل بين عند"
    " هو هي هم نحن انا أنا انت أنت كما حتى منذ إذا اذا لكن بعد قبل حيث أي اي غير عليه عليها فيه فيها منه منها"
    " به بها له لها لقد وقد وفي ومن وان وأن"
)
PERSIAN_STOP_WORDS = _words(
    "و در به از که این آن را با است برای هم تا یا بر می ها های ای شد شده شود کرد کرده کند بود باشد"
    " خود ما من تو او آنها اما اگر هر نیز چه چون پس باید دیگر یک نه همه وی ان"
)
UKRAINIAN_STOP_WORDS = _words(
    "і й та в у на з із зі до від за по про під над для що як це не ні але або чи же би б є був була було були"
    " він вона воно вони ми ви я ти його її їх їм цей ця ці той та те також так вже ще щоб коли де який яка яке"
    " які котрий тому"
)
# NLTK's French list (Snowball's) lacks the plural article and pronouns and «où», which questions brought to the
# query as «le», «il», «ou»; the interrogatives, which paragraphs rarely hold, go too; and the prepositions and
# quantifiers of Lucene's older French list («selon», «vers», «tous» in a question matched most paragraphs).
# Dev halves, fr (FTS5 = 1): question (even) 0.94x → 0.97x (articles, pronouns, interrogatives) → 1.00x
# (prepositions, quantifiers), headline 1.01x → 1.00x → 1.02x (benchmarks/multilingual_relevance.py).
FRENCH_STOP_WORDS = frozenset(stopwords_for_language("fr")) | _words(
    "les ils elles où cette cet ceux celle celles celui cela ça dont leurs a"
    " comment pourquoi combien quand quel quelle quels quelles quoi lequel laquelle lesquels lesquelles"
    " vers contre entre sans sous chez depuis pendant selon avant après lors aussi plus très tout tous toute toutes"
)
# Spanish: articles, prepositions, conjunctions and clitic pronouns only. NLTK's 313 words also drop «con», «su»,
# «todos», «durante», «estaba», «cuando»: a question sharing only such words with its paragraph found nothing
# (FTS5 finds it; BM25 weighs frequent words little anyway). Dev halves, es: question (even) 1.01x → 1.12x of
# FTS5, headline 1.11x → 1.10x.
SPANISH_STOP_WORDS = _words(
    "el la los las un una unos unas lo al del a de en por para sin sobre entre hasta desde ante contra hacia tras"
    " y e o u ni que pero sino porque como si se le les me te nos os"
)
STOP_WORDS = {"ar": ARABIC_STOP_WORDS, "fa": PERSIAN_STOP_WORDS, "uk": UKRAINIAN_STOP_WORDS,
              "fr": FRENCH_STOP_WORDS, "es": SPANISH_STOP_WORDS, ENGLISH: ENGLISH_STOP_WORDS}


def _arabic(stem: Callable[[str], str]) -> Callable[[str], str]:
    """Snowball's Arabic stemmer after light_stemming.arabic_proclitics. Dev halves, ar (FTS5 = 1): headline
    1.22x → 1.26x, sentence 0.98x → 0.99x, question (even) 1.23x → 1.24x."""

    def arabic(word: str) -> str:
        return stem(arabic_proclitics(word))

    return arabic


@functools.cache
def stemmer(language: str) -> Callable[[str], str] | None:
    """The stem function of a language; None when it has none (its words are indexed as normalised)."""
    if language == ENGLISH:
        return porter_stem  # what the index always used: its relevance figures were tuned on it
    if language == "uk":
        return ukrainian_stem
    if language == "fa":
        return persian_stem
    algorithm = SNOWBALL.get(language)
    if algorithm is None:
        return None
    stem = Stemmer.Stemmer(algorithm).stemWord
    return _not_a_stop_word(_arabic(stem) if language == "ar" else stem, language)


def _not_a_stop_word(stem: Callable[[str], str], language: str) -> Callable[[str], str]:
    """The stem, unless it is one of the language's stop words: then the word as it is. Turkish «neydi» (what
    was) stems to «ne» (what) and French «versée» to «vers», which then also gathered the forms of unrelated words
    stemmed alike. Dev halves, when a stem also searched its own form: ru headline 1.32x → 1.33x, tr headline
    1.22x → 1.23x of FTS5; since it no longer does (stems.forms_of), tr headline 1.20x → 1.21x."""
    stops = stop_words(language)

    def kept(word: str) -> str:
        result = stem(word)
        return word if result != word and result in stops else result

    return kept


@functools.cache
def stop_words(language: str) -> frozenset[str]:
    """The language's stop words, normalised as the words of a text are (Persian ی → ي, Russian ё → е)."""
    if language in STOP_WORDS:
        words = STOP_WORDS[language]
    else:
        try:
            words = frozenset(stopwords_for_language(language))
        except NoStopWords:
            return frozenset()
    normalised = frozenset(normalise(word)[0] for word in words)
    if SCRIPT_OF_LANGUAGE.get(language) != LATIN:
        return normalised
    return normalised | frozenset(fold_latin(word) for word in normalised)


def language_for(script: str, document_language: str | None) -> str | None:
    """The language a word of ``script`` is analysed in, within a document of ``document_language``."""
    if document_language and SCRIPT_OF_LANGUAGE.get(document_language) == script:
        return document_language
    return SCRIPT_DEFAULT.get(script)
