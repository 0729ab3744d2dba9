"""Word documents python-docx refused or read short (issue 14): text boxes, content controls, footnotes marked,
templates and macro documents, a damaged theme part, two core-properties parts, a document of pictures only.
Each case is a real file (tests/data/extract/docx, from the corpus) or a real file changed at test time."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from archivist.core.archive import Archive
from archivist.core.extract import extract_file, sniff_format

DOCX = Path(__file__).resolve().parents[1] / "data" / "extract" / "docx"
TABLES = DOCX / "tables.docx"
_TEMPLATE = "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
_DOCUMENT = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"


def rewritten(source: Path, out: Path, change: dict[str, bytes | None], stored: bool = False) -> Path:
    """A copy of a DOCX with some parts replaced, added (bytes) or removed (None)."""
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(out, "w") as copy:
        for item in original.infolist():
            if item.filename in change:
                continue
            compression = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
            copy.writestr(item.filename, original.read(item.filename), compress_type=compression)
        for name, data in change.items():
            if data is not None:
                copy.writestr(name, data)
    return out


def part(source: Path, name: str) -> bytes:
    with zipfile.ZipFile(source) as container:
        return container.read(name)


def test_text_boxes_and_footnotes_are_kept_and_marked() -> None:
    assert extract_file(DOCX / "text-box.docx").text == "Datum plane"
    assert extract_file(DOCX / "footnotes.docx").text == (
        "Ouch.\n\n[Footnote 1] A tachyon walks into a bar.\n\n[Footnote 2] Fin.")


def test_content_controls_are_read(tmp_path: Path) -> None:
    body = part(TABLES, "word/document.xml").replace(
        b"<w:body>", b"<w:body><w:sdt><w:sdtPr><w:alias w:val=\"Case\"/></w:sdtPr><w:sdtContent><w:p><w:r>"
        b"<w:t>Case number 2016/114</w:t></w:r></w:p></w:sdtContent></w:sdt>", 1)
    run = b"<w:r><w:t>Above</w:t></w:r>"  # a content control inside a paragraph, around its run
    assert run in body
    body = body.replace(run, b"<w:sdt><w:sdtContent>" + run + b"</w:sdtContent></w:sdt>", 1)
    path = rewritten(TABLES, tmp_path / "controls.docx", {"word/document.xml": body})
    text = extract_file(path).text
    assert text.startswith("Case number 2016/114\n\nAbove") and "Top left\tTop right" in text


@pytest.mark.parametrize("suffix", [".dotx", ".docm"])
def test_templates_and_macro_documents_read_as_word(tmp_path: Path, suffix: str) -> None:
    types = part(TABLES, "[Content_Types].xml").replace(_DOCUMENT.encode(), _TEMPLATE.encode())
    path = rewritten(TABLES, tmp_path / f"letter{suffix}", {"[Content_Types].xml": types})
    assert sniff_format(path) == "docx"
    assert "Top left" in extract_file(path).text


def test_a_damaged_theme_part_does_not_lose_the_document(tmp_path: Path) -> None:
    path = rewritten(TABLES, tmp_path / "theme.docx", {}, stored=True)
    raw = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as container:
        theme = container.getinfo("word/theme/theme1.xml")
    at = theme.header_offset + 30 + len(theme.filename) + 200  # inside the stored theme XML
    raw[at] = ord("!") if raw[at] != ord("!") else ord("?")
    path.write_bytes(bytes(raw))
    with zipfile.ZipFile(path) as container, pytest.raises(zipfile.BadZipFile):
        container.read("word/theme/theme1.xml")  # the checksum is bad
    assert "Bottom right" in extract_file(path).text


def test_two_core_properties_parts(tmp_path: Path) -> None:
    relations = part(TABLES, "_rels/.rels").replace(
        b"</Relationships>", b"<Relationship Id=\"rIdX\" Type=\"http://schemas.openxmlformats.org/package/2006/"
        b"relationships/metadata/core-properties\" Target=\"docProps/core2.xml\"/></Relationships>")
    path = rewritten(TABLES, tmp_path / "two-cores.docx", {"_rels/.rels": relations,
                                                          "docProps/core2.xml": part(TABLES, "docProps/core.xml")})
    assert "Top left" in extract_file(path).text


def test_a_document_of_pictures_only_is_kept_without_text(empty_archive: Archive, tmp_path: Path) -> None:
    body = part(TABLES, "word/document.xml")
    start, end = body.index(b"<w:body>") + len(b"<w:body>"), body.index(b"<w:sectPr")
    path = rewritten(TABLES, tmp_path / "pictures.docx", {"word/document.xml": body[:start] + body[end:]})
    result = empty_archive.import_paths([path])
    assert not result.errors
    assert empty_archive.get(result.imported[0].id).text_state == "no_text"
    assert result.without_text == [{"id": result.imported[0].id, "path": str(path), "text_state": "no_text"}]


def test_a_truncated_docx_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "cut.docx"
    path.write_bytes(TABLES.read_bytes()[:3000])
    with pytest.raises(Exception, match="damaged"):
        extract_file(path)
