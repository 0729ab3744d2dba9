"""Issue 17: titles, authors and dates from a text's own header block (PEPs, e-mails, RFCs), nothing invented."""

from __future__ import annotations

from pathlib import Path

from archivist.core.extract import extract_file
from archivist.core.extract.header_blocks import header_metadata

DATA = Path(__file__).resolve().parents[1] / "data" / "extract"

RFC_791 = """

Network Working Group                                          J. Postel
Request for Comments: 791                                            ISI
                                                          September 1981

                           INTERNET PROTOCOL

                         DARPA INTERNET PROGRAM
                         PROTOCOL SPECIFICATION
"""


def test_pep_header() -> None:
    """pep-0815.rst came in titled "PEP: 815"; its header names title, two authors (one on a continuation
    line) and the date it was created."""
    metadata = extract_file(DATA / "text" / "pep-0815.rst").metadata
    assert metadata.title == "PEP 815 – Deprecate ``RECORD.jws`` and ``RECORD.p7s``"
    assert metadata.authors == ["Konstantin Schütze", "William Woodruff"]
    assert metadata.issued == "2025-12-04"


def test_email_headers(tmp_path: Path) -> None:
    mail = tmp_path / "letter.txt"
    mail.write_text("From: \"Jane Doe\" <jane@example.org>\nTo: desk@example.org\nSubject: Figures from Manbij\n"
                    "Date: Fri, 29 Jul 2016 10:04:00 +0300\n\nThe numbers you asked for.\n", "utf-8")
    metadata = extract_file(mail).metadata
    assert (metadata.title, metadata.authors, metadata.issued) == ("Figures from Manbij", ["Jane Doe"], "2016-07-29")


def test_multimarkdown_header_in_a_markdown_note(tmp_path: Path) -> None:
    note = tmp_path / "note.md"
    note.write_text("Title: Field notes\nAuthor: Jane Doe\nDate: 2016-07-29\n\n# Day one\n\nText.\n", "utf-8")
    metadata = extract_file(note).metadata
    assert (metadata.title, metadata.authors, metadata.issued) == ("Field notes", ["Jane Doe"], "2016-07-29")


def test_rfc_first_page() -> None:
    metadata = header_metadata(RFC_791)
    assert metadata is not None
    assert (metadata.title, metadata.issued) == ("RFC 791: INTERNET PROTOCOL", "1981-09")
    assert metadata.authors == []  # the header's right column is not certain enough to name authors


def test_prose_is_not_a_header(tmp_path: Path) -> None:
    """One "Note: …" line is prose, not a header block: the title stays the first line."""
    text = tmp_path / "prose.txt"
    text.write_text("Note: the town was shelled again.\nNobody answered the phone.\n", "utf-8")
    assert header_metadata(text.read_text("utf-8")) is None
    assert extract_file(text).metadata.title == "Note: the town was shelled again."


def test_a_docx_opening_with_an_exclamation_is_not_titled_by_it() -> None:
    """mammoth's footnotes.docx has no core title and opens with "Ouch."; python-docx's core-properties file
    keeps its author and date."""
    from archivist.core.extract import fields

    assert fields.title_line("Ouch.") is None
    assert fields.title_line("Walking on imported air") == "Walking on imported air"
    metadata = extract_file(DATA / "docx" / "doc-coreprops.docx").metadata
    assert metadata.authors == ["Steve Canny"] and metadata.issued == "2014-12-13"
