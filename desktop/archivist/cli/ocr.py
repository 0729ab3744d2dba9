"""``archivist ocr [DOC_ID…]``: read the scanned pages still waiting for OCR (issue 14)."""

from __future__ import annotations

import argparse

from archivist.cli.context import add_json_flag, error_line, print_json
from archivist.cli.documents import ocr_languages
from archivist.cli.progressbar import ProgressBar
from archivist.core.archive import Archive
from archivist.core.extract.base import ReadOptions
from archivist.core.ingest.ocr_run import ocr_documents


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("ocr", help="read scanned pages by OCR (all documents waiting, or those given)")
    parser.add_argument("document_ids", nargs="*", type=int, metavar="DOC_ID")
    parser.add_argument("--ocr-languages", metavar="LANGS", type=ocr_languages,
                        help="Tesseract languages, e.g. ara+eng (default: found from each scan's script)")
    parser.add_argument("--password", action="append", default=[], metavar="PW", help="password of a locked PDF")
    add_json_flag(parser)
    parser.set_defaults(func=cmd_ocr)


def cmd_ocr(args: argparse.Namespace, archive: Archive) -> int:
    bar = ProgressBar(label="OCR") if not args.json else None
    options = ReadOptions(tuple(args.password), args.ocr_languages)
    report = ocr_documents(archive, args.document_ids or None, options, progress=bar or (lambda _p: None))
    if bar:
        bar.finish()
    for document_id, error in report.errors:
        error_line(f"document {document_id}: {error}")
    if args.json:
        print_json(report.to_json())
    else:
        print(f"read {len(report.read)} document(s), {report.pages} page(s); no text found in {len(report.empty)}"
              + (" (cancelled)" if report.cancelled else ""))
    return 1 if report.errors else 0
