"""Commands on documents: import, list, show."""

from __future__ import annotations

import argparse

from archivist.cli.context import add_json_flag, error_line, print_json
from archivist.cli.progressbar import ProgressBar
from archivist.core.archive import Archive
from archivist.core.records import ImportResult


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("import", help="import files and folders (recursively)")
    parser.add_argument("paths", nargs="+", metavar="PATH")
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


def cmd_import(args: argparse.Namespace, archive: Archive) -> int:
    bar = ProgressBar(label="Importing") if not args.json else None
    result = archive.import_paths(args.paths, progress=bar or (lambda _p: None))
    if bar:
        bar.finish()
    for error in result.errors:
        error_line(f"{error.path}: {error.error}")
    if args.json:
        print_json(result.to_json())
    else:
        print(_import_summary(result))
    return 1 if result.errors else 0


def _import_summary(result: ImportResult) -> str:
    lines = [f"imported {len(result.imported)}, duplicates {len(result.duplicates)}, errors {len(result.errors)}"]
    lines += [f"  + {item.id}: {item.title}" for item in result.imported[:50]]
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
                         ("Original", record.original_name)]:
        if value:
            print(f"{label + ':':<10}{value}")
    print()
    print(content.text)
    return 0
