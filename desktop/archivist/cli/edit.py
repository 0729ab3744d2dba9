"""``archivist edit DOC_ID --type … --publisher … --language … --title …``: correct a document's metadata."""

from __future__ import annotations

import argparse

from archivist.cli.context import add_json_flag, print_json
from archivist.core.archive import Archive
from archivist.core.citations import CSL_TYPES
from archivist.core.errors import InvalidInputError

# option -> Archive.update_metadata field
OPTIONS = {"title": "title", "authors": "authors", "date": "date", "publisher": "publisher", "site": "site",
           "url": "url", "language": "language", "type": "csl_type", "keywords": "keywords"}


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("edit", help="change a document's metadata (an empty value clears a field)")
    parser.add_argument("document_id", type=int, metavar="DOC_ID")
    parser.add_argument("--title")
    parser.add_argument("--authors", metavar="'A; B'", help="authors separated by semicolons")
    parser.add_argument("--date", metavar="YYYY[-MM[-DD]]")
    parser.add_argument("--type", metavar="TYPE", help=f"the item type (CSL): {', '.join(CSL_TYPES)}")
    parser.add_argument("--publisher")
    parser.add_argument("--site", help="the site, newspaper or journal it appeared in")
    parser.add_argument("--url")
    parser.add_argument("--language", metavar="CODE", help="a language tag: en, fr, pt-BR …")
    parser.add_argument("--keywords", metavar="'a; b'", help="the document's keywords (not your tags)")
    add_json_flag(parser)
    parser.set_defaults(func=cmd_edit)


def cmd_edit(args: argparse.Namespace, archive: Archive) -> int:
    changes = {field: getattr(args, option) for option, field in OPTIONS.items() if getattr(args, option) is not None}
    if not changes:
        raise InvalidInputError(f"nothing to change: give one of {', '.join('--' + o for o in OPTIONS)}")
    record = archive.update_metadata(args.document_id, **changes)
    if args.json:
        print_json(record.to_json())
        return 0
    shown = {"csl_type": record.csl_type, "date": record.date, "authors": "; ".join(record.authors),
             "keywords": "; ".join(record.keywords)}
    for option, field in OPTIONS.items():
        if field in changes:
            value = shown.get(field, getattr(record, field, None))
            print(f"{option}: {value if value else '(none)'}")
    return 0
