"""The reader's marks: every word of the query that occurs in the open document, whatever field matched first."""

from __future__ import annotations

from archivist.core.archive import Archive


def test_words_of_every_field_are_marked(seeded_archive: Archive) -> None:
    hit = seeded_archive.search("coalition civilians").hits[0]
    text = seeded_archive.content(hit.id).text
    marked = {text[start:end].lower() for start, end in seeded_archive.match_spans(hit.id, "coalition civilians")}
    # "coalition" is in the title too; Whoosh's existing_terms then skipped the body's "civilians"
    assert {"coalition", "civilians"} <= marked


def test_prefixes_are_marked_by_their_words_and_a_phrase_as_one_match(seeded_archive: Archive) -> None:
    query = 'civil* "without any authorization"'
    hit = seeded_archive.search(query).hits[0]
    text = seeded_archive.content(hit.id).text
    marked = [text[start:end].lower() for start, end in seeded_archive.match_spans(hit.id, query)]
    assert "civilians" in marked and "without any authorization" in marked
    # issue 15: a lone "without" or "authorization" elsewhere is not the phrase
    assert "without" not in marked and "authorization" not in marked
