"""Web captures (issue 14): WARC/WARC.gz, MHTML, Safari .webarchive, SingleFile and "Save page, complete" give the
page's title, its URL and the capture date, on real captures from other projects' test suites (tests/data/README)."""

from __future__ import annotations

import json
import os
import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest

from archivist.core.archive import Archive
from archivist.core.extract import ExtractionError, extract_file, sniff_format

CAPTURES = Path(__file__).resolve().parents[1] / "data" / "webcapture"


@pytest.mark.parametrize(("name", "fmt", "title", "url", "accessed"), [
    ("example-com-2017-03-06.warc", "warc", "Example Domain", "http://example.com/", "2017-03-06"),
    ("wikimediafoundation-sopa-blackoutpage-2012-01-19.warc.gz", "warc", "SOPA/Blackoutpage",
     "http://wikimediafoundation.org/wiki/SOPA/Blackoutpage", "2012-01-19"),
    ("momentjs-com-2016-08-19.mhtml", "mhtml", "Moment.js | Home", "http://momentjs.com/", "2016-08-19"),
    ("christiantietze-de-nstableview-post.webarchive", "webarchive",
     "NSTableView Variable Row Heights Broken on macOS Ventura 13.0",
     "https://christiantietze.de/posts/2022/11/nstableview-variable-row-heights-broken-macos-ventura-13-0/", None),
    ("wikimediafoundation-sopa-blackoutpage.html", "html", "Take Action: Wikipedia Blackout",
     "http://wikimediafoundation.org/wiki/SOPA/Blackoutpage", "2026-12-01"),  # SingleFile's "saved date"
])
def test_a_capture_gives_the_page_title_url_and_capture_date(name: str, fmt: str, title: str, url: str,
                                                             accessed: str | None) -> None:
    path = CAPTURES / name
    assert sniff_format(path) == fmt
    extracted = extract_file(path)
    assert extracted.format == fmt
    assert extracted.metadata.title == title
    assert extracted.metadata.url == url
    # Safari writes no capture time: the file's time stands in for it
    expected = accessed or datetime.fromtimestamp(path.stat().st_mtime, UTC).date().isoformat()
    assert extracted.metadata.extra["accessed"] == expected
    assert "<html" not in extracted.text.lower() and "WARC/" not in extracted.text
    assert len(extracted.text) > 150


def test_the_text_is_the_page_not_the_container() -> None:
    mhtml = extract_file(CAPTURES / "momentjs-com-2016-08-19.mhtml").text
    assert "moment().format(" in mhtml and "Ukrainian" in mhtml
    assert "Content-Type" not in mhtml and "multipart/related" not in mhtml
    warc = extract_file(CAPTURES / "wikimediafoundation-sopa-blackoutpage-2012-01-19.warc.gz").text
    assert "Wikipedia" in warc and "WARC-Target-URI" not in warc


def test_an_mhtml_without_a_web_url_keeps_no_url() -> None:
    extracted = extract_file(CAPTURES / "dedoc-web-example.mhtml")  # Content-Location: file:///c:/temp/…
    assert extracted.metadata.url is None and extracted.text.strip()


def test_a_saved_complete_page_is_one_document_without_its_files_folder(empty_archive: Archive,
                                                                       tmp_path: Path) -> None:
    folder = shutil.copytree(CAPTURES / "page-complete", tmp_path / "saved")
    result = empty_archive.import_paths([folder])
    assert not result.errors
    assert [Path(item.path).name for item in result.imported] == ["Blogs _ data.gov.uk.html"]
    record = empty_archive.get(result.imported[0].id)
    assert record.url == "http://data.gov.uk/blog/introducing-hampshire-hub-0"


def test_imported_captures_are_searchable_with_their_url(empty_archive: Archive) -> None:
    result = empty_archive.import_paths([CAPTURES / "example-com-2017-03-06.warc",
                                         CAPTURES / "momentjs-com-2016-08-19.mhtml"])
    assert not result.errors and len(result.imported) == 2
    records = [empty_archive.get(item.id) for item in result.imported]
    assert [record.format for record in records] == ["warc", "mhtml"]
    assert records[0].url == "http://example.com/"
    hits = empty_archive.search("illustrative examples").hits
    assert [hit.id for hit in hits] == [records[0].id]


@pytest.mark.parametrize(("content", "message"), [
    (b"WARC/1.0\r\nWARC-Type: warcinfo\r\nContent-Length: 5\r\n\r\nhello\r\n\r\n", "without a captured web page"),
    (b"bplist00" + os.urandom(200), "Safari web archive"),
    (b"MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=x\r\n\r\n--x\r\nContent-Type: image/png\r\n\r\n"
     b"abc\r\n--x--\r\n", "no text/html part"),
])
def test_broken_captures_fail_in_one_line(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "capture.bin"
    path.write_bytes(content)
    with pytest.raises(ExtractionError, match=message) as raised:
        extract_file(path)
    assert "\n" not in str(raised.value)


def test_a_capture_is_cited_as_a_web_page_accessed_on_its_capture_day(empty_archive: Archive) -> None:
    result = empty_archive.import_paths([CAPTURES / "wikimediafoundation-sopa-blackoutpage-2012-01-19.warc.gz"])
    item = empty_archive.citations.items([result.imported[0].id])[0]
    assert item["type"] == "webpage" and item["URL"] == "http://wikimediafoundation.org/wiki/SOPA/Blackoutpage"
    assert item["accessed"] == {"date-parts": [[2012, 1, 19]]}


CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "webcapture"


def _expected_capture(entry: dict[str, object]) -> tuple[set[str | None], set[str | None], str | None]:
    """(acceptable URLs, acceptable titles, capture date or None) from the corpus's expected.json entry."""
    kind = entry["format"]
    if kind == "warc":
        records = [record for record in entry["html_200_records"] if record["type"] == "response"]  # type: ignore
        return ({record["target_uri"] for record in records}, {record["title"] for record in records}, "warc")
    web = {value for value in (entry.get("snapshot_content_location"), entry.get("main_part_content_location"),
                               entry.get("web_resource_url"), entry.get("url"), entry.get("saved_from_url"))
           if isinstance(value, str) and value.startswith("http")}
    date = entry.get("date")
    captured = datetime.strptime(str(date)[5:16].strip(), "%d %b %Y").date().isoformat() if date else None
    return web or {None}, {entry.get("html_title"), entry.get("subject")}, captured


@pytest.mark.slow
@pytest.mark.skipif(not (CORPUS / "expected.json").is_file(), reason="the shared corpus is not here")
def test_every_corpus_capture_gives_its_page_url_and_date() -> None:
    expected = json.loads((CORPUS / "expected.json").read_text())
    for name, entry in expected.items():
        extracted = extract_file(CORPUS / name)
        urls, titles, captured = _expected_capture(entry)
        assert extracted.metadata.url in urls, name
        title = extracted.metadata.title or ""
        # a title whenever the page has one (which one, <title> or og:title, is the HTML extraction's choice)
        assert title or not [t for t in titles if t], name
        if captured == "warc":
            dates = {record["warc_date"][:10] for record in entry["html_200_records"]}
            assert extracted.metadata.extra["accessed"] in dates, name
        elif captured:
            assert extracted.metadata.extra["accessed"] == captured, name
