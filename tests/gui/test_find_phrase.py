"""The reader's find bar: a quoted phrase is found as search finds it, one match per occurrence (issue 15)."""

from __future__ import annotations

from archivist.gui.reader.find_bar import find_all
from tests.conftest import DATA, MANBIJ_SEED


def test_a_quoted_phrase_is_one_match_per_occurrence() -> None:
    text = MANBIJ_SEED.read_text(encoding="utf-8")
    spans = find_all(text, '"without any authorization"')
    assert spans and all(text[start:end].lower() == "without any authorization" for start, end in spans)
    assert find_all(text, '"without the authorization"') == []
    assert len(find_all(text, "without")) > len(spans)  # unquoted: the plain text search, every "without"


def test_a_quoted_phrase_skips_stress_marks_and_line_breaks() -> None:
    text = (DATA / "languages" / "ru-ruwiki-7-Litva.txt").read_text(encoding="utf-8")
    spans = find_all(text, "«литовская республика»")
    assert spans and text[spans[0][0] : spans[0][1]] == "Лито́вская Респу́блика"
    assert find_all("the vis-\nitors came", '"visitors came"') == [(4, 19)]
