"""Web page metadata accuracy: title, author and date of Archivist vs trafilatura alone, in the same run.

    .venv/bin/python benchmarks/metadata_accuracy.py [--pages DIR] [--show-misses] [--choices] [--files]

``--choices`` scores each source (JSON-LD, <meta>, trafilatura) alone and in other orders; ``--files`` counts
where the corpus PDFs' and PEPs' titles come from.

The pages are Mozilla Readability's test pages (``../shared/corpus/html/readability-testpages``): each has the
saved ``source.html`` and an ``expected-metadata.json`` whose title, byline and publishedTime Readability's tests
assert. A field is scored on the pages where the expectation is given (a page without a byline says nothing
about authors). How a value is compared:

- title: equal after spaces are collapsed, or equal to the expected title with a trailing site segment taken
  off (" | eHow", " - Medium", "_腾讯网"): the issue asks for the headline, and Readability keeps some of
  <title>'s suffixes; both systems are scored the same way.
- author: the same set of names, after "By"/"Par" and spaces are taken off and lists are split at ",", ";",
  " and ", " & ". Expectations that are not names at all (Readability's own misreadings: "Last Updated:
  January 7, 2025", "Follow Author", a date) are left out and listed.
- date: the same day (the expected ISO timestamp cut to its date).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "desktop"))
from benchmarks.corpus import CORPUS

PAGES = CORPUS / "html" / "readability-testpages"
# Readability's byline on these pages is not a person's or organisation's name (see the docstring).
NOT_A_NAME = re.compile(r"last updated|follow author|\d{4}|^\W*$", re.IGNORECASE)
_SUFFIX = re.compile(r"\s*(?:\s[|\-–—·:]|_|：|::|\[)\s*[^|\-–—·_：]{1,60}\s*\]?\s*$")
_URL = re.compile(r"\(?https?://\S*\)?")
_CREDENTIAL = re.compile(r",?\s*\b(?:MA|MD|PhD)\b\.?$")
_BY = re.compile(r"^(?:written by|by|par|von|door|por)\s+", re.IGNORECASE)
_SPLIT = re.compile(r"\s*(?:,|;|\band\b|&|\bet\b|\n)\s*", re.IGNORECASE)


@dataclass(slots=True)
class Found:
    title: str | None
    authors: list[str]
    date: str | None


@dataclass(slots=True)
class Score:
    right: int = 0
    asked: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, ok: bool, note: str) -> None:
        self.asked += 1
        self.right += ok
        if not ok:
            self.misses.append(note)

    @property
    def ratio(self) -> float:
        return self.right / self.asked if self.asked else 0.0


def norm(text: str | None) -> str:
    return " ".join(unicodedata.normalize("NFKC", text or "").split()).casefold()


def title_ok(found: str | None, expected: str) -> bool:
    if not found:
        return False
    candidates = {norm(expected)}
    headline = expected
    for _ in range(2):  # "Headline - Section - Site"
        headline = _SUFFIX.sub("", headline)
        candidates.add(norm(headline))
    return norm(found) in candidates


def names(value: str | list[str]) -> set[str]:
    parts = value if isinstance(value, list) else _SPLIT.split(_BY.sub("", " ".join(value.split())))
    parts = [_CREDENTIAL.sub("", _URL.sub("", part)) for part in parts]
    return {norm(_BY.sub("", part)).strip(" .") for part in parts if norm(part).strip(" .")} - {"ma", "md", "phd"}


def author_ok(found: list[str], expected: str) -> bool:
    # Readability's byline runs on into the affiliation line ("By Kelli Miller\n  WebMD Health News")
    lines = [line.strip() for line in expected.splitlines() if line.strip()]
    expected = " ".join(lines[:2]) if lines[0].casefold() in ("by", "written by") else lines[0]
    want = names(expected)
    got = names(found)
    if got in (want, names([expected])):
        return True
    # "Doe, Jane" is one name written family first: compare the words, not the comma split
    return sorted(" ".join(sorted(got)).replace(",", " ").split()) == sorted(
        " ".join(sorted(want)).replace(",", " ").split())


def archivist_found(source: Path) -> Found:
    from archivist.core.extract import html

    metadata = html.extract(source).metadata
    return Found(metadata.title, metadata.authors, metadata.issued)


def trafilatura_found(source: Path) -> Found:
    from trafilatura.metadata import extract_metadata

    from archivist.core.extract.html import decode_html, parse_html

    document = extract_metadata(parse_html(decode_html(source.read_bytes())))
    authors = [part.strip() for part in (document.author or "").split(";") if part.strip()]
    return Found(document.title, authors, document.date)


def choice_finder(order: tuple[str, ...]) -> Callable[[Path], Found]:
    """Each source on its own or in another order, to show what each choice in core/extract/html.py buys."""

    def find(source: Path) -> Found:
        from trafilatura.metadata import extract_metadata

        from archivist.core.extract.html import decode_html, parse_html
        from archivist.core.extract.web_metadata import page_claims

        tree = parse_html(decode_html(source.read_bytes()))
        claims = page_claims(tree)
        document = extract_metadata(tree)
        by_source = {
            "json-ld": Found(claims.headline, claims.authors, claims.published),
            "meta": Found(claims.meta_title, claims.meta_authors, claims.meta_published),
            "trafilatura": Found(document.title, [a.strip() for a in (document.author or "").split(";") if a.strip()],
                                 document.date),
        }
        found = [by_source[name] for name in order]
        return Found(next((f.title for f in found if f.title), None), next((f.authors for f in found if f.authors), []),
                     next((f.date for f in found if f.date), None))

    return find


def measure(folder: Path, finder: Callable[[Path], Found]) -> tuple[dict[str, Score], float]:
    scores = {"title": Score(), "author": Score(), "date": Score()}
    started = time.perf_counter()
    for page in sorted(path for path in folder.iterdir() if (path / "expected-metadata.json").is_file()):
        expected = json.loads((page / "expected-metadata.json").read_text("utf-8"))
        found = finder(page / "source.html")
        if expected.get("title"):
            scores["title"].add(title_ok(found.title, expected["title"]),
                                f"{page.name}: {found.title!r} ≠ {expected['title']!r}")
        byline = expected.get("byline")
        if byline and not NOT_A_NAME.search(byline):
            scores["author"].add(author_ok(found.authors, byline), f"{page.name}: {found.authors!r} ≠ {byline!r}")
        if expected.get("publishedTime"):
            want = expected["publishedTime"][:10]
            scores["date"].add((found.date or "")[:10] == want, f"{page.name}: {found.date!r} ≠ {want!r}")
    return scores, time.perf_counter() - started


def file_titles() -> None:
    """Where titles of the corpus PDFs and PEPs come from now; before issue 17 the importer fell back to the
    file name for every PDF without an Info/XMP title, and every PEP was titled by its first line ("PEP: 20")."""
    from archivist.core.extract import extract_file

    pdfs = sorted(path for path in (CORPUS / "pdf").rglob("*.pdf"))
    counts = {"metadata": 0, "first page": 0, "none (file name)": 0, "unreadable": 0}
    for path in pdfs:
        try:
            extracted = extract_file(path)
        except Exception:
            counts["unreadable"] += 1
            continue
        from archivist.core.extract import pdf_metadata, pdfium_text

        try:
            own = pdf_metadata.metadata(pdfium_text.read_pages(path), pdf_metadata.pypdf_reader(path), True).title
        except Exception:
            own = None
        kind = "metadata" if own else "first page" if extracted.metadata.title else "none (file name)"
        counts[kind] += 1
    print(f"\nPDF titles ({len(pdfs)} corpus PDFs): " + ", ".join(f"{k} {v}" for k, v in counts.items()))
    peps = sorted(path for path in (CORPUS / "text" / "python-peps").glob("pep-*") if path.is_file())
    complete = sum(1 for path in peps if _pep_complete(extract_file(path).metadata))
    print(f"PEPs with 'PEP N – Title', authors and created date from their header: {complete}/{len(peps)}")


def _pep_complete(metadata: object) -> bool:
    title = getattr(metadata, "title", None) or ""
    return title.startswith("PEP ") and "–" in title and bool(getattr(metadata, "authors", None)) and bool(
        getattr(metadata, "issued", None))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--pages", type=Path, default=PAGES)
    parser.add_argument("--show-misses", action="store_true")
    parser.add_argument("--choices", action="store_true", help="also score each source alone and in other orders")
    parser.add_argument("--files", action="store_true", help="also count where PDF and PEP titles come from")
    args = parser.parse_args()
    import logging

    logging.disable(logging.WARNING)
    results = {name: measure(args.pages, finder)
               for name, finder in (("trafilatura alone", trafilatura_found), ("Archivist", archivist_found))}
    print(f"{'':34} {'title':>14} {'author':>14} {'date':>14} {'seconds':>8}")
    for name, (scores, seconds) in results.items():
        cells = [f"{s.ratio:.2f} ({s.right}/{s.asked})" for s in scores.values()]
        print(f"{name:34} {cells[0]:>14} {cells[1]:>14} {cells[2]:>14} {seconds:8.1f}")
    if args.choices:
        for order in (("json-ld",), ("meta",), ("json-ld", "meta", "trafilatura"), ("meta", "json-ld", "trafilatura"),
                      ("trafilatura", "json-ld", "meta")):
            scores, _seconds = measure(args.pages, choice_finder(order))
            cells = [f"{s.ratio:.2f} ({s.right}/{s.asked})" for s in scores.values()]
            print(f"{' > '.join(order):34} {cells[0]:>14} {cells[1]:>14} {cells[2]:>14}")
    ours, theirs = results["Archivist"][0], results["trafilatura alone"][0]
    print("Archivist / trafilatura: " + ", ".join(
        f"{name} {ours[name].ratio / theirs[name].ratio:.2f}x" for name in ours if theirs[name].ratio))
    if args.files:
        file_titles()
    if args.show_misses:
        for name, score in ours.items():
            print(f"\nArchivist misses, {name}:")
            print("\n".join(f"  {miss}" for miss in score.misses))
    return 0


if __name__ == "__main__":
    sys.exit(main())
