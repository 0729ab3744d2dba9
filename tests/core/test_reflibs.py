"""Issue 17: reference libraries in — BibTeX (Better BibTeX, JabRef), RIS and CSL-JSON written by hand in the
shapes Zotero, JabRef and Mendeley export, with small real PDFs attached."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from archivist.core.archive import Archive
from archivist.core.ingest.discovery import discover
from archivist.core.reflibs import library_kind, read_library
from archivist.core.reflibs.file_fields import resolve, split_file_field

DATA = Path(__file__).resolve().parents[1] / "data" / "reflibs"


@pytest.fixture
def libraries(tmp_path: Path) -> Path:
    """The libraries and their files in a folder of their own; the Better BibTeX file's absolute path made real."""
    folder = tmp_path / "My Library"
    shutil.copytree(DATA, folder)
    bib = folder / "zotero-bbt.bib"
    bib.write_text(bib.read_text("utf-8").replace("/ABSOLUTE", str(folder)), "utf-8")
    return folder


def by_title(archive: Archive) -> dict[str, int]:
    return {summary.title: summary.id for summary in archive.list_documents()}


def test_bibtex_library_becomes_records_with_keys_dois_pages_and_attached_text(
        empty_archive: Archive, libraries: Path) -> None:
    result = empty_archive.import_paths([libraries / "zotero-bbt.bib"])
    titles = by_title(empty_archive)
    assert len(result.imported) == 5  # three attached PDFs, two entries without a usable file
    crazy = empty_archive.get(titles["The Crazy Ones: Here's to the Misfits"])
    assert crazy.format == "pdf" and crazy.citation_key == "jobs1998crazy"
    assert crazy.authors == ["Steve Jobs", "Apple Computer"] and crazy.date == "1998-10-14"
    assert crazy.extra["DOI"] == "10.5555/crazy.1998.14" and crazy.extra["page"] == "33-35"
    assert crazy.keywords == ["advertising", "creativity"] and crazy.tags == []
    assert crazy.csl_type == "article-journal" and crazy.site == "Apple Advertising Quarterly"
    # the attached PDF's own text is searchable (a path with a space in it, absolute, Better BibTeX style)
    assert [hit.id for hit in empty_archive.search("misfits rebels").hits][:1] == [crazy.id]
    report = empty_archive.get(titles["What a Printed Text Will Look Like"])
    assert report.authors == ["Jörg Müller", "Michiel de Jong"] and report.citation_key == "perriault2015printed"
    # two files in one field: both attached; the second keeps the entry's metadata with its file name
    appendix = empty_archive.get(titles["What a Printed Text Will Look Like (appendix.pdf)"])
    assert appendix.authors == report.authors and appendix.citation_key != report.citation_key
    # an entry with no file is kept as a metadata-only record
    book = empty_archive.get(titles["A Book Nobody Scanned"])
    assert book.format == "reference" and book.citation_key == "nofile2001"
    assert book.publisher == "University Press" and book.extra["ISBN"] == "978-0-19-000000-2"
    assert "A Book Nobody Scanned" in empty_archive.content(book.id).text
    # an entry whose file is gone: a record, and one error line naming the library and the file
    assert "An Entry Whose File Moved" in titles
    assert [(Path(e.path).name, e.error) for e in result.errors] == [
        ("zotero-bbt.bib", "entry missing2020: no file files/99/gone.pdf")]


def test_reimport_updates_instead_of_duplicating(empty_archive: Archive, libraries: Path) -> None:
    empty_archive.import_paths([libraries / "zotero-bbt.bib"])
    count = empty_archive.count()
    bib = libraries / "zotero-bbt.bib"
    bib.write_text(bib.read_text("utf-8").replace("A Book Nobody Scanned", "A Book Somebody Scanned"), "utf-8")
    again = empty_archive.import_paths([bib])
    assert empty_archive.count() == count and not again.imported
    assert len(again.updated) == 5
    assert "A Book Somebody Scanned" in by_title(empty_archive)


def test_reimport_matches_by_doi(empty_archive: Archive, libraries: Path, tmp_path: Path) -> None:
    """The same work from another library (RIS, no key of its own there): found by its DOI."""
    empty_archive.import_paths([libraries / "items.json"])
    who = by_title(empty_archive)["World Report on Vision"]
    ris = tmp_path / "other.ris"
    ris.write_text("TY  - RPRT\nTI  - World report on vision (2019)\nAU  - World Health Organization\n"
                   "DO  - https://doi.org/10.5555/WHO.VISION\nPY  - 2019\nER  - \n", "utf-8")
    result = empty_archive.import_paths([ris])
    assert [item.id for item in result.updated] == [who] and not result.imported


def test_jabref_file_field_and_proceedings(empty_archive: Archive, libraries: Path) -> None:
    result = empty_archive.import_paths([libraries / "jabref.bib"])
    assert len(result.imported) == 1 and not result.errors
    record = empty_archive.get(result.imported[0].id)
    assert record.format == "pdf" and record.citation_key == "Kuhn2019"  # the library's capitals kept
    assert record.csl_type == "paper-conference" and record.date == "2019-07"
    assert record.extra["DOI"] == "10.5555/LINK.2019"  # the doi.org link made bare
    assert record.extra["container-title"] == "Proceedings of the Conference on Free Software"
    bibtex = empty_archive.citations.bibtex([record.id])
    assert "@inproceedings{Kuhn2019," in bibtex and "booktitle = {Proceedings" in bibtex
    assert "pages = {101--110}" in bibtex


def test_ris_library(empty_archive: Archive, libraries: Path) -> None:
    result = empty_archive.import_paths([libraries / "zotero.ris"])
    titles = by_title(empty_archive)
    assert len(result.imported) == 2
    crazy = empty_archive.get(titles["The Crazy Ones: Here's to the Misfits"])
    assert crazy.format == "pdf" and crazy.authors == ["Steve Jobs", "Apple Computer"]
    assert crazy.extra["page"] == "33-35" and crazy.extra["volume"] == "12"
    news = empty_archive.get(titles["Coalition Strikes Near Manbij Kill Civilians"])
    assert news.format == "reference" and news.csl_type == "article-newspaper" and news.date == "2016-07-19"
    assert news.site == "The Daily Record" and news.extra["page"] == "A4"
    assert "met the source" not in empty_archive.citations.ris([news.id])  # a library's N1 is not exported
    ris = empty_archive.citations.ris([crazy.id])
    assert "AU  - Apple Computer" in ris and "DO  - 10.5555/crazy.1998.14" in ris and "EP  - 35" in ris


def test_csl_json_library(empty_archive: Archive, libraries: Path) -> None:
    result = empty_archive.import_paths([libraries / "items.json"])
    assert len(result.imported) == 2 and not result.errors
    who = empty_archive.get(by_title(empty_archive)["World Report on Vision"])
    assert who.citation_key == "who2020report" and who.date == "2019-10-08"
    item = json.loads(empty_archive.citations.csl_json([who.id]))[0]
    assert item["author"] == [{"literal": "World Health Organization"}]
    assert item["DOI"] == "10.5555/who.vision" and item["page"] == "1-160" and item["type"] == "report"
    apa = empty_archive.citations.render([who.id], "apa")
    assert apa.startswith("World Health Organization. (2019). World Report on Vision")


def test_a_folder_with_a_library_and_its_files_imports_each_file_once(empty_archive: Archive,
                                                                     libraries: Path) -> None:
    result = empty_archive.import_paths([libraries])
    # four PDFs (one shared by two libraries' entries), the .bib/.ris/.json never as text documents
    formats = sorted(summary.format for summary in empty_archive.list_documents())
    assert formats.count("pdf") == 4 and "text" not in formats
    assert not any(item.path.endswith((".bib", ".ris", ".json")) for item in result.imported)
    crazy = empty_archive.get(by_title(empty_archive)["The Crazy Ones: Here's to the Misfits"])
    assert crazy.citation_key == "jobs1998crazy"


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("@article{broken,\n  title = {No closing brace\n", "line"),
        ("", "no entries"),
    ],
)
def test_bad_bibtex_is_one_line_naming_the_file(empty_archive: Archive, tmp_path: Path, content: str,
                                                problem: str) -> None:
    bib = tmp_path / "bad.bib"
    bib.write_text(content, "utf-8")
    result = empty_archive.import_paths([bib])
    assert result.errors and all(error.path == str(bib) and "\n" not in error.error for error in result.errors)
    assert any(problem in error.error for error in result.errors)
    assert empty_archive.count() == 0


def test_bad_csl_json_and_plain_json(empty_archive: Archive, tmp_path: Path) -> None:
    broken = tmp_path / "items.json"
    broken.write_text('[{"type": "book", "title": "x"', "utf-8")
    assert library_kind(broken) == "csl-json"
    result = empty_archive.import_paths([broken])
    assert [error.error.split(":")[0] for error in result.errors] == ["not valid JSON"]
    settings = tmp_path / "settings.json"
    settings.write_text('{"theme": "dark"}', "utf-8")
    assert library_kind(settings) is None  # not a library: left to the document importers


def test_file_field_shapes(tmp_path: Path) -> None:
    assert split_file_field("Full Text PDF:/home/a/Zotero/storage/X/paper one.pdf:application/pdf;"
                            "Snapshot:/home/a/Zotero/storage/X/page.html:text/html") == [
        "/home/a/Zotero/storage/X/paper one.pdf", "/home/a/Zotero/storage/X/page.html"]
    assert split_file_field("/a/one.pdf;/a/two.pdf") == ["/a/one.pdf", "/a/two.pdf"]
    assert split_file_field(":papers/link note.pdf:PDF") == ["papers/link note.pdf"]
    assert split_file_field(r"Report:C\:\\Users\\a\\report\;final.pdf:PDF") == [r"C:\Users\a\report;final.pdf"]
    assert split_file_field(r":C$\backslash$:/Users/a/paper.pdf:pdf") == ["C:/Users/a/paper.pdf"]
    library = tmp_path / "lib.bib"
    (tmp_path / "paper.pdf").write_bytes(b"%PDF-1.4")
    assert resolve("paper.pdf", library) == tmp_path / "paper.pdf"
    assert resolve("C:/Users/a/paper.pdf", library) == tmp_path / "paper.pdf"  # moved from Windows beside it
    assert resolve(f"file://{tmp_path}/paper.pdf", library) == tmp_path / "paper.pdf"
    assert resolve("https://example.org/paper.pdf", library) is None


def test_discovery_tells_libraries_apart(libraries: Path) -> None:
    found = discover([libraries])
    assert sorted(path.name for path in found.libraries) == ["items.json", "jabref.bib", "zotero-bbt.bib",
                                                             "zotero.ris"]
    assert not set(found.libraries) & set(found.files) and found.files and not found.errors
    entries, problems = read_library(libraries / "zotero.ris")
    assert not problems and [entry.doi for entry in entries] == ["10.5555/crazy.1998.14", None]


def test_zotero_rdf_export_of_an_imported_library(empty_archive: Archive, libraries: Path, tmp_path: Path) -> None:
    from lxml import etree

    empty_archive.import_paths([libraries / "zotero-bbt.bib"])
    crazy = by_title(empty_archive)["The Crazy Ones: Here's to the Misfits"]
    target = tmp_path / "library.rdf"
    assert empty_archive.citations.export(target, [crazy]) == 1
    root = etree.parse(str(target)).getroot()
    ns = {"z": "http://www.zotero.org/namespaces/export#", "dc": "http://purl.org/dc/elements/1.1/",
          "bib": "http://purl.org/net/biblio#", "foaf": "http://xmlns.com/foaf/0.1/",
          "prism": "http://prismstandard.org/namespaces/1.2/basic/"}
    assert root.xpath("//z:itemType/text()", namespaces=ns) == ["journalArticle"]
    assert root.xpath("//bib:pages/text()", namespaces=ns) == ["33-35"]
    assert "DOI 10.5555/crazy.1998.14" in root.xpath("//dc:identifier/text()", namespaces=ns)
    assert root.xpath("//foaf:surname/text()", namespaces=ns) == ["Jobs", "Apple Computer"]
    assert root.xpath("//prism:volume/text()", namespaces=ns) == ["12"]


def test_re_extracting_a_metadata_only_record_keeps_its_text(empty_archive: Archive, libraries: Path) -> None:
    empty_archive.import_paths([libraries / "zotero-bbt.bib", libraries / "items.json", libraries / "zotero.ris"])
    for title in ("A Book Nobody Scanned", "World Report on Vision", "Coalition Strikes Near Manbij Kill Civilians"):
        document_id = by_title(empty_archive)[title]
        before = empty_archive.content(document_id).text
        empty_archive.re_extract(document_id)
        assert empty_archive.content(document_id).text == before and before.startswith(title)
