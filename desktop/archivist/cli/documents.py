"""Commands on documents: import, list, show."""

from __future__ import annotations

import argparse

from archivist.cli.context import add_json_flag, error_line, print_json
from archivist.cli.progressbar import ProgressBar
from archivist.core.archive import Archive
from archivist.core.extract.base import ReadOptions
from archivist.core.ingest.tesseract import missing_languages
from archivist.core.ingest.text_state import TEXT, describe
from archivist.core.records import ImportResult


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("import", help="import files and folders (recursively)")
    parser.add_argument("paths", nargs="+", metavar="PATH")
    parser.add_argument("--password", action="append", default=[], metavar="PW",
                        help="password of a locked PDF (repeat for several; each is tried on each locked PDF)")
    parser.add_argument("--ocr-languages", metavar="LANGS", type=ocr_languages,
                        help="Tesseract languages for scans, e.g. ara+eng (default: found from each scan's script)")
    add_json_flag(parser)
    parser.set_defaults(func=cmd_import, creates_archive=True)

    parser = subparsers.add_parser("list", help="list the documents in the archive")
    parser.add_argument("--sort", choices=["imported", "title", "date"], default="imported")
    add_json_flag(parser)
    parser.set_defaults(func=cmd_list)

    parser = subparsers.add_parser("show", help="a document's metadata and text")
    parser.add_argument("document_id", type=int, metavar="DOC_ID")
    add_json_flag(parser)
    parser.set_defaults(func=cmd_show)


def ocr_languages(value: str) -> str:
    """``--ocr-languages``: Tesseract's "ara+eng" form, every pack installed (a usage error names the missing)."""
    missing = missing_languages(value)
    if missing:
        raise argparse.ArgumentTypeError(f"Tesseract has no language data for {', '.join(missing)}")
    return value


def cmd_import(args: argparse.Namespace, archive: Archive) -> int:
    bar = ProgressBar(label="Importing") if not args.json else None
    options = ReadOptions(tuple(args.password), args.ocr_languages)
    result = archive.import_paths(args.paths, progress=bar or (lambda _p: None), options=options)
    if bar:
        bar.finish()
    for error in result.errors:
        error_line(f"{error.path}: {error.error}")
    for kept in result.without_text:  # kept and findable by metadata, but say why there is no text
        error_line(f"{kept['path']}: kept as document {kept['id']}; {describe(kept['text_state'])}")
    if args.json:
        print_json(result.to_json())
    else:
        print(_import_summary(result))
    return 1 if result.errors else 0


def _import_summary(result: ImportResult) -> str:
    lines = [f"imported {len(result.imported)}, duplicates {len(result.duplicates)}, errors {len(result.errors)}"]
    lines += [f"  + {item.id}: {item.title}" for item in result.imported[:50]]
    if result.updated:  # a reference library imported again (issue 17)
        lines.append(f"updated {len(result.updated)} from reference libraries")
    if len(result.imported) > 50:
        lines.append(f"  … and {len(result.imported) - 50} more")
    return "\n".join(lines)


def cmd_list(args: argparse.Namespace, archive: Archive) -> int:
    documents = archive.list_documents(order=args.sort)
    if args.json:
        print_json({"documents": [document.to_json() for document in documents]})
        return 0
    for document in documents:
        authors = "; ".join(document.authors) or "—"
        print(f"{document.id:>6}  {document.date or '—':<10}  {document.format:<8}  {document.title[:70]}  ({authors})")
    return 0


def cmd_show(args: argparse.Namespace, archive: Archive) -> int:
    record = archive.get(args.document_id)
    content = archive.content(args.document_id)
    if args.json:
        data = record.to_json()
        data["text"] = content.text
        data["pages"] = [{"start": page.start, "label": page.label} for page in content.pages]
        print_json(data)
        return 0
    print(record.title)
    print("=" * min(len(record.title), 100))
    for label, value in [("Authors", "; ".join(record.authors)), ("Date", record.date), ("Site", record.site),
                         ("URL", record.url), ("Format", record.format), ("Pages", str(record.page_count)),
                         ("Tags", ", ".join(record.tags)), ("Keywords", "; ".join(record.keywords)),
                         ("Original", record.original_name),
                         ("Text", describe(record.text_state) if record.text_state != TEXT else "")]:
        if value:
            print(f"{label + ':':<10}{value}")
    print()
    print(content.text)
    return 0
