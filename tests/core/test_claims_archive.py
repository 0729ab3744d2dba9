"""Claims kept in a real catalogue: found at import, rebuilt, re-extracted, grouped in the ledger, exported."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from archivist.core.archive import Archive
from archivist.core.errors import InvalidInputError, NotFoundError
from tests.conftest import GUTERRES_SEED


def guterres_id(archive: Archive) -> int:
    return next(s.id for s in archive.list_documents() if archive.get(s.id).original_name == GUTERRES_SEED.name)


def test_import_finds_claims_with_offsets_into_the_stored_text(seeded_archive: Archive) -> None:
    claims = seeded_archive.claims.for_documents()
    assert len(claims) >= 15
    for claim in claims:
        text = seeded_archive.content(claim.document_id).text
        assert text[claim.start:claim.end] == claim.value
        assert claim.page == "1"


def test_the_casualty_figures_conflict(seeded_archive: Archive) -> None:
    claims = seeded_archive.claims.about("civilians killed")
    by_value = {claim.value: claim for claim in claims}
    assert {"624", "4,734", "7,000", "45"} <= set(by_value)
    conflicts = {(p.first, p.second) for p in seeded_archive.claims.pairs(claims) if p.kind == "conflict"}
    wanted = [("624", "4,734"), ("624", "7,000"), ("4,734", "7,000")]
    assert conflicts == {tuple(sorted((by_value[a].id, by_value[b].id))) for a, b in wanted}


def test_ledger_groups_quantities_given_by_several_sources(seeded_archive: Archive) -> None:
    rows = seeded_archive.claims.ledger()
    first = rows[0]
    assert (first.key, first.unit, first.documents) == ("civilian killed", "count", 2)
    assert first.sources >= 5 and first.values_differ
    assert all(row.sources >= 2 for row in rows)
    assert seeded_archive.claims.ledger(text="nothing like this") == []


def test_ledger_of_a_collection(seeded_archive: Archive) -> None:
    collection = seeded_archive.create_collection("Coalition totals")
    seeded_archive.add_to_collection(collection, [guterres_id(seeded_archive)])
    rows = seeded_archive.claims.ledger(collection, min_sources=1)
    assert {row.documents for row in rows} == {1}
    killed = next(row for row in rows if row.key == "civilian killed")
    assert (killed.low, killed.high) == (624.0, 7000.0)


def test_rebuild_gives_the_same_claims(seeded_archive: Archive) -> None:
    before = [(c.document_id, c.value, c.start, c.source) for c in seeded_archive.claims.for_documents()]
    assert seeded_archive.claims.rebuild() == len(before)
    after = [(c.document_id, c.value, c.start, c.source) for c in seeded_archive.claims.for_documents()]
    assert after == before


def test_new_text_rebuilds_the_documents_claims(seeded_archive: Archive) -> None:
    doc = guterres_id(seeded_archive)
    seeded_archive.replace_text(doc, "Officials said 12 soldiers were wounded in the attack.")
    [claim] = seeded_archive.claims.for_documents([doc])
    assert (claim.value, claim.what, claim.source) == ("12", "soldiers injured", "Officials")


def test_deleting_a_document_drops_its_claims(seeded_archive: Archive) -> None:
    doc = guterres_id(seeded_archive)
    seeded_archive.delete(doc)
    assert all(claim.document_id != doc for claim in seeded_archive.claims.for_documents())


def test_unknown_documents_and_claims_are_one_line_errors(seeded_archive: Archive) -> None:
    with pytest.raises(NotFoundError, match="no document with id 999"):
        seeded_archive.claims.for_documents([999])
    with pytest.raises(NotFoundError, match="no document with id 999"):
        seeded_archive.claims.rebuild([999])
    with pytest.raises(NotFoundError, match="no claim with id 999999"):
        seeded_archive.claims.get(999999)


def test_citation_quotes_the_sentence_with_its_page(seeded_archive: Archive) -> None:
    [claim] = [c for c in seeded_archive.claims.for_documents() if c.value == "4,734"]
    cited = seeded_archive.claims.citation(claim)
    assert cited.startswith("\"Airwars, a UK-based non-profit monitoring group, says at least 4,734 civilians")
    assert cited.endswith("para. 11)")  # an unpaged article is cited by paragraph (Citations.locator_at)


def test_export_csv_and_markdown(seeded_archive: Archive, tmp_path: Path) -> None:
    claims = seeded_archive.claims.about("civilians killed")
    assert seeded_archive.claims.export(tmp_path / "ledger.csv", claims) == len(claims)
    rows = list(csv.DictReader((tmp_path / "ledger.csv").open(encoding="utf-8")))
    airwars = next(row for row in rows if row["value"] == "4,734")
    assert airwars["source"] == "Airwars" and airwars["page"] == "1" and airwars["citation"].endswith("para. 11)")
    assert len(airwars["conflicts_with"].split()) == 2
    seeded_archive.claims.export(tmp_path / "ledger.md", claims)
    markdown = (tmp_path / "ledger.md").read_text(encoding="utf-8")
    assert "## civilians killed" in markdown and "**at least 4,734** — Airwars **(conflicts with" in markdown


def test_export_refuses_other_formats_and_unwritable_places(seeded_archive: Archive, tmp_path: Path) -> None:
    claims = seeded_archive.claims.for_documents()
    with pytest.raises(InvalidInputError, match=r"ledger\.xlsx: export the ledger as \.csv or \.md"):
        seeded_archive.claims.export(tmp_path / "ledger.xlsx", claims)
    with pytest.raises(InvalidInputError, match="cannot write the file"):
        seeded_archive.claims.export(tmp_path / "missing" / "ledger.csv", claims)


def test_aligned_claims_of_two_documents(seeded_archive: Archive) -> None:
    ids = [s.id for s in seeded_archive.list_documents()]
    aligned = seeded_archive.claims.aligned(ids[0], ids[1])
    whats = {what for what, _a, _b in aligned}
    assert ("civilians killed" in whats and "letters" in whats) or "separate letters" in whats
    for _what, first, second in aligned:
        assert {c.document_id for c in first} == {ids[0]} and {c.document_id for c in second} == {ids[1]}
