"""The hand-written question → paragraph sets (benchmarks/data/questions, benchmarks/question_sets.py) still point
at the paragraphs they were written for, so the multilingual benchmark's third set cannot silently rot."""

from __future__ import annotations

import re

import pytest
from benchmarks.question_sets import (
    CORPUS,
    LANGUAGES,
    QUESTIONS,
    STARTS,
    copied_run,
    load,
    paragraphs_of,
    pick,
    problems,
)

pytestmark = pytest.mark.skipif(not CORPUS.is_dir(), reason="the multilingual corpus is not beside the repository")

QUESTION_MARKS = ("?", "؟", "？")
NON_LATIN = {"ar", "fa", "ru", "uk", "zh"}
LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z0-9+-]*")


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_question_points_at_its_paragraph(language: str) -> None:
    entries = load(language)
    assert len(entries) >= 40, f"{QUESTIONS / language}.json holds {len(entries)} questions"
    assert [problem for entry in entries for problem in problems(entry)] == []
    assert len({(entry["file"], entry["paragraph"]) for entry in entries}) == len(entries)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_seeded_pick_gives_the_stored_paragraphs_in_order(language: str) -> None:
    """The odd/even halves are positions in the file, so the picker and the files must agree on the order."""
    stored = [(entry["file"], entry["paragraph"]) for entry in load(language)]
    assert [(p.file, p.paragraph) for p in pick(language)] == stored
    assert len({file for file, _ in stored}) >= 10  # spread over the corpus, not one long document


@pytest.mark.parametrize("language", LANGUAGES)
def test_questions_are_questions_in_their_language(language: str) -> None:
    for entry in load(language):
        question = str(entry["question"])
        assert question.rstrip().endswith(QUESTION_MARKS), question
        if language in NON_LATIN:  # a name as the paragraph writes it ("World Vision", "HER2"), no English
            assert len(LATIN_WORD.findall(question)) <= 2, f"Latin-script words: {question}"


def an_entry(language: str = "ru", index: int = 0) -> dict[str, object]:
    """A valid entry built from the corpus itself: the first story file's paragraph ``index``."""
    path = sorted((CORPUS / language).glob("udhr*.txt"))[0]
    text = paragraphs_of(path)[index]
    return {"file": f"{language}/{path.name}", "paragraph": index, "starts": text[:STARTS], "question": "Кто это?"}


def test_a_valid_entry_has_no_problems() -> None:
    assert problems(an_entry()) == []


def test_a_paragraph_that_moved_is_reported() -> None:
    entry = an_entry() | {"paragraph": 1}
    assert any("starts" in problem for problem in problems(entry))


def test_a_paragraph_index_past_the_end_is_reported() -> None:
    entry = an_entry() | {"paragraph": 10_000}
    assert problems(entry) == [f"{entry['file']}#10000: no such paragraph"]


def test_a_missing_file_is_reported() -> None:
    entry = an_entry() | {"file": "ru/no-such-file.txt"}
    assert problems(entry) == ["ru/no-such-file.txt#0: no such paragraph"]


def test_an_empty_question_is_reported() -> None:
    assert any("no question" in problem for problem in problems(an_entry() | {"question": "  "}))


def test_a_question_copying_three_words_is_reported() -> None:
    entry = an_entry()
    words = str(entry["starts"]).split()[:3]
    copied = entry | {"question": f"Почему {' '.join(words)}?"}
    assert any("copies" in problem for problem in problems(copied))


def test_copied_runs_are_found_case_folded_and_in_chinese() -> None:
    assert copied_run("Что такое Совет Безопасности ООН?", "совет безопасности оон решает") == "совет безопасности оон"
    assert copied_run("Что решает Совет?", "совет безопасности оон решает") is None
    assert copied_run("网络安全事件发生后怎么办？", "发生网络安全事件，应当立即启动") == "网络安全事件"
    assert copied_run("出事以后怎么办？", "发生网络安全事件，应当立即启动") is None


def test_a_story_headline_is_reported() -> None:
    path = sorted((CORPUS / "fr").glob("ntrex-upi.*.txt"))[0]
    paragraphs = paragraphs_of(path)
    entry = {"file": f"fr/{path.name}", "paragraph": 0, "starts": paragraphs[0][:STARTS], "question": "Qui ?"}
    assert any("headline" in problem for problem in problems(entry))
