"""Golden files: every style (and BibTeX, RIS, CSL-JSON) on the seeds and on three real saved pages."""

from __future__ import annotations

import pytest

from archivist.core.archive import Archive
from archivist.core.citations import FORMATS
from tests.core.test_citations_helpers import check_golden, describe_seeds, import_pages

STYLE_NAMES = ["apa", "chicago", "mla", "harvard"]


@pytest.fixture
def described(seeded_archive: Archive) -> tuple[Archive, list[int]]:
    seeds = describe_seeds(seeded_archive)
    pages = import_pages(seeded_archive)
    return seeded_archive, [*seeds.values(), *pages.values()]


@pytest.mark.parametrize("fmt", FORMATS)
def test_format_matches_golden(described: tuple[Archive, list[int]], fmt: str) -> None:
    archive, ids = described
    suffix = {"bibtex": "bib", "ris": "ris", "csl-json": "json", "zotero-rdf": "rdf"}.get(fmt, "txt")
    check_golden(f"all.{fmt}.{suffix}", archive.citations.render(ids, fmt))


@pytest.mark.parametrize("style", STYLE_NAMES)
def test_style_html_and_in_text_match_golden(described: tuple[Archive, list[int]], style: str) -> None:
    archive, ids = described
    check_golden(f"all.{style}.html", archive.citations.render(ids, style, as_html=True))
    in_text = [archive.citations.citation([document_id], style, page="2") for document_id in ids]
    check_golden(f"in-text.{style}.txt", "\n".join(in_text) + "\n")


def test_ascii_bibtex_matches_golden(described: tuple[Archive, list[int]]) -> None:
    archive, ids = described
    text = archive.citations.bibtex(ids, ascii_only=True)
    assert text.isascii()
    check_golden("all.ascii.bib", text)
