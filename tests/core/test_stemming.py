"""Stemming by language on real sentences of the corpus (issue 15): the forms a search must bring together,
and the stop words a question leaves out or keeps. Word by word through the index's analysis, and end to end
through an archive for the Arabic and Ukrainian forms the earlier stemmers kept apart."""

from __future__ import annotations

import shutil
from pathlib import Path

from archivist.core.archive import Archive
from archivist.core.index.analysis import LanguageAnalyzer, document_language
from archivist.core.index.light_stemming import arabic_proclitics, persian_stem, ukrainian_stem
from archivist.core.index.stemmers import stop_words
from tests.conftest import DATA

STEMMING = DATA / "stemming"


def terms(text: str, language: str | None) -> list[str]:
    with document_language(language):
        return [token.text for token in LanguageAnalyzer()(text)]


def text(name: str) -> str:
    return (STEMMING / name).read_text(encoding="utf-8")


# -- Arabic: proclitics before Snowball ---------------------------------------------------------------------------
def test_li_before_the_article_of_a_lam_initial_noun_stems_as_the_article() -> None:
    # «لعودة اللاجئين» (headline) and «للعودة الطوعية للاجئين» (the story): the refugees, with the article and
    # with li- + article written as two lams
    assert "اللاجئين" in text("ar-return-headline.txt") and "للاجئين" in text("ar-return-paragraph.txt")
    assert terms("للاجئين", "ar") == terms("اللاجئين", "ar") == terms("واللاجئين", "ar")
    assert arabic_proclitics("اللاجئين") == "الاجئين"


def test_li_before_a_noun_is_taken_off() -> None:
    assert "لعودة" in text("ar-return-headline.txt") and "للعودة" in text("ar-return-paragraph.txt")
    assert terms("لعودة", "ar") == terms("للعودة", "ar") == terms("العودة", "ar") == terms("عودة", "ar")


def test_teh_marbuta_before_a_pronoun_suffix_stems_as_the_noun() -> None:
    # «الزلزال الذي بلغت قوته 7» (ar/ntrex-euronews-en.153835) beside «قوة مسلحة» (the UN Charter)
    assert terms("قوته", "ar") == terms("قوة", "ar")
    assert terms("جارتها", "ar") == terms("جارة", "ar")


def test_short_arabic_words_keep_their_letters() -> None:
    assert arabic_proclitics("لمنع") == "لمنع"  # four letters: a lam-initial word as likely as li- + noun
    assert arabic_proclitics("بيت") == "بيت"
    assert terms("العَرَبِيَّة", "ar") == ["عرب"]


# -- Persian: one suffix ------------------------------------------------------------------------------------------
def test_persian_plurals_and_possessives_share_the_noun_s_stem() -> None:
    # fa/ntrex-nytimes.184860 «تعداد قربانیان سونامی» (the victims): Snowball cut it to «قرب» (near)
    assert terms("قربانیان", "fa") == ["قرباني"] != terms("قرب", "fa")
    # «کشورش» (his country, fa/ntrex-rt.com.91337), its plural without a half-space and with Arabic kaf
    assert terms("کشورش", "fa") == terms("کشور", "fa") == terms("كشورها", "fa") == ["كشور"]
    assert terms("قدیمی‌ترین", "fa") == [*terms("قدیمی", "fa"), "ترين"]  # the half-space splits the word
    assert persian_stem("بود") == "بود" and persian_stem("دوستان") == "دوست"


# -- Ukrainian: inflectional endings --------------------------------------------------------------------------------
def test_ukrainian_adjective_forms_share_a_stem() -> None:
    assert "державною" in text("uk-state-language.txt") and "державна" in text("uk-state-organisation.txt")
    forms = ("державною", "державна", "державний", "державним", "державному", "державних", "державної")
    assert {ukrainian_stem(form) for form in forms} == {"державн"}
    assert ukrainian_stem("новим") == ukrainian_stem("новою") == ukrainian_stem("новій") == "нов"


def test_ukrainian_nouns_and_verbs_lose_endings_but_keep_three_letters() -> None:
    assert ukrainian_stem("землетрусів") == ukrainian_stem("землетруси") == "землетрус"
    assert ukrainian_stem("людьми") == ukrainian_stem("людей") == "люд"
    assert ukrainian_stem("повернулися") == ukrainian_stem("повернули")
    assert ukrainian_stem("мова") == "мов" and ukrainian_stem("ми") == "ми"


# -- stop words -----------------------------------------------------------------------------------------------------
def test_french_questions_lose_articles_pronouns_and_interrogatives_typed_with_or_without_accents() -> None:
    # a question of benchmarks/data/questions/fr.json
    question = "Pourquoi les nouvelles frégates allemandes seront-elles dépassées à leur mise en service ?"
    kept = terms(question, "fr")
    assert not {"pourquoi", "le", "les", "elles", "elle"} & set(kept)
    assert terms("frégates", "fr")[0] in kept and terms("allemandes", "fr")[0] in kept
    assert {"où", "ou", "les", "ils"} <= stop_words("fr")
    assert terms("Où est-il ?", "fr") == terms("Ou est-il ?", "fr") == []


def test_french_prepositions_leave_a_question() -> None:
    # fr.json: «Selon Global Citizen, comment sera la route vers l'objectif ?»
    assert terms("Selon Global Citizen, comment sera la route vers l'objectif ?", "fr") == [
        "global", "citizen", "rout", "object"]


def test_a_word_whose_stem_is_a_stop_word_keeps_its_form() -> None:
    # Snowball stems «versée» (fr.json: «quelle somme a été versée ?») as the preposition «vers», and Turkish
    # «neydi» (tr.json: «sirenlerin rolü neydi?») as «ne»: they keep their own forms
    assert "vers" in stop_words("fr") and terms("versée", "fr") == ["versee"]
    assert terms("neydi", "tr") == ["neydi"] and terms("kayıplarının", "tr") == ["kayip"]


def test_spanish_keeps_the_words_a_question_may_share_only_with_its_paragraph() -> None:
    # es/ntrex-rt.com.91335: «Estados Unidos, con su Armada, tiene la capacidad de garantizar …»
    assert terms("con su Armada", "es") == [terms("con", "es")[0], terms("su", "es")[0], terms("Armada", "es")[0]]
    assert terms("la capacidad de garantizar", "es") == [terms("capacidad", "es")[0], terms("garantizar", "es")[0]]
    assert {"todos", "durante", "estaba", "cuando"}.isdisjoint(stop_words("es"))


# -- end to end: an archive of the sentences ------------------------------------------------------------------------
def test_a_search_finds_every_form_the_stemmers_bring_together(tmp_path: Path) -> None:
    files = tmp_path / "files"
    shutil.copytree(STEMMING, files, ignore=shutil.ignore_patterns("README.md"))
    with Archive.open(tmp_path / "archive", create=True) as archive:
        result = archive.import_paths([files])
        assert not result.errors and len(result.imported) == 4

        names = {item.id: Path(item.path).name for item in result.imported}

        def found(query: str) -> set[str]:
            return {names[hit.id] for hit in archive.search(query, limit=10).hits}

        both = {"ar-return-headline.txt", "ar-return-paragraph.txt"}
        assert found("اللاجئين") == found("للاجئين") == both
        assert found("عودة") == both
        assert found("державна") == found("державною") == {"uk-state-language.txt", "uk-state-organisation.txt"}
