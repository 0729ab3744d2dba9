"""Search in the sources' languages (issue 15): normalisation and stemming on real sentences, CJK bigrams, the
language of each document, exact phrases, host names and file-name titles."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from archivist.core.archive import Archive
from archivist.core.index.analysis import LanguageAnalyzer, document_language, exact_words
from archivist.core.index.languages import query_candidates
from archivist.core.index.schema import SCHEMA_VERSION
from archivist.core.language import detect_language, primary_language
from archivist.core.language.detect import by_letters
from tests.conftest import DATA

LANGUAGES = DATA / "languages"


def terms(text: str, language: str | None) -> list[str]:
    with document_language(language):
        return [token.text for token in LanguageAnalyzer()(text)]


@pytest.fixture(scope="module")
def multilingual(tmp_path_factory: pytest.TempPathFactory) -> Archive:
    root = tmp_path_factory.mktemp("multilingual")
    files = root / "files"
    shutil.copytree(LANGUAGES, files, ignore=shutil.ignore_patterns("README.md"))
    archive = Archive.open(root / "archive", create=True)
    result = archive.import_paths([files])
    assert not result.errors and len(result.imported) == 7
    return archive


def titles(archive: Archive, query: str) -> list[str]:
    return [hit.title for hit in archive.search(query, limit=50).hits]


# -- normalisation and stemming, word by word, on sentences of the corpus ---------------------------------------
def test_vowelled_arabic_is_one_word_and_matches_the_bare_spelling() -> None:
    # ar-ntrex-scotsman.133773.txt: «تُشكّل» and «المعمّرة» carry damma and shadda
    assert terms("تُشكّل", "ar") == terms("تشكل", "ar")
    assert terms("العَرَبِيَّة", "ar") == terms("العربية", "ar") == ["عرب"]
    assert terms("الأطفال", "ar") == terms("أطفال", "ar") == terms("اطفال", "ar")


def test_stressed_russian_and_yo_are_folded_and_forms_share_a_stem() -> None:
    text = (LANGUAGES / "ru-ruwiki-7-Litva.txt").read_text(encoding="utf-8")
    assert "Литва́" in text and "Лито́вская Респу́блика" in text
    assert terms("Литва́", "ru") == terms("Литва", "ru") == terms("Литвы", "ru")
    assert terms("Лито́вская Респу́блика", "ru") == terms("литовская республика", "ru")
    assert terms("ёлка", "ru") == terms("елка", "ru")
    assert terms("жители", "ru") == terms("жителей", "ru")


def test_persian_zwnj_yeh_and_kaf_are_unified() -> None:
    # fa-ntrex-scotsman.133773.txt: «خفاش‌ها» (bats) with a ZWNJ before the plural suffix
    assert terms("خفاش‌ها", "fa") == terms("خفاش", "fa")
    assert terms("كتاب", "fa") == terms("کتاب", "fa")  # Arabic kaf, Persian keheh
    assert terms("يك", "fa") == terms("یک", "fa")  # Arabic yeh/kaf among Persian text: a stop word either way


def test_chinese_runs_are_indexed_as_bigrams() -> None:
    assert terms("安理会平民", "zh") == ["安理", "理会", "会平", "平民"]
    assert terms("国", "zh") == ["国"]


def test_file_name_titles_and_broken_words_split_and_join() -> None:
    assert terms("Seige_of_Vicksburg", None) == ["seig", "vicksburg"]
    assert terms("the vis-\nitors came", None) == terms("the visitors came", None)
    assert exact_words("Without the author's consent") == ["without", "the", "author", "s", "consent"]


# -- languages of documents ------------------------------------------------------------------------------------
@pytest.mark.parametrize("name, language", [
    ("ar-ntrex-scotsman.133773.txt", "ar"), ("fa-ntrex-scotsman.133773.txt", "fa"), ("ru-ruwiki-7-Litva.txt", "ru"),
    ("zh-ntrex-euronews-en.153799.txt", "zh"), ("fr-ntrex-thelocal.65969.txt", "fr"),
])
def test_the_language_of_real_text_is_detected(name: str, language: str) -> None:
    assert detect_language((LANGUAGES / name).read_text(encoding="utf-8")) == language


def test_too_little_text_has_no_language_and_tags_are_reduced() -> None:
    assert detect_language("12 34 5.6") is None
    assert [primary_language(tag) for tag in ("en-US", "ru_RU", "fre", "English", "", "x")] == [
        "en", "ru", "fr", "en", None, None]


def test_the_letters_of_a_script_decide_when_the_model_is_unsure() -> None:
    assert by_letters("زندگی مخفی خفاش‌ها را مورد بررسی قرار می‌دهد") == "fa"  # Persian ی and ک
    assert by_letters("الأطفال المهاجرين بهدوء إلى معسكر المخيمات") == "ar"
    assert by_letters("Україна розташована у Східній Європі") == "uk"
    assert by_letters("Hello there, this says nothing") is None


def test_a_query_is_analysed_in_the_language_its_letters_show(multilingual: Archive) -> None:
    reader = multilingual.search_index.searcher().reader()
    assert query_candidates(reader, "زندگی مخفی")["arabic"] == ["fa"]
    assert query_candidates(reader, "الأطفال")["arabic"][0] == "ar"
    assert query_candidates(reader, "Литва")["cyrillic"] == ["ru"]
    assert query_candidates(reader, "forces d'occupation américaines et turques")["latin"] == ["fr"]


def test_imported_documents_keep_their_language(multilingual: Archive) -> None:
    languages = [multilingual.get(document_id).language for document_id in multilingual.document_ids()]
    assert sorted(languages) == ["ar", "fa", "fr", "ru", "ru", "zh", "zh"]


# -- search through the archive ----------------------------------------------------------------------------------
def test_russian_and_arabic_find_other_forms_of_a_word(multilingual: Archive) -> None:
    for form in ("жители", "жителей", "жителям"):
        assert any(title.startswith("Македонцы") for title in titles(multilingual, form)), form
    assert titles(multilingual, "Литва") == titles(multilingual, "Литвы") != []
    assert titles(multilingual, "المعمّرة") == titles(multilingual, "المعمرة") != []


def test_chinese_words_are_found_inside_runs(multilingual: Archive) -> None:
    assert len(titles(multilingual, "平民")) == 1
    assert len(titles(multilingual, '"联合国"')) == 1
    assert titles(multilingual, "联合国")[0] == titles(multilingual, '"联合国"')[0]  # the word itself first


def test_persian_query_without_zwnj_finds_the_plural(multilingual: Archive) -> None:
    assert titles(multilingual, "خفاش") and titles(multilingual, "خفاش") == titles(multilingual, "خفاش‌ها")


def test_snippet_marks_land_on_the_words_in_right_to_left_text(multilingual: Archive) -> None:
    hit = multilingual.search("المعمرة").hits[0]
    snippet = hit.snippets[0]
    marked = [snippet.text[start:end] for start, end in snippet.marks]
    assert "المعمّرة" in marked  # the vowelled form in the text, whole


def test_a_chinese_word_is_marked_as_one_span(multilingual: Archive) -> None:
    hit = multilingual.search("联合国").hits[0]
    assert "联合国" in [hit.snippets[0].text[s:e] for s, e in hit.snippets[0].marks]


# -- exact phrases -----------------------------------------------------------------------------------------------
def test_quoted_phrases_are_the_exact_words(seeded_archive: Archive) -> None:
    assert seeded_archive.search('"without any authorization"').total == 2
    assert seeded_archive.search('"without the authorization"').total == 0
    assert seeded_archive.search('"without any authorizations"').total == 0  # no stemming inside quotes


def test_a_proximity_search_finds_the_words_near_each_other(seeded_archive: Archive) -> None:
    assert seeded_archive.search('"without authorization"~2').total == 2  # "any" between them
    assert seeded_archive.search('"without authorization"').total == 0


def test_phrases_in_other_scripts(multilingual: Archive) -> None:
    assert len(titles(multilingual, '"Лито́вская Респу́блика"')) == 1
    assert len(titles(multilingual, '"литовская республика"')) == 1
    assert titles(multilingual, '"республика литовская"') == []


def test_the_reader_marks_a_phrase_as_one_match(multilingual: Archive) -> None:
    hit = multilingual.search('"литовская республика"').hits[0]
    text = multilingual.content(hit.id).text
    spans = multilingual.match_spans(hit.id, '"литовская республика"')
    assert spans and all(text[start:end].lower().replace("\u0301", "") == "литовская республика"
                         for start, end in spans)


# -- names -------------------------------------------------------------------------------------------------------
def test_site_matches_a_part_of_the_host(empty_archive: Archive, tmp_path: Path) -> None:
    note = tmp_path / "note.md"
    note.write_text("---\ntitle: Siege of Vicksburg\nsite: en.wikipedia.org\n---\n\nThe siege lasted.\n",
                    encoding="utf-8")
    document = empty_archive.import_paths([note]).imported[0].id
    empty_archive.update_metadata(document, site="en.wikipedia.org")
    assert empty_archive.search("site:wikipedia").total == 1
    assert empty_archive.search("site:en.wikipedia.org").total == 1
    assert empty_archive.search("site:wikimedia").total == 0


def test_file_name_titles_are_searchable_by_their_words(empty_archive: Archive, tmp_path: Path) -> None:
    named = tmp_path / "Seige_of_Vicksburg.txt"
    named.write_text("Seige_of_Vicksburg\n\nGrant's army laid siege to the city.\n", encoding="utf-8")
    empty_archive.import_paths([named])
    assert empty_archive.search("vicksburg").total == 1


# -- upgrading ---------------------------------------------------------------------------------------------------
def test_an_index_of_the_old_analysis_is_rebuilt(seeded_root: Path) -> None:
    marker = seeded_root / "index" / "archivist-schema"
    marker.write_text("5", encoding="ascii")
    with Archive.open(seeded_root) as archive:
        assert marker.read_text(encoding="ascii") == str(SCHEMA_VERSION)
        assert archive.search('"without any authorization"').total == 2
